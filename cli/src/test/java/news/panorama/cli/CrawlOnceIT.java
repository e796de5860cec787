package news.panorama.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crawl --once} against outlets on loopback: pages stored, a summary line per outlet, wire copy marked. */
class CrawlOnceIT {
  /** A made-up wire story written for this test. */
  private static final String WIRE = "<p>The national library of the fictional republic of Marenia said on Monday that it "
      + "had finished scanning its collection of handwritten maps, more than twelve thousand sheets drawn between "
      + "the sixteenth and the nineteenth centuries.</p><p>The maps will be free to view online from next month, "
      + "and researchers will be able to order high resolution copies for a small fee. The director of the library "
      + "said the work had taken six years and that volunteers from three universities had checked every sheet "
      + "for damage before it was scanned.</p><p>Historians welcomed the news, saying several of the maps show "
      + "villages and roads that disappeared after the great flood of the eighteenth century.</p>";

  private LoopbackServer server;
  private String base;

  @BeforeEach
  void start() throws Exception {
    server = LoopbackServer.serve(ex -> {
      String p = ex.getRequestURI().getPath();
      String type = "text/html; charset=utf-8";
      String body = switch (p) {
        case "/north/feed.xml" -> { type = "application/rss+xml"; yield rss("/north/maps.html", "Maps go online", "Mon, 06 Apr 2026 08:00:00 GMT"); }
        case "/south/feed.xml" -> { type = "application/rss+xml"; yield rss("/south/library.html", "Library finishes scan", "Mon, 06 Apr 2026 10:00:00 GMT"); }
        case "/north/maps.html" -> page("Old maps of Marenia go online", "2026-04-06T08:00:00Z", "North Courier", WIRE);
        case "/south/library.html" -> page("Twelve thousand maps scanned", "2026-04-06T10:00:00Z", "South Ledger",
            WIRE + "<p>The library is open again to visitors from Tuesday.</p>");
        default -> null;
      };
      byte[] bytes = body == null ? "not here".getBytes(StandardCharsets.UTF_8) : body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", type);
      ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
      ex.getResponseBody().write(bytes);
      ex.close();
    });
    base = server.base();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String rss(String path, String title, String date) {
    return "<rss version=\"2.0\"><channel><title>t</title><link>" + base + "/</link><description>d</description><item><title>"
        + title + "</title><link>" + base + path + "</link><pubDate>" + date + "</pubDate></item></channel></rss>";
  }

  private static String page(String title, String published, String outlet, String body) {
    return "<html><head><title>" + title + " - " + outlet + "</title><meta property=\"article:published_time\" content=\""
        + published + "\"></head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>" + title
        + "</h1>" + body + "</article><footer>© " + outlet + "</footer></body></html>";
  }

  private String outlet(String id, String name, String feed) {
    return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"homepage\":\"" + base + "/\",\"feeds\":[\"" + base + feed
        + "\"],\"country\":\"GB\",\"languages\":[\"en\"]}\n";
  }

  @Test
  void crawlOnce_storesEachOutletsPages_printsAPerOutletSummary_andMarksTheLaterWireCopy(@TempDir Path dir) throws Exception {
    Path catalog = dir.resolve("catalog.jsonl");
    Files.writeString(catalog, outlet("north", "North Courier", "/north/feed.xml") + outlet("south", "South Ledger", "/south/feed.xml")
        + outlet("gone", "Gone Gazette", "/gone/feed.xml"));
    String data = dir.resolve("data").toString();

    CliRun crawl = CliRun.of("crawl", "--once", "--data", data, "--set", "ingest.catalog=" + catalog,
        "--set", "ingest.allow-networks=127.0.0.0/8", "--set", "ingest.per-host-delay-ms=0",
        "--set", "ingest.parallel-sources=1");
    CliRun export = CliRun.of("export", "--data", data);

    assertThat(crawl.exit()).as(crawl.err()).isZero();
    assertThat(crawl.err()).as("progress over the outlets").contains("crawl [##############################] 3/3");
    assertThat(crawl.out()).contains("Round done in").contains("2 feeds read (2 items)").contains("2 pages fetched")
        .containsPattern("north +ok +1 feeds ok +0 failed +1 pages")
        .containsPattern("south +ok +1 feeds ok +0 failed +1 pages")
        .containsPattern("gone +failed +0 feeds ok +1 failed +0 pages +last problem: .*/gone/feed.xml: HTTP 404");
    List<String> lines = export.out().lines().toList();
    assertThat(lines).hasSize(2);
    String north = lines.stream().filter(l -> l.contains("/north/maps.html")).findFirst().orElseThrow();
    String south = lines.stream().filter(l -> l.contains("/south/library.html")).findFirst().orElseThrow();
    assertThat(north).contains("\"source\":\"North Courier\"").contains("handwritten maps").doesNotContain("near_duplicate_of");
    assertThat(south).contains("\"source\":\"South Ledger\"").contains("open again to visitors")
        .contains("\"first_published_by\":\"North Courier\"").containsPattern("\"near_duplicate_of\":\"[^\"]+\"");
  }
}
