package news.panorama.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.SearchIndex;
import news.panorama.core.Store;
import news.panorama.core.Validate;
import org.jspecify.annotations.Nullable;

/**
 * The age limit on full text ({@code store.full-text-days}): articles published longer ago lose
 * their text, sentences and what was found in them, and keep their title, metadata, entities,
 * embedding and story ({@link Store#dropTextOlderThan}); stories, briefings and their versions stay.
 * The search index follows, so their titles stay searchable. {@code panorama start} applies it at
 * start and then once a day, {@code panorama prune} on demand.
 */
public final class Retention {
  private final Store store;
  private final @Nullable SearchIndex search;
  private final int days;
  private final Clock clock;

  /** @param days how long after publication the full text is kept; 0 keeps it forever */
  public Retention(Store store, @Nullable SearchIndex search, int days, Clock clock) {
    Validate.isTrue(days >= 0, "the days full text is kept must not be negative, got " + days);
    this.store = store;
    this.search = search;
    this.days = days;
    this.clock = clock;
  }

  /** The limit of {@code store.full-text-days}. */
  public static Retention of(PanoramaConfig config, Store store, @Nullable SearchIndex search) {
    return new Retention(store, search, config.fullTextDays(), Clock.systemUTC());
  }

  /** Whether there is a limit at all. */
  public boolean enabled() {
    return days > 0;
  }

  /** Articles published before this time lose their text now. */
  public Instant cutoff() {
    return clock.instant().minus(Duration.ofDays(days));
  }

  /** Applies the limit now (nothing when there is none); returns how many articles lost their text. */
  public long apply() {
    if (!enabled()) return 0;
    long n = store.dropTextOlderThan(cutoff());
    if (n > 0 && search != null) search.catchUp(store);
    return n;
  }

  /** What {@link #apply} did, in a sentence. */
  public String describe(long dropped) {
    return "Dropped the full text of " + dropped + (dropped == 1 ? " article" : " articles") + " published before "
        + cutoff().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " (kept " + days
        + " days); titles, stories and briefings stay.";
  }

  /**
   * Applies the limit now and then once a day on a daemon thread, telling {@code report} what each run
   * dropped or why it failed (the next day's run tries again); null when there is no limit.
   */
  public @Nullable ScheduledExecutorService daily(Consumer<String> report) {
    if (!enabled()) return null;
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "retention");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(() -> {
      try {
        long n = apply();
        if (n > 0) report.accept(describe(n));
      } catch (RuntimeException e) {
        report.accept("Retention failed, tried again in a day: " + e.getMessage());
      }
    }, 0, 1, TimeUnit.DAYS);
    return timer;
  }
}
