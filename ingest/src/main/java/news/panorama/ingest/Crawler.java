package news.panorama.ingest;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;
import news.panorama.core.Page;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Source;
import news.panorama.core.Validate;
import org.jspecify.annotations.Nullable;

/**
 * Fetches outlets' feeds and the pages they link to, politely: robots.txt is obeyed (rules cached
 * per host for a day), requests to one host are spaced by the per-host delay (or the robots
 * crawl-delay when larger, capped at {@link #MAX_CRAWL_DELAY}), feeds are fetched conditionally
 * (ETag / Last-Modified remembered in memory), bodies are capped, and a host that fails backs off
 * for a time that doubles with each failure (from {@link #BACKOFF_START} to {@link #BACKOFF_MAX}),
 * except after a round in which no host answered at all: then the machine is offline, and every
 * host is tried again next round.
 *
 * <p>A round crawls up to {@code parallelSources} sources at once, each on its own thread; requests
 * to one host stay spaced by its delay whichever thread sends them, so parallelism only overlaps
 * the waits of different hosts. The sink is called from those threads and must be thread-safe.
 * One instance keeps the per-host state across rounds; run one round at a time. Redirects are followed here, at most
 * {@code maxRedirects} per request, so the caller's client should not follow them (if it does, its
 * own policy applies).
 */
public final class Crawler {
  static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(30);
  static final Duration BACKOFF_START = Duration.ofMinutes(1);
  static final Duration BACKOFF_MAX = Duration.ofHours(6);
  static final Duration ROBOTS_TTL = Duration.ofHours(24);

  /**
   * How the crawler behaves; every input from outside has a limit here.
   *
   * @param userAgent sent with every request; its first word (before "/") is the robots.txt agent
   * @param perHostDelay the least time between two requests to one host
   * @param timeout the most time one request may wait for its response
   * @param maxBytes the largest body read; a larger feed or page fails with a problem saying so
   * @param maxItemsPerFeed how many of a feed's newest items are fetched per round
   * @param maxRedirects redirects followed per request
   * @param parallelSources how many sources are crawled at the same time
   */
  public record Settings(String userAgent, Duration perHostDelay, Duration timeout, long maxBytes,
      int maxItemsPerFeed, int maxRedirects, int parallelSources) {
    public Settings {
      Validate.notBlank(userAgent, "crawler user agent");
      Validate.isTrue(!perHostDelay.isNegative(), "crawler per-host delay must not be negative, got " + perHostDelay);
      Validate.isTrue(!timeout.isNegative() && !timeout.isZero(), "crawler timeout must be positive, got " + timeout);
      Validate.isTrue(maxBytes > 0 && maxBytes <= Integer.MAX_VALUE - 8,
          "crawler max bytes must be between 1 and " + (Integer.MAX_VALUE - 8) + ", got " + maxBytes);
      Validate.isTrue(maxItemsPerFeed > 0, "crawler max items per feed must be positive, got " + maxItemsPerFeed);
      Validate.isTrue(maxRedirects >= 0, "crawler max redirects must not be negative, got " + maxRedirects);
      Validate.isTrue(parallelSources > 0, "crawler parallel sources must be positive, got " + parallelSources);
    }

    /** Settings that crawl one source at a time. */
    public Settings(String userAgent, Duration perHostDelay, Duration timeout, long maxBytes,
        int maxItemsPerFeed, int maxRedirects) {
      this(userAgent, perHostDelay, timeout, maxBytes, maxItemsPerFeed, maxRedirects, 1);
    }

    public static Settings from(PanoramaConfig config) {
      return new Settings(config.userAgent(), config.perHostDelay(), config.fetchTimeout(),
          config.maxPageBytes(), config.maxItemsPerFeed(), config.maxRedirects(), config.parallelSources());
    }
  }

