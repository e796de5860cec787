package news.panorama.ingest;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads sitemaps and sitemap indexes (crawler-commons), Google News sitemaps included. Stateless. */
final class Sitemaps {
  private Sitemaps() {}

  /** A parsed sitemap: its article items, or for an index the child sitemaps, newest first. */
  record Parsed(List<FeedItems.Item> items, List<String> children) {}

  /**
   * @throws IllegalArgumentException when the bytes are not a sitemap, with the reason
   */
  static Parsed parse(byte[] body, @Nullable String contentType, URI url, int max) {
    SiteMapParser parser = new SiteMapParser(false);
    parser.enableExtension(Extension.NEWS);
    AbstractSiteMap map;
    try {
      URL u = url.toURL();
      map = parser.parseSiteMap(contentType == null ? "text/xml" : contentType, body, u);
    } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a sitemap: " + e.getMessage());
    }
    if (map instanceof SiteMapIndex index) {
      List<AbstractSiteMap> children = new ArrayList<>(index.getSitemaps());
      children.sort(Comparator.comparing(AbstractSiteMap::getLastModified, Comparator.nullsLast(Comparator.reverseOrder())));
      return new Parsed(List.of(), children.stream().map(c -> c.getUrl().toString()).toList());
    }
    List<FeedItems.Item> items = new ArrayList<>();
    for (SiteMapURL s : ((SiteMap) map).getSiteMapUrls()) {
      String title = null;
      Date date = s.getLastModified();
      ExtensionMetadata[] news = s.getAttributesForExtension(Extension.NEWS);
      if (news != null && news.length > 0 && news[0] instanceof NewsAttributes n) {
        title = n.getTitle();
        if (n.getPublicationDate() != null) date = n.getPublicationDate();
      }
      items.add(new FeedItems.Item(s.getUrl().toString(), title == null || title.isBlank() ? null : title.strip(),
          date == null ? null : date.toInstant()));
    }
    items.sort(Comparator.comparing(FeedItems.Item::published, Comparator.nullsLast(Comparator.reverseOrder())));
    return new Parsed(List.copyOf(items.subList(0, Math.min(max, items.size()))), List.of());
  }
}
