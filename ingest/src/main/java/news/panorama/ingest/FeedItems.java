package news.panorama.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import news.panorama.core.ArticleJson;
import news.panorama.core.Json;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;

/**
 * Reads the items of a feed: RSS 0.9x to 2.0 and Atom through ROME, JSON Feed 1.0 and 1.1 through
 * Jackson. Item links are made absolute against the feed's address. Stateless; DOCTYPEs are
 * refused, so a feed cannot make the parser fetch or expand external entities.
 */
final class FeedItems {
  private FeedItems() {}

  /** One item of a feed: the page it links to plus the hints the feed gives about it. */
  record Item(String url, @Nullable String title, @Nullable Instant published) {}

  /**
   * The items of a feed, newest first (items without a date keep their feed order after the
   * dated ones), at most {@code max}.
   *
   * @throws IllegalArgumentException when the bytes are not a feed, with the reason
   */
  static List<Item> newest(byte[] body, URI feedUrl, int max) {
    return newest(body, null, feedUrl, max);
  }

  /**
   * As {@link #newest(byte[], URI, int)}, decoding an XML feed with the charset of the HTTP
   * Content-Type when the document itself does not declare one.
   */
  static List<Item> newest(byte[] body, @Nullable String contentType, URI feedUrl, int max) {
    List<Item> items = isJson(body) ? jsonFeed(body, feedUrl) : xmlFeed(body, contentType, feedUrl);
    List<Item> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing(Item::published, Comparator.nullsLast(Comparator.reverseOrder())));
    return List.copyOf(sorted.subList(0, Math.min(max, sorted.size())));
  }

  private static boolean isJson(byte[] body) {
    for (byte b : body) {
      if (b == '{') return true;
      if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) return false;
    }
    return false;
  }

  private static List<Item> xmlFeed(byte[] body, @Nullable String contentType, URI feedUrl) {
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      feed = contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).contains("charset")
          ? input.build(new InputSource(new ByteArrayInputStream(body)))
          : input.build(new com.rometools.rome.io.XmlReader(new ByteArrayInputStream(body), contentType, true));
    } catch (FeedException | IllegalArgumentException | IOException e) {
      throw new IllegalArgumentException("not an RSS, Atom or JSON feed: " + firstLine(e.getMessage()));
    }
    List<Item> items = new ArrayList<>();
    for (SyndEntry e : feed.getEntries()) {
      String link = e.getLink();
      if (link == null || link.isBlank()) {
        for (SyndLink l : e.getLinks()) {
          if (l.getRel() == null || l.getRel().equals("alternate")) {
            link = l.getHref();
            break;
          }
        }
      }
      if (link == null || link.isBlank()) {
        // some RSS feeds put the permalink only in <guid isPermaLink="true">
        String uri = e.getUri();
        if (uri != null && (uri.startsWith("http://") || uri.startsWith("https://"))) link = uri;
      }
      String url = absolute(link, feedUrl);
      if (url == null) continue;
      Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
      items.add(new Item(url, blankToNull(e.getTitle()), date == null ? null : date.toInstant()));
    }
    return items;
  }

  private static List<Item> jsonFeed(byte[] body, URI feedUrl) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("not an RSS, Atom or JSON feed: invalid JSON");
    }
    if (root == null || !root.path("version").asText("").startsWith("https://jsonfeed.org/version/")
        || !root.path("items").isArray()) {
      throw new IllegalArgumentException("not an RSS, Atom or JSON feed: JSON without a JSON Feed version and items");
    }
    List<Item> items = new ArrayList<>();
    for (JsonNode i : root.path("items")) {
      String link = i.path("url").asText(i.path("external_url").asText(""));
      String url = absolute(link, feedUrl);
      if (url == null) continue;
      String date = i.path("date_published").asText(i.path("date_modified").asText(""));
      items.add(new Item(url, blankToNull(i.path("title").asText("")),
          date.isBlank() ? null : ArticleJson.parseTime(date)));
    }
    return items;
  }

  private static @Nullable String absolute(@Nullable String link, URI base) {
    if (link == null || link.isBlank()) return null;
    try {
      URI u = base.resolve(link.trim());
      String scheme = u.getScheme();
      return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          ? u.toString() : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String firstLine(@Nullable String s) {
    if (s == null) return "unreadable";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
