package news.panorama.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import news.panorama.core.Article;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Embedder;
import news.panorama.embed.Embedders;
import news.panorama.embed.ModelStore;
import news.panorama.ingest.Catalog;
import news.panorama.pipeline.Pipeline;
import news.panorama.pipeline.PublishedOrder;
import news.panorama.store.JdbcStore;
import news.panorama.store.LuceneIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The end-to-end rate of the pipeline that {@code start --from} runs (text stage, embedding,
 * grouping, store, search index, briefings) against its physical limit, the embedding model's raw
 * batched rate, both measured in this process, round after round: the first round is what a cold
 * start sees (the JIT compiling the stages meanwhile), the later ones what a long-running server
 * sees. Each round processes the input into a fresh data folder, so nothing is already stored and
 * every article is embedded.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = {"Process articles end to end as start --from does (fresh temporary data folder each round, "
        + "embedding cache new each round) and print articles/s against the embedding model's raw batched rate "
        + "measured just before in the same process, round after round (round 1: cold start; later: warmed up).",
        "Goal of the story-grouping issue: end to end >= 0.60 of the raw rate."})
final class BenchPipelineCommand implements Callable<Integer> {
  static final double GOAL = 0.60;

  @Option(names = "--in", required = true, arity = "1..*", paramLabel = "FILE", description = "Articles as JSON Lines.")
  List<String> in = new ArrayList<>();

  @Option(names = "--rounds", defaultValue = "3", paramLabel = "N", description = "Rounds of raw rate then end to end (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() throws IOException {
    if (rounds < 1) throw new IllegalArgumentException("bench pipeline needs --rounds >= 1, got " + rounds);
    List<Article> articles = new ArrayList<>();
    for (String file : in) articles.addAll(Inputs.read(file, "bench pipeline"));
    PanoramaConfig base = options.load();
    if (base.clusterEmbeddingWeight() <= 0) {
      throw new IllegalArgumentException("bench pipeline compares against the embedding model; "
          + "cluster.embedding-weight is 0, so the pipeline would not embed");
    }
    Catalog catalog = Catalog.effective(base);
    List<Article> ordered = new ArrayList<>(PublishedOrder.sort(articles));
    ordered.replaceAll(a -> a.country().isEmpty() ? a.withCountry(catalog.countryOf(a)) : a);
    List<String> texts = ordered.stream().map(Embedder::textOf).toList();
    Embedders.Settings configured = Embedders.Settings.from(base);
    PrintStream out = System.out;
    out.printf(Locale.ROOT, "Pipeline benchmark: %d articles from %s; model %s, %d embedding threads, batch %d; %d cores, Java %s.%n",
        ordered.size(), String.join(" ", in), base.embedModel(), configured.threads(), configured.batch(),
        Runtime.getRuntime().availableProcessors(), Runtime.version());
    Path root = Files.createTempDirectory("panorama-bench-pipeline");
    try (Embedder raw = Embedders.open(base.embedModel(), ModelStore.in(base.dataDir()),
        new Embedders.Settings(configured.threads(), configured.batch(), 0))) {
      BenchEmbedCommand.warmUp(raw, texts);
      for (int round = 1; round <= rounds; round++) {
        double rawRate = rawRate(raw, texts, configured, round);
        PanoramaConfig config = options.load(Map.of("data.dir", root.resolve("round-" + round).toString()));
        double rate;
        int rejected;
        try (JdbcStore store = Stores.open(config); LuceneIndex index = Stores.index(config);
            Pipeline pipeline = Pipeline.create(config, store, index)) {
          Progress progress = new Progress("round " + round + " end to end", ordered.size());
          rejected = StartCommand.process(pipeline, ordered, progress);
          rate = ordered.size() / progress.seconds();
          progress.close();
          if (pipeline.embeddingProblem() != null) throw new IllegalStateException(pipeline.embeddingProblem());
        }
        out.printf(Locale.ROOT, "round %d%s: raw %.1f articles/s; end to end %.1f articles/s (%d rejected) = %.2f of raw (goal %.2f)%n",
            round, round == 1 ? " (cold)" : "", rawRate, rate, rejected, rate / rawRate, GOAL);
      }
    } finally {
      BenchSearchCommand.deleteQuietly(root);
    }
    return 0;
  }

  /** Articles/s of the model alone on {@code texts}, as {@code bench embed} measures it batched. */
  private static double rawRate(Embedder raw, List<String> texts, Embedders.Settings settings, int round) {
    try (Progress p = new Progress("round " + round + " raw model", texts.size())) {
      BenchEmbedCommand.batched(raw, texts, settings, p);
      return texts.size() / p.seconds();
    }
  }
}
