package news.panorama.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One news article in the interchange format: the unit every stage reads and writes.
 *
 * <p>{@code country} (ISO 3166-1 alpha-2) and {@code language} (ISO 639-1) are empty strings when
 * unknown; {@code published} is absent when no date is known. {@code extra} keeps every optional
 * field this record does not model (for example a corpus's gold {@code story} label) so that a batch
 * command writes back what it read. NUL characters, which carry no meaning in news text and which
 * databases such as PostgreSQL refuse, are removed from every text field.
 */
public record Article(
    String id,
    String url,
    String source,
    String country,
    String language,
    @Nullable Instant published,
    String title,
    String text,
    List<String> authors,
    @Nullable String image,
    @Nullable String html,
    @Nullable String file,
    Map<String, Object> extra) {

  public Article {
    Validate.notBlank(id, "article id");
    id = withoutNul(id);
    url = withoutNul(url);
    source = withoutNul(source);
    title = withoutNul(title);
    text = withoutNul(text);
    authors = List.copyOf(authors);
    extra = Map.copyOf(extra);
  }

  private static String withoutNul(String s) {
    return s.indexOf('\0') < 0 ? s : s.replace("\0", "");
  }

  /** A minimal article, as tests and simple sources build it. */
  public static Article of(
      String id, String url, String source, String country, String language,
      @Nullable Instant published, String title, String text) {
    return new Article(id, url, source, country, language, published, title, text,
        List.of(), null, null, null, Map.of());
  }

  public Optional<Instant> publishedTime() {
    return Optional.ofNullable(published);
  }

  public Article withId(String newId) {
    return new Article(newId, url, source, country, language, published, title, text, authors,
        image, html, file, extra);
  }

  public Article withUrl(String newUrl) {
    return new Article(id, newUrl, source, country, language, published, title, text, authors,
        image, html, file, extra);
  }

  public Article withPublished(@Nullable Instant newPublished) {
    return new Article(id, url, source, country, language, newPublished, title, text, authors,
        image, html, file, extra);
  }

  public Article withCountry(String newCountry) {
    return new Article(id, url, source, newCountry, language, published, title, text, authors,
        image, html, file, extra);
  }

  public Article withLanguage(String newLanguage) {
    return new Article(id, url, source, country, newLanguage, published, title, text, authors,
        image, html, file, extra);
  }

  /** The same article without its raw HTML, which is large and only the extractor needs. */
  public Article withoutHtml() {
    return html == null ? this : new Article(id, url, source, country, language, published, title,
        text, authors, image, null, file, extra);
  }

  /**
   * What identifies this version of the article's content, so that the same input stored again
   * changes nothing and an edited one is told apart: the SHA-256 (hex) of its title, text and
   * publication time to the second (databases keep microseconds at most). Every other field (source,
   * authors, extra fields…) is metadata and not part of it.
   */
  public String contentHash() {
    return contentHash(title, text, published);
  }

  /** {@link #contentHash()} of a stored article's title, text and publication time. */
  public static String contentHash(String title, String text, @Nullable Instant published) {
    // NUL never occurs inside a field (it is removed from every text field), so it separates them unambiguously
    String content = title + '\0' + text + '\0' + (published == null ? "" : published.truncatedTo(ChronoUnit.SECONDS));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
