package news.panorama.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import news.panorama.core.Article;
import news.panorama.core.Embedder;
import news.panorama.core.PanoramaConfig;
import news.panorama.embed.Embedders;
import news.panorama.embed.ModelStore;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The raw inference rate of the configured embedding model on this machine, the ceiling any
 * pipeline that embeds every article runs under: articles/s batched over {@code embed.threads}
 * threads, and one by one. The cache is off so every text is run through the model.
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
    description = {"Embed articles' texts (title + lead, Embedder.textOf) with the model of setting embed.model, "
        + "cache off, and print articles/s batched (embed.threads threads, embed.batch texts per batch) and one by one.",
        "With --gold (article_id<TAB>event) it also prints nearest-neighbour event accuracy and mean reciprocal rank."})
final class BenchEmbedCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, paramLabel = "FILE|-", description = "Articles as JSON Lines (- for stdin).")
  String in = "";

  @Option(names = "--limit", paramLabel = "N", description = "Use only the first N articles (default: all).")
  int limit = Integer.MAX_VALUE;

  @Option(names = "--gold", paramLabel = "FILE",
      description = "Gold events, article_id<TAB>event (e.g. ../shared/data/ecbplus/labels-event.tsv), to score the vectors.")
  @Nullable Path gold;

  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() throws IOException {
    if (limit < 1) throw new IllegalArgumentException("bench embed needs --limit >= 1, got " + limit);
    PanoramaConfig config = options.load();
    List<Article> articles = Inputs.read(in, "bench embed");
    if (articles.size() > limit) articles = articles.subList(0, limit);
    if (articles.isEmpty()) {
      System.err.println("panorama bench embed: no readable article in " + in);
      return 1;
    }
    List<String> texts = articles.stream().map(Embedder::textOf).toList();
    Embedders.Settings configured = Embedders.Settings.from(config);
    Embedders.Settings settings = new Embedders.Settings(configured.threads(), configured.batch(), 0);
    PrintStream out = System.out;
    long started = System.nanoTime();
    try (Embedder embedder = Embedders.open(config.embedModel(), ModelStore.in(config.dataDir()), settings)) {
      double loadSeconds = (System.nanoTime() - started) / 1e9;
      double chars = texts.stream().mapToInt(String::length).average().orElse(0);
      out.printf(Locale.ROOT, "Embedding benchmark: model %s (%d dimensions, loaded in %.1f s); %d articles from %s, "
              + "texts of %.0f characters on average (title + lead, at most %d); %d thread%s, batch %d, cache off; "
              + "%d cores, Java %s.%n", embedder.model(), embedder.dimensions(), loadSeconds, articles.size(), in, chars,
          Embedder.TEXT_CHARS, settings.threads(), settings.threads() == 1 ? "" : "s", settings.batch(), Runtime.getRuntime().availableProcessors(), Runtime.version());
      warmUp(embedder, texts);

      List<float[]> vectors;
      double batched;
      try (Progress p = new Progress("batched", texts.size())) {
        vectors = batched(embedder, texts, settings, p);
        batched = p.seconds();
      }
      double oneByOne;
      try (Progress p = new Progress("one by one", texts.size())) {
        for (String t : texts) {
          embedder.embed(List.of(t));
          p.step();
        }
        oneByOne = p.seconds();
      }
      int n = texts.size();
      out.printf(Locale.ROOT, "batched:    %d articles in %.2f s = %.1f articles/s%n", n, batched, n / batched);
      out.printf(Locale.ROOT, "one by one: %d articles in %.2f s = %.1f articles/s (%.1f ms each)%n", n, oneByOne, n / oneByOne,
          oneByOne * 1000 / n);
      if (gold != null) score(articles, vectors, readGold(gold), out);
    }
    return 0;
  }

  /** Runs the model once on 16 texts changed from {@code texts} (the cache never holds them), so that timing starts warm. */
  static void warmUp(Embedder embedder, List<String> texts) {
    embedder.embed(texts.subList(0, Math.min(texts.size(), 16)).stream().map(t -> "warm-up " + t).toList());
  }

  /** The vectors of {@code texts}, embedded {@code batch} texts at a time on each of the settings' threads. */
  static List<float[]> batched(Embedder embedder, List<String> texts, Embedders.Settings settings, Progress progress) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    int step = settings.batch() * settings.threads();
    for (int i = 0; i < texts.size(); i += step) {
      List<String> part = texts.subList(i, Math.min(texts.size(), i + step));
      vectors.addAll(embedder.embed(part));
      part.forEach(t -> progress.step());
    }
    return vectors;
  }

  private static Map<String, String> readGold(Path file) throws IOException {
    Map<String, String> events = new HashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      if (f.length >= 2 && !f[0].isBlank()) events.put(f[0].strip(), f[1].strip());
    }
    return events;
  }

  /**
   * For each article with a gold event shared by another: is its most similar other article of the
   * same event (nearest-neighbour accuracy), and 1 / the rank of the first one that is (MRR).
   */
  private static void score(List<Article> articles, List<float[]> vectors, Map<String, String> gold, PrintStream out) {
    List<Integer> labelled = new ArrayList<>();
    Map<String, Integer> sizes = new HashMap<>();
    for (int i = 0; i < articles.size(); i++) {
      String e = gold.get(articles.get(i).id());
      if (e != null) {
        labelled.add(i);
        sizes.merge(e, 1, Integer::sum);
      }
    }
    int scored = 0;
    int hits = 0;
    double reciprocal = 0;
    for (int i : labelled) {
      String event = gold.get(articles.get(i).id());
      if (sizes.get(event) < 2) continue;
      double bestSame = Double.NEGATIVE_INFINITY;
      double bestOther = Double.NEGATIVE_INFINITY;
      double[] sims = new double[labelled.size()];
      for (int k = 0; k < labelled.size(); k++) {
        int j = labelled.get(k);
        if (j == i) {
          sims[k] = Double.NaN;
          continue;
        }
        double s = dot(vectors.get(i), vectors.get(j));
        sims[k] = s;
        if (event.equals(gold.get(articles.get(j).id()))) bestSame = Math.max(bestSame, s); else bestOther = Math.max(bestOther, s);
      }
      int rank = 1;
      for (double s : sims) if (s > bestSame) rank++;
      scored++;
      if (bestSame > bestOther) hits++;
      reciprocal += 1.0 / rank;
    }
    out.printf(Locale.ROOT, "events: %d articles with a gold event shared by another; nearest-neighbour event accuracy %.4f, "
        + "mean reciprocal rank %.4f%n", scored, scored == 0 ? 0 : (double) hits / scored, scored == 0 ? 0 : reciprocal / scored);
  }

  private static double dot(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) d += a[i] * b[i];
    return d;
  }
}
