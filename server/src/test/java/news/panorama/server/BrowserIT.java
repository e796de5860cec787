package news.panorama.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Briefing;
import news.panorama.core.Bullet;
import news.panorama.core.Citation;
import news.panorama.core.Sample;
import news.panorama.core.Sentence;
import news.panorama.core.StoryAssignment;
import news.panorama.core.StorySections;
import news.panorama.store.JdbcStore;
import news.panorama.store.LuceneIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a reader does, in a real browser: Debian's headless Chromium driven by Playwright (no
 * browser download: {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}). Skipped when there is no Chromium,
 * unless {@code PANORAMA_REQUIRE_BROWSER} is set (CI sets it, and installs the browser). Screenshots
 * of every page at desktop and phone widths land in {@code target/screenshots}.
 */
class BrowserIT {
  private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PANORAMA_CHROMIUM", "/usr/bin/chromium"));
  private static final Path SHOTS = Path.of("target", "screenshots");
  private static final Instant NOW = Instant.parse("2025-11-18T12:00:00Z");
  private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

  @TempDir static Path dir;
  private static JdbcStore store;
  private static LuceneIndex index;
  private static WebServer server;
  private static Playwright playwright;
  private static Browser browser;
  private BrowserContext context;
  private Page page;
  private final AtomicInteger dialogs = new AtomicInteger();
  private String test;

