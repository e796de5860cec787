package news.panorama.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import news.panorama.core.Page;
import news.panorama.core.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrawlerIT {
  private static final String ETAG = "\"feed-v1\"";
  private static final String ATOM_MODIFIED = "Mon, 01 Jan 2024 00:00:00 GMT";

  /** One request as the server saw it. */
  record Seen(int port, String path, long nanos, String ifNoneMatch, String ifModifiedSince, String userAgent) {}

  private HttpServer server;
  private String base;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private volatile int robotsStatus = 200;

  private final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(2))
      .build();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    var h = ex.getRequestHeaders();
    seen.add(new Seen(ex.getLocalAddress().getPort(), path, System.nanoTime(), String.valueOf(h.getFirst("If-None-Match")),
        String.valueOf(h.getFirst("If-Modified-Since")), String.valueOf(h.getFirst("User-Agent"))));
    switch (path) {
      case "/robots.txt" -> {
        if (robotsStatus != 200) {
          respond(ex, robotsStatus, "text/plain", "unavailable");
        } else {
          respond(ex, 200, "text/plain", "User-agent: *\nDisallow: /private/\n");
        }
      }
      case "/feed.xml" -> {
        if (ETAG.equals(h.getFirst("If-None-Match"))) {
          respond(ex, 304, null, null);
        } else {
          ex.getResponseHeaders().add("ETag", ETAG);
          respond(ex, 200, "application/rss+xml", rss());
        }
      }
      case "/atom.xml" -> {
        if (ATOM_MODIFIED.equals(h.getFirst("If-Modified-Since"))) {
          respond(ex, 304, null, null);
        } else {
          ex.getResponseHeaders().add("Last-Modified", ATOM_MODIFIED);
          respond(ex, 200, "application/atom+xml", atom());
        }
      }
      case "/moved.xml" -> {
        ex.getResponseHeaders().add("Location", "/atom.xml");
        respond(ex, 301, null, null);
      }
      case "/not-a-feed" -> respond(ex, 200, "text/html", "<html><body>hello</body></html>");
      case "/news/allowed.html", "/news/atom-story.html", "/private/secret.html" ->
          respond(ex, 200, "text/html; charset=utf-8", "<html><title>" + path + "</title><body><p>Story</p></body></html>");
      default -> respond(ex, 404, "text/plain", "not found");
    }
  }

  private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
    if (type != null) ex.getResponseHeaders().add("Content-Type", type);
    if (body == null) {
      ex.sendResponseHeaders(status, -1);
    } else {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(status, b.length);
      ex.getResponseBody().write(b);
    }
    ex.close();
  }

  private String rss() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Test feed</title><link>%1$s/</link><description>t</description>
        <item><title>Allowed story</title><link>%1$s/news/allowed.html</link><pubDate>Wed, 03 Jan 2024 10:00:00 GMT</pubDate></item>
        <item><title>Secret story</title><link>%1$s/private/secret.html</link><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item>
        <item><title>Missing story</title><link>%1$s/news/missing.html</link><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>
        </channel></rss>
        """.formatted(base);
  }

  private String atom() {
    return """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><id>urn:atom</id><updated>2024-01-04T00:00:00Z</updated>
        <entry><title>Atom story</title><id>urn:1</id><link href="%s/news/atom-story.html"/><published>2024-01-04T09:00:00Z</published><updated>2024-01-04T09:00:00Z</updated></entry>
        </feed>
        """.formatted(base);
  }

  private static Source source(String id, String... feeds) {
    return new Source(id, "Test " + id, "https://example.com/", List.of(feeds), List.of(), "GB",
        List.of("en"), Source.OwnerType.PRIVATE, "");
  }

  private static Crawler.Settings settings(Duration delay) {
    return new Crawler.Settings("PanoramaTest/1.0 (+https://example.com)", delay, Duration.ofSeconds(5),
        1_000_000, 10, 3).allowing("127.0.0.0/8");
  }

  /** A crawler whose backoff jitter factor is exactly 1, so backoff times can be pinned. */
  private Crawler withoutJitter(Crawler.Settings settings, Clock clock) {
    java.util.Random noJitter = new java.util.Random() {
      @Override
      public double nextDouble() {
        return 0.5;
      }
    };
    return new Crawler(settings, http, clock, d -> Thread.sleep(d.toMillis()), noJitter, InetAddress::getAllByName, null);
  }

  private List<String> paths() {
    return seen.stream().map(Seen::path).toList();
  }

  @Test
  void fetchesFeedItemsPolitely_respectingRobotsAndReportingFailures() {
    Crawler crawler = new Crawler(settings(Duration.ofMillis(50)), http, Clock.systemUTC());
    Source src = source("test", base + "/feed.xml", base + "/atom.xml");
    List<Page> pages = new ArrayList<>();

    CrawlReport report = crawler.crawlOnce(List.of(src), url -> false, pages::add);

    assertThat(pages).extracting(Page::url).containsExactly(base + "/news/allowed.html", base + "/news/atom-story.html");
    Page first = pages.get(0);
    assertThat(first.feedTitle()).isEqualTo("Allowed story");
    assertThat(first.feedPublished()).isEqualTo(Instant.parse("2024-01-03T10:00:00Z"));
    assertThat(first.source()).isEqualTo(src);
    assertThat(first.file()).isNull();
    assertThat(first.headers().get("content-type")).containsExactly("text/html; charset=utf-8");
    assertThat(new String(first.body(), StandardCharsets.UTF_8)).contains("<title>/news/allowed.html</title>");
    assertThat(pages.get(1).feedTitle()).isEqualTo("Atom story");

    assertThat(paths()).doesNotContain("/private/secret.html");
    assertThat(paths()).containsExactly("/robots.txt", "/feed.xml", "/news/allowed.html", "/news/missing.html",
        "/atom.xml", "/news/atom-story.html");
    assertThat(seen).allMatch(s -> s.userAgent().equals("PanoramaTest/1.0 (+https://example.com)"));
    assertThat(report.sources()).containsExactly(new CrawlReport.SourceSummary("test", "ok", 2, 0, 2,
        base + "/news/missing.html: HTTP 404"));
    assertThat(report.feedItems()).isEqualTo(4);
    assertThat(new CrawlReport(report.feedsFetched(), report.feedsNotModified(), report.feedsFailed(),
        report.pagesFetched(), report.pagesSkipped(), report.pagesFailed(), report.problems(), report.offline()))
        .isEqualTo(new CrawlReport(2, 0, 0, 2, 1, 1, List.of(
        base + "/private/secret.html: disallowed by robots.txt",
        base + "/news/missing.html: HTTP 404"), false));

    for (int i = 1; i < seen.size(); i++) {
      long gapMillis = (seen.get(i).nanos() - seen.get(i - 1).nanos()) / 1_000_000;
      assertThat(gapMillis).as("gap before %s", seen.get(i).path()).isGreaterThanOrEqualTo(40);
    }
  }

  @Test
  void crawlsSourcesInParallel_whileEachHostKeepsItsDelay() throws IOException {
    HttpServer second = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    second.createContext("/", this::handle);
    second.start();
    try {
      int firstPort = server.getAddress().getPort();
      int secondPort = second.getAddress().getPort();
      Duration delay = Duration.ofMillis(150);
      Crawler.Settings parallel = new Crawler.Settings("PanoramaTest/1.0 (+https://example.com)", delay,
          Duration.ofSeconds(5), 1_000_000, 10, 3, 2).allowing("127.0.0.0/8");
      Crawler crawler = new Crawler(parallel, http, Clock.systemUTC());
      List<Page> pages = new CopyOnWriteArrayList<>();

      CrawlReport report = crawler.crawlOnce(List.of(source("a", base + "/feed.xml"),
          source("b", "http://127.0.0.1:" + secondPort + "/atom.xml")), url -> false, pages::add);

      assertThat(report.feedsFetched()).isEqualTo(2);
      assertThat(pages).hasSize(2);
      List<Long> onFirst = seen.stream().filter(x -> x.port() == firstPort).map(Seen::nanos).toList();
      List<Long> onSecond = seen.stream().filter(x -> x.port() == secondPort).map(Seen::nanos).toList();
      // the Atom feed on the second host links its story to the first host, so both hosts are
      // shared by the two sources: robots, RSS feed, allowed, missing and Atom story on the first
      assertThat(onFirst).hasSize(5);
      assertThat(onSecond).hasSize(2); // robots, Atom feed
      for (List<Long> host : List.of(onFirst, onSecond)) {
        for (int i = 1; i < host.size(); i++) {
          assertThat(host.get(i) - host.get(i - 1)).as("gap between requests to one host")
              .isGreaterThanOrEqualTo(delay.toNanos() - 10_000_000);
        }
      }
      assertThat(onSecond.get(0)).as("the second host is asked before the first is done")
          .isLessThan(onFirst.get(onFirst.size() - 1));
    } finally {
      second.stop(0);
    }
  }

  @Test
  void getsNotModified_whenFeedsAreFetchedAgain() {
    Crawler crawler = new Crawler(settings(Duration.ZERO), http, Clock.systemUTC());
    Source src = source("test", base + "/feed.xml", base + "/atom.xml");
    Set<String> stored = new HashSet<>();
    crawler.crawlOnce(List.of(src), stored::contains, p -> stored.add(p.url()));
    seen.clear();

    CrawlReport second = crawler.crawlOnce(List.of(src), stored::contains, p -> stored.add(p.url()));

    assertThat(second.feedsNotModified()).isEqualTo(2);
    assertThat(second.feedsFetched()).isZero();
    assertThat(paths()).containsExactly("/feed.xml", "/atom.xml");
    assertThat(seen.get(0).ifNoneMatch()).isEqualTo(ETAG);
    assertThat(seen.get(1).ifModifiedSince()).isEqualTo(ATOM_MODIFIED);
  }

  @Test
  void followsRedirects_andSkipsPagesAlreadySeen() {
    Crawler crawler = new Crawler(settings(Duration.ZERO), http, Clock.systemUTC());
    List<Page> pages = new ArrayList<>();

    CrawlReport report = crawler.crawlOnce(List.of(source("moved", base + "/moved.xml")),
        url -> url.endsWith("/atom-story.html"), pages::add);

    assertThat(report.feedsFetched()).isEqualTo(1);
    assertThat(report.pagesSkipped()).isEqualTo(1);
    assertThat(pages).isEmpty();
    assertThat(paths()).containsExactly("/robots.txt", "/moved.xml", "/atom.xml");
  }

  @Test
  void reportsAndGoesOn_whenFeedIsMissingOrNotAFeed() {
    Crawler crawler = new Crawler(settings(Duration.ZERO), http, Clock.systemUTC());

    CrawlReport report = crawler.crawlOnce(
        List.of(source("bad", base + "/gone.xml", base + "/not-a-feed", base + "/atom.xml")), url -> false, p -> { });

    assertThat(report.feedsFailed()).isEqualTo(2);
    assertThat(report.feedsFetched()).isEqualTo(1);
    assertThat(report.pagesFetched()).isEqualTo(1);
    assertThat(report.problems()).hasSize(2);
    assertThat(report.problems().get(0)).isEqualTo(base + "/gone.xml: HTTP 404");
    assertThat(report.problems().get(1)).startsWith(base + "/not-a-feed: not an RSS, Atom or JSON feed");
    assertThat(report.offline()).isFalse();
  }

  @Test
  void skipsHostAndBacksOff_whenRobotsTxtFailsWithServerError() {
    robotsStatus = 503;
    MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    Crawler crawler = withoutJitter(settings(Duration.ZERO), clock);
    List<Source> sources = List.of(source("test", base + "/feed.xml"));

    CrawlReport first = crawler.crawlOnce(sources, url -> false, p -> { });
    assertThat(first.feedsFailed()).isEqualTo(1);
    assertThat(first.problems()).containsExactly(base + "/feed.xml: robots.txt of " + base + " unavailable (HTTP 503); host skipped this round");
    assertThat(first.offline()).isFalse();
    assertThat(paths()).containsExactly("/robots.txt");

    clock.advance(Duration.ofSeconds(30));
    CrawlReport second = crawler.crawlOnce(sources, url -> false, p -> { });
    assertThat(second.problems()).containsExactly(
        base + "/feed.xml: host " + base + " skipped until 2024-01-01T00:01:00Z after 1 failure");
    assertThat(paths()).containsExactly("/robots.txt");

    robotsStatus = 200;
    clock.advance(Duration.ofMinutes(1));
    CrawlReport third = crawler.crawlOnce(sources, url -> false, p -> { });
    assertThat(third.feedsFetched()).isEqualTo(1);
    assertThat(third.pagesFetched()).isEqualTo(1);
  }

  @Test
  void reportsOffline_whenNoRequestGetsAResponse() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    Crawler crawler = new Crawler(settings(Duration.ZERO), http, clock);
    List<Source> sources = List.of(
        source("closed", "http://127.0.0.1:" + closedPort + "/feed.xml"),
        source("nowhere", "http://nonexistent.invalid/feed"));

    CrawlReport report = crawler.crawlOnce(sources, url -> false, p -> { });

    assertThat(report.offline()).isTrue();
    assertThat(report.feedsFailed()).isEqualTo(2);
    assertThat(report.problems()).hasSize(2).allMatch(p -> p.contains("(no response: "));

    clock.advance(Duration.ofSeconds(10));
    CrawlReport again = crawler.crawlOnce(sources, url -> false, p -> { });
    assertThat(again.offline()).isTrue();
    assertThat(again.problems()).as("an offline round earns no backoff; every host is tried again")
        .hasSize(2).allMatch(p -> p.contains("(no response: "));
  }

  @Test
  void backsOffUnreachableHost_whenOtherHostsAnswer() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    Crawler crawler = withoutJitter(settings(Duration.ZERO), clock);
    String closed = "http://127.0.0.1:" + closedPort;
    List<Source> sources = List.of(source("closed", closed + "/feed.xml"), source("here", base + "/atom.xml"));

    assertThat(crawler.crawlOnce(sources, url -> false, p -> { }).offline()).isFalse();
    clock.advance(Duration.ofSeconds(59));
    CrawlReport second = crawler.crawlOnce(sources, url -> false, p -> { });

    assertThat(second.offline()).isFalse();
    assertThat(second.problems()).containsExactly(
        closed + "/feed.xml: host " + closed + " skipped until 2024-01-01T00:01:00Z after 1 failure");
  }

  @Test
  void isNotOffline_whenOneHostAnswers() {
    Crawler crawler = new Crawler(settings(Duration.ZERO), http, Clock.systemUTC());
    CrawlReport report = crawler.crawlOnce(List.of(
        source("nowhere", "http://nonexistent.invalid/feed"), source("here", base + "/atom.xml")), url -> false, p -> { });
    assertThat(report.offline()).isFalse();
    assertThat(report.feedsFailed()).isEqualTo(1);
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