  /** Waits; the real one sleeps, tests may record instead. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final Settings settings;
  private final HttpClient http;
  private final Clock clock;
  private final Sleeper sleeper;
  private final String robotName;
  private final Map<String, Host> hosts = new ConcurrentHashMap<>();
  private final Map<String, Validators> validators = new ConcurrentHashMap<>();

  /**
   * @param http the client to send requests with; its connect timeout and proxy apply, and it should
   *     not follow redirects itself
   * @param clock the time used for politeness delays, backoff and robots.txt expiry
   */
  public Crawler(Settings settings, HttpClient http, Clock clock) {
    this(settings, http, clock, d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
  }

  Crawler(Settings settings, HttpClient http, Clock clock, Sleeper sleeper) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
    this.sleeper = sleeper;
    String agent = settings.userAgent().trim().split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT);
    this.robotName = agent.isEmpty() ? "panoramabot" : agent;
  }

  /**
   * Runs one round over every feed of every source: fetches each feed that changed, then each of
   * its newest items not {@code alreadySeen}, handing every fetched page to {@code sink}. Never
   * throws for what the web does; an interrupt ends the round early with a problem saying so.
   */
  public CrawlReport crawlOnce(List<Source> sources, Predicate<String> alreadySeen, Consumer<Page> sink) {
    Set<String> linksThisRound = ConcurrentHashMap.newKeySet();
    Round round = new Round();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.parallelSources(), sources.size())),
        r -> {
          Thread t = new Thread(r, "crawl-source");
          t.setDaemon(true);
          return t;
        });
    try {
      List<Future<Round>> tasks = new ArrayList<>();
      for (Source source : sources) {
        tasks.add(pool.submit(() -> {
          Round own = new Round();
          for (String feed : source.feeds()) {
            if (Thread.currentThread().isInterrupted()) break;
            crawlFeed(source, feed, alreadySeen, sink, own, linksThisRound);
          }
          return own;
        }));
      }
      for (Future<Round> task : tasks) {
        round.add(task.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      round.problem("crawl interrupted; round ended early");
    } catch (ExecutionException e) {
      throw new IllegalStateException("a crawl task failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    CrawlReport report = round.report();
    if (report.offline()) {
      // nothing answered: the fault is this machine's network, not the outlets', so the next round
      // tries every host again instead of waiting out backoffs earned while offline
      round.unreachable.forEach(Host::succeeded);
    }
    return report;
  }

  private void crawlFeed(Source source, String feedUrl, Predicate<String> alreadySeen, Consumer<Page> sink,
      Round round, Set<String> linksThisRound) {
    URI uri;
    try {
      uri = URI.create(feedUrl);
    } catch (IllegalArgumentException e) {
      round.feedsFailed++;
      round.problem(feedUrl + ": not a valid URL");
      return;
    }
    Fetch f = fetch(uri, true, round);
    switch (f) {
      case Fetch.Skipped s -> {
        round.feedsFailed++;
        round.problem(feedUrl + ": " + s.reason());
        return;
      }
      case Fetch.Failed x -> {
        round.feedsFailed++;
        round.problem(feedUrl + ": " + x.reason());
        return;
      }
      case Fetch.NotModified n -> {
        round.feedsNotModified++;
        return;
      }
      case Fetch.Ok ok -> {
        List<FeedItems.Item> items;
        try {
          items = FeedItems.newest(ok.body(), ok.uri(), settings.maxItemsPerFeed());
        } catch (IllegalArgumentException e) {
          round.feedsFailed++;
          round.problem(feedUrl + ": " + e.getMessage());
          return;
        }
        round.feedsFetched++;
        for (FeedItems.Item item : items) {
          if (Thread.currentThread().isInterrupted()) return;
          if (!linksThisRound.add(item.url()) || alreadySeen.test(item.url())) {
            round.pagesSkipped++;
            continue;
          }
          crawlPage(source, item, sink, round);
        }
      }
    }
  }

  private void crawlPage(Source source, FeedItems.Item item, Consumer<Page> sink, Round round) {
    URI uri;
    try {
      uri = URI.create(item.url());
    } catch (IllegalArgumentException e) {
      round.pagesFailed++;
      round.problem(item.url() + ": not a valid URL");
      return;
    }
    Fetch f = fetch(uri, false, round);
    switch (f) {
      case Fetch.Skipped s -> {
        round.pagesSkipped++;
        round.problem(item.url() + ": " + s.reason());
      }
      case Fetch.Failed x -> {
        round.pagesFailed++;
        round.problem(item.url() + ": " + x.reason());
      }
      case Fetch.NotModified n -> round.pagesSkipped++;
      case Fetch.Ok ok -> {
        String type = ok.headers().getOrDefault("content-type", List.of("")).get(0).toLowerCase(Locale.ROOT);
        if (!(type.startsWith("text/html") || type.startsWith("application/xhtml+xml"))) {
          round.pagesFailed++;
          round.problem(item.url() + ": not HTML (content type '" + type + "')");
          return;
        }
        round.pagesFetched++;
        sink.accept(new Page(ok.uri().toString(), ok.body(), ok.headers(), null, source, item.title(),
            item.published()));
      }
    }
  }

  /** The outcome of one request, redirects followed. */
  private sealed interface Fetch {
    record Ok(URI uri, byte[] body, Map<String, List<String>> headers) implements Fetch {}
    record NotModified() implements Fetch {}
    /** Not requested: robots.txt, an unavailable robots.txt, or a host backing off. */
    record Skipped(String reason) implements Fetch {}
    record Failed(String reason) implements Fetch {}
  }

  private Fetch fetch(URI start, boolean conditional, Round round) {
    URI uri = start;
    for (int hop = 0; ; hop++) {
      if (!isHttp(uri)) return new Fetch.Failed("not an http or https URL");
      Host host = host(uri);
      String wait = host.unavailable(clock.instant());
      if (wait != null) {
        round.backoffSkip(host.lastFailureWasConnection);
        return new Fetch.Skipped(wait);
      }
      BaseRobotRules rules = robots(host, round);
      if (rules == null) {
        return new Fetch.Skipped("robots.txt of " + host.key + " unavailable ("
            + round.robotsUnavailable.get(host.key) + "); host skipped this round");
      }
      if (!rules.isAllowed(uri.toString())) return new Fetch.Skipped("disallowed by robots.txt");

      HttpRequest.Builder req = request(uri);
      Validators v = conditional && hop == 0 ? validators.get(start.toString()) : null;
      if (v != null) {
        if (v.etag() != null) req.header("If-None-Match", v.etag());
        if (v.lastModified() != null) req.header("If-Modified-Since", v.lastModified());
      }
      Response r = send(host, req.build(), round);
      if (r.error != null) return new Fetch.Failed(r.error);
      int status = r.status;
      if (status >= 300 && status < 400 && status != 304) {
        String location = r.headers.getOrDefault("location", List.of("")).get(0);
        if (location.isBlank()) return new Fetch.Failed("HTTP " + status + " without a Location header");
        if (hop >= settings.maxRedirects()) {
          return new Fetch.Failed("more than " + settings.maxRedirects() + " redirects");
        }
        try {
          uri = uri.resolve(location.trim());
        } catch (IllegalArgumentException e) {
          return new Fetch.Failed("redirect to an invalid URL '" + location + "'");
        }
        continue;
      }
      if (status == 304) {
        host.succeeded();
        return new Fetch.NotModified();
      }
      if (status >= 500 || status == 429) {
        host.failed(clock.instant(), false);
        return new Fetch.Failed("HTTP " + status + "; host backs off");
      }
      if (status >= 400) return new Fetch.Failed("HTTP " + status);
      if (r.body == null) return new Fetch.Failed("body larger than " + settings.maxBytes() + " bytes");
      host.succeeded();
      if (conditional) {
        String etag = first(r.headers, "etag");
        String lastModified = first(r.headers, "last-modified");
        if (etag != null || lastModified != null) {
          validators.put(start.toString(), new Validators(etag, lastModified));
        }
      }
      return new Fetch.Ok(uri, r.body, r.headers);
    }
  }

  /**
   * The rules for a host; null when robots.txt is unavailable (5xx or no response) this round. One
   * thread at a time reads a host's robots.txt; the others wait for its rules.
   */
  private @Nullable BaseRobotRules robots(Host host, Round round) {
    synchronized (host) {
      return robotsLocked(host, round);
    }
  }

  private @Nullable BaseRobotRules robotsLocked(Host host, Round round) {
    Instant now = clock.instant();
    if (host.rules != null && now.isBefore(host.rulesExpire)) return host.rules;
    if (round.robotsUnavailable.containsKey(host.key)) return null;
    URI robotsUri = URI.create(host.key + "/robots.txt");
    URI current = robotsUri;
    Response r = null;
    for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
      r = send(host(current), request(current).build(), round);
      if (r.error == null && r.status >= 300 && r.status < 400 && r.headers.containsKey("location")) {
        try {
          current = current.resolve(r.headers.get("location").get(0).trim());
          if (isHttp(current)) continue;
        } catch (IllegalArgumentException e) {
          // treated below like any other unusable answer
        }
      }
      break;
    }
    BaseRobotRules rules;
    if (r == null || r.error != null || r.status >= 500 || r.status == 429) {
      String reason = r == null ? "no answer" : r.error != null ? r.error : "HTTP " + r.status;
      round.robotsUnavailable.put(host.key, reason);
      if (r != null && r.error == null) host.failed(clock.instant(), false);
      return null;
    } else if (r.status >= 300 || r.body == null) {
      // 4xx means no rules; a redirect chain too long or a huge file is treated the same way
      rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
    } else {
      rules = new SimpleRobotRulesParser().parseContent(robotsUri.toString(), r.body,
          first(r.headers, "content-type") == null ? "text/plain" : first(r.headers, "content-type"),
          List.of(robotName));
    }
    host.rules = rules;
    host.rulesExpire = now.plus(ROBOTS_TTL);
    long crawlDelay = rules.getCrawlDelay();
    host.delay = settings.perHostDelay();
    if (crawlDelay != BaseRobotRules.UNSET_CRAWL_DELAY && crawlDelay > 0) {
      Duration robotsDelay = Duration.ofMillis(Math.min(crawlDelay, MAX_CRAWL_DELAY.toMillis()));
      if (robotsDelay.compareTo(host.delay) > 0) host.delay = robotsDelay;
    }
    return rules;
  }

  private HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).GET().timeout(settings.timeout())
        .header("User-Agent", settings.userAgent())
        .header("Accept", "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, text/html;q=0.9, */*;q=0.5");
  }

  /** One exchange with politeness applied: waits for the host's turn, then sends. */
  private Response send(Host host, HttpRequest request, Round round) {
    Duration wait = Duration.between(clock.instant(), host.reserveSlot(clock.instant()));
    if (!wait.isNegative() && !wait.isZero()) {
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Response.error("interrupted");
      }
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      round.connectionFailures++;
      round.unreachable.add(host);
      host.failed(clock.instant(), true);
      return Response.error("no response: " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Response.error("interrupted");
    }
    round.responses++;
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response.headers().map().forEach((k, v) -> headers.merge(k.toLowerCase(Locale.ROOT), v, (a, b) -> {
      List<String> all = new ArrayList<>(a);
      all.addAll(b);
      return all;
    }));
    byte[] body;
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes((int) settings.maxBytes() + 1);
      body = bytes.length > settings.maxBytes() ? null : bytes;
    } catch (IOException e) {
      return Response.error("body not read: " + describe(e));
    }
    return new Response(response.statusCode(), headers, body, null);
  }

  private Host host(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    String key = scheme + "://" + host + (port < 0 ? "" : ":" + port);
    return hosts.computeIfAbsent(key, k -> new Host(k, settings.perHostDelay()));
  }

  private static boolean isHttp(URI uri) {
    String s = uri.getScheme();
    return s != null && (s.equalsIgnoreCase("http") || s.equalsIgnoreCase("https")) && uri.getHost() != null;
  }

  private static @Nullable String first(Map<String, List<String>> headers, String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static String describe(IOException e) {
    String type = e.getClass().getSimpleName();
    String msg = e.getMessage();
    Throwable cause = e.getCause();
    if ((msg == null || msg.isBlank()) && cause != null) {
      type = cause.getClass().getSimpleName();
      msg = cause.getMessage();
    }
    return msg == null || msg.isBlank() ? type : type + " (" + msg + ")";
  }

  /** The ETag and Last-Modified a feed last answered with. */
  private record Validators(@Nullable String etag, @Nullable String lastModified) {}

  private record Response(int status, Map<String, List<String>> headers, byte @Nullable [] body,
      @Nullable String error) {
    static Response error(String reason) {
      return new Response(0, Map.of(), null, reason);
    }
  }

  /** What the crawler remembers about one scheme://host:port across rounds. */
  private static final class Host {
    final String key;
    Duration delay;
    @Nullable BaseRobotRules rules;
    Instant rulesExpire = Instant.MIN;
    @Nullable Instant lastRequest;
    int failures;
    Instant backoffUntil = Instant.MIN;
    volatile boolean lastFailureWasConnection;

    Host(String key, Duration delay) {
      this.key = key;
      this.delay = delay;
    }

    /**
     * Claims the host's next request slot: the later of now and the previous slot plus the delay.
     * Threads that share a host thus queue up politely; the caller waits until the returned time.
     */
    synchronized Instant reserveSlot(Instant now) {
      Instant slot = lastRequest == null || !lastRequest.plus(delay).isAfter(now) ? now : lastRequest.plus(delay);
      lastRequest = slot;
      return slot;
    }

    synchronized void failed(Instant now, boolean connection) {
      failures++;
      lastFailureWasConnection = connection;
      long factor = 1L << Math.min(failures - 1, 20);
      Duration backoff = BACKOFF_START.multipliedBy(factor);
      if (backoff.compareTo(BACKOFF_MAX) > 0) backoff = BACKOFF_MAX;
      backoffUntil = now.plus(backoff);
    }

    synchronized void succeeded() {
      failures = 0;
      backoffUntil = Instant.MIN;
      lastFailureWasConnection = false;
    }

    /** Why the host is not asked now, or null when it may be. */
    synchronized @Nullable String unavailable(Instant now) {
      if (now.isBefore(backoffUntil)) {
        return "host " + key + " skipped until " + backoffUntil + " after " + failures
            + (failures == 1 ? " failure" : " failures");
      }
      return null;
    }
  }

  /** Counters of one round. */
  private static final class Round {
    int feedsFetched;
    int feedsNotModified;
    int feedsFailed;
    int pagesFetched;
    int pagesSkipped;
    int pagesFailed;
    int responses;
    int connectionFailures;
    int backoffSkipsUnreachable;
    int backoffSkipsOther;
    int problemsLeftOut;
    final List<String> problems = new ArrayList<>();
    final Set<Host> unreachable = new HashSet<>();
    /** Hosts whose robots.txt could not be read this round, with the reason. */
    final Map<String, String> robotsUnavailable = new HashMap<>();

    void problem(String p) {
      if (problems.size() < CrawlReport.MAX_PROBLEMS - 1) {
        problems.add(p);
      } else {
        problemsLeftOut++;
      }
    }

    void backoffSkip(boolean unreachable) {
      if (unreachable) backoffSkipsUnreachable++; else backoffSkipsOther++;
    }

    /** Adds the counts and problems of a source's own round into this one. */
    void add(Round other) {
      feedsFetched += other.feedsFetched;
      feedsNotModified += other.feedsNotModified;
      feedsFailed += other.feedsFailed;
      pagesFetched += other.pagesFetched;
      pagesSkipped += other.pagesSkipped;
      pagesFailed += other.pagesFailed;
      responses += other.responses;
      connectionFailures += other.connectionFailures;
      backoffSkipsUnreachable += other.backoffSkipsUnreachable;
      backoffSkipsOther += other.backoffSkipsOther;
      other.problems.forEach(this::problem);
      problemsLeftOut += other.problemsLeftOut;
      unreachable.addAll(other.unreachable);
    }

    CrawlReport report() {
      List<String> all = new ArrayList<>(problems);
      if (problemsLeftOut > 0) all.add("… and " + problemsLeftOut + " more problems");
      boolean offline = responses == 0 && backoffSkipsOther == 0
          && connectionFailures + backoffSkipsUnreachable > 0;
      return new CrawlReport(feedsFetched, feedsNotModified, feedsFailed, pagesFetched, pagesSkipped,
          pagesFailed, all, offline);
    }
  }
}
