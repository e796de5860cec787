package news.panorama.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Briefing;
import news.panorama.core.Entity;
import news.panorama.core.Json;
import news.panorama.core.Source;
import news.panorama.core.StoryAssignment;
import news.panorama.core.StorySections;
import news.panorama.store.JdbcStore;
import news.panorama.store.LuceneIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages and API that look at the world by country and by outlet, the feeds, the operational
 * endpoints and the OpenAPI document, on a real H2 store and Lucene index with stories written for
 * the test: an earthquake covered by four countries' outlets (not Germany's), a summit covered by
 * three (not Germany's), and a German budget story covered almost only in Germany.
 */
class WorldAndApiIT {
  private static final Instant NOW = Instant.parse("2025-11-20T12:00:00Z");
  private static final HttpClient http = HttpClient.newHttpClient();

  @TempDir static Path dir;
  private static JdbcStore store;
  private static LuceneIndex index;
  private static WebServer server;
  private static news.panorama.translate.Translations translations;

  @BeforeAll
  static void start() {
    store = JdbcStore.open(JdbcStore.h2Url(dir));
    int hour = 0;
    for (String[] a : new String[][] {
        {"quake", "nhk", "JP", "ja", "Earthquake of magnitude 7 shakes northern Japan"},
        {"quake", "asahi", "JP", "ja", "Strong earthquake hits Aomori, tsunami warning lifted"},
        {"quake", "ap", "US", "en", "Powerful quake strikes off Japan's coast"},
        {"quake", "bbc", "GB", "en", "Japan earthquake: tsunami warning issued and lifted"},
        {"quake", "lemonde", "FR", "fr", "Un puissant séisme frappe le nord du Japon"},
        {"summit", "aa", "TR", "tr", "Zelenskiy Ankara'da Erdoğan ile görüştü"},
        {"summit", "ukrinform", "UA", "uk", "Зеленський прибув до Туреччини"},
        {"summit", "ap", "US", "en", "Zelensky meets Erdogan in Ankara"},
        {"budget", "tagesschau", "DE", "de", "Bundestag beschließt Haushalt für 2026"},
        {"budget", "spiegel", "DE", "de", "Haushalt 2026: Was der Bundestag beschlossen hat"},
        {"budget", "faz", "DE", "de", "Der Haushalt ist durch"},
        {"budget", "orf", "AT", "de", "Deutscher Bundestag billigt Budget"}}) {
      String id = a[0] + "-" + a[1];
      Article article = Article.of(id, "https://" + a[1] + ".example/" + id, a[1], a[2], a[3],
          NOW.minusSeconds(3600L * (24 - hour++)), a[4], a[4] + ". More text about it.");
      // the summit's articles name Zelensky, each in its own language and script
      List<Entity> entities = !a[0].equals("summit") ? List.of() : List.of(new Entity("volodymyr zelensky",
          Map.of("tr", "Zelenskiy", "uk", "Зеленський", "en", "Zelensky").get(a[3]), "PERSON", 1,
          List.of(Map.of("tr", "Zelenskiy", "uk", "Зеленський", "en", "Zelensky").get(a[3]))));
      store.save(new Annotated(article, a[3], List.of(), List.of(), List.of(), entities),
          new StoryAssignment(id, a[0], false, 1.0));
    }
    store.saveBriefing(new Briefing("quake", "Strong earthquake off northern Japan", "A tsunami warning was lifted",
        List.of(), List.of("quake-nhk"), NOW, StorySections.none()));
    store.saveBriefing(new Briefing("quake", "Strong earthquake off northern Japan; no damage reported",
        "A tsunami warning was lifted", List.of(), List.of("quake-nhk", "quake-bbc"), NOW.plusSeconds(60),
        StorySections.none()));
    // the summit's briefing quotes a Turkish outlet: the story page gives the quote an English line
    news.panorama.core.Citation aa = new news.panorama.core.Citation("summit-aa", 0, "aa", "https://aa.example/summit-aa",
        "Türkiye, Ukrayna ile barış için çalışıyor");
    store.saveBriefing(new Briefing("summit", "Zelensky meets Erdogan in Ankara", "", List.of(), List.of("summit-aa",
        "summit-ap"), NOW, new StorySections(List.of(), List.of(), List.of(),
        List.of(new StorySections.Said("Recep Tayyip Erdoğan", aa.quote(), List.of(), List.of(aa))),
        List.of(), List.of(), List.of())));
    index = LuceneIndex.open(dir.resolve("index"));
    index.catchUp(store);
    List<Source> catalog = List.of(
        new Source("tagesschau", "Tagesschau", "https://www.tagesschau.de/", List.of(), List.of(), "DE", List.of("de"),
            Source.OwnerType.PUBLIC_BROADCASTER, ""),
        new Source("dw", "Deutsche Welle", "https://www.dw.com/", List.of(), List.of(), "DE", List.of("de", "en"),
            Source.OwnerType.PUBLIC_BROADCASTER, ""));
    // the translation stage's offline gloss, as `panorama start` wires it when no service is configured
    translations = news.panorama.translate.Translations.open(news.panorama.core.PanoramaConfig.defaults());
    server = WebServer.start(store, index, new WebServer.Options(catalog, id -> id.equals("dw") ? "failed: 2 feeds read" : "",
            (title, language) -> translations.titleOrGloss(Article.of("t", "", "", "", language, null, title, ""))),
        "127.0.0.1", 0, () -> "", Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterAll
  static void stop() {
    server.close();
    translations.close();
    index.close();
    store.close();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  @Test
  void worldMap_shadesCountriesByCoverage_andLinksEveryCountryToItsPage() throws Exception {
    String page = get("/world").body();
    assertThat(page).contains("<svg viewBox=\"0 0 960 ")
        .contains("<a href=\"/countries/JP\" class=\"c5\" data-country=\"JP\" aria-label=\"Japan: 2 articles in 1 story from 2 outlets\">")
        .contains("<a href=\"/countries/DE\" class=\"c5\"")
        .contains("data-country=\"BR\" aria-label=\"Brazil: no coverage\"")
        .contains("class=\"c0\"");
    // a country too small to draw at this scale is still there to pick, as a dot
    assertThat(page).containsPattern("data-country=\"SG\"[^>]*><title>[^<]*</title><circle ");
    assertThat(page.split("<a href=\"/countries/", -1).length - 1).as("countries on the map and in the list")
        .isGreaterThan(200);
  }

  @Test
  void countryPage_listsItsStories_itsBlindspots_andWhatOnlyItCovers() throws Exception {
    String germany = get("/countries/de").body();
    String blindspots = germany.substring(germany.indexOf("<section class=\"blindspots\">"), germany.indexOf("<section class=\"mainly\">"));
    assertThat(blindspots).contains("Strong earthquake off northern Japan; no damage reported").contains("/stories/summit")
        .doesNotContain("/stories/budget");
    String mainly = germany.substring(germany.indexOf("<section class=\"mainly\">"));
    assertThat(mainly).contains("/stories/budget").doesNotContain("/stories/quake");
    // the German outlets' titles in English, labelled as a gloss, the original one click away
    assertThat(germany).containsPattern("<p class=\"local\">[^<]*2026 <span class=\"label\" title=\"Glossed word by word[^\"]*\">gloss</span>")
        .contains("<summary>original (de)</summary><span lang=\"de\">Bundestag beschließt Haushalt für 2026</span>")
        .contains("<a href=\"/sources/dw\">Deutsche Welle</a>");
    // Japan's outlets covered the quake: no blindspot there for it; the summit (3 other countries) is one
    String japan = get("/countries/JP").body();
    String japanBlind = japan.substring(japan.indexOf("<section class=\"blindspots\">"), japan.indexOf("<section class=\"mainly\">"));
    assertThat(japanBlind).contains("/stories/summit").doesNotContain("/stories/quake").doesNotContain("/stories/budget");
    assertThat(get("/countries/ZZ").statusCode()).isEqualTo(404);
    assertThat(get("/countries/Germany").statusCode()).isEqualTo(404);
  }

  @Test
  void topStories_rankBreadthAndRecency() throws Exception {
    JsonNode home = json("/api/v1/countries");
    assertThat(home.get("countries").get(0).get("code").asText()).isEqualTo("DE"); // 3 articles
    String page = get("/").body();
    assertThat(page.indexOf("/stories/quake")).isLessThan(page.indexOf("/stories/summit"));
    assertThat(page.indexOf("/stories/summit")).isLessThan(page.indexOf("/stories/budget"));
  }

  @Test
  void countryApi_matchesThePage() throws Exception {
    JsonNode de = json("/api/v1/countries/DE");
    assertThat(de.get("name").asText()).isEqualTo("Germany");
    assertThat(de.get("coverage").get("articles").asInt()).isEqualTo(3);
    assertThat(ids(de.get("blindspots"))).containsExactly("quake", "summit");
    assertThat(ids(de.get("mainlyHere"))).containsExactly("budget");
    assertThat(de.get("stories").get(0).get("titles").get(0).get("language").asText()).isEqualTo("de");
    assertThat(de.get("outlets")).hasSize(2);
  }

  private static List<String> ids(JsonNode rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.get("id").asText()));
    return out;
  }

  @Test
  void sources_listTheCatalogWithActivityAndHealth_paginated() throws Exception {
    HttpResponse<String> first = get("/api/v1/sources?limit=5");
    assertThat(first.headers().firstValue("X-Total-Count")).hasValue("12"); // 2 in the catalog (one has articles) + 10 other outlets with articles
    assertThat(first.headers().firstValue("Link")).hasValue("</api/v1/sources?offset=5&limit=5>; rel=\"next\"");
    JsonNode page = Json.mapper().readTree(first.body());
    assertThat(page).hasSize(5);
    assertThat(page.get(0).get("id").asText()).isEqualTo("tagesschau");
    assertThat(page.get(0).get("articles").asInt()).isEqualTo(1);
    assertThat(page.get(1).get("health").asText()).isEqualTo("failed: 2 feeds read");
    JsonNode last = Json.mapper().readTree(get("/api/v1/sources?limit=5&offset=10").body());
    assertThat(last).hasSize(2);
    assertThat(get("/api/v1/sources?offset=-1").statusCode()).isEqualTo(400);
    assertThat(get("/api/v1/sources?offset=-1").body()).contains("offset must be a whole number");
    assertThat(get("/sources").body()).contains("Deutsche Welle").contains("failed: 2 feeds read").contains("not in the catalog");
    assertThat(get("/sources/ap").body()).contains("Zelensky meets Erdogan in Ankara").contains("Powerful quake");
    assertThat(json("/api/v1/sources/ap").get("recent")).hasSize(2);
    assertThat(get("/sources/nobody").statusCode()).isEqualTo(404);
    HttpResponse<String> stories = get("/api/v1/stories?limit=2&offset=1");
    assertThat(stories.headers().firstValue("X-Total-Count")).hasValue("3");
    assertThat(Json.mapper().readTree(stories.body())).hasSize(2);
  }

  @Test
  void feeds_inRssAtomAndJsonFeed_forTopStoriesCountriesStoriesAndSearches() throws Exception {
    for (String format : List.of("rss", "atom")) {
      HttpResponse<String> r = get("/feeds/top." + format);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/" + format + "+xml");
      SyndFeed top = new SyndFeedInput().build(new StringReader(r.body()));
      assertThat(top.getEntries()).hasSize(3);
      assertThat(top.getEntries().get(0).getTitle()).isEqualTo("Strong earthquake off northern Japan; no damage reported");
      assertThat(top.getEntries().get(0).getLink()).isEqualTo(server.url() + "stories/quake");
      SyndFeed germany = new SyndFeedInput().build(new StringReader(get("/feeds/countries/DE." + format).body()));
      assertThat(germany.getEntries()).extracting(e -> e.getLink()).containsExactly(server.url() + "stories/budget");
    }
    JsonNode versions = json("/feeds/stories/quake.json");
    assertThat(versions.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
    assertThat(versions.get("items")).hasSize(2);
    assertThat(versions.get("items").get(0).get("title").asText()).startsWith("Version 2: ");
    assertThat(versions.get("items").get(0).get("content_text").asText()).contains("New sources: bbc");
    JsonNode search = json("/feeds/search.json?q=earthquake");
    assertThat(search.get("items").size()).isGreaterThanOrEqualTo(2);
    assertThat(get("/feeds/top.xml").statusCode()).isEqualTo(400);
    assertThat(get("/feeds/search.rss").statusCode()).isEqualTo(400);
    assertThat(get("/feeds/stories/none.rss").statusCode()).isEqualTo(404);
  }

  @Test
  void entityPage_gathersOneNameAcrossLanguagesAndScripts() throws Exception {
    String page = get("/entities/volodymyr%20zelensky").body();
    assertThat(page).contains("Person · named in 3 articles of 1 story")
        .contains("<q>Zelenskiy</q>").contains("<q>Зеленський</q>").contains("<q>Zelensky</q>")
        .contains("href=\"/stories/summit\"").contains("Zelenskiy Ankara&#39;da Erdoğan ile görüştü");
    JsonNode api = json("/api/v1/entities/volodymyr%20zelensky");
    assertThat(api.get("articles").asInt()).isEqualTo(3);
    assertThat(api.get("stories").get(0).get("articles")).hasSize(3);
    assertThat(get("/entities/nobody").statusCode()).isEqualTo(404);
    String summit = get("/stories/summit").body();
    assertThat(summit).contains("<a href=\"/entities/volodymyr%20zelensky\" title=\"Person\">");
    // non-English takes get an English line, and so does the Turkish quote; the English take does not
    assertThat(summit.split("class=\"english\"", -1)).hasSize(4);
    assertThat(summit).containsPattern("<q>Türkiye, Ukrayna ile barış için çalışıyor</q> — Recep Tayyip Erdoğan"
        + ".*<span class=\"english\">[^<]*Ukraine[^<]*</span> <span class=\"label\"[^>]*>gloss</span>");
  }

  @Test
  void healthAndMetrics_reportTheStoreAndTheRequests() throws Exception {
    JsonNode health = json("/health");
    assertThat(health.get("status").asText()).isEqualTo("up");
    assertThat(health.get("articles").asLong()).isEqualTo(12);
    get("/world");
    String metrics = get("/metrics").body();
    assertThat(metrics).contains("panorama_articles_stored 12.0").contains("panorama_stories_stored 3.0")
        .containsPattern("panorama_http_requests_seconds_count\\{[^}]*route=\"/world\"[^}]*\\} [1-9]")
        .contains("jvm_memory_used_bytes");
  }

  /**
   * The OpenAPI document matches the implementation: every documented path answers 200 with every
   * property its schema requires, and every route of the API, the feeds and /health is documented.
   */
  @Test
  void openApi_documentsExactlyTheRoutesServed_withTheirProperties() throws Exception {
    JsonNode doc = json("/api/openapi.json");
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    Map<String, String> examples = Map.of("{id}", "quake", "{code}", "DE", "{format}", "json", "{key}", "volodymyr%20zelensky");
    List<String> documented = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      documented.add("GET " + path.getKey());
      String url = path.getKey();
      for (Map.Entry<String, String> e : examples.entrySet()) url = url.replace(e.getKey(), e.getValue());
      if (url.startsWith("/api/v1/articles/")) url = "/api/v1/articles/quake-nhk";
      if (url.startsWith("/api/v1/sources/")) url = "/api/v1/sources/ap";
      for (JsonNode p : path.getValue().get("get").get("parameters")) {
        if (p.path("required").asBoolean() && p.get("in").asText().equals("query")) url += "?" + p.get("name").asText() + "=earthquake";
      }
      HttpResponse<String> r = get(url);
      assertThat(r.statusCode()).as(url).isEqualTo(200);
      JsonNode schema = path.getValue().get("get").get("responses").get("200").get("content").path("application/json").path("schema");
      if (schema.has("$ref")) checkProperties(doc, schema.get("$ref").asText(), Json.mapper().readTree(r.body()), url);
    }
    List<String> served = server.routes().stream()
        .filter(r -> r.startsWith("GET /api/v1/") || r.startsWith("GET /feeds/") || r.equals("GET /health"))
        .toList();
    assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
  }

  private static void checkProperties(JsonNode doc, String ref, JsonNode answer, String url) {
    JsonNode schema = doc.get("components").get("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
    if ("array".equals(schema.path("type").asText())) {
      assertThat(answer.isArray()).as(url + " answers a list").isTrue();
      if (!answer.isEmpty()) checkProperties(doc, schema.get("items").get("$ref").asText(), answer.get(0), url);
      return;
    }
    for (JsonNode p : schema.get("required")) {
      assertThat(answer.has(p.asText())).as(url + " has " + p.asText()).isTrue();
    }
  }
}
