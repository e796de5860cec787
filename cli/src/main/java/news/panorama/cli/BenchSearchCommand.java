package news.panorama.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Embedder;
import news.panorama.core.Embedding;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.SearchQuery;
import news.panorama.core.StoryAssignment;
import news.panorama.embed.Embedders;
import news.panorama.store.JdbcStore;
import news.panorama.store.LuceneIndex;
import news.panorama.text.MultilingualAnalyzer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The archive at scale: resamples real articles (with replacement, each copy under its own id, URL
 * and day, its annotations and its embedding plus a little noise) into a fresh database and search
 * index, then prints storing and indexing rates, search latency percentiles by mode, and the heap
 * the open index needs. Embedding and text analysis run once per distinct real article, outside
 * the timings.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Store N articles resampled from real corpora in a new database (embedded H2 by default, --jdbc for "
        + "PostgreSQL), index them with their vectors, and print articles/s stored and indexed, search latency "
        + "p50/p99 for keyword, semantic and hybrid queries (real titles as queries), and heap after GC."})
final class BenchSearchCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, arity = "1..*", paramLabel = "FILE", description = "Real articles as JSON Lines.")
  List<Path> in = List.of();

  @Option(names = "--articles", defaultValue = "100000", paramLabel = "N", description = "Archive size (default: ${DEFAULT-VALUE}).")
  int articles = 100_000;

  @Option(names = "--queries", defaultValue = "300", paramLabel = "Q", description = "Timed queries per mode (default: ${DEFAULT-VALUE}).")
  int queries = 300;

  @Option(names = "--jdbc", paramLabel = "URL", description = "An empty database to fill (default: H2 in a new temporary folder).")
  @Nullable String jdbc;

  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() throws Exception {
    if (articles < 1 || queries < 1) throw new IllegalArgumentException("bench search needs --articles >= 1 and --queries >= 1");
    PanoramaConfig config = options.load();
    List<Article> real = new ArrayList<>();
    for (Path p : in) real.addAll(Inputs.read(p.toString(), "bench search"));
    if (real.isEmpty()) {
      System.err.println("panorama bench search: no readable article in " + in);
      return 1;
    }
    Path work = Files.createTempDirectory("panorama-bench-search");
    System.out.printf(Locale.ROOT, "Search benchmark: %d articles resampled from %d real ones (%s); %d cores, Java %s, max heap %d MiB.%n",
        articles, real.size(), in, Runtime.getRuntime().availableProcessors(), Runtime.version(),
        Runtime.getRuntime().maxMemory() >> 20);
    try (Embedder embedder = Embedders.open(config)) {
      List<Annotated> annotated = Inputs.analyze(new MultilingualAnalyzer(), real, "analyze");
      List<float @Nullable []> vectors = new ArrayList<>();
      try (Progress p = new Progress("embed", annotated.size())) {
        for (int i = 0; i < annotated.size(); i += 64) {
          List<Annotated> part = annotated.subList(i, Math.min(annotated.size(), i + 64));
          vectors.addAll(embedder.embedArticles(part));
          part.forEach(x -> p.step());
        }
      }
      String url = jdbc != null ? jdbc : JdbcStore.h2Url(work.resolve("db"));
      Random random = new Random(42);
      double storeSeconds;
      try (JdbcStore store = JdbcStore.open(url); LuceneIndex index = LuceneIndex.open(work.resolve("index"))) {
        Instant day0 = Instant.parse("2020-01-01T00:00:00Z");
        try (Progress p = new Progress("store", articles)) {
          for (int i = 0; i < articles; i++) {
            int k = random.nextInt(real.size());
            Article a = real.get(k);
            String id = "bench-" + i;
            Article copy = Article.of(id, "https://bench.example/" + i, a.source(), a.country(), a.language(),
                day0.plus(Duration.ofMinutes(i)), a.title(), a.text());
            float[] v = vectors.get(k);
            store.save(annotated.get(k).withArticle(copy), new StoryAssignment(id, "bench-story-" + (i / 20), true, 1.0),
                v == null ? null : new Embedding(embedder.model(), jitter(v, random)));
            p.step();
          }
          storeSeconds = p.seconds();
        }
        long t0 = System.nanoTime();
        index.catchUp(store);
        double indexSeconds = (System.nanoTime() - t0) / 1e9;
        index.embedQueriesWith(embedder);
        System.out.printf(Locale.ROOT, "  stored: %.0f articles/s (%s)   goal >= 2,000 on the embedded backend%n",
            articles / storeSeconds, url.startsWith("jdbc:h2") ? "H2" : url.replaceAll("//[^/]*@", "//"));
        System.out.printf(Locale.ROOT, "  indexed (words and vectors, one commit): %.0f articles/s, %d in the index%n",
            articles / indexSeconds, index.size());

        List<String> texts = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
          String[] words = real.get(random.nextInt(real.size())).title().split("\\s+");
          texts.add(String.join(" ", Arrays.copyOf(words, Math.min(words.length, 3 + random.nextInt(3)))).replaceAll("[\"|()*~+-]", " "));
        }
        double keywordP50 = 0;
        for (SearchQuery.Mode mode : SearchQuery.Mode.values()) {
          for (int i = 0; i < Math.min(30, texts.size()); i++) index.search(query(texts.get(i), mode)); // warm-up
          double[] ms = new double[texts.size()];
          for (int i = 0; i < texts.size(); i++) {
            long s = System.nanoTime();
            index.search(query(texts.get(i), mode));
            ms[i] = (System.nanoTime() - s) / 1e6;
          }
          Arrays.sort(ms);
          double p50 = ms[ms.length / 2];
          double p99 = ms[Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.99) - 1)];
          if (mode == SearchQuery.Mode.KEYWORD) keywordP50 = p50;
          System.out.printf(Locale.ROOT, "  %-8s p50 %6.1f ms  p99 %6.1f ms  (p50 = %.1f× keyword)   goal p99 < 50 ms (%s)%n",
              mode.name().toLowerCase(Locale.ROOT), p50, p99, p50 / keywordP50, p99 < 50 ? "met" : "not met");
        }
        long t = System.nanoTime();
        embedder.embed("query embedding alone");
        System.out.printf(Locale.ROOT, "  (semantic and hybrid include embedding the query: about %.1f ms of it)%n", (System.nanoTime() - t) / 1e6);
        System.gc();
        long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf(Locale.ROOT, "  heap after GC with the store and index open: %d MiB   goal <= 2,048 MiB%n", used >> 20);
      }
    } finally {
      deleteQuietly(work);
    }
    return 0;
  }

  private static SearchQuery query(String text, SearchQuery.Mode mode) {
    return new SearchQuery(text.isBlank() ? "news" : text, null, null, null, null, null, null, 20, mode);
  }

  /** The vector with a little Gaussian noise, renormalized: a near neighbour rather than an exact copy. */
  private static float[] jitter(float[] v, Random random) {
    float[] out = new float[v.length];
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] + random.nextGaussian() * 0.01);
      norm += out[i] * out[i];
    }
    norm = Math.sqrt(norm);
    for (int i = 0; i < v.length; i++) out[i] /= (float) norm;
    return out;
  }

  /** Deletes {@code dir} and everything in it, leaving behind what cannot be deleted. */
  static void deleteQuietly(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
