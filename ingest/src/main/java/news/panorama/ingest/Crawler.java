package news.panorama.ingest;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.net.InetAddress;
import java.net.http.HttpTimeoutException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * <p>A round crawls up to {@code parallelSources} sources at once, each on its own thread; a host
 * gets one request at a time, the next only once the delay has passed since the previous one
 * ended, whichever thread sends them, so parallelism only overlaps the waits of different hosts. The sink is called from those threads and must be thread-safe.
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
      int maxItemsPerFeed, int maxRedirects, int parallelSources, long maxDecompressedBytes,
      Duration maxFetchTime, List<String> allowNetworks, int sourceErrorBudget, Duration parkDuration,
      Duration minPoll, Duration maxPoll) {
    public Settings {
      allowNetworks = List.copyOf(allowNetworks);
      Validate.isTrue(maxDecompressedBytes > 0 && maxDecompressedBytes <= Integer.MAX_VALUE - 8,
          "crawler max decompressed bytes must be between 1 and " + (Integer.MAX_VALUE - 8) + ", got " + maxDecompressedBytes);
      Validate.isTrue(maxFetchTime.isPositive(), "crawler max fetch time must be positive, got " + maxFetchTime);
      Validate.isTrue(sourceErrorBudget > 0, "crawler source error budget must be positive, got " + sourceErrorBudget);
      Validate.isTrue(!minPoll.isNegative() && !maxPoll.isNegative() && minPoll.compareTo(maxPoll) <= 0 || maxPoll.isZero(),
          "crawler poll interval: minimum " + minPoll + " must not exceed maximum " + maxPoll);
      Validate.notBlank(userAgent, "crawler user agent");
      Validate.isTrue(!perHostDelay.isNegative(), "crawler per-host delay must not be negative, got " + perHostDelay);
      Validate.isTrue(!timeout.isNegative() && !timeout.isZero(), "crawler timeout must be positive, got " + timeout);
      Validate.isTrue(maxBytes > 0 && maxBytes <= Integer.MAX_VALUE - 8,
          "crawler max bytes must be between 1 and " + (Integer.MAX_VALUE - 8) + ", got " + maxBytes);
      Validate.isTrue(maxItemsPerFeed > 0, "crawler max items per feed must be positive, got " + maxItemsPerFeed);
      Validate.isTrue(maxRedirects >= 0, "crawler max redirects must not be negative, got " + maxRedirects);
      Validate.isTrue(parallelSources > 0, "crawler parallel sources must be positive, got " + parallelSources);
    }

    /**
     * Settings with the other limits at their defaults: decoded bodies up to four times
     * {@code maxBytes}, a whole request within three times {@code timeout}, no internal address
     * allowed, an outlet parked for a day after 5 failed rounds, every feed polled every round.
     */
    public Settings(String userAgent, Duration perHostDelay, Duration timeout, long maxBytes,
        int maxItemsPerFeed, int maxRedirects, int parallelSources) {
      this(userAgent, perHostDelay, timeout, maxBytes, maxItemsPerFeed, maxRedirects, parallelSources,
          Math.min(maxBytes * 4, Integer.MAX_VALUE - 8), timeout.multipliedBy(3), List.of(), 5,
          Duration.ofHours(24), Duration.ZERO, Duration.ZERO);
    }

    /** Settings that crawl one source at a time. */
    public Settings(String userAgent, Duration perHostDelay, Duration timeout, long maxBytes,
        int maxItemsPerFeed, int maxRedirects) {
      this(userAgent, perHostDelay, timeout, maxBytes, maxItemsPerFeed, maxRedirects, 1);
    }

    public static Settings from(PanoramaConfig config) {
      return new Settings(config.userAgent(), config.perHostDelay(), config.fetchTimeout(),
          config.maxPageBytes(), config.maxItemsPerFeed(), config.maxRedirects(), config.parallelSources(),
          config.maxDecompressedBytes(), config.maxFetchTime(), config.allowNetworks(),
          config.sourceErrorBudget(), config.parkDuration(), config.minPoll(), config.maxPoll());
    }

    /** The same settings, allowing these address ranges (CIDR) although they are internal. */
    public Settings allowing(String... networks) {
      return new Settings(userAgent, perHostDelay, timeout, maxBytes, maxItemsPerFeed, maxRedirects,
          parallelSources, maxDecompressedBytes, maxFetchTime, List.of(networks), sourceErrorBudget,
          parkDuration, minPoll, maxPoll);
    }

    /** The same settings with these body and time limits. */
    public Settings withLimits(long maxBytes, long maxDecompressedBytes, Duration maxFetchTime) {
      return new Settings(userAgent, perHostDelay, timeout, maxBytes, maxItemsPerFeed, maxRedirects,
          parallelSources, maxDecompressedBytes, maxFetchTime, allowNetworks, sourceErrorBudget,
          parkDuration, minPoll, maxPoll);
    }

    /** The same settings with this error budget and parking time per outlet. */
    public Settings withErrorBudget(int failedRounds, Duration park) {
      return new Settings(userAgent, perHostDelay, timeout, maxBytes, maxItemsPerFeed, maxRedirects,
          parallelSources, maxDecompressedBytes, maxFetchTime, allowNetworks, failedRounds, park, minPoll, maxPoll);
    }

    /** The same settings with adaptive polling between {@code min} and {@code max} (zero max = every round). */
    public Settings withPolling(Duration min, Duration max) {
      return new Settings(userAgent, perHostDelay, timeout, maxBytes, maxItemsPerFeed, maxRedirects,
          parallelSources, maxDecompressedBytes, maxFetchTime, allowNetworks, sourceErrorBudget, parkDuration, min, max);
    }
  }

  /** Waits; the real one sleeps, tests may record instead. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** How many page-body hashes are remembered to drop the same content under another address. */
  static final int CONTENT_HASHES = 200_000;

  private final Settings settings;
  private final HttpClient http;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Random random;
  private final AddressGuard guard;
  private final WarcArchive.@Nullable Recorder recorder;
  private final String robotName;
  private final Map<String, Host> hosts = new ConcurrentHashMap<>();
  private final Map<String, Validators> validators = new ConcurrentHashMap<>();
  private final Map<String, Poll> polls = new ConcurrentHashMap<>();
  private final Map<String, Health> health = new ConcurrentHashMap<>();
  private final Set<String> contentHashes = Collections.synchronizedSet(Collections.newSetFromMap(
      new LinkedHashMap<String, Boolean>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > CONTENT_HASHES;
        }
      }));

  /**
   * @param http the client to send requests with; its connect timeout and proxy apply, and it should
   *     not follow redirects itself
   * @param clock the time used for politeness delays, backoff, polling and robots.txt expiry
   */
  public Crawler(Settings settings, HttpClient http, Clock clock) {
    this(settings, http, clock, (WarcArchive.Recorder) null);
  }

  /** @param recorder where every response is written as a WARC record, or null for none */
  public Crawler(Settings settings, HttpClient http, Clock clock, WarcArchive.@Nullable Recorder recorder) {
    this(settings, http, clock, d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000), new Random(),
        InetAddress::getAllByName, recorder);
  }

  Crawler(Settings settings, HttpClient http, Clock clock, Sleeper sleeper) {
    this(settings, http, clock, sleeper, new Random(7), InetAddress::getAllByName, null);
  }

  Crawler(Settings settings, HttpClient http, Clock clock, Sleeper sleeper, Random random,
      AddressGuard.Resolver resolver, WarcArchive.@Nullable Recorder recorder) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
    this.guard = new AddressGuard(settings.allowNetworks(), resolver);
    this.recorder = recorder;
    String agent = settings.userAgent().trim().split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT);
    this.robotName = agent.isEmpty() ? "panoramabot" : agent;
  }

  /**
   * Runs one round over every feed (or, for an outlet without feeds, every news sitemap) of every
   * source: fetches each feed that is due and changed, then each of its newest items not
   * {@code alreadySeen}, handing every fetched page to {@code sink}. Never throws for what the web
   * does; an interrupt ends the round early with a problem saying so.
   */
  public CrawlReport crawlOnce(List<Source> sources, Predicate<String> alreadySeen, Consumer<Page> sink) {
    return crawlOnce(sources, alreadySeen, sink, source -> {});
  }

  /**
   * Runs one round as {@link #crawlOnce(List, Predicate, Consumer)} does, telling {@code done} of
   * each outlet when it is finished (from the crawl threads; for progress bars).
   */
  public CrawlReport crawlOnce(List<Source> sources, Predicate<String> alreadySeen, Consumer<Page> sink,
      Consumer<Source> done) {
    Set<String> linksThisRound = ConcurrentHashMap.newKeySet();
    Round round = new Round();
    List<CrawlReport.SourceSummary> summaries = new ArrayList<>();
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
          try {
            return crawlSource(source, alreadySeen, sink, linksThisRound);
          } finally {
            done.accept(source);
          }
        }));
      }
      for (Future<Round> task : tasks) {
        Round own = task.get();
        round.add(own);
        if (own.summary != null) summaries.add(own.summary);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      round.problem("crawl interrupted; round ended early");
    } catch (ExecutionException e) {
      throw new IllegalStateException("a crawl task failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    CrawlReport report = round.report(summaries);
    if (report.offline()) {
      // nothing answered: the fault is this machine's network, not the outlets', so the next round
      // tries every host again instead of waiting out backoffs earned while offline
      round.unreachable.forEach(Host::succeeded);
      health.clear();
    }
    return report;
  }

  private Round crawlSource(Source source, Predicate<String> alreadySeen, Consumer<Page> sink, Set<String> linksThisRound) {
    Round own = new Round();
    Instant now = clock.instant();
    Health h = health.computeIfAbsent(source.id(), k -> new Health());
    synchronized (h) {
      if (now.isBefore(h.parkedUntil)) {
        own.sourcesParked++;
        own.summary = new CrawlReport.SourceSummary(source.id(), "parked", 0, 0, 0, "parked until " + h.parkedUntil
            + " after " + h.failedRounds + " failed rounds (setting ingest.source-error-budget)");
        return own;
      }
    }
    List<String> feeds = source.feeds().isEmpty() ? source.sitemaps() : source.feeds();
    boolean sitemaps = source.feeds().isEmpty();
    for (String feed : feeds) {
      if (Thread.currentThread().isInterrupted()) break;
      crawlFeed(source, feed, sitemaps, alreadySeen, sink, own, linksThisRound);
    }
    int ok = own.feedsFetched + own.feedsNotModified;
    String status;
    synchronized (h) {
      if (own.feedsFailed > 0 && ok == 0) {
        h.failedRounds++;
        status = "failed";
        if (h.failedRounds >= settings.sourceErrorBudget()) {
          h.parkedUntil = clock.instant().plus(settings.parkDuration());
          status = "parked";
          own.sourcesParked++;
          own.problem("source " + source.id() + " parked until " + h.parkedUntil + " after " + h.failedRounds
              + " failed rounds in a row (setting ingest.source-error-budget = " + settings.sourceErrorBudget() + ")");
        }
      } else {
        if (ok > 0) h.failedRounds = 0;
        status = own.feedsFailed > 0 ? "partly failed" : ok > 0 ? "ok" : "not due";
      }
    }
    own.summary = new CrawlReport.SourceSummary(source.id(), status, ok, own.feedsFailed, own.pagesFetched, own.lastProblem);
    return own;
  }

  private void crawlFeed(Source source, String feedUrl, boolean sitemap, Predicate<String> alreadySeen,
      Consumer<Page> sink, Round round, Set<String> linksThisRound) {
    URI uri;
    try {
      uri = URI.create(feedUrl);
    } catch (IllegalArgumentException e) {
      round.feedsFailed++;
      round.problem(feedUrl + ": not a valid URL");
      return;
    }
    Poll poll = settings.maxPoll().isZero() ? null
        : polls.computeIfAbsent(feedUrl, k -> new Poll(settings.minPoll()));
    if (poll != null && clock.instant().isBefore(poll.due())) {
      round.feedsNotDue++;
      return;
    }
    Fetch f = fetch(uri, true, round, new WarcArchive.Context(source.id(), null, null));
    List<FeedItems.Item> items;
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
        if (poll != null) polls.put(feedUrl, poll.next(0, clock.instant(), settings));
        return;
      }
      case Fetch.Ok ok -> {
        try {
          items = sitemap ? sitemapItems(ok, round, source) : FeedItems.newest(ok.body(), first(ok.headers(), "content-type"),
              ok.uri(), settings.maxItemsPerFeed());
        } catch (IllegalArgumentException e) {
          round.feedsFailed++;
          round.problem(feedUrl + ": " + e.getMessage());
          return;
        }
      }
    }
    round.feedsFetched++;
    round.feedItems += items.size();
    int fresh = 0;
    for (FeedItems.Item item : items) {
      if (Thread.currentThread().isInterrupted()) return;
      String url = UrlNormalizer.normalize(item.url());
      if (!linksThisRound.add(url) || alreadySeen.test(url) || !url.equals(item.url()) && alreadySeen.test(item.url())) {
        round.pagesSkipped++;
        continue;
      }
      fresh++;
      crawlPage(source, new FeedItems.Item(url, item.title(), item.published()), alreadySeen, sink, round, linksThisRound);
    }
    if (poll != null) polls.put(feedUrl, poll.next(fresh, clock.instant(), settings));
  }

  /** The items of a news sitemap, following an index to its newest child sitemaps (at most 3). */
  private List<FeedItems.Item> sitemapItems(Fetch.Ok ok, Round round, Source source) {
    Sitemaps.Parsed parsed = Sitemaps.parse(ok.body(), first(ok.headers(), "content-type"), ok.uri(), settings.maxItemsPerFeed());
    if (parsed.children().isEmpty()) return parsed.items();
    List<FeedItems.Item> items = new ArrayList<>();
    for (String child : parsed.children().subList(0, Math.min(3, parsed.children().size()))) {
      Fetch f;
      try {
        f = fetch(URI.create(child), false, round, new WarcArchive.Context(source.id(), null, null));
      } catch (IllegalArgumentException e) {
        round.problem(child + ": not a valid URL");
        continue;
      }
      if (f instanceof Fetch.Ok c) {
        try {
          items.addAll(Sitemaps.parse(c.body(), first(c.headers(), "content-type"), c.uri(), settings.maxItemsPerFeed()).items());
        } catch (IllegalArgumentException e) {
          round.problem(child + ": " + e.getMessage());
        }
      } else {
        round.problem(child + ": " + (f instanceof Fetch.Failed x ? x.reason() : f instanceof Fetch.Skipped s ? s.reason() : "not modified"));
      }
    }
    items.sort(java.util.Comparator.comparing(FeedItems.Item::published, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
    return items.subList(0, Math.min(items.size(), settings.maxItemsPerFeed()));
  }

  private void crawlPage(Source source, FeedItems.Item item, Predicate<String> alreadySeen, Consumer<Page> sink,
      Round round, Set<String> linksThisRound) {
    URI uri;
    try {
      uri = URI.create(item.url());
    } catch (IllegalArgumentException e) {
      round.pagesFailed++;
      round.problem(item.url() + ": not a valid URL");
      return;
    }
    Fetch f = fetch(uri, false, round, new WarcArchive.Context(source.id(), item.title(), item.published()));
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
        String url = ok.uri().toString();
        String canonical = UrlNormalizer.canonical(ok.body(), url);
        if (canonical != null && !canonical.equals(UrlNormalizer.normalize(url))) {
          if (!linksThisRound.add(canonical) || alreadySeen.test(canonical)) {
            round.pagesSkipped++;
            return;
          }
          url = canonical;
        }
        if (!contentHashes.add(sha256(ok.body()))) {
          round.pagesSkipped++;
          return;
        }
        round.pagesFetched++;
        sink.accept(new Page(url, ok.body(), ok.headers(), null, source, item.title(), item.published()));
      }
    }
  }

  /**
   * Fetches each feed of the sources once, politely (robots.txt, per-host spacing, the same limits
   * as a crawl), and reports its status, item count and newest item date; for {@code sources
   * check}. Pages are not fetched.
   */
  public List<FeedCheck> check(List<Source> sources) {
    List<FeedCheck> out = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.parallelSources(), sources.size())));
    try {
      List<Future<List<FeedCheck>>> tasks = new ArrayList<>();
      for (Source source : sources) {
        tasks.add(pool.submit(() -> {
          List<FeedCheck> own = new ArrayList<>();
          boolean sitemap = source.feeds().isEmpty();
          for (String feed : sitemap ? source.sitemaps() : source.feeds()) {
            Round r = new Round();
            Fetch f;
            try {
              f = fetch(URI.create(feed), false, r, new WarcArchive.Context(source.id(), null, null));
            } catch (IllegalArgumentException e) {
              own.add(new FeedCheck(source.id(), feed, "failed", 0, null, "not a valid URL"));
              continue;
            }
            switch (f) {
              case Fetch.Ok ok -> {
                try {
                  List<FeedItems.Item> items = sitemap
                      ? Sitemaps.parse(ok.body(), first(ok.headers(), "content-type"), ok.uri(), Integer.MAX_VALUE).items()
                      : FeedItems.newest(ok.body(), first(ok.headers(), "content-type"), ok.uri(), Integer.MAX_VALUE);
                  Instant last = items.stream().map(FeedItems.Item::published).filter(java.util.Objects::nonNull)
                      .max(Instant::compareTo).orElse(null);
                  own.add(new FeedCheck(source.id(), feed, items.isEmpty() ? "empty" : "ok", items.size(), last, null));
                } catch (IllegalArgumentException e) {
                  own.add(new FeedCheck(source.id(), feed, "failed", 0, null, e.getMessage()));
                }
              }
              case Fetch.Failed x -> own.add(new FeedCheck(source.id(), feed, "failed", 0, null, x.reason()));
              case Fetch.Skipped x -> own.add(new FeedCheck(source.id(), feed, "skipped", 0, null, x.reason()));
              case Fetch.NotModified n -> own.add(new FeedCheck(source.id(), feed, "ok", 0, null, "not modified"));
            }
          }
          return own;
        }));
      }
      for (Future<List<FeedCheck>> t : tasks) out.addAll(t.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a check task failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return List.copyOf(out);
  }

  /** One feed's answer to {@link #check}: status {@code ok}, {@code empty}, {@code failed} or {@code skipped}. */
  public record FeedCheck(String sourceId, String feed, String status, int items, @Nullable Instant lastItem,
      @Nullable String problem) {}

  /** The outcome of one request, redirects followed. */
  private sealed interface Fetch {
    record Ok(URI uri, byte[] body, Map<String, List<String>> headers) implements Fetch {}
    record NotModified() implements Fetch {}
    /** Not requested: robots.txt, an unavailable robots.txt, or a host backing off. */
    record Skipped(String reason) implements Fetch {}
    record Failed(String reason) implements Fetch {}
  }

  private Fetch fetch(URI start, boolean conditional, Round round, WarcArchive.Context context) {
    URI uri = start;
    for (int hop = 0; ; hop++) {
      if (!isHttp(uri)) return new Fetch.Failed("not an http or https URL");
      String refusal = guard.refusal(uri.getHost());
      if (refusal != null) return new Fetch.Failed(hop == 0 ? refusal : "redirect " + refusal);
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
      Response r = send(host, req.build(), round, context);
      if (r.error != null) return new Fetch.Failed(r.error);
      int status = r.status;
      if (status >= 300 && status < 400 && status != 304) {
        String location = r.headers.getOrDefault("location", List.of("")).get(0);
        if (location.isBlank()) return new Fetch.Failed("HTTP " + status + " without a Location header");
        if (hop >= settings.maxRedirects()) {
          return new Fetch.Failed("more than " + settings.maxRedirects() + " redirects (setting ingest.max-redirects)");
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
        Duration retryAfter = retryAfter(first(r.headers, "retry-after"));
        Instant until = host.failed(clock.instant(), false, retryAfter, random);
        return new Fetch.Failed("HTTP " + status + "; host backs off until " + until
            + (retryAfter != null ? " (Retry-After " + retryAfter.toSeconds() + " s)" : ""));
      }
      if (status >= 400) return new Fetch.Failed("HTTP " + status);
      if (r.body == null) {
        return new Fetch.Failed(r.tooLarge != null ? r.tooLarge
            : "body larger than " + settings.maxBytes() + " bytes (setting ingest.max-page-bytes)");
      }
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

  /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
  private @Nullable Duration retryAfter(@Nullable String value) {
    if (value == null || value.isBlank()) return null;
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, BACKOFF_MAX.toSeconds()));
    } catch (NumberFormatException e) {
      try {
        Duration d = Duration.between(clock.instant(),
            java.time.ZonedDateTime.parse(v, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return d.isNegative() ? Duration.ZERO : d.compareTo(BACKOFF_MAX) > 0 ? BACKOFF_MAX : d;
      } catch (java.time.format.DateTimeParseException x) {
        return null;
      }
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
      String refusal = guard.refusal(current.getHost());
      if (refusal != null) {
        r = Response.error("robots.txt redirect " + refusal);
        break;
      }
      r = send(host(current), request(current).build(), round, WarcArchive.Context.NONE);
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
      if (r != null && r.error == null) host.failed(clock.instant(), false, retryAfter(first(r.headers, "retry-after")), random);
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
        .header("Accept-Encoding", "gzip, deflate")
        .header("Accept", "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, text/html;q=0.9, */*;q=0.5");
  }

  /**
   * One exchange with politeness applied: waits for the host's turn, then sends, reading at most
   * {@code maxBytes} of body within {@code maxFetchTime} in all, and decodes gzip or deflate up to
   * {@code maxDecompressedBytes}.
   */
  private Response send(Host host, HttpRequest request, Round round, WarcArchive.Context context) {
    host.inFlight.lock();
    try {
      Duration wait = host.waitBeforeNext(clock.instant());
      if (!wait.isNegative() && !wait.isZero()) {
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Response.error("interrupted");
        }
      }
      return exchange(host, request, round, context);
    } finally {
      host.done(clock.instant());
      host.inFlight.unlock();
    }
  }

  private Response exchange(Host host, HttpRequest request, Round round, WarcArchive.Context context) {
    HttpResponse<byte @Nullable []> response;
    CompletableFuture<HttpResponse<byte @Nullable []>> pending = http.sendAsync(request, Bodies.capped(settings.maxBytes()));
    try {
      response = pending.get(settings.maxFetchTime().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      round.slowResponses++;
      host.failed(clock.instant(), false, null, random);
      return Response.error("no complete response within " + settings.maxFetchTime().toSeconds()
          + " s (setting ingest.max-fetch-seconds); host backs off");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException && !(cause instanceof java.net.http.HttpConnectTimeoutException)) {
        round.slowResponses++;
        host.failed(clock.instant(), false, null, random);
        return Response.error("no response headers within " + settings.timeout().toSeconds()
            + " s (setting ingest.timeout-seconds); host backs off");
      }
      round.connectionFailures++;
      round.unreachable.add(host);
      host.failed(clock.instant(), true, null, random);
      return Response.error("no response: " + describe(cause instanceof IOException io ? io : new IOException(cause)));
    } catch (InterruptedException e) {
      pending.cancel(true);
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
    byte[] raw = response.body();
    if (raw == null) return new Response(response.statusCode(), headers, null, null, null);
    if (recorder != null) {
      try {
        recorder.record(request.uri(), clock.instant(), response.statusCode(), headers, raw, context);
      } catch (IOException e) {
        round.problem("WARC recording failed for " + request.uri() + ": " + describe(e));
      }
    }
    String encoding = first(headers, "content-encoding");
    byte[] body;
    try {
      body = Bodies.decode(raw, encoding, settings.maxDecompressedBytes());
    } catch (Bodies.TooLarge e) {
      return new Response(response.statusCode(), headers, null, null, e.getMessage());
    } catch (IOException e) {
      return Response.error("body not decodable as '" + encoding + "': " + describe(e));
    }
    if (encoding != null) {
      headers.remove("content-encoding");
      headers.remove("content-length");
    }
    return new Response(response.statusCode(), headers, body, null, null);
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

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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

  /**
   * When a feed is next due: busy feeds (new items) halve their interval down to the minimum, quiet
   * ones double it up to the maximum.
   */
  private record Poll(Duration interval, Instant due) {
    Poll(Duration interval) {
      this(interval, Instant.MIN);
    }

    Poll next(int newItems, Instant now, Settings s) {
      Duration i = newItems > 0 ? interval.dividedBy(2) : interval.isZero() ? Duration.ofMinutes(1) : interval.multipliedBy(2);
      if (i.compareTo(s.minPoll()) < 0) i = s.minPoll();
      if (i.compareTo(s.maxPoll()) > 0) i = s.maxPoll();
      return new Poll(i, now.plus(i));
    }
  }

  /** An outlet's failed rounds in a row, and until when it is parked. */
  private static final class Health {
    int failedRounds;
    Instant parkedUntil = Instant.MIN;
  }

  private record Response(int status, Map<String, List<String>> headers, byte @Nullable [] body,
      @Nullable String error, @Nullable String tooLarge) {
    static Response error(String reason) {
      return new Response(0, Map.of(), null, reason, null);
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

    /** Held while a request to this host is under way: one at a time per host, whichever thread sends it. */
    final java.util.concurrent.locks.ReentrantLock inFlight = new java.util.concurrent.locks.ReentrantLock(true);

    /** How long the holder of {@link #inFlight} waits: until the delay has passed since the last request ended. */
    synchronized Duration waitBeforeNext(Instant now) {
      if (lastRequest == null) return Duration.ZERO;
      Duration d = Duration.between(now, lastRequest.plus(delay));
      return d.isNegative() ? Duration.ZERO : d;
    }

    /** Marks the end of a request (its body read or abandoned); the next one waits the delay from here. */
    synchronized void done(Instant now) {
      lastRequest = now;
    }

    /**
     * Backs off for {@link #BACKOFF_START} doubled per failure in a row, times a random factor
     * between 0.5 and 1.5 (so hosts that failed together do not retry together), at least the
     * server's Retry-After, at most {@link #BACKOFF_MAX}; returns until when.
     */
    synchronized Instant failed(Instant now, boolean connection, @Nullable Duration retryAfter, Random random) {
      failures++;
      lastFailureWasConnection = connection;
      long factor = 1L << Math.min(failures - 1, 20);
      double jitter;
      synchronized (random) {
        jitter = 0.5 + random.nextDouble();
      }
      Duration backoff = Duration.ofMillis((long) (BACKOFF_START.multipliedBy(factor).toMillis() * jitter));
      if (retryAfter != null && retryAfter.compareTo(backoff) > 0) backoff = retryAfter;
      if (backoff.compareTo(BACKOFF_MAX) > 0) backoff = BACKOFF_MAX;
      backoffUntil = now.plus(backoff);
      return backoffUntil;
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
    int feedsNotDue;
    int feedItems;
    int pagesFetched;
    int pagesSkipped;
    int pagesFailed;
    int sourcesParked;
    int responses;
    int slowResponses;
    int connectionFailures;
    int backoffSkipsUnreachable;
    int backoffSkipsOther;
    int problemsLeftOut;
    @Nullable String lastProblem;
    CrawlReport.@Nullable SourceSummary summary;
    final List<String> problems = new ArrayList<>();
    final Set<Host> unreachable = new HashSet<>();
    /** Hosts whose robots.txt could not be read this round, with the reason. */
    final Map<String, String> robotsUnavailable = new HashMap<>();

    void problem(String p) {
      lastProblem = p;
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
      feedsNotDue += other.feedsNotDue;
      feedItems += other.feedItems;
      pagesFetched += other.pagesFetched;
      pagesSkipped += other.pagesSkipped;
      pagesFailed += other.pagesFailed;
      sourcesParked += other.sourcesParked;
      responses += other.responses;
      slowResponses += other.slowResponses;
      connectionFailures += other.connectionFailures;
      backoffSkipsUnreachable += other.backoffSkipsUnreachable;
      backoffSkipsOther += other.backoffSkipsOther;
      other.problems.forEach(this::problem);
      problemsLeftOut += other.problemsLeftOut;
      unreachable.addAll(other.unreachable);
    }

    CrawlReport report(List<CrawlReport.SourceSummary> sources) {
      List<String> all = new ArrayList<>(problems);
      if (problemsLeftOut > 0) all.add("… and " + problemsLeftOut + " more problems");
      boolean offline = responses == 0 && slowResponses == 0 && backoffSkipsOther == 0
          && connectionFailures + backoffSkipsUnreachable > 0;
      return new CrawlReport(feedsFetched, feedsNotModified, feedsFailed, pagesFetched, pagesSkipped,
          pagesFailed, all, offline, feedsNotDue, feedItems, sourcesParked, sources);
    }
  }
}
