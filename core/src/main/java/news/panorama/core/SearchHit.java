package news.panorama.core;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One article found by a search, with a snippet in which the matched words are wrapped in
 * {@code <mark>}…{@code </mark>} (the rest of the snippet is HTML-escaped).
 *
 * @param titleGloss the title glossed into English, for an article in another language (what lets an
 *     English query find it), or null
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
    String snippet,
    @Nullable String titleGloss) {

  /** A hit without an English gloss of its title. */
  public SearchHit(String articleId, String storyId, String title, String source, String country, String language,
      @Nullable Instant published, double score, String snippet) {
    this(articleId, storyId, title, source, country, language, published, score, snippet, null);
  }
}
