package news.panorama.server;

import io.javalin.Javalin;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.ArticleJson;
import news.panorama.core.Briefing;
import news.panorama.core.Json;
import news.panorama.core.Source;
import news.panorama.core.Store;
import news.panorama.core.SearchResult;
import news.panorama.core.Sentence;
import news.panorama.core.SearchQuery;
import news.panorama.core.SearchIndex;
import news.panorama.core.Story;
import news.panorama.core.Validate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves what a {@link Store} holds: server-rendered pages for readers and a small JSON API under
 * {@code /api/v1}. Pages need no JavaScript and load nothing from other hosts. Every request reads
 * the store afresh, so the server can run while the pipeline writes; the home page costs one query
 * for the top stories plus one per story for its briefing.
 */
public final class WebServer implements AutoCloseable {
  static final int DEFAULT_LIMIT = 30;
  static final int MAX_LIMIT = 200;
  /** The window of recent articles that the map, the country pages and their blindspots look at. */
  static final java.time.Duration WINDOW = java.time.Duration.ofDays(7);
  private static final java.time.Duration COVERAGE_TTL = java.time.Duration.ofSeconds(10);
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  private static final String MESSAGE = "panorama.message";
  private static final String STARTED = "panorama.started";

  private final Store store;
  private final @Nullable SearchIndex search;
  private final Supplier<String> status;
  private final Clock clock;
  private final Options options;
  private final Javalin app;
  private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private volatile @Nullable Cached coverage;

  /**
   * What the server shows beside the store: the catalog of outlets and each one's crawl health
   * (a short phrase, empty when unknown).
   */
  public record Options(List<Source> catalog, Function<String, String> health, English english) {
    public static final Options NONE = new Options(List.of(), id -> "", English.NONE);

    public Options {
      catalog = List.copyOf(catalog);
    }
  }

  /**
   * Titles in English for readers (the translation stage): a translation, a gloss, or null when
   * there is none; never throws. Titles already in English are not asked for.
   */
  @FunctionalInterface
  public interface English {
    English NONE = (title, language) -> null;

    news.panorama.core.@Nullable Translation title(String title, String language);
  }

  /** The title in English when it is in another language and the translation stage gives one. */
  private news.panorama.core.@Nullable Translation english(String title, String language) {
    if (title.isBlank() || language.isBlank() || language.equals("en")) return null;
    try {
      news.panorama.core.Translation t = options.english().title(title, language);
      return t == null || t.kind() == news.panorama.core.Translation.Kind.ORIGINAL ? null : t;
    } catch (RuntimeException e) {
      log.warn("no English title for '{}': {}", title, e.toString());
      return null;
    }
  }

  private record Cached(WorldCoverage coverage, long articles, Instant at) {}

