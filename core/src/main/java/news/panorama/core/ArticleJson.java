package news.panorama.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes one {@link Article} as one JSON object of the interchange format, validating at
 * the boundary: a bad record fails with a sentence naming the field and the reason.
 */
public final class ArticleJson {
  private static final Set<String> KNOWN = Set.of("id", "url", "source", "country", "language",
      "published", "title", "text", "authors", "image", "html", "file");

  private ArticleJson() {}

  /** Parses one line; throws {@link IllegalArgumentException} naming the problem. */
  public static Article parse(String line) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    return fromNode((ObjectNode) node);
  }

  public static Article fromNode(ObjectNode node) {
    String url = text(node, "url");
    String id = text(node, "id");
    if (id.isBlank()) {
      Validate.isTrue(!url.isBlank(), "field 'id' is missing and there is no 'url' to derive it from");
      id = idForUrl(url);
    }
    String title = text(node, "title");
    String body = text(node, "text");
    Validate.isTrue(!title.isBlank() || !body.isBlank(), "article '" + id + "' has neither 'title' nor 'text'");
    String rawCountry = text(node, "country").trim();
    String country = rawCountry.toUpperCase(java.util.Locale.ROOT);
    Validate.isTrue(country.isEmpty() || country.matches("[A-Z]{2}"),
        "article '" + id + "': field 'country' must be an ISO 3166-1 alpha-2 code, got '" + rawCountry + "'");
    String rawLanguage = text(node, "language").trim();
    String language = rawLanguage.toLowerCase(java.util.Locale.ROOT);
    Validate.isTrue(language.isEmpty() || language.matches("[a-z]{2}"),
        "article '" + id + "': field 'language' must be an ISO 639-1 code, got '" + rawLanguage + "'");
    Instant published = null;
    String date = text(node, "published");
    if (!date.isBlank()) {
      published = parseTime(date);
      if (published == null) {
        throw new IllegalArgumentException("article '" + id + "': field 'published' is not an ISO 8601 date or time: '" + date + "'");
      }
    }
    List<String> authors = new ArrayList<>();
    JsonNode a = node.get("authors");
    if (a != null && a.isArray()) {
      a.forEach(n -> { if (n.isTextual() && !n.asText().isBlank()) authors.add(n.asText()); });
    } else if (a != null && a.isTextual() && !a.asText().isBlank()) {
      authors.add(a.asText());
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!KNOWN.contains(e.getKey()) && !e.getValue().isNull()) {
        extra.put(e.getKey(), Json.mapper().convertValue(e.getValue(), Object.class));
      }
    }
    return new Article(id, url, text(node, "source"), country, language, published, title, body,
        authors, nullable(node, "image"), nullable(node, "html"), nullable(node, "file"), extra);
  }

  /** The interchange object for an article: known fields first, then its extra fields. */
  public static ObjectNode toNode(Article article) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("id", article.id());
    n.put("url", article.url());
    n.put("source", article.source());
    n.put("country", article.country());
    n.put("language", article.language());
    if (article.published() != null) {
      n.put("published", article.published().toString());
    }
    n.put("title", article.title());
    n.put("text", article.text());
    if (!article.authors().isEmpty()) {
      n.set("authors", Json.mapper().valueToTree(article.authors()));
    }
    if (article.image() != null) n.put("image", article.image());
    if (article.html() != null) n.put("html", article.html());
    if (article.file() != null) n.put("file", article.file());
    article.extra().forEach((k, v) -> {
      if (!n.has(k)) n.set(k, Json.mapper().valueToTree(v));
    });
    return n;
  }

  public static String write(Article article) {
    try {
      return Json.mapper().writeValueAsString(toNode(article));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write article " + article.id(), e);
    }
  }

  /**
   * Parses ISO 8601 as found in the wild: an instant, a date-time with or without offset (UTC
   * assumed without), or a plain date (midnight UTC). Null when it is none of these.
   */
  public static @Nullable Instant parseTime(String s) {
    String t = s.trim();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      return null;
    }
  }

  /**
   * Parses a date or time given for the setting or parameter {@code name}; null for null, and a
   * sentence naming it when the value is not ISO 8601.
   */
  public static @Nullable Instant requireTime(String name, @Nullable String value) {
    if (value == null) return null;
    Instant t = parseTime(value);
    if (t == null) throw new IllegalArgumentException(name + " must be an ISO 8601 date or time, got '" + value + "'");
    return t;
  }

  /** A stable id for an article known only by its URL: 16 hex digits of its SHA-256. */
  public static String idForUrl(String url) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) return "";
    if (!v.isValueNode()) {
      throw new IllegalArgumentException("field '" + field + "' must be a string, got " + v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }
    return v.asText();
  }

  private static @Nullable String nullable(JsonNode node, String field) {
    String v = text(node, field);
    return v.isEmpty() ? null : v;
  }
}
