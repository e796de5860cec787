package news.panorama.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import news.panorama.core.Page;
import news.panorama.core.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each hostile behaviour on its own loopback server: bounded time and memory, a clear problem, the others go on. */
class HostileServerIT {
  private final List<HttpServer> servers = new ArrayList<>();
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(2)).build();

  @AfterEach
  void stop() {
    servers.forEach(s -> s.stop(0));
    pool.shutdownNow();
  }

  private String serve(HttpHandler handler) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.createContext("/", ex -> {
      if (ex.getRequestURI().getPath().equals("/robots.txt")) {
        respond(ex, 404, "text/plain", "none".getBytes(StandardCharsets.UTF_8), Map.of());
      } else {
        handler.handle(ex);
      }
    });
    s.setExecutor(pool);
    s.start();
    servers.add(s);
    return "http://127.0.0.1:" + s.getAddress().getPort();
  }

  private static void respond(HttpExchange ex, int status, String type, byte[] body, Map<String, String> headers)
      throws IOException {
    ex.getResponseHeaders().add("Content-Type", type);
    headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) ex.getResponseBody().write(body);
    ex.close();
  }

  private static String rss(String... links) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
        + "<link>http://x/</link><description>d</description>");
    int i = 0;
    for (String l : links) b.append("<item><title>Story ").append(i++).append("</title><link>").append(l).append("</link></item>");
    return b.append("</channel></rss>").toString();
  }

  private static Source source(String id, String feed) {
    return new Source(id, "Test " + id, "https://example.com/", List.of(feed), List.of(), "GB", List.of("en"),
        Source.OwnerType.UNKNOWN, "");
  }

  private Crawler.Settings settings() {
    return new Crawler.Settings("PanoramaTest/1.0 (+https://example.com)", Duration.ZERO, Duration.ofSeconds(2),
        100_000, 10, 3, 8).withLimits(100_000, 1_000_000, Duration.ofSeconds(2)).allowing("127.0.0.0/8");
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(out)) {
      g.write(data);
    }
    return out.toByteArray();
  }

  private static String problemOf(CrawlReport r, String url) {
    return r.problems().stream().filter(p -> p.startsWith(url)).findFirst().orElse("(none for " + url + ")");
  }

  @Test
  void everyHostileServerEndsBoundedWithAClearProblem_whileTheGoodSourceIsCrawled() throws Exception {
    String good = serve(ex -> {
      String p = ex.getRequestURI().getPath();
      if (p.equals("/feed.xml")) {
        // gzip-encoded, Latin-1 declared only in the HTTP header
        byte[] latin = rss("/story.html").replace("Story 0", "Caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        respond(ex, 200, "application/rss+xml; charset=ISO-8859-1", gzip(latin), Map.of("Content-Encoding", "gzip"));
      } else {
        respond(ex, 200, "text/html; charset=utf-8", "<html><body><p>fine</p></body></html>".getBytes(StandardCharsets.UTF_8), Map.of());
      }
    });
    String slow = serve(ex -> {
      if (ex.getRequestURI().getPath().equals("/feed.xml")) {
        ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
          for (int i = 0; i < 600; i++) {
            out.write('<');
            out.flush();
            Thread.sleep(100);
          }
        } catch (IOException | InterruptedException e) {
          // the client gave up, as it should
        }
      }
    });
    String endless = serve(ex -> {
      ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, 0);
      byte[] chunk = new byte[8192];
      try (OutputStream out = ex.getResponseBody()) {
        for (long i = 0; i < 1_000_000; i++) out.write(chunk);
      } catch (IOException e) {
        // the client gave up, as it should
      }
    });
    String loop = serve(ex -> {
      ex.getResponseHeaders().add("Location", ex.getRequestURI().getPath().equals("/feed.xml") ? "/a" : "/feed.xml");
      respond(ex, 302, "text/plain", new byte[0], Map.of());
    });
    byte[] bomb = gzip(new byte[50_000_000]);
    String bombServer = serve(ex -> respond(ex, 200, "application/rss+xml", bomb, Map.of("Content-Encoding", "gzip")));
    String limited = serve(ex -> respond(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8),
        Map.of("Retry-After", "120")));
    AtomicInteger stormPages = new AtomicInteger();
    String storm = serve(ex -> {
      if (ex.getRequestURI().getPath().equals("/feed.xml")) {
        respond(ex, 200, "application/rss+xml", rss("/1", "/2", "/3", "/4", "/5").getBytes(StandardCharsets.UTF_8), Map.of());
      } else {
        stormPages.incrementAndGet();
        respond(ex, 503, "text/plain", "down".getBytes(StandardCharsets.UTF_8), Map.of());
      }
    });
    String malformed = serve(ex -> respond(ex, 200, "application/rss+xml",
        "<rss version=\"2.0\"><channel><item><title>broken".getBytes(StandardCharsets.UTF_8), Map.of()));
    String wrongType = serve(ex -> {
      if (ex.getRequestURI().getPath().equals("/feed.xml")) {
        respond(ex, 200, "text/xml", rss("/picture").getBytes(StandardCharsets.UTF_8), Map.of());
      } else {
        respond(ex, 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Map.of());
      }
    });
    String htmlFeed = serve(ex -> respond(ex, 200, "text/html", "<html><body>no feed</body></html>".getBytes(StandardCharsets.UTF_8), Map.of()));

    List<Source> sources = List.of(source("slow", slow + "/feed.xml"), source("endless", endless + "/feed.xml"),
        source("loop", loop + "/feed.xml"), source("bomb", bombServer + "/feed.xml"),
        source("limited", limited + "/feed.xml"), source("storm", storm + "/feed.xml"),
        source("malformed", malformed + "/feed.xml"), source("wrong-type", wrongType + "/feed.xml"),
        source("html-feed", htmlFeed + "/feed.xml"), source("good", good + "/feed.xml"));
    List<Page> pages = new CopyOnWriteArrayList<>();
    long started = System.nanoTime();
    long heapBefore = usedHeap();

    CrawlReport report = new Crawler(settings(), http, Clock.systemUTC()).crawlOnce(sources, u -> false, pages::add);

    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    assertThat(seconds).as("round time").isLessThan(15);
    assertThat(usedHeap() - heapBefore).as("heap growth").isLessThan(200_000_000L);
    assertThat(pages).extracting(Page::url).containsExactly(good + "/story.html");
    assertThat(pages.get(0).feedTitle()).isEqualTo("Caf\u00e9");
    assertThat(problemOf(report, slow)).contains("no complete response within 2 s (setting ingest.max-fetch-seconds)");
    assertThat(problemOf(report, endless)).contains("body larger than 100000 bytes (setting ingest.max-page-bytes)");
    assertThat(problemOf(report, loop)).contains("more than 3 redirects (setting ingest.max-redirects)");
    assertThat(problemOf(report, bombServer)).contains("decoded body larger than 1000000 bytes (setting ingest.max-decompressed-bytes)");
    assertThat(problemOf(report, limited)).contains("HTTP 429").contains("Retry-After 120 s");
    assertThat(problemOf(report, storm + "/1")).contains("HTTP 503; host backs off");
    assertThat(stormPages.get()).as("pages asked of a host answering 503").isEqualTo(1);
    assertThat(problemOf(report, malformed)).contains("not an RSS, Atom or JSON feed");
    assertThat(problemOf(report, wrongType + "/picture")).contains("not HTML (content type 'image/png')");
    assertThat(problemOf(report, htmlFeed)).contains("not an RSS, Atom or JSON feed");
    assertThat(report.sources()).filteredOn(s -> s.id().equals("good")).singleElement()
        .extracting(CrawlReport.SourceSummary::status).isEqualTo("ok");
    assertThat(report.sources()).filteredOn(s -> s.id().equals("slow")).singleElement()
        .extracting(CrawlReport.SourceSummary::status).isEqualTo("failed");
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  @Test
  void retryAfterSetsTheBackoff_whenLongerThanTheExponentialOne() throws Exception {
    String limited = serve(ex -> respond(ex, 429, "text/plain", "x".getBytes(StandardCharsets.UTF_8), Map.of("Retry-After", "7200")));
    CrawlerIT.MutableClock clock = new CrawlerIT.MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    Crawler crawler = new Crawler(settings(), http, clock, d -> { }, new Random(1), java.net.InetAddress::getAllByName, null);

    CrawlReport report = crawler.crawlOnce(List.of(source("l", limited + "/feed.xml")), u -> false, p -> { });

    assertThat(report.problems().get(0)).contains("host backs off until 2024-01-01T02:00:00Z (Retry-After 7200 s)");
  }

  @Test
  void refusesInternalAddresses_afterResolutionAndOnEveryRedirect() throws Exception {
    String target = serve(ex -> respond(ex, 200, "application/rss+xml", rss().getBytes(StandardCharsets.UTF_8), Map.of()));
    int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
    String redirector = serve(ex -> {
      ex.getResponseHeaders().add("Location", "http://127.0.0.2:" + port + "/feed.xml");
      respond(ex, 302, "text/plain", new byte[0], Map.of());
    });
    AddressGuard.Resolver resolver = host -> switch (host) {
      case "metadata.test" -> new InetAddress[] {InetAddress.getByName("169.254.169.254")};
      case "intranet.test" -> new InetAddress[] {InetAddress.getByName("10.1.2.3")};
      default -> InetAddress.getAllByName(host);
    };
    Crawler.Settings onlyOne = settings().allowing("127.0.0.1/32");
    Crawler crawler = new Crawler(onlyOne, http, Clock.systemUTC(), d -> { }, new Random(1), resolver, null);

    CrawlReport report = crawler.crawlOnce(List.of(source("meta", "http://metadata.test/latest"),
        source("intranet", "http://intranet.test/feed"), source("redirect", redirector + "/feed.xml")), u -> false, p -> { });
    CrawlReport strict = new Crawler(settings().allowing(), http, Clock.systemUTC())
        .crawlOnce(List.of(source("loopback", target + "/feed.xml")), u -> false, p -> { });

    assertThat(report.problems()).anySatisfy(p -> assertThat(p).startsWith("http://metadata.test/latest: refused")
        .contains("link-local address 169.254.169.254").contains("ingest.allow-networks"));
    assertThat(report.problems()).anySatisfy(p -> assertThat(p).startsWith("http://intranet.test/feed: refused")
        .contains("private address 10.1.2.3"));
    assertThat(report.problems()).anySatisfy(p -> assertThat(p).startsWith(redirector + "/feed.xml: redirect refused")
        .contains("loopback address 127.0.0.2"));
    assertThat(strict.problems()).singleElement().asString().contains("refused").contains("loopback address 127.0.0.1");
  }

  @Test
  void parksASourceAfterItsErrorBudget_andSkipsItWhileParked() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    String gone = serve(ex -> {
      requests.incrementAndGet();
      respond(ex, 404, "text/plain", "gone".getBytes(StandardCharsets.UTF_8), Map.of());
    });
    CrawlerIT.MutableClock clock = new CrawlerIT.MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    Crawler crawler = new Crawler(settings().withErrorBudget(2, Duration.ofHours(24)), http, clock);
    List<Source> sources = List.of(source("gone", gone + "/feed.xml"));

    CrawlReport first = crawler.crawlOnce(sources, u -> false, p -> { });
    clock.advance(Duration.ofMinutes(15));
    CrawlReport second = crawler.crawlOnce(sources, u -> false, p -> { });
    clock.advance(Duration.ofMinutes(15));
    int before = requests.get();
    CrawlReport third = crawler.crawlOnce(sources, u -> false, p -> { });

    assertThat(first.sources().get(0).status()).isEqualTo("failed");
    assertThat(second.sources().get(0).status()).isEqualTo("parked");
    assertThat(second.problems()).anySatisfy(p -> assertThat(p).contains("source gone parked until 2024-01-02T00:15:00Z")
        .contains("ingest.source-error-budget"));
    assertThat(third.sources().get(0).status()).isEqualTo("parked");
    assertThat(third.sourcesParked()).isEqualTo(1);
    assertThat(requests.get()).isEqualTo(before);
  }

  @Test
  void pollsQuietFeedsLessOften_andBusyFeedsOften() throws Exception {
    AtomicInteger feedRequests = new AtomicInteger();
    AtomicInteger item = new AtomicInteger();
    String base = serve(ex -> {
      if (ex.getRequestURI().getPath().equals("/feed.xml")) {
        feedRequests.incrementAndGet();
        respond(ex, 200, "application/rss+xml", rss("/s" + item.get()).getBytes(StandardCharsets.UTF_8), Map.of());
      } else {
        respond(ex, 200, "text/html", ("<html><body>" + ex.getRequestURI() + "</body></html>").getBytes(StandardCharsets.UTF_8), Map.of());
      }
    });
    CrawlerIT.MutableClock clock = new CrawlerIT.MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    Crawler crawler = new Crawler(settings().withPolling(Duration.ofMinutes(10), Duration.ofMinutes(80)), http, clock);
    List<Source> sources = List.of(source("s", base + "/feed.xml"));
    List<String> stored = new ArrayList<>();

    crawler.crawlOnce(sources, stored::contains, p -> stored.add(p.url()));      // new item: next in 10 min
    clock.advance(Duration.ofMinutes(5));
    CrawlReport early = crawler.crawlOnce(sources, stored::contains, p -> stored.add(p.url()));
    clock.advance(Duration.ofMinutes(5));
    crawler.crawlOnce(sources, stored::contains, p -> stored.add(p.url()));      // nothing new: next in 20 min
    clock.advance(Duration.ofMinutes(10));
    CrawlReport quiet = crawler.crawlOnce(sources, stored::contains, p -> stored.add(p.url()));
    clock.advance(Duration.ofMinutes(10));
    item.incrementAndGet();
    crawler.crawlOnce(sources, stored::contains, p -> stored.add(p.url()));      // new item again: back to 10 min

    assertThat(early.feedsNotDue()).isEqualTo(1);
    assertThat(quiet.feedsNotDue()).isEqualTo(1);
    assertThat(feedRequests.get()).isEqualTo(3);
    assertThat(stored).hasSize(2);
  }

  @Test
  void warcRoundTrip_replaysTheSamePages(@TempDir Path dir) throws Exception {
    String base = serve(ex -> {
      String p = ex.getRequestURI().getPath();
      if (p.equals("/feed.xml")) {
        respond(ex, 200, "application/rss+xml", rss("/a.html", "/b.html").getBytes(StandardCharsets.UTF_8), Map.of());
      } else {
        byte[] html = ("<html><head><title>" + p + "</title></head><body><p>Text of " + p + "</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);
        respond(ex, 200, "text/html; charset=utf-8", p.equals("/a.html") ? gzip(html) : html,
            p.equals("/a.html") ? Map.of("Content-Encoding", "gzip") : Map.of());
      }
    });
    Source src = source("w", base + "/feed.xml");
    List<Page> live = new ArrayList<>();
    Path warc = dir.resolve("crawl.warc.gz");
    try (WarcArchive.Recorder recorder = WarcArchive.Recorder.toFile(warc)) {
      new Crawler(settings(), http, Clock.systemUTC(), recorder).crawlOnce(List.of(src), u -> false, live::add);
    }
    servers.forEach(s -> s.stop(0));
    List<Page> replayed = new ArrayList<>();
    List<String> problems = new ArrayList<>();

    Replay.ReplayReport r = Replay.replay(List.of(warc), Map.of("w", src), a -> { }, replayed::add, problems::add);

    assertThat(problems).isEmpty();
    assertThat(live).hasSize(2);
    assertThat(r.pages()).isEqualTo(2);
    assertThat(replayed).extracting(Page::url).containsExactlyElementsOf(live.stream().map(Page::url).toList());
    for (int i = 0; i < live.size(); i++) {
      assertThat(replayed.get(i).body()).isEqualTo(live.get(i).body());
      assertThat(replayed.get(i).source()).isEqualTo(src);
      assertThat(replayed.get(i).feedTitle()).isEqualTo(live.get(i).feedTitle());
      assertThat(replayed.get(i).headers().get("content-type")).isEqualTo(live.get(i).headers().get("content-type"));
    }
  }
}