  private WebServer(Store store, @Nullable SearchIndex search, Supplier<String> status, Clock clock, Options options) {
    this.store = store;
    this.search = search;
    this.status = status;
    this.clock = clock;
    this.options = options;
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmGcMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    new UptimeMetrics().bindTo(metrics);
    Gauge.builder("panorama.articles.stored", store, Store::articleCount).description("articles in the store")
        .register(metrics);
    Gauge.builder("panorama.stories.stored", store, Store::storyCount).description("stories in the store")
        .register(metrics);
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(Json.mapper(), false));
      config.staticFiles.add(files -> {
        files.hostedPath = "/static";
        files.directory = "/static";
        files.location = Location.CLASSPATH;
      });
    });
    app.get("/", this::home);
    app.get("/stories/{id}", this::storyPage);
    app.get("/articles/{id}", this::articlePage);
    app.get("/search", this::searchPage);
    app.get("/world", ctx -> html(ctx, WorldPages.world(coverage(), statusLine())));
    app.get("/countries/{code}", this::countryPage);
    app.get("/sources", this::sourcesPage);
    app.get("/entities/{key}", this::entityPage);
    app.get("/api/v1/entities/{key}", this::apiEntity);
    app.get("/sources/{id}", this::sourcePage);
    app.get("/api/v1/search", this::apiSearch);
    app.get("/api/v1/stories", this::apiStories);
    app.get("/api/v1/stories/{id}", this::apiStory);
    app.get("/api/v1/stories/{id}/versions", this::apiVersions);
    app.get("/api/v1/articles/{id}", this::apiArticle);
    app.get("/api/v1/status", ctx -> ctx.json(
        new Status(statusLine(), store.articleCount(), store.storyCount())));
    app.get("/api/v1/countries", ctx -> ctx.json(countriesJson(coverage())));
    app.get("/api/v1/countries/{code}", this::apiCountry);
    app.get("/api/v1/sources", this::apiSources);
    app.get("/api/v1/sources/{id}", this::apiSource);
    app.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(OpenApi.document()));
    app.get("/feeds/top.{format}", ctx -> feed(ctx, topFeed(ctx)));
    app.get("/feeds/countries/{code}.{format}", ctx -> {
      String code = countryCode(ctx);
      if (code != null) feed(ctx, countryFeed(ctx, code));
    });
    app.get("/feeds/stories/{id}.{format}", this::storyFeed);
    app.get("/feeds/search.{format}", ctx -> {
      String q = ctx.queryParam("q");
      Validate.isTrue(q != null && !q.isBlank(), "the query parameter q (the words to search for) is missing");
      feed(ctx, searchFeed(ctx, q));
    });
    app.get("/healthz", ctx -> ctx.result("ok"));
    app.get("/health", this::health);
    app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    app.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
    app.after(ctx -> {
      Long started = ctx.attribute(STARTED);
      if (started != null) {
        String route = ctx.endpointHandlerPath();
        metrics.timer("panorama.http.requests", "method", ctx.method().name(),
            "route", route.isEmpty() || "*".equals(route) ? "unmatched" : route,
            "status", Integer.toString(ctx.statusCode())).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      }
    });
    app.after(ctx -> {
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.header("Content-Security-Policy",
          "default-src 'self'; img-src 'self' https: data:; frame-ancestors 'none'");
    });
    app.exception(IllegalArgumentException.class, (e, ctx) -> badRequest(ctx, e.getMessage()));
    app.exception(Exception.class, this::failure);
    app.error(404, this::notFound);
  }

  /** Starts a server on the loopback interface; port 0 picks a free port. */
  public static WebServer start(Store store, int port, Supplier<String> status) {
    return start(store, "127.0.0.1", port, status, Clock.systemUTC());
  }

  /**
   * Starts a server on a host address ({@code 0.0.0.0} for every interface); {@code status} gives
   * the one-line banner shown on every page, and {@code clock} the "now" that ages are counted from.
   */
  public static WebServer start(
      Store store, String host, int port, Supplier<String> status, Clock clock) {
    return start(store, null, host, port, status, clock);
  }

  /** Starts a server that also answers searches ({@code /search}, {@code /api/v1/search}). */
  public static WebServer start(Store store, @Nullable SearchIndex search, String host, int port,
      Supplier<String> status, Clock clock) {
    return start(store, search, Options.NONE, host, port, status, clock);
  }

  /** Starts a server that also shows the catalog of outlets and their health. */
  public static WebServer start(Store store, @Nullable SearchIndex search, Options options, String host, int port,
      Supplier<String> status, Clock clock) {
    Validate.isTrue(port >= 0 && port <= 65_535, "port must be between 0 and 65535, got " + port);
    Validate.notBlank(host, "host");
    WebServer server = new WebServer(store, search, status, clock, options);
    server.app.start(host, port);
    return server;
  }

  public int port() {
    return app.port();
  }

  /** The address of the home page, for example {@code http://localhost:8080/}. */
  public String url() {
    return "http://localhost:" + port() + "/";
  }

  @Override
  public void close() {
    app.stop();
  }

  /** Every route served, as "GET /path/{param}", for checking the OpenAPI document against. */
  List<String> routes() {
    return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
        .map(e -> e.getEndpoint().getMethod() + " " + e.getEndpoint().getPath())
        .toList();
  }

  private void home(Context ctx) {
    html(ctx, Pages.home(topListed(), statusLine(), clock.instant()));
  }

  /** A story as the home page lists it: with its briefing, and its headline in English when all its articles are in another language. */
  private Pages.Listed listed(Story story) {
    Briefing briefing = store.briefing(story.id()).orElse(null);
    String headline = Pages.headline(story, briefing);
    news.panorama.core.Translation english = story.languages().size() == 1 ? english(headline, story.languages().get(0)) : null;
    return new Pages.Listed(story, briefing, english);
  }

  /**
   * The top stories: those of the recent window ranked by breadth and recency, then, when the window
   * holds fewer, the broadest earlier ones (a replayed archive, a quiet week).
   */
  private List<Pages.Listed> topListed() {
    List<Pages.Listed> listed = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (WorldCoverage.StoryCoverage c : coverage().top(DEFAULT_LIMIT)) {
      store.story(c.storyId()).ifPresent(story -> {
        seen.add(story.id());
        listed.add(listed(story));
      });
    }
    if (listed.size() < DEFAULT_LIMIT) {
      for (Story story : store.topStories(DEFAULT_LIMIT)) {
        if (listed.size() < DEFAULT_LIMIT && seen.add(story.id())) {
          listed.add(listed(story));
        }
      }
    }
    return listed;
  }

  private void storyPage(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<Story> story = store.story(id);
    if (story.isEmpty()) {
      missingStory(ctx, id, Pages::storyPath);
      return;
    }
    List<Annotated> annotated = store.annotated(id);
    List<Article> articles = annotated.stream().map(Annotated::article).toList();
    Map<String, news.panorama.core.Translation> titles = new java.util.HashMap<>();
    Map<String, String> languages = new java.util.HashMap<>();
    for (Annotated a : annotated) {
      languages.put(a.article().id(), a.language());
      news.panorama.core.Translation t = english(a.article().title(), a.language());
      if (t != null) titles.put(a.article().id(), t);
    }
    Briefing briefing = store.briefing(id).orElse(null);
    Map<String, news.panorama.core.Translation> lines = new java.util.HashMap<>();
    if (briefing != null) {
      briefing.overview().forEach(b -> englishLine(lines, b.text(), b.citations(), languages));
      briefing.sections().quotes().forEach(q -> englishLine(lines, q.text(), q.citations(), languages));
      for (news.panorama.core.StorySections.CountryTake c : briefing.sections().countries()) {
        if (c.quote() != null) englishLine(lines, c.quote().quote(), List.of(c.quote()), languages);
      }
    }
    html(ctx, Pages.story(story.get(), briefing, store.versions(id), articles,
        EntityPages.named(annotated, 12), new Pages.English(titles, lines), statusLine(), clock.instant()));
  }

  /** Puts the English of a sentence quoted from an article in another language (its first citation's) into {@code lines}. */
  private void englishLine(Map<String, news.panorama.core.Translation> lines, String text,
      List<news.panorama.core.Citation> citations, Map<String, String> languages) {
    if (citations.isEmpty() || lines.containsKey(text)) return;
    String language = languages.getOrDefault(citations.get(0).articleId(), "");
    news.panorama.core.Translation t = english(text, language);
    if (t != null) lines.put(text, t);
  }

  private void entityPage(Context ctx) {
    EntityPages.Found found = entity(ctx);
    if (found != null) html(ctx, EntityPages.page(found, statusLine(), clock.instant()));
  }

  private void apiEntity(Context ctx) {
    EntityPages.Found found = entity(ctx);
    if (found != null) ctx.json(EntityPages.json(found));
  }

  /** The entity of a request with its stories, or null (and a 404 already set) when no stored article names it. */
  private EntityPages.@Nullable Found entity(Context ctx) {
    String key = ctx.pathParam("key");
    if (search == null) {
      notFound(ctx, "Entity pages need the search index, which this server does not have.");
      return null;
    }
    news.panorama.core.SearchResult hits = search.mentioning(key, EntityPages.MAX_ARTICLES);
    if (hits.hits().isEmpty()) {
      notFound(ctx, "No stored article names '" + key + "'.");
      return null;
    }
    return EntityPages.find(key, hits, store, this::headline);
  }

  /**
   * The coverage of the last {@link #WINDOW} of articles, ending now or at the newest article when
   * the archive is older (a replayed corpus); recomputed when articles arrived and it is a few
   * seconds old.
   */
  WorldCoverage coverage() {
    Instant now = clock.instant();
    Cached c = coverage;
    long articles = store.articleCount();
    if (c != null && (c.articles() == articles || c.at().plus(COVERAGE_TTL).isAfter(now))) {
      return c.coverage();
    }
    Instant end = store.latestPublished().filter(t -> t.isBefore(now)).orElse(now);
    Instant start = end.minus(WINDOW);
    WorldCoverage computed = WorldCoverage.of(store.coverage(start), start, end);
    coverage = new Cached(computed, articles, now);
    return computed;
  }

  /** What a country's page and its API answer show: its outlets' stories, its blindspots, what only it covers, its outlets. */
  private record CountryView(List<WorldPages.Item> stories, List<WorldPages.Item> blindspots,
      List<WorldPages.Item> mainlyHere, List<Source> outlets) {}

  private CountryView countryView(String code, WorldCoverage world) {
    return new CountryView(items(world.storiesOf(code, DEFAULT_LIMIT), code), items(world.blindspots(code, 15), null),
        items(world.mainlyHere(code, 15), code), options.catalog().stream().filter(s -> s.country().equals(code)).toList());
  }

  private void countryPage(Context ctx) {
    String code = countryCode(ctx);
    if (code == null) return;
    WorldCoverage world = coverage();
    CountryView v = countryView(code, world);
    html(ctx, WorldPages.country(code, world, v.stories(), v.blindspots(), v.mainlyHere(), v.outlets(), statusLine(),
        clock.instant()));
  }

  /** The country code of a request, upper-cased; null (and a 404 already set) when it names no country. */
  private static @Nullable String countryCode(Context ctx) {
    String code = ctx.pathParam("code").strip().toUpperCase(java.util.Locale.ROOT);
    if (!WorldMap.isCountry(code)) {
      notFound(ctx, "'" + ctx.pathParam("code") + "' is not an ISO 3166-1 alpha-2 country code.");
      return null;
    }
    return code;
  }

  /** A stored story's headline ({@link Pages#headline}), or its id when it is no longer stored. */
  private String headline(String storyId) {
    Briefing briefing = store.briefing(storyId).orElse(null);
    return store.story(storyId).map(story -> Pages.headline(story, briefing)).orElse(storyId);
  }

  /** Stories with their headlines and, when {@code country} is given, that country's outlets' titles. */
  private List<WorldPages.Item> items(List<WorldCoverage.StoryCoverage> stories, @Nullable String country) {
    List<WorldPages.Item> out = new ArrayList<>();
    for (WorldCoverage.StoryCoverage c : stories) {
      List<WorldPages.Title> titles = new ArrayList<>();
      if (country != null) {
        for (Store.Listing a : store.storyListings(c.storyId())) {
          if (a.country().equals(country) && titles.size() < 3) titles.add(new WorldPages.Title(a, english(a.title(), a.language())));
        }
      }
      out.add(new WorldPages.Item(c, headline(c.storyId()), titles));
    }
    return out;
  }

  /** Every source with stored articles, by id, in id order. */
  private Map<String, Store.SourceActivity> activityBySource() {
    Map<String, Store.SourceActivity> activity = new java.util.LinkedHashMap<>();
    for (Store.SourceActivity a : store.sourceActivity()) activity.put(a.source(), a);
    return activity;
  }

  private void sourcesPage(Context ctx) {
    html(ctx, WorldPages.sources(options.catalog(), activityBySource(), options.health(), statusLine(), clock.instant()));
  }

  /** A source of a request: its catalog entry and its stored articles' count, either possibly missing. */
  private record Outlet(String id, @Nullable Source source, Store.@Nullable SourceActivity activity) {}

  /** The source a request names, or null (and a 404 already set) when neither the catalog nor the store knows it. */
  private @Nullable Outlet outlet(Context ctx) {
    String id = ctx.pathParam("id");
    Source source = options.catalog().stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    Store.SourceActivity activity = store.sourceActivity(id).orElse(null);
    if (source == null && activity == null) {
      notFound(ctx, "No source '" + id + "' is in the catalog or has stored articles.");
      return null;
    }
    return new Outlet(id, source, activity);
  }

  private void sourcePage(Context ctx) {
    Outlet o = outlet(ctx);
    if (o == null) return;
    html(ctx, WorldPages.source(o.id(), o.source(), o.activity(), store.recentArticles(o.id(), DEFAULT_LIMIT),
        options.health().apply(o.id()), statusLine(), clock.instant()));
  }

  private void apiCountry(Context ctx) {
    String code = countryCode(ctx);
    if (code == null) return;
    WorldCoverage world = coverage();
    CountryView v = countryView(code, world);
    ctx.json(new CountryDetail(code, WorldMap.countryName(code), world.from(), world.to(),
        world.country(code).map(WebServer::countryJson).orElse(null),
        rows(v.stories()), rows(v.blindspots()), rows(v.mainlyHere()),
        v.outlets().stream().map(s -> sourceJson(s.id(), s, null)).toList()));
  }

  private static CountriesJson countriesJson(WorldCoverage world) {
    return new CountriesJson(world.from(), world.to(), world.countries().stream().map(WebServer::countryJson).toList());
  }

  private static CountryJson countryJson(WorldCoverage.CountryTotal c) {
    return new CountryJson(c.country(), WorldMap.countryName(c.country()), c.stories(), c.articles(), c.sources(),
        WorldPages.countryPath(c.country()));
  }

  private static List<StoryRow> rows(List<WorldPages.Item> items) {
    return items.stream().map(i -> new StoryRow(i.coverage().storyId(), i.headline(), i.coverage().articles(),
        i.coverage().byCountry(), i.coverage().latest(), Pages.storyPath(i.coverage().storyId()),
        i.titles().stream().map(t -> new LocalTitle(t.article().articleId(), t.article().source(), t.article().language(),
            t.article().title(), t.english() == null ? null : t.english().text(),
            t.english() == null ? null : t.english().isGloss() ? "gloss" : "translation")).toList()))
        .toList();
  }

  private void apiSources(Context ctx) {
    Map<String, Store.SourceActivity> activity = activityBySource();
    List<SourceJson> all = new ArrayList<>();
    for (Source s : options.catalog()) all.add(sourceJson(s.id(), s, activity.remove(s.id())));
    activity.values().forEach(a -> all.add(sourceJson(a.source(), null, a)));
    paginate(ctx, all, "/api/v1/sources");
  }

  private void apiSource(Context ctx) {
    Outlet o = outlet(ctx);
    if (o == null) return;
    ctx.json(new SourceDetail(sourceJson(o.id(), o.source(), o.activity()), store.recentArticles(o.id(), DEFAULT_LIMIT).stream()
        .map(a -> new ArticleSummary(a.articleId(), "", a.title(), a.source(), a.country(), a.language(), a.published()))
        .toList()));
  }

  private SourceJson sourceJson(String id, @Nullable Source s, Store.@Nullable SourceActivity a) {
    return new SourceJson(id, s == null ? id : s.name(), s == null ? "" : s.homepage(), s == null ? "" : s.country(),
        s == null ? List.of() : s.languages(), s == null ? null : WorldPages.ownerType(s.ownerType()), s != null,
        a == null ? 0 : a.articles(), a == null ? null : a.latest(), options.health().apply(id), WorldPages.sourcePath(id));
  }

  /**
   * Answers one page of a list: {@code offset} and {@code limit} from the request, the total in
   * {@code X-Total-Count}, and the next page in a {@code Link} header (as GitHub's API does).
   */
  private static <T> void paginate(Context ctx, List<T> all, String path) {
    int limit = limit(ctx, DEFAULT_LIMIT);
    Validate.isTrue(limit >= 1 && limit <= MAX_LIMIT, "limit must be a whole number from 1 to " + MAX_LIMIT + ", got " + limit);
    int offset = offset(ctx);
    List<T> page = all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit));
    pageHeaders(ctx, path, offset, limit, all.size());
    ctx.json(page);
  }

  /** The total of a paginated list in {@code X-Total-Count}, and the next page, if any, in a {@code Link} header. */
  private static void pageHeaders(Context ctx, String path, int offset, int limit, long total) {
    ctx.header("X-Total-Count", Long.toString(total));
    if (offset + limit < total) {
      ctx.header("Link", "<" + path + "?offset=" + (offset + limit) + "&limit=" + limit + ">; rel=\"next\"");
    }
  }

  private static int offset(Context ctx) {
    String raw = param(ctx, "offset");
    if (raw == null) return 0;
    try {
      int offset = Integer.parseInt(raw);
      if (offset >= 0) return offset;
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw new IllegalArgumentException("offset must be a whole number from 0, got '" + raw + "'");
  }

  private void health(Context ctx) {
    long articles;
    long stories;
    try {
      articles = store.articleCount();
      stories = store.storyCount();
    } catch (RuntimeException e) {
      log.warn("health check: the store does not answer", e);
      ctx.status(503).json(Map.of("status", "down", "problem", "the store does not answer: " + e.getMessage()));
      return;
    }
    ctx.json(new Health("up", articles, stories, search != null, statusLine()));
  }

  private void feed(Context ctx, Feeds.Feed feed) {
    Feeds.Format format = Feeds.Format.of(ctx.pathParam("format"));
    ctx.contentType(format.contentType).result(Feeds.render(feed, format));
  }

  private Feeds.Feed topFeed(Context ctx) {
    String base = base(ctx);
    List<Feeds.Item> items = new ArrayList<>();
    for (Pages.Listed l : topListed()) items.add(storyItem(base, l.story(), l.briefing()));
    return new Feeds.Feed("Panorama: top stories", base + "/", base + ctx.path(), items);
  }

  private Feeds.Feed countryFeed(Context ctx, String code) {
    String base = base(ctx);
    List<Feeds.Item> items = new ArrayList<>();
    for (WorldCoverage.StoryCoverage c : coverage().storiesOf(code, DEFAULT_LIMIT)) {
      Optional<Story> story = store.story(c.storyId());
      story.ifPresent(value -> items.add(storyItem(base, value, store.briefing(c.storyId()).orElse(null))));
    }
    return new Feeds.Feed("Panorama: media of " + WorldMap.countryName(code), base + WorldPages.countryPath(code),
        base + ctx.path(), items);
  }

  private void storyFeed(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<Story> story = store.story(id);
    if (story.isEmpty()) {
      missingStory(ctx, id, target -> "/feeds/stories/" + Pages.pathSegment(target) + "." + ctx.pathParam("format"));
      return;
    }
    String base = base(ctx);
    String page = base + Pages.storyPath(id);
    List<Feeds.Item> items = new ArrayList<>();
    List<news.panorama.core.StoryVersion> versions = new ArrayList<>(store.versions(id));
    java.util.Collections.reverse(versions);
    for (news.panorama.core.StoryVersion v : versions) {
      StringBuilder summary = new StringBuilder();
      if (!v.newSources().isEmpty()) summary.append("New sources: ").append(String.join(", ", v.newSources())).append(".\n");
      v.added().forEach(b -> summary.append("+ ").append(b).append('\n'));
      v.dropped().forEach(b -> summary.append("- ").append(b).append('\n'));
      if (summary.isEmpty()) v.briefing().overview().forEach(b -> summary.append("• ").append(b.text()).append('\n'));
      items.add(new Feeds.Item(page + "#v" + v.version(), "Version " + v.version() + ": " + v.briefing().headline(),
          page, summary.toString().strip(), v.briefing().generated()));
    }
    feed(ctx, new Feeds.Feed("Panorama: " + story.get().headline(), page, base + ctx.path(), items));
  }

  private Feeds.Feed searchFeed(Context ctx, String q) {
    String base = base(ctx);
    List<Feeds.Item> items = new ArrayList<>();
    for (news.panorama.core.SearchHit h : searchFor(ctx, q).hits()) {
      items.add(new Feeds.Item(base + Pages.articlePath(h.articleId()), h.title(), base + Pages.articlePath(h.articleId()),
          org.jsoup.Jsoup.parse(h.snippet()).text() + " (" + h.source() + ")", h.published()));
    }
    return new Feeds.Feed("Panorama: search for " + q, base + "/search?q=" + java.net.URLEncoder.encode(q,
        java.nio.charset.StandardCharsets.UTF_8), base + ctx.path(), items);
  }

  private static Feeds.Item storyItem(String base, Story story, @Nullable Briefing briefing) {
    String link = base + Pages.storyPath(story.id());
    String title = Pages.headline(story, briefing);
    StringBuilder summary = new StringBuilder();
    if (briefing != null) {
      if (!briefing.subhead().isBlank()) summary.append(briefing.subhead()).append('\n');
      briefing.overview().forEach(b -> summary.append("• ").append(b.text()).append('\n'));
    }
    summary.append(story.sources().size()).append(" sources from ").append(story.countries().size()).append(" countries.");
    return new Feeds.Item(link, title, link, summary.toString(), story.last());
  }

  /** The scheme and host the request came to, for the absolute links feeds need. */
  private static String base(Context ctx) {
    String host = ctx.host();
    return ctx.scheme() + "://" + (host == null || host.isBlank() ? "localhost" : host);
  }

  private static void badRequest(Context ctx, String message) {
    ctx.status(400);
    if (isApi(ctx) || ctx.path().startsWith("/feeds/")) {
      ctx.json(Map.of("error", message));
    } else {
      html(ctx, Pages.error(message, ""));
    }
  }

  private void articlePage(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<Annotated> article = store.analyzed(id);
    if (article.isEmpty()) {
      notFound(ctx, "No article with id '" + id + "' is stored.");
      return;
    }
    Sentence cited = null;
    String s = param(ctx, "s");
    if (s != null && s.matches("\\d{1,6}")) {
      int n = Integer.parseInt(s);
      cited = article.get().sentences().stream().filter(x -> x.index() == n).findFirst().orElse(null);
    }
    html(ctx, Pages.article(article.get().article(), cited, EntityPages.named(List.of(article.get()), 20), statusLine()));
  }

  private void searchPage(Context ctx) {
    String q = ctx.queryParam("q");
    Pages.Filters filters = new Pages.Filters(orEmpty(ctx, "mode"), orEmpty(ctx, "country"), orEmpty(ctx, "language"),
        orEmpty(ctx, "source"), orEmpty(ctx, "from"), orEmpty(ctx, "to"));
    if (q == null || q.isBlank()) {
      html(ctx, Pages.search("", filters, null, Map.of(), Map.of(), null, statusLine()));
      return;
    }
    try {
      SearchResult result = searchFor(ctx, q);
      Map<String, String> headlines = new java.util.HashMap<>();
      Map<String, news.panorama.core.Translation> english = new java.util.HashMap<>();
      for (news.panorama.core.SearchHit h : result.hits()) {
        headlines.computeIfAbsent(h.storyId(), this::headline);
        news.panorama.core.Translation t = english(h.title(), h.language());
        if (t == null && h.titleGloss() != null) {
          t = new news.panorama.core.Translation(h.titleGloss(), h.language(), "en", "gloss", news.panorama.core.Translation.Kind.GLOSS);
        }
        if (t != null) english.put(h.articleId(), t);
      }
      html(ctx, Pages.search(q, filters, result, headlines, english, null, statusLine()));
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      html(ctx, Pages.search(q, filters, null, Map.of(), Map.of(), e.getMessage(), statusLine()));
    }
  }

  private static String orEmpty(Context ctx, String name) {
    String v = param(ctx, name);
    return v == null ? "" : v;
  }

  private void apiSearch(Context ctx) {
    String q = ctx.queryParam("q");
    Validate.isTrue(q != null && !q.isBlank(), "the query parameter q (the words to search for) is missing");
    ctx.json(searchFor(ctx, q));
  }

  /** Runs a search from request parameters; a bad parameter fails with a sentence naming it. */
  private SearchResult searchFor(Context ctx, String q) {
    if (search == null) throw new IllegalArgumentException("search is not available on this server");
    String mode = param(ctx, "mode");
    return search.search(new SearchQuery(q, param(ctx, "country"), param(ctx, "language"), param(ctx, "source"),
        param(ctx, "story"), time(ctx, "from"), time(ctx, "to"), limit(ctx, 20),
        mode == null ? SearchQuery.Mode.HYBRID : SearchQuery.Mode.parse(mode)));
  }

  private static @Nullable String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static @Nullable Instant time(Context ctx, String name) {
    return ArticleJson.requireTime(name, param(ctx, name));
  }

  private static int limit(Context ctx, int fallback) {
    String raw = param(ctx, "limit");
    if (raw == null) return fallback;
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("limit must be a whole number from 1 to " + SearchQuery.MAX_LIMIT + ", got '" + raw + "'");
    }
  }

  private void apiStories(Context ctx) {
    String raw = ctx.queryParam("limit");
    int limit = DEFAULT_LIMIT;
    if (raw != null) {
      try {
        limit = Integer.parseInt(raw.strip());
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        ctx.status(400).json(Map.of("error", "limit must be a whole number from 1 to " + MAX_LIMIT
            + ", got '" + raw + "'"));
        return;
      }
    }
    int offset = offset(ctx);
    pageHeaders(ctx, "/api/v1/stories", offset, limit, store.storyCount());
    List<Story> ranked = store.topStories(offset + limit);
    List<StorySummary> out = new ArrayList<>();
    for (Story s : ranked.subList(Math.min(offset, ranked.size()), ranked.size())) {
      Headline head = store.briefing(s.id()).map(b -> new Headline(b.headline(), b.subhead()))
          .orElse(null);
      out.add(new StorySummary(s.id(), s.headline(), s.first(), s.last(), s.articleCount(),
          s.sources(), s.countries(), s.languages(), head, Pages.storyPath(s.id())));
    }
    ctx.json(out);
  }

  private void apiStory(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<Story> found = store.story(id);
    if (found.isEmpty()) {
      missingStory(ctx, id, target -> "/api/v1" + Pages.storyPath(target));
      return;
    }
    Story s = found.get();
    List<ArticleSummary> articles = store.annotated(id).stream().map(a -> {
      Article x = a.article();
      return new ArticleSummary(x.id(), x.url(), x.title(), x.source(), x.country(), a.language(),
          x.published());
    }).toList();
    ctx.json(new StoryDetail(s.id(), s.headline(), s.first(), s.last(), s.articleCount(),
        s.sources(), s.countries(), s.languages(), store.briefing(id).orElse(null), articles,
        Pages.storyPath(id)));
  }

  private void apiVersions(Context ctx) {
    String id = ctx.pathParam("id");
    if (store.story(id).isEmpty()) {
      notFound(ctx, "No story with id '" + id + "' is stored.");
      return;
    }
    ctx.json(store.versions(id));
  }

  private void apiArticle(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<Article> article = store.article(id);
    if (article.isEmpty()) {
      notFound(ctx, "No article with id '" + id + "' is stored.");
      return;
    }
    ctx.json(ArticleJson.toNode(article.get()));
  }

  /**
   * A story id that is not stored: when grouping merged that story into another, a permanent
   * redirect to where its articles went (links and feeds keep working); else not found.
   */
  private void missingStory(Context ctx, String id, java.util.function.Function<String, String> pathOf) {
    Optional<String> target = store.storyAlias(id);
    if (target.isPresent()) {
      ctx.redirect(pathOf.apply(target.get()), io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
    } else {
      notFound(ctx, "No story with id '" + id + "' is stored.");
    }
  }

  /** Marks the response as not found; the 404 handler renders it as a page or as JSON. */
  private static void notFound(Context ctx, String message) {
    ctx.attribute(MESSAGE, message);
    ctx.status(404);
  }

  private void notFound(Context ctx) {
    String message = ctx.attribute(MESSAGE);
    if (message == null) {
      message = "Nothing is published at " + ctx.path() + ".";
    }
    if (isApi(ctx)) {
      ctx.json(Map.of("error", message));
    } else {
      html(ctx.status(404), Pages.notFound(message, statusLine()));
    }
  }

  private void failure(Exception e, Context ctx) {
    if (e instanceof HttpResponseException http) {
      ctx.status(http.getStatus());
      if (http.getStatus() != 404) {
        ctx.result(http.getMessage());
      }
      return;
    }
    log.error("request {} {} failed", ctx.method(), ctx.path(), e);
    String message = "Something went wrong while answering this request; it has been logged.";
    ctx.status(500);
    if (isApi(ctx)) {
      ctx.json(Map.of("error", message));
    } else {
      html(ctx, Pages.error(message, statusLine()));
    }
  }

  private static boolean isApi(Context ctx) {
    return ctx.path().startsWith("/api/");
  }

  private static void html(Context ctx, String page) {
    ctx.contentType("text/html; charset=utf-8").result(page);
  }

  /** The status line, or empty when the supplier fails: a banner must never break a page. */
  private String statusLine() {
    try {
      String line = status.get();
      return line == null ? "" : line.strip();
    } catch (RuntimeException e) {
      log.warn("the status supplier failed", e);
      return "";
    }
  }

  record Status(String status, long articles, long stories) {}

  record Health(String status, long articles, long stories, boolean search, String message) {}

  record CountryJson(String code, String name, int stories, int articles, int sources, String url) {}

  record CountriesJson(Instant from, Instant to, List<CountryJson> countries) {}

  record LocalTitle(String article, String source, String language, String title, @Nullable String english,
      @Nullable String rendering) {}

  record StoryRow(String id, String headline, int articles, Map<String, Integer> byCountry, @Nullable Instant latest,
      String url, List<LocalTitle> titles) {}

  record CountryDetail(String code, String name, Instant from, Instant to, @Nullable CountryJson coverage,
      List<StoryRow> stories, List<StoryRow> blindspots, List<StoryRow> mainlyHere, List<SourceJson> outlets) {}

  record SourceJson(String id, String name, String homepage, String country, List<String> languages,
      @Nullable String owner, boolean inCatalog, long articles, @Nullable Instant latest, String health, String url) {}

  record SourceDetail(SourceJson source, List<ArticleSummary> recent) {}

  record Headline(String headline, String subhead) {}

  record StorySummary(String id, String headline, @Nullable Instant first, @Nullable Instant last, int articleCount,
      List<String> sources, List<String> countries, List<String> languages,
      @Nullable Headline briefing, String url) {}

  record ArticleSummary(String id, String url, String title, String source, String country,
      String language, @Nullable Instant published) {}

  record StoryDetail(String id, String headline, @Nullable Instant first, @Nullable Instant last, int articleCount,
      List<String> sources, List<String> countries, List<String> languages,
      @Nullable Briefing briefing, List<ArticleSummary> articles, String url) {}
}
