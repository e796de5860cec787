package news.panorama.core;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One article found by a search, with a snippet in which the matched words are wrapped in
 * {@code <mark>}…{@code </mark>} (the rest of the snippet is HTML-escaped).
 */
public record SearchHit(
    String articleId,
    String storyId,
    String title,
    String source,
    String country,
    String language,
    @Nullable Instant published,
    double score,
    String snippet) {}
