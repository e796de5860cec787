package news.panorama.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import news.panorama.core.Source;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import news.panorama.ingest.CrawlReport;
import org.jspecify.annotations.Nullable;
import news.panorama.ingest.Crawler;

/**
 * Panorama's live job: crawl rounds over the catalog's outlets, each page through the pipeline,
 * briefings refreshed every {@link #BRIEF_EVERY} new articles during a round and at its end. When no request gets any answer at all the loop says so in
 * one line and retries politely: after one minute, then doubling up to the crawl interval.
 */
public final class CrawlLoop implements Runnable {
  private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  /** A first round over many outlets takes minutes: readers see stories fill in as it goes. */
  static final int BRIEF_EVERY = 25;

  private final Crawler crawler;
  private final Pipeline pipeline;
  private final List<Source> sources;
  private final Duration interval;
  private final Consumer<String> status;
  private final Sleeper sleeper;
  private final BooleanSupplier online;
  private volatile boolean stopped;
  private volatile @Nullable Instant lastRound;
  private final Map<String, CrawlReport.SourceSummary> health = new ConcurrentHashMap<>();

  /** How the loop waits between rounds; tests pass one that does not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  public CrawlLoop(Crawler crawler, Pipeline pipeline, List<Source> sources, Duration interval,
      Consumer<String> status, Sleeper sleeper) {
    this(crawler, pipeline, sources, interval, status, sleeper, () -> true);
  }

  /**
   * @param online asked before each round whether the network answers at all (see
   *     {@link news.panorama.ingest.Reachability}); when it does not, the round is skipped and
   *     reported offline at once
   */
  public CrawlLoop(Crawler crawler, Pipeline pipeline, List<Source> sources, Duration interval,
      Consumer<String> status, Sleeper sleeper, BooleanSupplier online) {
    this.online = online;
    this.crawler = crawler;
    this.pipeline = pipeline;
    this.sources = List.copyOf(sources);
    this.interval = interval;
    this.status = status;
    this.sleeper = sleeper;
  }

  /** Runs one round: crawl every outlet once, then brief the stories that changed. */
  public CrawlReport round() {
    return round(source -> {});
  }

  /** Runs one round, telling {@code done} of each outlet as it is finished (for progress bars). */
  public CrawlReport round(Consumer<Source> done) {
    if (!online.getAsBoolean()) {
      return new CrawlReport(0, 0, 0, 0, 0, 0,
          List.of("no outlet's host answered a connection: this machine looks offline"), true);
    }
    status.accept("Crawling " + sources.size() + " outlets (a round every " + interval.toMinutes() + " min)…");
    long before = pipeline.accepted();
    java.util.concurrent.atomic.AtomicInteger sinceBrief = new java.util.concurrent.atomic.AtomicInteger();
    CrawlReport report = crawler.crawlOnce(sources,
        pipeline::seen,
        page -> {
          if (pipeline.acceptPage(page) instanceof Pipeline.Result.Stored
              && sinceBrief.incrementAndGet() % BRIEF_EVERY == 0) {
            pipeline.flush();
          }
        }, done);
    pipeline.flush();
    report.sources().forEach(summary -> health.put(summary.id(), summary));
    lastRound = Instant.now();
    long added = pipeline.accepted() - before;
    if (!report.offline()) {
      status.accept("Last crawl: " + report.feedsFetched() + " feeds read, " + report.feedsNotModified()
          + " unchanged, " + report.feedsFailed() + " failed; " + added + " new articles.");
    }
    return report;
  }

  @Override
  public void run() {
    Duration retry = FIRST_RETRY;
    while (!stopped) {
      CrawlReport report = round();
      Duration wait = interval;
      if (report.offline()) {
        wait = retry.compareTo(interval) < 0 ? retry : interval;
        retry = retry.multipliedBy(2);
        status.accept("No network: serving stored stories and the bundled sample; retrying in "
            + wait.toMinutes() + " min.");
      } else {
        retry = FIRST_RETRY;
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * How the last round went for an outlet, in a few words ("ok: 2 feeds read, 14 pages"); empty
   * before its first round.
   */
  public String health(String sourceId) {
    CrawlReport.SourceSummary s = health.get(sourceId);
    if (s == null) return lastRound == null ? "" : "not crawled in the last round";
    StringBuilder out = new StringBuilder(s.status()).append(": ").append(s.feedsRead()).append(" feeds read");
    if (s.feedsFailed() > 0) out.append(", ").append(s.feedsFailed()).append(" failed");
    out.append(", ").append(s.pagesFetched()).append(" pages");
    if (s.lastProblem() != null) out.append("; last problem: ").append(s.lastProblem());
    return out.toString();
  }

  public void stop() {
    stopped = true;
  }
}
