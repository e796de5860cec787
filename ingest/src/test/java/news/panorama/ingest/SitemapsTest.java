package news.panorama.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SitemapsTest {
  private static final URI NEWS = URI.create("https://example.com/sitemaps/news.xml");

  @Test
  void newsSitemap_givesItemsWithTitlesAndPublicationDates_newestFirst_capped() {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
          <url><loc>https://example.com/world/talks</loc>
            <news:news><news:publication><news:name>Example</news:name><news:language>en</news:language></news:publication>
            <news:publication_date>2025-11-18T09:30:00Z</news:publication_date><news:title>Talks resume in Ankara</news:title></news:news></url>
          <url><loc>https://example.com/world/grain</loc>
            <news:news><news:publication><news:name>Example</news:name><news:language>en</news:language></news:publication>
            <news:publication_date>2025-11-19T07:00:00Z</news:publication_date><news:title>Grain ships leave Odesa</news:title></news:news></url>
          <url><loc>https://example.com/about</loc><lastmod>2024-01-01</lastmod></url>
        </urlset>
        """;
    Sitemaps.Parsed p = Sitemaps.parse(xml.getBytes(StandardCharsets.UTF_8), "application/xml", NEWS, 2);
    assertThat(p.children()).isEmpty();
    assertThat(p.items()).containsExactly(
        new FeedItems.Item("https://example.com/world/grain", "Grain ships leave Odesa", Instant.parse("2025-11-19T07:00:00Z")),
        new FeedItems.Item("https://example.com/world/talks", "Talks resume in Ankara", Instant.parse("2025-11-18T09:30:00Z")));
  }

  @Test
  void sitemapIndex_listsItsSitemaps_newestFirst() {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap><loc>https://example.com/sitemaps/2025-10.xml</loc><lastmod>2025-10-31</lastmod></sitemap>
          <sitemap><loc>https://example.com/sitemaps/2025-11.xml</loc><lastmod>2025-11-19</lastmod></sitemap>
        </sitemapindex>
        """;
    Sitemaps.Parsed p = Sitemaps.parse(xml.getBytes(StandardCharsets.UTF_8), "text/xml", NEWS, 10);
    assertThat(p.items()).isEmpty();
    assertThat(p.children()).containsExactly("https://example.com/sitemaps/2025-11.xml",
        "https://example.com/sitemaps/2025-10.xml");
  }

  @Test
  void notASitemap_failsWithTheReason() {
    assertThatThrownBy(() -> Sitemaps.parse("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8),
        "text/html", NEWS, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a sitemap");
  }
}
