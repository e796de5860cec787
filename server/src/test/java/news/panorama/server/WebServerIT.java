package news.panorama.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.ArticleJson;
import news.panorama.core.Briefing;
import news.panorama.core.Bullet;
import news.panorama.core.Citation;
import news.panorama.core.StorySections;
import news.panorama.core.Json;
import news.panorama.core.Sample;
import news.panorama.core.Sentence;
import news.panorama.core.StoryAssignment;
import news.panorama.store.JdbcStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebServerIT {
  private static final Instant NOW = Instant.parse("2025-11-18T03:00:00Z");
  private static final String STATUS =
      "No network: showing stored stories and the sample; retrying every 15 min";
  private static final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final List<Article> sample = Sample.articles();

  @TempDir static Path dir;
  private static final AtomicReference<String> status = new AtomicReference<>(STATUS);
  private static JdbcStore store;
  private static WebServer server;
  private static Briefing briefing;
  private static Article evil;

  @BeforeAll
  static void start() {
    store = JdbcStore.open(JdbcStore.h2Url(dir));
    for (Article a : sample) {
      store.save(annotated(a), new StoryAssignment(a.id(), "zelensky", false, 0.5));
    }
    Article turkey = sample.get(1);
    Article kyiv = sample.get(3);
    Citation fromTurkey = new Citation(turkey.id(), 0, turkey.source(), turkey.url(),
        "Zelensky will travel to Turkey on Wednesday.");
    Citation fromKyiv = new Citation(kyiv.id(), 1, kyiv.source(), "https://kyivpost.example/a?x=1&y=2",
        "The \"peace\" envoy is expected in Ankara.");
    briefing = new Briefing("zelensky", "Zelensky goes to Turkey to restart peace talks",
        "Russia will not attend", List.of(
            new Bullet("Zelensky travels to Ankara on Wednesday.", List.of(fromTurkey)),
            new Bullet("A US envoy is expected to join him.", List.of(fromKyiv, fromTurkey))),
        List.of(turkey.id(), kyiv.id()), NOW, new StorySections(List.of(),
            List.of(new StorySections.CountryTake("TR", 1, List.of("Erdogan", "mediation"), fromTurkey)),
            List.of(new StorySections.Event("2025-11-19", "Zelensky will travel to Turkey on Wednesday.", List.of(fromTurkey))),
            List.of(new StorySections.Said("Dmitry Peskov", "We will wait for information", List.of("We will await information"),
                List.of(fromKyiv))),
            List.of(new StorySections.Agreement("The \"peace\" envoy is expected in Ankara.", List.of(fromKyiv, fromTurkey))),
            List.of(new StorySections.Difference("place", List.of(
                new StorySections.Difference.Value("Ankara", List.of(fromTurkey)),
                new StorySections.Difference.Value("Istanbul", List.of(fromKyiv))))),
            List.of(new StorySections.Related("evil", "Another <story>", "Its blurb"))));
    store.saveBriefing(briefing);
    evil = Article.of("evil-1", "javascript:alert(1)", "Evil <b>Times</b>", "FR", "fr",
        Instant.parse("2025-11-17T00:00:00Z"), "<script>alert('x')</script> Breaking & more",
        "First line <img src=x onerror=alert(1)>.\nSecond paragraph.");
    store.save(annotated(evil), new StoryAssignment(evil.id(), "evil", true, 1.0));
    server = WebServer.start(store, "127.0.0.1", 0, status::get, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  @Test
  void home_listsTopStoriesWithCoverage() throws Exception {
    HttpResponse<String> r = get("/");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(
        v -> assertThat(v.toLowerCase(Locale.ROOT)).startsWith("text/html"));
    assertThat(r.body())
        .contains("<a href=\"/stories/zelensky\">Zelensky goes to Turkey to restart peace talks</a>")
        .contains("Russia will not attend")
        .contains("5 sources · 3 countries · 5 articles · en")
        .contains("3 h ago")
        .contains("href=\"/static/panorama.css\"");
    assertThat(r.body().indexOf("/stories/zelensky")).isLessThan(r.body().indexOf("/stories/evil"));
  }

  @Test
  void everyPage_showsTheStatusBanner() throws Exception {
    for (String path : List.of("/", "/stories/zelensky", "/articles/" + sample.get(0).id(), "/nope")) {
      assertThat(get(path).body()).as(path)
          .contains("<p class=\"status\" role=\"status\">" + STATUS + "</p>");
    }
  }

  @Test
  void home_showsEmptyState_whenNothingIsStored(@TempDir Path empty) throws Exception {
    try (JdbcStore emptyStore = JdbcStore.open(JdbcStore.h2Url(empty));
        WebServer emptyServer = WebServer.start(emptyStore, 0, () -> "")) {
      HttpResponse<String> r = send(emptyServer.url());

      assertThat(emptyServer.url()).isEqualTo("http://localhost:" + emptyServer.port() + "/");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("No stories are stored yet").doesNotContain("class=\"status\"");
    }
  }

  @Test
  void storyPage_showsBulletsWithCitationMarkersAndSources() throws Exception {
    HttpResponse<String> r = get("/stories/zelensky");
    Article turkey = sample.get(1);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("<h1>Zelensky goes to Turkey to restart peace talks</h1>")
        .contains("<p class=\"subhead\">Russia will not attend</p>")
        .contains("<li>Zelensky travels to Ankara on Wednesday.<a class=\"cite\" href=\"/articles/"
            + turkey.id() + "?s=0#cited\" title=\"PA Turkey: Zelensky will travel to Turkey on Wednesday.\">[1]</a></li>")
        .contains("<li>A US envoy is expected to join him.<a class=\"cite\""
            + " href=\"/articles/" + sample.get(3).id() + "?s=1#cited\" title=\"Kyiv Post (via a news app):"
            + " The &quot;peace&quot; envoy is expected in Ankara.\">[2]</a><a class=\"cite\" href=\"/articles/"
            + turkey.id() + "?s=0#cited\"")
        .contains("<h2>Sources</h2>")
        .contains("<q>Zelensky will travel to Turkey on Wednesday.</q>")
        .contains("<dt>PA Turkey <span class=\"country\">TR</span></dt>")
        .contains("<a href=\"/articles/" + turkey.id() + "\" lang=\"" + turkey.language() + "\">" + Pages.escape(turkey.title()) + "</a>");
  }

  @Test
  void storyPage_showsEverySectionOfTheBriefing_citingIntoTheSameSourceList() throws Exception {
    String body = get("/stories/zelensky").body();
    Article turkey = sample.get(1);
    assertThat(body)
        .contains("<h2>Where sources agree</h2>", "<h2>Where sources differ</h2>", "<h2>The world&#39;s take</h2>",
            "<h2>Timeline</h2>", "<h2>Quotes</h2>", "<h2>Related stories</h2>")
        .contains("<li><strong>place</strong>: <span class=\"value\">Ankara</span> <span class=\"meta\">(PA Turkey)</span>"
            + "<a class=\"cite\" href=\"/articles/" + turkey.id() + "?s=0#cited\"")
        .contains("<p class=\"terms\">Erdogan · mediation</p>")
        .contains("<time datetime=\"2025-11-19\">2025-11-19</time> Zelensky will travel to Turkey on Wednesday.")
        .contains("<q>We will wait for information</q> — Dmitry Peskov", "<q>We will await information</q>")
        .contains("<a href=\"/stories/evil\">Another &lt;story&gt;</a><p>Its blurb</p>");
    // every section's markers number into one source list: the Turkish sentence is [1] wherever it is cited
    assertThat(body.split("title=\"PA Turkey: Zelensky will travel to Turkey on Wednesday.\">\\[1\\]", -1).length - 1)
        .isGreaterThanOrEqualTo(5);
    assertThat(body.split("<h2>Sources</h2>", -1)).hasSize(2);
  }

  @Test
  void articlePage_showsTheStoredArticle() throws Exception {
    Article a = sample.get(4);
    HttpResponse<String> r = get("/articles/" + a.id());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("<h1>" + Pages.escape(a.title()) + "</h1>")
        .contains("Particle · US · <time datetime=\"2025-11-18T00:00:00Z\">18 Nov 2025, 00:00 UTC</time>")
        .contains("<p>" + Pages.escape(a.text().lines().filter(l -> !l.isBlank()).findFirst().orElseThrow().strip()) + "</p>")
        .doesNotContain("Read the original");
  }

  @Test
  void citation_opensTheCitedPassage_markedInTheArticle_withTheOriginalOneClickAway() throws Exception {
    Article kyiv = sample.get(3);
    String second = annotated(kyiv).sentences().get(1).text();
    String page = get("/articles/" + kyiv.id() + "?s=1").body();
    assertThat(page).contains("<mark id=\"cited\">" + Pages.escape(second.strip()) + "</mark>")
        .doesNotContain("Read the cited passage at the outlet"); // its address is not a web page
    assertThat(page.split("<mark", -1)).hasSize(2);
    assertThat(get("/articles/" + kyiv.id() + "?s=99").body()).doesNotContain("<mark");
    assertThat(get("/articles/" + kyiv.id() + "?s=x").statusCode()).isEqualTo(200);
  }

  @Test
  void leadImage_isShownOnlyWhenOpenlyLicensed_elseCaptionCreditAndALink() {
    Article wire = new Article("w", "https://wire.example/a", "Wire", "US", "en", NOW, "T", "Text.", List.of(),
        "https://wire.example/p.jpg", null, null, Map.of("image_caption", "Zelensky in Ankara", "image_credit", "AP Photo/Jane Doe"));
    Article open = new Article("o", "https://wiki.example/a", "Wikinews", "", "en", NOW, "T", "Text.", List.of(),
        "https://upload.example/p.jpg", null, null,
        Map.of("image_caption", "The \"summit\"", "image_credit", "CC BY-SA 4.0, Wikimedia Commons"));
    assertThat(Pages.leadImage(List.of(wire))).doesNotContain("<img")
        .contains("Zelensky in Ankara <span class=\"credit\">AP Photo/Jane Doe · via Wire</span>")
        .contains("<a href=\"https://wire.example/p.jpg\" rel=\"noopener noreferrer\">see the photo at the outlet</a>");
    assertThat(Pages.leadImage(List.of(open, wire))).contains("<img src=\"https://upload.example/p.jpg\" alt=\"The &quot;summit&quot;\"");
    assertThat(Pages.leadImage(List.of(Article.of("n", "u", "S", "", "en", NOW, "T", "Text.")))).isEmpty();
  }

  @Test
  void snippets_keepOnlyTheMarksOfTheWordsFound() {
    assertThat(Pages.snippet("Talks in <mark>Ankara</mark> &lt;b&gt; <script>alert(1)</script><img src=x onerror=alert(1)>"))
        .isEqualTo("Talks in <mark>Ankara</mark> &lt;b&gt;");
  }

  @Test
  void pages_escapeEverythingFromArticles() throws Exception {
    String home = get("/").body();
    String story = get("/stories/evil").body();
    String article = get("/articles/evil-1").body();

    for (String page : List.of(home, story, article)) {
      assertThat(page).doesNotContain("<script>").doesNotContain("<b>Times")
          .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Breaking &amp; more");
    }
    assertThat(article).doesNotContain("<img").doesNotContain("javascript:")
        .contains("<p>First line &lt;img src=x onerror=alert(1)&gt;.</p>\n<p>Second paragraph.</p>");
    assertThat(get("/").headers().firstValue("content-security-policy")).isPresent();
  }

  @Test
  void apiStories_listsStoriesWithBriefingHeadsAndPageUrls() throws Exception {
    HttpResponse<String> r = get("/api/v1/stories");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/json"));
    JsonNode list = Json.mapper().readTree(r.body());
    assertThat(list.isArray()).isTrue();
    assertThat(list).hasSize(2);
    JsonNode first = list.get(0);
    assertThat(first.get("id").asText()).isEqualTo("zelensky");
    assertThat(first.get("headline").asText()).isEqualTo(briefing.headline());
    assertThat(first.get("articleCount").asInt()).isEqualTo(5);
    assertThat(first.get("sources")).hasSize(5);
    assertThat(first.get("countries").toString()).isEqualTo("[\"TR\",\"UA\",\"US\"]");
    assertThat(first.get("languages").toString()).isEqualTo("[\"en\"]");
    assertThat(first.get("first").asText()).isEqualTo("2025-11-18T00:00:00Z");
    assertThat(first.get("briefing").get("subhead").asText()).isEqualTo("Russia will not attend");
    assertThat(first.get("url").asText()).isEqualTo("/stories/zelensky");
    assertThat(list.get(1).has("briefing")).isFalse();

    assertThat(Json.mapper().readTree(get("/api/v1/stories?limit=1").body())).hasSize(1);
  }

  @Test
  void apiStory_returnsFullBriefingAndArticleList() throws Exception {
    JsonNode story = Json.mapper().readTree(get("/api/v1/stories/zelensky").body());

    assertThat(Json.mapper().treeToValue(story.get("briefing"), Briefing.class)).isEqualTo(briefing);
    assertThat(story.get("articles")).hasSize(5);
    JsonNode article = story.get("articles").get(0);
    assertThat(article.get("id").asText()).isEqualTo(sample.get(0).id());
    assertThat(article.get("language").asText()).isEqualTo("en");
    assertThat(article.get("published").asText()).isEqualTo("2025-11-18T00:00:00Z");
  }

  @Test
  void apiArticle_returnsTheInterchangeFormat() throws Exception {
    Article a = sample.get(2);
    JsonNode node = Json.mapper().readTree(get("/api/v1/articles/" + a.id()).body());

    assertThat(ArticleJson.fromNode((ObjectNode) node)).isEqualTo(a);
  }

  @Test
  void apiStatus_reportsTheStatusLineAndCounts() throws Exception {
    status.set("Crawling 40 outlets…");
    try {
      JsonNode node = Json.mapper().readTree(get("/api/v1/status").body());

      assertThat(node.get("status").asText()).isEqualTo("Crawling 40 outlets…");
      assertThat(node.get("articles").asLong()).isEqualTo(6);
      assertThat(node.get("stories").asLong()).isEqualTo(2);
    } finally {
      status.set(STATUS);
    }
    assertThat(get("/healthz").body()).isEqualTo("ok");
  }

  @Test
  void unknownIds_give404_asPagesOrJson() throws Exception {
    HttpResponse<String> page = get("/stories/nope");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("No story with id &#39;nope&#39; is stored.");
    assertThat(get("/articles/nope").statusCode()).isEqualTo(404);
    assertThat(get("/no/such/page").body()).contains("<h1>Not found</h1>");

    for (String path : List.of("/api/v1/stories/nope", "/api/v1/articles/nope", "/api/v1/nothing")) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(Json.mapper().readTree(r.body()).get("error").asText()).as(path).isNotBlank();
    }
    assertThat(Json.mapper().readTree(get("/api/v1/stories/nope").body()).get("error").asText())
        .isEqualTo("No story with id 'nope' is stored.");
  }

  @Test
  void apiStories_rejectsBadLimitWith400() throws Exception {
    for (String limit : List.of("abc", "0", "-3", "201")) {
      HttpResponse<String> r = get("/api/v1/stories?limit=" + limit);
      assertThat(r.statusCode()).as(limit).isEqualTo(400);
      assertThat(Json.mapper().readTree(r.body()).get("error").asText())
          .isEqualTo("limit must be a whole number from 1 to 200, got '" + limit + "'");
    }
  }

  @Test
  void stylesheet_isServedLocally() throws Exception {
    HttpResponse<String> r = get("/static/panorama.css");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("text/css"));
    assertThat(r.body()).contains("font");
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send("http://127.0.0.1:" + server.port() + path);
  }

  private static HttpResponse<String> send(String url) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Hand-made annotations: the first two lines of the body as sentences. */
  private static Annotated annotated(Article a) {
    List<Sentence> sentences = new ArrayList<>();
    int start = 0;
    for (String line : a.text().split("\n")) {
      if (sentences.size() < 2 && !line.isBlank()) {
        sentences.add(new Sentence(sentences.size(), line, start, start + line.length(),
            List.of(line.toLowerCase(Locale.ROOT).split("\\W+"))));
      }
      start += line.length() + 1;
    }
    return new Annotated(a, a.language(), List.of(), sentences, List.of(), List.of());
  }
}
