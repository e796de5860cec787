package news.panorama.core;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An earlier content of a stored article, kept when an edited version replaced it.
 *
 * @param revision 1 for the article's first content, counting up with each edit
 * @param contentHash {@link Article#contentHash()} of that content
 * @param text empty once the retention limit dropped it
 * @param savedAt when that content was stored
 */
public record ArticleRevision(String articleId, int revision, String contentHash, String title, String text,
    @Nullable Instant published, Instant savedAt) {}
