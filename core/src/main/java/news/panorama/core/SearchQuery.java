package news.panorama.core;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a reader searches for: words (with {@code "phrases"}, {@code -excluded} and {@code a | b}),
 * optionally narrowed to a country, language, source, story or time range.
 */
public record SearchQuery(
    String text,
    @Nullable String country,
    @Nullable String language,
    @Nullable String source,
    @Nullable String storyId,
    @Nullable Instant from,
    @Nullable Instant to,
    int limit) {

  public static final int MAX_LIMIT = 200;

  public SearchQuery {
    Validate.notBlank(text, "search text");
    Validate.isTrue(text.length() <= 1000, "search text is " + text.length() + " characters, more than 1000");
    Validate.isTrue(limit >= 1 && limit <= MAX_LIMIT, "search limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
  }

  public static SearchQuery of(String text, int limit) {
    return new SearchQuery(text, null, null, null, null, null, null, limit);
  }
}
