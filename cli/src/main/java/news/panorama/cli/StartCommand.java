package news.panorama.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import news.panorama.core.Article;
import news.panorama.core.JsonLines;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Sample;
import news.panorama.core.Source;
import news.panorama.ingest.Catalog;
import news.panorama.ingest.CrawlReport;
import news.panorama.ingest.Crawler;
import news.panorama.ingest.Replay;
import news.panorama.pipeline.CrawlLoop;
import news.panorama.pipeline.Pipeline;
import news.panorama.server.WebServer;
import news.panorama.store.JdbcStore;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Panorama's main job: crawl (or replay), process, store, serve. */
@Command(name = "start", mixinStandardHelpOptions = true,
    description = {"Run Panorama: crawl the catalog's outlets live, run every article through the pipeline, "
        + "keep everything in the embedded database and serve the web UI.",
        "With --from, replay a corpus instead (JSON Lines or HTML pages, files or folders), fully offline."})
final class StartCommand implements Callable<Integer> {
  private static final int BATCH = 64;
  private static final int BRIEF_EVERY = 512;

  @Option(names = "--from", arity = "1..*", paramLabel = "PATH",
      description = "Replay these files or folders (.jsonl[.gz], .html[.gz]) instead of crawling.")
  List<Path> from = new ArrayList<>();

  @Option(names = "--port", paramLabel = "N", description = "HTTP port (setting server.port; default 8080).")
  @Nullable Integer port;

  @Option(names = "--once", description = "Process the input (or one crawl round) and exit instead of serving.")
  boolean once;

  @Mixin ConfigOptions options = new ConfigOptions();

  private final AtomicReference<String> status = new AtomicReference<>("");

  @Override
  public Integer call() throws Exception {
    PanoramaConfig config = options.load(port != null ? Map.of("server.port", port.toString()) : Map.of());
    Files.createDirectories(config.dataDir());
    JdbcStore store = JdbcStore.open(config.jdbcUrl());
    Pipeline pipeline = Pipeline.create(config, store);
    long restored = pipeline.warmUp();
    if (restored > 0) System.out.println("Loaded " + restored + " stored articles from " + config.dataDir());
    WebServer server = null;
    if (!once) {
      server = startServer(store, config.port());
      System.out.println("Panorama is serving on " + server.url() + "  (Ctrl-C to stop)");
      WebServer s = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> { s.close(); store.close(); }));
    }
    if (!from.isEmpty()) {
      replay(pipeline);
    } else {
      pipeline.acceptAll(Sample.articles());
      pipeline.flush();
      List<Source> sources = (config.catalog() == null ? Catalog.bundled() : Catalog.load(config.catalog())).sources();
      HttpClient http = HttpClient.newBuilder().connectTimeout(config.fetchTimeout())
          .followRedirects(HttpClient.Redirect.NEVER).build();
      CrawlLoop loop = new CrawlLoop(new Crawler(Crawler.Settings.from(config), http, Clock.systemUTC()),
          pipeline, sources, config.crawlInterval(), this::status, d -> Thread.sleep(d.toMillis()));
      System.out.println("Crawling " + sources.size() + " outlets every " + config.crawlInterval().toMinutes() + " min.");
      if (once) {
        CrawlReport r = loop.round();
        r.problems().forEach(p -> System.err.println("  " + p));
        if (r.offline()) System.out.println("No network: no outlet could be reached; serving stored stories and the bundled sample.");
      } else {
        Thread crawl = new Thread(loop, "crawl");
        crawl.setDaemon(true);
        crawl.start();
      }
    }
    System.out.printf("%d articles in %d stories stored.%n", store.articleCount(), store.storyCount());
    if (once) {
      store.close();
      return 0;
    }
    new CountDownLatch(1).await();
    return 0;
  }

  private WebServer startServer(JdbcStore store, int port) {
    try {
      return WebServer.start(store, port, status::get);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot serve on port " + port + " (" + rootMessage(e)
          + "); is another Panorama running? Choose another with --port N");
    }
  }

  private void status(String message) {
    String previous = status.getAndSet(message);
    if (!Objects.equals(previous, message)) System.out.println(message);
  }

  private void replay(Pipeline pipeline) throws IOException {
    List<Path> files = Replay.files(from);
    long total = 0;
    for (Path f : files) total += inputsIn(f);
    List<Article> batch = new ArrayList<>();
    int[] rejected = {0};
    long[] sinceBrief = {0};
    Progress progress = new Progress("replay", total);
    Runnable drain = () -> {
      pipeline.acceptAll(batch).forEach(r -> {
        if (r instanceof Pipeline.Result.Rejected rej) {
          rejected[0]++;
          System.err.println(rej.reason());
        }
        progress.step();
      });
      sinceBrief[0] += batch.size();
      batch.clear();
      if (sinceBrief[0] >= BRIEF_EVERY) {
        pipeline.flush();
        sinceBrief[0] = 0;
      }
    };
    var report = Replay.replay(from,
        article -> { batch.add(article); if (batch.size() >= BATCH) drain.run(); },
        page -> {
          drain.run();
          if (pipeline.acceptPage(page) instanceof Pipeline.Result.Rejected rej) {
            rejected[0]++;
            System.err.println(rej.reason());
          }
          progress.step();
        },
        problem -> System.err.println("skipped " + problem));
    drain.run();
    pipeline.flush();
    progress.close();
    System.out.printf(java.util.Locale.ROOT, "Replayed %d inputs from %d files in %.1f s (%.1f articles/s): %d new, %d already stored, %d without an article.%n",
        progress.done(), files.size(), progress.seconds(), progress.perSecond(), pipeline.accepted(),
        pipeline.duplicates(), rejected[0]);
    Objects.requireNonNull(report);
  }

  /** How many inputs a file holds, for the progress bar: its non-blank lines, or one page. */
  private static long inputsIn(Path f) throws IOException {
    String name = f.getFileName().toString();
    if (ExtractCommand.isHtml(f)) return 1;
    if (!(name.endsWith(".jsonl") || name.endsWith(".jsonl.gz") || name.endsWith(".ndjson"))) return 0;
    long n = 0;
    try (Reader r = JsonLines.open(f.toString()); BufferedReader b = new BufferedReader(r)) {
      for (String line; (line = b.readLine()) != null; ) if (!line.isBlank()) n++;
    }
    return n;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) t = t.getCause();
    return String.valueOf(t.getMessage());
  }
}
