package news.panorama.core;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a reader searches for: words (with {@code "phrases"}, {@code -excluded} and {@code a | b}),
 * optionally narrowed to a country, language, source, story or time range, and how to match them.
 *
 * @param mode words only, meaning only, or both ranked together
 */
public record SearchQuery(
    String text,
    @Nullable String country,
    @Nullable String language,
    @Nullable String source,
    @Nullable String storyId,
    @Nullable Instant from,
    @Nullable Instant to,
    int limit,
    Mode mode) {

  public static final int MAX_LIMIT = 200;

  /** How a query matches articles. */
  public enum Mode {
    /** BM25 over the words: every word must match. */
    KEYWORD,
    /** Nearest article embeddings to the query's embedding: finds other wordings, no word need match. */
    SEMANTIC,
    /** Both lists fused by reciprocal rank, so an article found both ways comes first. */
    HYBRID;

    /** The mode named {@code keyword}, {@code semantic} or {@code hybrid}, in any case. */
    public static Mode parse(String name) {
      for (Mode m : values()) {
        if (m.name().equalsIgnoreCase(name.strip())) return m;
      }
      throw new IllegalArgumentException("search mode must be keyword, semantic or hybrid, got '" + name + "'");
    }
  }

  /** A search by words only. */
  public SearchQuery(String text, @Nullable String country, @Nullable String language, @Nullable String source,
      @Nullable String storyId, @Nullable Instant from, @Nullable Instant to, int limit) {
    this(text, country, language, source, storyId, from, to, limit, Mode.KEYWORD);
  }

  public SearchQuery {
    Validate.notBlank(text, "search text");
    Validate.isTrue(text.length() <= 1000, "search text is " + text.length() + " characters, more than 1000");
    Validate.isTrue(limit >= 1 && limit <= MAX_LIMIT, "search limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    Validate.isTrue(mode != null, "search mode is missing");
  }

  public static SearchQuery of(String text, int limit) {
    return new SearchQuery(text, null, null, null, null, null, null, limit);
  }
}
