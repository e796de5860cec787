package news.panorama.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import news.panorama.core.PanoramaConfig;
import news.panorama.extract.HtmlExtractor;
import news.panorama.ingest.CrawlReport;
import news.panorama.ingest.Crawler;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Speed measurements that are commands rather than timed tests; figures go to docs/benchmarks.md. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {BenchCommand.Ingest.class, BenchClusterCommand.class, BenchEmbedCommand.class, BenchPipelineCommand.class, BenchBriefCommand.class, BenchSearchCommand.class, BenchWebCommand.class, BenchTranslateCommand.class},
    description = "Measure a stage's speed on generated input and print the figures with their baseline.")
final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Fetch + parse throughput of the real {@link Crawler} and {@link HtmlExtractor} against a
   * generated site on loopback ({@link BenchSite}), politeness delay off for those hosts: feed
   * items/s (feeds fetched and parsed, pages not fetched) and pages/s (feeds, then every page
   * fetched and extracted). Each is set against a baseline in the same process: the same URLs
   * fetched with a plain {@link HttpClient} by as many threads, bodies neither decoded nor parsed.
   */
  @Command(name = "ingest", mixinStandardHelpOptions = true,
      description = {"Crawl a generated site on 127.0.0.1 (JDK HttpServer, one port per host) with the real crawler "
          + "and extractor, per-host delay 0, and print feed items/s and pages/s against a raw-fetch baseline.",
          "Goals of the ingestion issue on a 2-core machine: >= 500 feed items/s and >= 200 pages/s."})
  static final class Ingest implements Callable<Integer> {
    static final int GOAL_ITEMS = 500;
    static final int GOAL_PAGES = 200;

    @Option(names = "--items", paramLabel = "N", description = "Feed items in the feed phase (default: ${DEFAULT-VALUE}).")
    int items = 6_000;

    @Option(names = "--pages", paramLabel = "N", description = "Pages fetched and extracted in the page phase (default: ${DEFAULT-VALUE}).")
    int pages = 1_500;

    @Option(names = "--hosts", paramLabel = "N",
        description = "Loopback hosts (ports) the outlets are spread over; 0 = as many as ingest.parallel-sources (default).")
    int hosts;

    @Option(names = "--runs", paramLabel = "N", description = "Measured runs of each phase after one warm-up run (default: ${DEFAULT-VALUE}).")
    int runs = 3;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the generated site (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Mixin ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() throws Exception {
      if (items < 1 || pages < 1 || runs < 1 || runs > 50 || hosts < 0 || hosts > 256) {
        throw new IllegalArgumentException("bench ingest needs --items >= 1, --pages >= 1, --runs 1..50 and --hosts 0..256");
      }
      Map<String, String> politenessOff = new LinkedHashMap<>();
      politenessOff.put("ingest.allow-networks", "127.0.0.0/8");
      politenessOff.put("ingest.per-host-delay-ms", "0");
      politenessOff.keySet().removeAll(options.settings.keySet());
      PanoramaConfig config = options.load(politenessOff);
      Crawler.Settings settings = Crawler.Settings.from(config);
      int hostCount = hosts == 0 ? settings.parallelSources() : hosts;
      PrintStream out = System.out;
      HttpClient http = HttpClient.newBuilder().connectTimeout(config.fetchTimeout())
          .followRedirects(HttpClient.Redirect.NEVER).build();
      HtmlExtractor extractor = new HtmlExtractor();
      try (BenchSite site = BenchSite.start(hostCount, seed)) {
        BenchSite.Phase feeds = site.phase("feeds", items, settings.maxItemsPerFeed(), false);
        BenchSite.Phase articles = site.phase("pages", pages, settings.maxItemsPerFeed(), true);
        out.printf(Locale.ROOT, "Ingestion benchmark: %d loopback host%s, %d outlets crawled at once, per-host delay %d ms, "
                + "%d items per feed; %d cores, Java %s.%n", hostCount, hostCount == 1 ? "" : "s", settings.parallelSources(),
            settings.perHostDelay().toMillis(), settings.maxItemsPerFeed(), Runtime.getRuntime().availableProcessors(),
            Runtime.version());
        out.printf(Locale.ROOT, "Site: %d feeds with %d items; %d feeds and %d pages (%.1f KB each on average) "
                + "resampled from %d sentences of the bundled sample.%n", feeds.feedUrls().size(), feeds.items(),
            articles.feedUrls().size(), articles.pageUrls().size(), site.averagePageBytes() / 1024.0, site.sentenceCount());

        out.println("Warm-up run of both phases (not counted)…");
        crawl(feeds, settings, http, null);
        crawl(articles, settings, http, extractor);
        rawFetch(feeds, http, settings.parallelSources());
        rawFetch(articles, http, settings.parallelSources());

        double[] itemRates = new double[runs];
        double[] pageRates = new double[runs];
        for (int r = 0; r < runs; r++) {
          Run c = crawl(feeds, settings, http, null);
          double raw = rawFetch(feeds, http, settings.parallelSources());
          itemRates[r] = c.count / c.seconds;
          double rawRate = feeds.items() / raw;
          out.printf(Locale.ROOT, "feeds run %d: crawler %d items in %.2f s = %.0f items/s; raw fetch of the same %d feeds "
                  + "%.2f s = %.0f items/s; ratio %.2f%s%n", r + 1, c.count, c.seconds, itemRates[r], feeds.feedUrls().size(),
              raw, rawRate, itemRates[r] / rawRate, c.note);
        }
        for (int r = 0; r < runs; r++) {
          Run c = crawl(articles, settings, http, extractor);
          double raw = rawFetch(articles, http, settings.parallelSources());
          pageRates[r] = c.count / c.seconds;
          double rawRate = articles.pageUrls().size() / raw;
          out.printf(Locale.ROOT, "pages run %d: crawler + extractor %d pages in %.2f s = %.0f pages/s; raw fetch of the "
                  + "same feeds and pages %.2f s = %.0f pages/s; ratio %.2f%s%n", r + 1, c.count, c.seconds, pageRates[r],
              raw, rawRate, pageRates[r] / rawRate, c.note);
        }
        double itemMedian = median(itemRates);
        double pageMedian = median(pageRates);
        out.printf(Locale.ROOT, "Median of %d runs: %.0f feed items/s (goal >= %d: %s), %.0f pages/s end to end through "
                + "extraction (goal >= %d: %s).%n", runs, itemMedian, GOAL_ITEMS, itemMedian >= GOAL_ITEMS ? "met" : "NOT met",
            pageMedian, GOAL_PAGES, pageMedian >= GOAL_PAGES ? "met" : "NOT met");
      }
      return 0;
    }

    /** What one crawl counted: feed items (no extractor) or extracted pages, its time, and any shortfall. */
    private record Run(int count, double seconds, String note) {}

    /**
     * One round of a fresh crawler (no remembered validators, robots or content hashes) over the
     * phase's outlets. Without an extractor every item counts as already seen, so only feeds are
     * fetched; with one, every page is fetched and extracted in the crawler's threads.
     */
    private static Run crawl(BenchSite.Phase phase, Crawler.Settings settings, HttpClient http,
        @Nullable HtmlExtractor extractor) {
      Crawler crawler = new Crawler(settings, http, Clock.systemUTC());
      AtomicInteger extracted = new AtomicInteger();
      AtomicInteger empty = new AtomicInteger();
      long start = System.nanoTime();
      CrawlReport report = crawler.crawlOnce(phase.sources(), url -> extractor == null, page -> {
        if (extractor != null && extractor.extract(page).ok()) extracted.incrementAndGet(); else empty.incrementAndGet();
      });
      double seconds = (System.nanoTime() - start) / 1e9;
      int count = extractor == null ? report.feedItems() : extracted.get();
      int expected = extractor == null ? phase.items() : phase.pageUrls().size();
      String note = "";
      if (count != expected || report.feedsFailed() > 0 || report.pagesFailed() > 0) {
        note = String.format(Locale.ROOT, " [expected %d; %d feeds failed, %d pages failed, %d without an article%s]",
            expected, report.feedsFailed(), report.pagesFailed(), empty.get(),
            report.problems().isEmpty() ? "" : "; first problem: " + report.problems().get(0));
      }
      return new Run(count, seconds, note);
    }

    /** Seconds to GET every URL of the phase (feeds, then pages) with {@code threads} threads, bodies read as bytes. */
    private static double rawFetch(BenchSite.Phase phase, HttpClient http, int threads) throws Exception {
      ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(phase.feedUrls());
      queue.addAll(phase.pageUrls());
      AtomicLong bytes = new AtomicLong();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      long start = System.nanoTime();
      try {
        List<Future<?>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          tasks.add(pool.submit(() -> {
            for (String url; (url = queue.poll()) != null; ) {
              HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                  HttpResponse.BodyHandlers.ofByteArray());
              if (r.statusCode() != 200) throw new IllegalStateException("raw fetch of " + url + ": HTTP " + r.statusCode());
              bytes.addAndGet(r.body().length);
            }
            return null;
          }));
        }
        for (Future<?> f : tasks) f.get();
      } finally {
        pool.shutdownNow();
      }
      return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] values) {
      double[] v = values.clone();
      java.util.Arrays.sort(v);
      return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
  }
}
