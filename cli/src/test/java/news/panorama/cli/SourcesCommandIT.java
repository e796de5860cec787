package news.panorama.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesCommandIT {
  private LoopbackServer server;
  private String base;

  @BeforeEach
  void start() throws Exception {
    server = LoopbackServer.serve(ex -> {
      String p = ex.getRequestURI().getPath();
      byte[] body;
      int status = 200;
      if (p.equals("/feed.xml")) {
        body = ("<rss version=\"2.0\"><channel><title>t</title><link>" + base + "/</link><description>d</description>"
            + "<item><title>A</title><link>" + base + "/a</link><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item>"
            + "<item><title>B</title><link>" + base + "/b</link><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>"
            + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
      } else {
        status = 404;
        body = "no".getBytes(StandardCharsets.UTF_8);
      }
      ex.sendResponseHeaders(status, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    base = server.base();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void addListRemove_editTheUserCopyWithClearValidationErrors(@TempDir Path dir) throws Exception {
    String data = dir.toString();
    CliRun added = CliRun.of("sources", "add", "--data", data, "--id", "loop-news", "--name", "Loop News",
        "--homepage", base + "/", "--feed", base + "/feed.xml", "--country", "NZ", "--language", "en");
    CliRun badCountry = CliRun.of("sources", "add", "--data", data, "--id", "x", "--name", "X", "--homepage",
        "https://x.example/", "--feed", "https://x.example/f", "--country", "ZZ", "--language", "en");
    CliRun badLanguage = CliRun.of("sources", "add", "--data", data, "--id", "x", "--name", "X", "--homepage",
        "https://x.example/", "--feed", "https://x.example/f", "--language", "english");
    CliRun badUrl = CliRun.of("sources", "add", "--data", data, "--id", "x", "--name", "X", "--homepage",
        "https://x.example/", "--feed", "ftp://x.example/f", "--language", "en");
    CliRun duplicate = CliRun.of("sources", "add", "--data", data, "--id", "loop-news", "--name", "Again",
        "--homepage", base + "/", "--feed", base + "/feed.xml", "--language", "en");
    CliRun json = CliRun.of("sources", "list", "--format", "json", "--data", data);

    assertThat(added.exit()).as(added.err()).isZero();
    assertThat(Files.readAllLines(dir.resolve("catalog.jsonl"))).hasSizeGreaterThan(300);
    assertThat(badCountry.exit()).isEqualTo(2);
    assertThat(badCountry.err()).contains("outlet 'x': unknown country code 'ZZ'");
    assertThat(badLanguage.err()).contains("unknown language code 'english'");
    assertThat(badUrl.err()).contains("'ftp://x.example/f' must be an absolute http or https URL");
    assertThat(duplicate.err()).contains("an outlet with id 'loop-news' is already in");
    assertThat(json.out().lines().filter(l -> l.contains("\"id\":\"loop-news\"")).toList()).singleElement().asString()
        .contains("\"country\":\"NZ\"").contains("\"languages\":[\"en\"]").contains("\"feeds\":[\"" + base + "/feed.xml\"]");

    CliRun removed = CliRun.of("sources", "remove", "--data", data, "loop-news");
    assertThat(removed.exit()).isZero();
    assertThat(CliRun.of("sources", "list", "--format", "json", "--data", data).out()).doesNotContain("loop-news");
  }

  @Test
  void check_reportsStatusItemCountAndLastItemDate(@TempDir Path dir) throws Exception {
    Path catalog = dir.resolve("mine.jsonl");
    Files.writeString(catalog, "{\"id\":\"loop\",\"name\":\"Loop\",\"homepage\":\"" + base + "/\",\"feeds\":[\"" + base
        + "/feed.xml\",\"" + base + "/gone.xml\"],\"country\":\"GB\",\"languages\":[\"en\"]}\n");

    CliRun r = CliRun.of("sources", "check", "--data", dir.toString(), "--set", "ingest.catalog=" + catalog,
        "--set", "ingest.allow-networks=127.0.0.0/8", "--set", "ingest.per-host-delay-ms=0");
    CliRun refused = CliRun.of("sources", "check", "--data", dir.toString(), "--set", "ingest.catalog=" + catalog,
        "--set", "ingest.per-host-delay-ms=0");

    assertThat(r.out()).containsPattern("loop +ok +2 items +last 2024-01-02T10:00:00Z +" + base + "/feed.xml");
    assertThat(r.out()).containsPattern("loop +failed +0 items .*gone.xml +\\(HTTP 404\\)");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(refused.out()).contains("refused").contains("loopback");
  }

  @Test
  void opml_exportThenImportIntoAnotherCatalog(@TempDir Path dir) throws Exception {
    Path catalog = dir.resolve("a.jsonl");
    Files.writeString(catalog, "{\"id\":\"loop\",\"name\":\"Loop & Co\",\"homepage\":\"" + base + "/\",\"feeds\":[\"" + base
        + "/feed.xml\"],\"country\":\"GB\",\"languages\":[\"en\"],\"owner_type\":\"private\"}\n");
    Path opml = dir.resolve("out.opml");
    Path other = dir.resolve("b.jsonl");
    Files.writeString(other, "");

    CliRun export = CliRun.of("sources", "export-opml", "--set", "ingest.catalog=" + catalog, "--out", opml.toString());
    CliRun imported = CliRun.of("sources", "import-opml", opml.toString(), "--language", "fr", "--set", "ingest.catalog=" + other);

    assertThat(export.exit()).isZero();
    assertThat(imported.out()).contains("Imported 1 of 1 outlets");
    assertThat(Files.readString(other)).contains("\"id\":\"loop\"").contains("\"name\":\"Loop & Co\"")
        .contains("\"country\":\"GB\"").contains("\"owner_type\":\"private\"").contains("\"languages\":[\"en\"]");
  }
}
