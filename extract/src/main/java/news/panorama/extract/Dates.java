package news.panorama.extract;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import news.panorama.core.ArticleJson;
import org.jspecify.annotations.Nullable;

/**
 * Reads the dates pages carry in their metadata: ISO 8601 first (via {@link ArticleJson#parseTime}),
 * then a few common variants, each a small parser tried in order. Stateless and thread-safe.
 */
final class Dates {
  private static final DateTimeFormatter OFFSET_NO_COLON =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss][.SSS]xx", Locale.ROOT);
  private static final DateTimeFormatter SPACE_SEPARATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT);
  private static final DateTimeFormatter SPACE_SEPARATED_OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][ ]XXX", Locale.ROOT);

  /** Parsers tried in order; each returns null when its form does not match. */
  private static final List<Function<String, @Nullable Instant>> PARSERS = List.of(
      ArticleJson::parseTime,
      s -> attempt(() -> OffsetDateTime.parse(s, OFFSET_NO_COLON).toInstant()),
      s -> attempt(() -> OffsetDateTime.parse(s, SPACE_SEPARATED_OFFSET).toInstant()),
      s -> attempt(() -> LocalDateTime.parse(s, SPACE_SEPARATED).toInstant(ZoneOffset.UTC)),
      s -> attempt(() -> ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));

  private Dates() {}

  /** The instant a metadata date stands for, or null when no known form matches. */
  static @Nullable Instant parse(@Nullable String value) {
    if (value == null || value.isBlank()) return null;
    String s = value.trim();
    for (Function<String, @Nullable Instant> p : PARSERS) {
      Instant t = p.apply(s);
      if (t != null) return t;
    }
    return null;
  }

  /**
   * The date-time a metadata date stands for, with the page's own UTC offset when it gave one,
   * else in UTC; null when no known form matches.
   */
  static @Nullable OffsetDateTime parseWithOffset(@Nullable String value) {
    if (value == null || value.isBlank()) return null;
    String s = value.strip();
    for (Function<String, @Nullable OffsetDateTime> p : ZONED) {
      OffsetDateTime t = p.apply(s);
      if (t != null) return t;
    }
    Instant t = parse(s);
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  /** Parsers of forms that carry an offset, tried before the instant-only ones. */
  private static final List<Function<String, @Nullable OffsetDateTime>> ZONED = List.of(
      s -> attemptOffset(() -> OffsetDateTime.parse(s)),
      s -> attemptOffset(() -> ZonedDateTime.parse(s).toOffsetDateTime()),
      s -> attemptOffset(() -> OffsetDateTime.parse(s, OFFSET_NO_COLON)),
      s -> attemptOffset(() -> OffsetDateTime.parse(s, SPACE_SEPARATED_OFFSET)),
      s -> attemptOffset(() -> ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime()));

  private interface OffsetAttempt {
    OffsetDateTime get();
  }

  private static @Nullable OffsetDateTime attemptOffset(OffsetAttempt a) {
    try {
      return a.get();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private interface Attempt {
    Instant get();
  }

  private static @Nullable Instant attempt(Attempt a) {
    try {
      return a.get();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
