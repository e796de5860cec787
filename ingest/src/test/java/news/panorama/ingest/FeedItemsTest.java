package news.panorama.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedItemsTest {
  private static final URI FEED = URI.create("https://example.com/news/feed.xml");

  @Test
  void readsRssNewestFirst_capped() {
    String rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>T</title><link>https://example.com/</link><description>d</description>
        <item><title>Old</title><link>https://example.com/old</link><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>
        <item><title>New</title><link>/new</link><pubDate>Wed, 03 Jan 2024 10:00:00 GMT</pubDate></item>
        <item><title>Mid</title><link>https://example.com/mid</link><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item>
        </channel></rss>
        """;
    assertThat(FeedItems.newest(rss.getBytes(StandardCharsets.UTF_8), FEED, 2)).containsExactly(
        new FeedItems.Item("https://example.com/new", "New", Instant.parse("2024-01-03T10:00:00Z")),
        new FeedItems.Item("https://example.com/mid", "Mid", Instant.parse("2024-01-02T10:00:00Z")));
  }

  @Test
  void readsRss091_withoutDates() {
    String rss = """
        <?xml version="1.0" encoding="ISO-8859-1"?>
        <rss version="0.91"><channel><title>Old school</title><link>https://example.com/</link>
        <description>d</description><language>en</language>
        <item><title>First</title><link>https://example.com/first</link><description>a</description></item>
        <item><title>Second</title><link>https://example.com/second</link></item>
        </channel></rss>
        """;
    assertThat(FeedItems.newest(rss.getBytes(StandardCharsets.ISO_8859_1), FEED, 10)).extracting(FeedItems.Item::url)
        .containsExactlyInAnyOrder("https://example.com/first", "https://example.com/second");
  }

  @Test
  void readsRss10Rdf_withDublinCoreDates() {
    String rdf = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://example.com/rss"><title>RDF</title><link>https://example.com/</link>
            <description>d</description>
            <items><rdf:Seq><rdf:li rdf:resource="https://example.com/a"/><rdf:li rdf:resource="https://example.com/b"/></rdf:Seq></items>
          </channel>
          <item rdf:about="https://example.com/a"><title>A</title><link>https://example.com/a</link><dc:date>2024-01-02T10:00:00Z</dc:date></item>
          <item rdf:about="https://example.com/b"><title>B</title><link>https://example.com/b</link><dc:date>2024-01-03T10:00:00Z</dc:date></item>
        </rdf:RDF>
        """;
    assertThat(FeedItems.newest(rdf.getBytes(StandardCharsets.UTF_8), FEED, 10)).containsExactly(
        new FeedItems.Item("https://example.com/b", "B", Instant.parse("2024-01-03T10:00:00Z")),
        new FeedItems.Item("https://example.com/a", "A", Instant.parse("2024-01-02T10:00:00Z")));
  }

  @Test
  void readsAtom_withRelativeAlternateLinks() {
    String atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>2024-01-01T00:00:00Z</updated>
        <entry><title>Entry</title><id>urn:1</id><link rel="alternate" href="story/1"/>
        <published>2024-01-01T12:00:00Z</published><updated>2024-01-01T13:00:00Z</updated></entry>
        </feed>
        """;
    assertThat(FeedItems.newest(atom.getBytes(StandardCharsets.UTF_8), FEED, 10)).containsExactly(
        new FeedItems.Item("https://example.com/news/story/1", "Entry", Instant.parse("2024-01-01T12:00:00Z")));
  }

  @Test
  void readsJsonFeed_whenVersionIsJsonFeed() {
    String json = """
        {"version":"https://jsonfeed.org/version/1.1","title":"J","items":[
          {"id":"1","url":"https://example.com/j1","title":"J one","date_published":"2024-02-01T08:00:00+01:00"},
          {"id":"2","content_text":"no url"}]}
        """;
    assertThat(FeedItems.newest(json.getBytes(StandardCharsets.UTF_8), FEED, 10)).containsExactly(
        new FeedItems.Item("https://example.com/j1", "J one", Instant.parse("2024-02-01T07:00:00Z")));
  }

  @Test
  void rejects_whenBodyIsNotAFeed() {
    assertThatThrownBy(() -> FeedItems.newest("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8), FEED, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not an RSS, Atom or JSON feed");
    assertThatThrownBy(() -> FeedItems.newest("{\"a\":1}".getBytes(StandardCharsets.UTF_8), FEED, 5))
        .hasMessageStartingWith("not an RSS, Atom or JSON feed");
  }
}
