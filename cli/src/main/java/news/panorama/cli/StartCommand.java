package news.panorama.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import news.panorama.core.Article;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Sample;
import news.panorama.core.Source;
import news.panorama.ingest.Catalog;
import news.panorama.ingest.CrawlReport;
import news.panorama.ingest.Replay;
import news.panorama.pipeline.CrawlLoop;
import news.panorama.pipeline.Pipeline;
import news.panorama.pipeline.PublishedOrder;
import news.panorama.pipeline.Retention;
import news.panorama.server.WebServer;
import news.panorama.translate.Translations;
import news.panorama.store.JdbcStore;
import news.panorama.store.LuceneIndex;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Panorama's main job: crawl (or replay), process, store, serve. */
@Command(name = "start", mixinStandardHelpOptions = true,
    description = {"Run Panorama: crawl the catalog's outlets live, run every article through the pipeline, "
        + "keep everything in the embedded database and serve the web UI.",
        "With --from, replay a corpus instead (JSON Lines, HTML pages or WARC files, files or folders), fully offline."})
final class StartCommand implements Callable<Integer> {
  private static final int BATCH = 64;
  private static final int BRIEF_EVERY = 512;

  @Option(names = "--from", arity = "1..*", paramLabel = "PATH",
      description = "Replay these files or folders (.jsonl[.gz], .html[.gz], .warc[.gz]) instead of crawling.")
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
    JdbcStore store = Stores.open(config);
    LuceneIndex index = Stores.index(config);
    Pipeline pipeline = Pipeline.create(config, store, index);
    index.embedQueriesWith(pipeline.embedder()); // the model that embeds articles embeds queries
    System.out.println(pipeline.embeddingModel() == null ? "Grouping by text features (cluster.embedding-weight 0)."
        : "Grouping with the embedding model " + pipeline.embeddingModel() + ".");
    long restored = pipeline.warmUp();
    if (restored > 0) System.out.println("Loaded " + restored + " stored articles from " + config.dataDir());
    Retention retention = Retention.of(config, store, index);
    if (!once) retention.daily(System.out::println); // now, in the background, then once a day
    WebServer server = null;
    List<Source> catalog = Catalog.effective(config).sources();
    CrawlLoop loop = from.isEmpty() ? new CrawlLoop(CrawlCommand.crawler(config), pipeline, catalog,
        config.crawlInterval(), this::status, d -> Thread.sleep(d.toMillis()), CrawlCommand.online(catalog)) : null;
    if (!once) {
      Translations translations = Translations.open(config);
      server = startServer(store, index, new WebServer.Options(catalog, loop == null ? id -> "" : loop::health,
          (title, language) -> translations.titleOrGloss(Article.of("title", "", "", "", language, null, title, ""))),
          config.port());
      System.out.println("Panorama is serving on " + server.url() + "  (Ctrl-C to stop); non-English titles "
          + (translations.backend().equals("gloss") ? "glossed offline" : "translated by " + translations.backend()) + ".");
      WebServer s = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        s.close();
        translations.close();
        pipeline.close();
        index.close();
        store.close();
      }));
    }
    if (loop == null) {
      replay(pipeline, config);
    } else {
      pipeline.acceptAll(Sample.articles());
      pipeline.flush();
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
    if (once && retention.enabled()) System.out.println(retention.describe(retention.apply()));
    System.out.println(count(store.articleCount(), "article", "articles") + " in "
        + count(store.storyCount(), "story", "stories") + " stored.");
    if (once) {
      pipeline.close();
      index.close();
      store.close();
      return 0;
    }
    new CountDownLatch(1).await();
    return 0;
  }

  private WebServer startServer(JdbcStore store, LuceneIndex index, WebServer.Options options, int port) {
    try {
      return WebServer.start(store, index, options, "127.0.0.1", port, status::get, java.time.Clock.systemUTC());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot serve on port " + port + " (" + rootMessage(e)
          + "); is another Panorama running? Choose another with --port N");
    }
  }

  private void status(String message) {
    String previous = status.getAndSet(message);
    if (!Objects.equals(previous, message)) System.out.println(message);
  }

  /**
   * Reads every input first, then processes the articles in publication order, as if they were
   * arriving live: corpora are often sorted by topic, and grouping is an online decision.
   */
  private void replay(Pipeline pipeline, PanoramaConfig config) throws IOException {
    List<Path> files = Replay.files(from);
    List<Article> articles = new ArrayList<>();
    int[] rejected = {0};
    System.out.println("Reading " + files.size() + " files…");
    Replay.replay(from, CrawlCommand.byId(config), articles::add,
        page -> {
          var extracted = pipeline.extract(page);
          if (extracted.ok()) {
            articles.add(extracted.value());
          } else {
            rejected[0]++;
            System.err.println(String.join("; ", extracted.problems()));
          }
        },
        problem -> System.err.println("skipped " + problem));
    Catalog catalog = Catalog.effective(config);
    List<Article> ordered = new ArrayList<>(PublishedOrder.sort(articles));
    ordered.replaceAll(a -> a.country().isEmpty() ? a.withCountry(catalog.countryOf(a)) : a);
    Progress progress = new Progress("process", ordered.size());
    rejected[0] += process(pipeline, ordered, progress);
    progress.close();
    if (pipeline.embeddingProblem() != null) System.err.println(pipeline.embeddingProblem());
    System.out.printf(java.util.Locale.ROOT,
        "Replayed %d articles from %d files in %.1f s (%.1f articles/s): %d new, %d already stored, %d revised, %d rejected.%n",
        ordered.size(), files.size(), progress.seconds(), progress.perSecond(), pipeline.accepted(),
        pipeline.duplicates(), pipeline.revised(), rejected[0]);
  }

  /**
   * Runs {@code ordered} through the pipeline as a replay does, in batches of {@value #BATCH},
   * briefing the changed stories every {@value #BRIEF_EVERY} articles and at the end; prints each
   * rejection and returns how many there were.
   */
  static int process(Pipeline pipeline, List<Article> ordered, Progress progress) {
    int rejected = 0;
    long sinceBrief = 0;
    for (int i = 0; i < ordered.size(); i += BATCH) {
      List<Article> batch = ordered.subList(i, Math.min(ordered.size(), i + BATCH));
      for (Pipeline.Result r : pipeline.acceptAll(batch)) {
        if (r instanceof Pipeline.Result.Rejected rej) {
          rejected++;
          System.err.println("rejected " + rej.reason());
        }
        progress.step();
      }
      sinceBrief += batch.size();
      if (sinceBrief >= BRIEF_EVERY) {
        pipeline.flush();
        sinceBrief = 0;
      }
    }
    pipeline.flush();
    return rejected;
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) t = t.getCause();
    return String.valueOf(t.getMessage());
  }
}
