package news.panorama.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import news.panorama.core.Article;
import news.panorama.core.Json;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Sample;
import news.panorama.core.Source;
import news.panorama.ingest.CrawlReport;
import news.panorama.ingest.Crawler;
import news.panorama.server.WebServer;
import news.panorama.store.JdbcStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live job end to end: a real HTTP server on loopback serves robots.txt, an RSS feed and the five
 * seed articles as HTML pages; one crawl round stores them as one story with a briefing, and the
 * web API serves it.
 */
class CrawlLoopIT {
  @org.junit.jupiter.api.extension.RegisterExtension final OpenPipelines pipelines = new OpenPipelines();

  @TempDir Path dir;
  private HttpServer outlet;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> statuses = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startOutlet() throws IOException {
    outlet = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    List<Article> seeds = Sample.articles();
    outlet.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      requests.add(path);
      if (path.equals("/robots.txt")) {
        send(ex, 200, "text/plain", "User-agent: *\nDisallow: /private/\n");
      } else if (path.equals("/feed.xml")) {
        send(ex, 200, "application/rss+xml", feed(seeds));
      } else if (path.startsWith("/news/")) {
        int i = Integer.parseInt(path.substring("/news/".length()));
        send(ex, 200, "text/html; charset=utf-8", page(seeds.get(i)));
      } else {
        send(ex, 404, "text/plain", "not found");
      }
    });
    outlet.start();
  }

  @AfterEach
  void stopOutlet() {
    outlet.stop(0);
  }

  private String base() {
    return "http://127.0.0.1:" + outlet.getAddress().getPort();
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
    ex.close();
  }

  private String feed(List<Article> seeds) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < seeds.size(); i++) {
      items.append("<item><title>").append(xml(seeds.get(i).title())).append("</title><link>").append(base())
          .append("/news/").append(i).append("</link><pubDate>")
          .append(DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).format(seeds.get(i).published().plusSeconds(3600L * i)))
          .append("</pubDate></item>");
    }
    items.append("<item><title>Members only</title><link>").append(base()).append("/private/1</link></item>");
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loopback News</title><link>" + base()
        + "/</link><description>test</description>" + items + "</channel></rss>";
  }

  /** A news page as outlets publish them: navigation, the article's paragraphs, a footer. */
  private static String page(Article a) {
    StringBuilder body = new StringBuilder();
    for (String para : a.text().split("\n+")) {
      if (!para.isBlank()) body.append("<p>").append(xml(para.strip())).append("</p>\n");
    }
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + xml(a.title())
        + "</title><meta property=\"article:published_time\" content=\"" + a.published() + "\"></head><body>"
        + "<nav><a href=\"/\">Home</a><a href=\"/world\">World</a></nav><article><h1>" + xml(a.title()) + "</h1>"
        + body + "</article><footer>© Loopback News</footer></body></html>";
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private Crawler crawler() {
    return new Crawler(new Crawler.Settings("PanoramaBot/0.1 (test)", Duration.ofMillis(5), Duration.ofSeconds(5),
        1_000_000, 30, 3).allowing("127.0.0.0/8"), HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), Clock.systemUTC());
  }

  @Test
  void oneRound_storesTheOutletsArticlesAsOneBriefedStory_servedByTheApi() throws Exception {
    Source loopback = new Source("loopback-news", "Loopback News", base() + "/", List.of(base() + "/feed.xml"),
        List.of(), "UA", List.of("en"), Source.OwnerType.PRIVATE, "");
    try (JdbcStore store = JdbcStore.openDirectory(dir)) {
      Pipeline pipeline = pipelines.opened(Pipeline.create(PanoramaConfig.defaults(), store));
      CrawlLoop loop = new CrawlLoop(crawler(), pipeline, List.of(loopback), Duration.ofMinutes(15), statuses::add, d -> {});

      CrawlReport report = loop.round();

      assertThat(report.offline()).isFalse();
      assertThat(report.pagesFetched()).isEqualTo(5);
      assertThat(requests).contains("/robots.txt", "/feed.xml").doesNotContain("/private/1");
      assertThat(store.articleCount()).isEqualTo(5);
      assertThat(store.storyCount()).isEqualTo(1);
      assertThat(statuses.get(statuses.size() - 1)).contains("5 new articles");

      try (WebServer web = WebServer.start(store, 0, () -> "")) {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(web.url() + "api/v1/stories")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode stories = Json.mapper().readTree(r.body());
        assertThat(stories).hasSize(1);
        assertThat(stories.get(0).get("articleCount").asInt()).isEqualTo(5);
      }

      requests.clear();
      CrawlReport second = loop.round();
      assertThat(second.pagesFetched()).isZero();
      assertThat(requests).noneMatch(p -> p.startsWith("/news/"));
      assertThat(store.articleCount()).isEqualTo(5);
    }
  }

  @Test
  void roundIsSkippedAndReportedOffline_whenTheNetworkProbeFindsNoHost() {
    Source loopback = new Source("loopback-news", "Loopback News", base() + "/", List.of(base() + "/feed.xml"),
        List.of(), "UA", List.of("en"), Source.OwnerType.PRIVATE, "");
    try (JdbcStore store = JdbcStore.openDirectory(dir)) {
      Pipeline pipeline = pipelines.opened(Pipeline.create(PanoramaConfig.defaults(), store));
      CrawlLoop loop = new CrawlLoop(crawler(), pipeline, List.of(loopback), Duration.ofMinutes(15), statuses::add,
          d -> {}, () -> false);
      CrawlReport report = loop.round();
      assertThat(report.offline()).isTrue();
      assertThat(report.problems()).singleElement().asString().contains("looks offline");
      assertThat(requests).isEmpty();
    }
  }

  @Test
  void unreachableOutlets_areReportedAsOffline_andTheLoopRetriesSoonerThanTheInterval() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    Source dead = new Source("dead", "Dead", "http://127.0.0.1:" + closedPort + "/",
        List.of("http://127.0.0.1:" + closedPort + "/feed.xml"), List.of(), "UA", List.of("en"), Source.OwnerType.PRIVATE, "");
    try (JdbcStore store = JdbcStore.openDirectory(dir)) {
      Pipeline pipeline = pipelines.opened(Pipeline.create(PanoramaConfig.defaults(), store));
      List<Duration> waits = new ArrayList<>();
      CrawlLoop[] loop = new CrawlLoop[1];
      loop[0] = new CrawlLoop(crawler(), pipeline, List.of(dead), Duration.ofMinutes(15), statuses::add, d -> {
        waits.add(d);
        if (waits.size() == 3) loop[0].stop();
      });
      loop[0].run();
      assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4));
      assertThat(statuses).anyMatch(s -> s.startsWith("No network"));
    }
  }
}
