package news.panorama.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Json;
import news.panorama.core.Sample;
import news.panorama.core.StoryAssignment;
import news.panorama.store.JdbcStore;
import news.panorama.store.LuceneIndex;
import news.panorama.translate.Gloss;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search through the real server: a stored, indexed seed sample, queried as a browser and a script would. */
class SearchIT {
  @TempDir Path dir;
  private JdbcStore store;
  private LuceneIndex index;
  private WebServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    store = JdbcStore.open(JdbcStore.h2Url(dir));
    for (Article a : Sample.articles()) {
      store.save(new Annotated(a, "en", List.of(), List.of(), List.of(), List.of()),
          new StoryAssignment(a.id(), "s-seeds", false, 1.0));
    }
    Article evil = Article.of("evil", "https://example.org/evil", "<b>Evil</b>", "GB", "en", null,
        "<script>alert(1)</script> prisoner exchanges", "A text about prisoner exchanges <img src=x onerror=alert(1)>.");
    store.save(new Annotated(evil, "en", List.of(), List.of(), List.of(), List.of()),
        new StoryAssignment("evil", "s-evil", true, 1.0));
    Article japanese = Article.of("ja-1", "https://example.jp/1", "example.jp", "JP", "ja", null,
        "ドイツ連邦議会を解散", "大統領は連邦議会の解散を命じた。");
    store.save(new Annotated(japanese, "ja", List.of(), List.of(), List.of(), List.of()),
        new StoryAssignment("ja-1", "s-ja", true, 1.0));
    index = LuceneIndex.open(dir.resolve("index"));
    index.glossTitlesWith(new Gloss(List.of())); // CLDR names only: no dictionary needed
    index.catchUp(store);
    server = WebServer.start(store, index, "127.0.0.1", 0, () -> "", Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    server.close();
    index.close();
    store.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void api_returnsHitsWithMarkedSnippets_andFilters() throws Exception {
    HttpResponse<String> r = get("/api/v1/search?q=" + q("Witkoff Ankara"));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = Json.mapper().readTree(r.body());
    assertThat(body.get("total").asLong()).isPositive();
    assertThat(body.get("hits").get(0).get("storyId").asText()).isEqualTo("s-seeds");
    assertThat(body.get("hits").get(0).get("snippet").asText()).contains("<mark>");

    JsonNode turkey = Json.mapper().readTree(get("/api/v1/search?country=TR&q=" + q("Zelensky")).body());
    assertThat(turkey.get("total").asLong()).isEqualTo(1);
  }

  @Test
  void api_refusesBadParameters_withASentence() throws Exception {
    HttpResponse<String> noQuery = get("/api/v1/search");
    assertThat(noQuery.statusCode()).isEqualTo(400);
    assertThat(noQuery.body()).contains("q (the words to search for) is missing");
    assertThat(get("/api/v1/search?q=x&limit=1000").body()).contains("search limit must be between 1 and 200");
    assertThat(get("/api/v1/search?q=x&from=yesterday").body()).contains("from must be an ISO 8601 date");
  }

  @Test
  void page_listsHits_escapingWhatArticlesContain() throws Exception {
    HttpResponse<String> r = get("/search?q=" + q("prisoner exchanges"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("<ol class=\"hits\">").contains("/stories/s-evil").contains("<mark>");
    assertThat(r.body()).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x")
        .contains("&lt;script&gt;");
    assertThat(get("/").body()).contains("action=\"/search\"");
  }

  @Test
  void anEnglishQueryFindsAnArticleInAnotherScript_throughItsGlossedTitle_labelled() throws Exception {
    JsonNode api = Json.mapper().readTree(get("/api/v1/search?mode=keyword&q=" + q("Germany")).body());
    assertThat(api.get("total").asLong()).isEqualTo(1);
    assertThat(api.get("hits").get(0).get("articleId").asText()).isEqualTo("ja-1");
    assertThat(api.get("hits").get(0).get("titleGloss").asText()).startsWith("Germany");
    String page = get("/search?q=" + q("Germany")).body();
    assertThat(page).contains("ドイツ連邦議会を解散").contains("<span class=\"english\">Germany")
        .contains("class=\"label\"").contains(">gloss</span>");
  }
}