  @BeforeAll
  static void start() throws Exception {
    boolean required = System.getenv("PANORAMA_REQUIRE_BROWSER") != null;
    assumeTrue(required || Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + "; browser tests skipped");
    store = JdbcStore.open(JdbcStore.h2Url(dir));
    List<Article> sample = Sample.articles();
    for (Article a : sample) store.save(annotated(a), new StoryAssignment(a.id(), "zelensky", false, 0.5));
    Article turkey = sample.get(1);
    Article kyiv = sample.get(3);
    Sentence t0 = annotated(turkey).sentences().get(0);
    Sentence k1 = annotated(kyiv).sentences().get(1);
    Citation fromTurkey = new Citation(turkey.id(), t0.index(), turkey.source(), turkey.url(), t0.text());
    Citation fromKyiv = new Citation(kyiv.id(), k1.index(), kyiv.source(), kyiv.url(), k1.text());
    store.saveBriefing(new Briefing("zelensky", "Zelensky goes to Turkey to restart peace talks", "Russia will not attend",
        List.of(new Bullet("Zelensky travels to Turkey.", List.of(fromTurkey)),
            new Bullet("A US envoy is expected.", List.of(fromKyiv))),
        List.of(turkey.id(), kyiv.id()), NOW, StorySections.none()));
    // an outlet's text with a planted script, in the title and the body
    Article evil = Article.of("evil-1", "https://evil.example/a", "Evil Times", "FR", "fr", NOW.minusSeconds(60),
        "<script>window.__pwned = 1; alert('title')</script> Breaking",
        "First line <img src=x onerror=\"window.__pwned = 2\">.\n<script>window.__pwned = 3</script>Second paragraph.");
    store.save(annotated(evil), new StoryAssignment(evil.id(), "evil", true, 1.0));
    index = LuceneIndex.open(dir.resolve("index"));
    index.catchUp(store);
    server = WebServer.start(store, index, "127.0.0.1", 0, () -> "", Clock.fixed(NOW, ZoneOffset.UTC));
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setArgs(ARGS));
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (playwright != null) playwright.close();
    if (server != null) server.close();
    if (index != null) index.close();
    if (store != null) store.close();
  }

  @BeforeEach
  void open(TestInfo info) {
    test = info.getTestMethod().orElseThrow().getName();
    context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    context.setDefaultTimeout(10_000);
    page = context.newPage();
    page.onDialog(d -> {
      dialogs.incrementAndGet();
      d.dismiss();
    });
  }

  @AfterEach
  void close() {
    if (context != null) context.close();
  }

  private String url(String path) {
    return server.url() + path.substring(1);
  }

  /** Screenshots the page at desktop and phone widths, checking that nothing overflows sideways on a phone. */
  private void shoot(String name) {
    page.setViewportSize(1280, 900);
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(test + "-" + name + "-desktop.png")).setFullPage(true));
    page.setViewportSize(390, 844);
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(test + "-" + name + "-phone.png")).setFullPage(true));
    Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
    assertThat(((Number) overflow).intValue()).as(name + " fits a phone's width").isLessThanOrEqualTo(0);
    page.setViewportSize(1280, 900);
  }

  @Test
  void reader_opensAStory_andFollowsACitationToTheMarkedPassage() {
    page.navigate(url("/"));
    assertThat(page.locator("h1").first().textContent()).isEqualTo("Top stories");
    shoot("home");
    page.locator("ol.stories a", new Page.LocatorOptions().setHasText("Zelensky goes to Turkey")).click();
    page.waitForURL("**/stories/zelensky");
    assertThat(page.locator("ul.overview li")).satisfies(l -> assertThat(l.count()).isEqualTo(2));
    shoot("story");
    page.locator("ul.overview a.cite").nth(1).click();
    page.waitForURL("**/articles/**#cited");
    assertThat(page.locator("mark#cited").isVisible()).isTrue();
    assertThat(page.locator("mark#cited").textContent()).isEqualTo(annotated(Sample.articles().get(3)).sentences().get(1).text().strip());
    shoot("cited");
  }

  @Test
  void reader_opensACountryFromTheMap_withTheMouseAndTheKeyboard() {
    page.navigate(url("/world"));
    assertThat(page.locator("svg a[data-country]").count()).isGreaterThan(200);
    shoot("world");
    page.locator("svg a[data-country='TR'] path").click();
    page.waitForURL("**/countries/TR");
    assertThat(page.locator("h1").textContent()).isEqualTo("Türkiye");
    shoot("country");
    page.goBack();
    page.locator("svg a[data-country='UA']").focus();
    page.keyboard().press("Enter");
    page.waitForURL("**/countries/UA");
    assertThat(page.locator("h1").textContent()).isEqualTo("Ukraine");
  }

  @Test
  void reader_searches_andOpensAHit() {
    page.navigate(url("/"));
    page.locator("header form.search input[name=q]").fill("Ankara");
    page.keyboard().press("Enter");
    page.waitForURL("**/search?q=Ankara");
    // hits grouped by story, under the story's headline
    assertThat(page.locator("ol.hits > li.story-hits h2").first().textContent())
        .isEqualTo("Zelensky goes to Turkey to restart peace talks");
    assertThat(page.locator("ol.hits li.story-hits ul li").count()).isGreaterThan(1);
    assertThat(page.locator("ol.hits mark").first().textContent()).isEqualToIgnoringCase("Ankara");
    shoot("search");
    page.locator("ol.hits li.story-hits ul li a").first().click();
    page.waitForURL("**/articles/**");
    assertThat(page.locator("article.article h1").isVisible()).isTrue();
  }

  @Test
  void aScriptPlantedInAnArticle_neverRuns() {
    for (String path : List.of("/", "/stories/evil", "/articles/evil-1", "/search?q=Breaking", "/sources/Evil%20Times")) {
      page.navigate(url(path));
      page.waitForLoadState();
      assertThat(page.evaluate("() => window.__pwned === undefined")).as(path).isEqualTo(true);
    }
    assertThat(page.locator("article.article h1").count()).isZero(); // the last page is the source page
    page.navigate(url("/articles/evil-1"));
    assertThat(page.locator("article.article h1").textContent()).contains("<script>");
    assertThat(dialogs.get()).isZero();
    shoot("planted-script");
  }

  @Test
  void everyPage_hasASourceListAndSourcePages() {
    page.navigate(url("/sources"));
    assertThat(page.locator("table.catalog tbody tr").count()).isGreaterThan(0);
    shoot("sources");
  }

  private static Annotated annotated(Article a) {
    List<Sentence> sentences = new ArrayList<>();
    int start = 0;
    for (String line : a.text().split("\n")) {
      if (!line.isBlank()) {
        sentences.add(new Sentence(sentences.size(), line, start, start + line.length(),
            List.of(line.toLowerCase(Locale.ROOT).split("\\W+"))));
      }
      start += line.length() + 1;
    }
    return new Annotated(a, a.language(), List.of(), sentences, List.of(), List.of());
  }
}
