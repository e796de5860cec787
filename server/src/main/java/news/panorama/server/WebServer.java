package news.panorama.server;

import io.javalin.Javalin;
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
import java.util.function.Supplier;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.ArticleJson;
import news.panorama.core.Briefing;
import news.panorama.core.Json;
import news.panorama.core.Store;
import news.panorama.core.SearchResult;
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
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  private static final String MESSAGE = "panorama.message";

  private final Store store;
  private final @Nullable SearchIndex search;
  private final Supplier<String> status;
  private final Clock clock;
  private final Javalin app;

  private WebServer(Store store, @Nullable SearchIndex search, Supplier<String> status, Clock clock) {
    this.store = store;
    this.search = search;
    this.status = status;
    this.clock = clock;
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
    app.get("/api/v1/search", this::apiSearch);
    app.get("/api/v1/stories", this::apiStories);
    app.get("/api/v1/stories/{id}", this::apiStory);
    app.get("/api/v1/stories/{id}/versions", this::apiVersions);
    app.get("/api/v1/articles/{id}", this::apiArticle);
    app.get("/api/v1/status", ctx -> ctx.json(
        new Status(statusLine(), store.articleCount(), store.storyCount())));
    app.get("/healthz", ctx -> ctx.result("ok"));
    app.after(ctx -> {
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.header("Content-Security-Policy",
          "default-src 'self'; img-src 'self' https: data:; frame-ancestors 'none'");
    });
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
    Validate.isTrue(port >= 0 && port <= 65_535, "port must be between 0 and 65535, got " + port);
    Validate.notBlank(host, "host");
    WebServer server = new WebServer(store, search, status, clock);
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

  private void home(Context ctx) {
    List<Pages.Listed> listed = new ArrayList<>();
    for (Story story : store.topStories(DEFAULT_LIMIT)) {
      listed.add(new Pages.Listed(story, store.briefing(story.id()).orElse(null)));
    }
    html(ctx, Pages.home(listed, statusLine(), clock.instant()));
  }

  private void storyPage(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<Story> story = store.story(id);
    if (story.isEmpty()) {
      missingStory(ctx, id, Pages::storyPath);
      return;
    }
    List<Article> articles = store.annotated(id).stream().map(Annotated::article).toList();
    html(ctx, Pages.story(story.get(), store.briefing(id).orElse(null), store.versions(id), articles, statusLine(),
        clock.instant()));
  }

  private void articlePage(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<Article> article = store.article(id);
    if (article.isEmpty()) {
      notFound(ctx, "No article with id '" + id + "' is stored.");
      return;
    }
    html(ctx, Pages.article(article.get(), statusLine()));
  }

  private void searchPage(Context ctx) {
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      html(ctx, Pages.search("", null, null, statusLine()));
      return;
    }
    try {
      html(ctx, Pages.search(q, searchFor(ctx, q), null, statusLine()));
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      html(ctx, Pages.search(q, null, e.getMessage(), statusLine()));
    }
  }

  private void apiSearch(Context ctx) {
    String q = ctx.queryParam("q");
    try {
      Validate.isTrue(q != null && !q.isBlank(), "the query parameter q (the words to search for) is missing");
      ctx.json(searchFor(ctx, q));
    } catch (IllegalArgumentException e) {
      ctx.status(400).json(Map.of("error", e.getMessage()));
    }
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
    List<StorySummary> out = new ArrayList<>();
    for (Story s : store.topStories(limit)) {
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
