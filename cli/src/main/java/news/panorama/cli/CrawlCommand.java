package news.panorama.cli;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Source;
import news.panorama.ingest.Catalog;
import news.panorama.ingest.CrawlReport;
import news.panorama.ingest.Crawler;
import news.panorama.ingest.WarcArchive;
import news.panorama.pipeline.CrawlLoop;
import news.panorama.pipeline.Pipeline;
import news.panorama.store.JdbcStore;
import news.panorama.store.LuceneIndex;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The live crawl without the web server: rounds over the catalog, each page through the pipeline into the store. */
@Command(name = "crawl", mixinStandardHelpOptions = true,
    description = {"Crawl the catalog's outlets into the store without serving: a round every "
        + "ingest.interval-minutes, each followed by a per-outlet summary.",
        "With ingest.warc-dir set, every response is also recorded to WARC files for `panorama ingest --warc`."})
final class CrawlCommand implements Callable<Integer> {
  @Option(names = "--once", description = "Run one round and exit.")
  boolean once;

  @Option(names = "--source", paramLabel = "ID", description = "Crawl only these outlets (repeatable).")
  List<String> only = new java.util.ArrayList<>();

  @Mixin ConfigOptions options = new ConfigOptions();

  private static volatile WarcArchive.@Nullable Recorder recorder;

  @Override
  public Integer call() throws Exception {
    PanoramaConfig config = options.load();
    Catalog catalog = Catalog.effective(config);
    List<Source> sources = only.isEmpty() ? catalog.sources() : only.stream()
        .map(id -> catalog.byId(id).orElseThrow(() -> new IllegalArgumentException("no outlet with id '" + id + "' in " + catalog.name())))
        .toList();
    try (JdbcStore store = Stores.open(config); LuceneIndex index = Stores.index(config);
        Pipeline pipeline = Pipeline.create(config, store, index)) {
      pipeline.warmUp();
      CrawlLoop loop = new CrawlLoop(crawler(config), pipeline, sources, config.crawlInterval(),
          System.out::println, d -> Thread.sleep(d.toMillis()), CrawlCommand.online(sources));
      while (true) {
        long started = System.nanoTime();
        CrawlReport report;
        try (Progress progress = new Progress("crawl", sources.size())) {
          report = loop.round(source -> progress.step());
        }
        summary(report, (System.nanoTime() - started) / 1e9);
        if (once) return report.offline() ? 1 : 0;
        Thread.sleep(config.crawlInterval().toMillis());
      }
    } finally {
      WarcArchive.Recorder r = recorder;
      if (r != null) r.close();
    }
  }

  private static void summary(CrawlReport r, double seconds) {
    System.out.printf(java.util.Locale.ROOT, "Round done in %.1f s: %d feeds read (%d items), %d unchanged, %d not due, "
        + "%d failed; %d pages fetched, %d skipped, %d failed; %d outlets parked.%n", seconds, r.feedsFetched(),
        r.feedItems(), r.feedsNotModified(), r.feedsNotDue(), r.feedsFailed(), r.pagesFetched(), r.pagesSkipped(),
        r.pagesFailed(), r.sourcesParked());
    for (CrawlReport.SourceSummary s : r.sources()) {
      System.out.printf("  %-30s %-13s %2d feeds ok %2d failed %4d pages%s%n", s.id(), s.status(), s.feedsRead(),
          s.feedsFailed(), s.pagesFetched(), s.lastProblem() == null ? "" : "  last problem: " + s.lastProblem());
    }
    if (r.offline()) System.out.println("No network: no outlet could be reached.");
  }

  /** The crawler the live commands share: configured limits, no client-side redirects, WARC recording when set. */
  /** Asked before each round whether the network answers: eight catalog hosts, five seconds at most. */
  static java.util.function.BooleanSupplier online(List<Source> sources) {
    return () -> news.panorama.ingest.Reachability.anyReachable(sources, 8, java.time.Duration.ofSeconds(5));
  }

  static Crawler crawler(PanoramaConfig config) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(config.fetchTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    WarcArchive.Recorder r = null;
    if (config.warcDir() != null) {
      r = WarcArchive.Recorder.inDirectory(config.warcDir(), Clock.systemUTC());
      recorder = r;
      System.out.println("Recording responses to " + r.file());
      WarcArchive.Recorder toClose = r;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          toClose.close();
        } catch (java.io.IOException e) {
          // the process is ending; the file keeps every complete record
        }
      }));
    }
    return new Crawler(Crawler.Settings.from(config), http, Clock.systemUTC(), r);
  }

  /** The catalog in effect by id, so replayed WARC pages get the outlet their crawl named. */
  static Map<String, Source> byId(PanoramaConfig config) {
    Map<String, Source> m = new LinkedHashMap<>();
    try {
      Catalog.effective(config).sources().forEach(s -> m.put(s.id(), s));
    } catch (IllegalArgumentException e) {
      System.err.println("panorama: catalog not read (" + e.getMessage() + "); replayed pages keep no outlet");
    }
    return m;
  }

}
