package news.panorama.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import news.panorama.cluster.ClusterScore;
import news.panorama.cluster.StoryGrouper;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.StoryClusterer;
import news.panorama.pipeline.PublishedOrder;
import news.panorama.text.MultilingualAnalyzer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Scores story grouping against gold labels: B-cubed and pairwise precision/recall/F1, predicted
 * and gold cluster counts, and the grouping step's speed (text analysis excluded and timed apart).
 */
@Command(name = "clustering", mixinStandardHelpOptions = true,
    description = {"Score story grouping against gold stories or events.",
        "Articles are grouped online in `published` order (undated ones keep their input order), or in a "
            + "fixed shuffled order with --shuffle. Gold labels come from TSV files (article_id<TAB>label) "
            + "and/or a field of the articles (--label-field); unlabelled articles are grouped but not scored."})
final class EvalClusteringCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, arity = "1..*", paramLabel = "FILE", description = "Articles as JSON Lines (several files are read as one stream).")
  List<String> in = List.of();

  @Option(names = "--labels", arity = "0..*", paramLabel = "TSV", description = "Gold labels: article_id<TAB>label per line.")
  List<Path> labels = List.of();

  @Option(names = "--label-field", paramLabel = "NAME", description = "Take the gold label from this field of each article (e.g. story).")
  @Nullable String labelField;

  @Option(names = "--shuffle", paramLabel = "SEED", description = "Group in a random order fixed by SEED instead of publication order.")
  @Nullable Long shuffle;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the assignments (article_id<TAB>story_id).")
  @Nullable Path out;

  @Option(names = "--sweep", description = "Also print B-cubed F1 over a grid of cluster.threshold (rows) and "
      + "cluster.embedding-weight (columns), the other settings as configured.")
  boolean sweep;

  @Mixin ConfigOptions config = new ConfigOptions();

  @Override
  public Integer call() throws IOException {
    PanoramaConfig c = config.load();
    List<Article> articles = new ArrayList<>();
    for (String file : in) articles.addAll(Inputs.read(file, "eval clustering"));
    Map<String, String> gold = new HashMap<>();
    for (Path tsv : labels) readLabels(tsv, gold);
    if (labelField != null) {
      for (Article a : articles) {
        Object label = a.extra().get(labelField);
        if (label != null) gold.put(a.id(), label.toString());
      }
    }
    if (gold.isEmpty()) {
      System.err.println("panorama eval clustering: no gold label (give --labels or --label-field)");
      return 2;
    }
    if (shuffle != null) {
      Collections.shuffle(articles, new Random(shuffle));
    } else {
      articles = PublishedOrder.sort(articles);
    }
    List<Annotated> annotated = Inputs.analyze(new MultilingualAnalyzer(), articles, "analyze");

    List<float[]> embeddings = Inputs.embed(c, annotated);

    StoryClusterer clusterer = StoryGrouper.of(c);
    Map<String, String> predicted;
    long start = System.nanoTime();
    try (Progress p = new Progress("group", annotated.size())) {
      predicted = StoryClusterer.groupAll(clusterer, annotated, embeddings, p::step);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (out != null) {
      StringBuilder sb = new StringBuilder();
      predicted.forEach((article, story) -> sb.append(article).append('\t').append(story).append('\n'));
      Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
    }
    ClusterScore score = ClusterScore.of(predicted, gold);
    System.out.printf("order: %s%n", shuffle != null ? "shuffled (seed " + shuffle + ")" : "published");
    System.out.printf("B-cubed   P %.4f  R %.4f  F1 %.4f%n", score.precision(), score.recall(), score.f1());
    System.out.printf("pairwise  P %.4f  R %.4f  F1 %.4f%n", score.pairPrecision(), score.pairRecall(), score.pairF1());
    System.out.printf("clusters  %d predicted, %d gold, over %d labelled of %d articles%n",
        score.predictedClusters(), score.goldClusters(), score.items(), annotated.size());
    System.out.printf("embedding %s%n", embeddings == null ? "none (cluster.embedding-weight 0)"
        : c.embedModel() + ", weight " + c.clusterEmbeddingWeight() + ", floor " + c.clusterEmbeddingFloor());
    System.out.printf("grouping  %.0f articles/s (%d articles in %.2f s, text analysis and embedding excluded)%n",
        annotated.size() / Math.max(seconds, 1e-9), annotated.size(), seconds);
    if (sweep) printSweep(c, annotated, embeddings, gold);
    return 0;
  }

  private static void printSweep(PanoramaConfig c, List<Annotated> annotated, @Nullable List<float[]> embeddings,
      Map<String, String> gold) {
    double[] weights = embeddings == null ? new double[] {0} : new double[] {0, 0.25, 0.5, 0.75, 1.0};
    StringBuilder header = new StringBuilder("threshold");
    for (double w : weights) header.append(String.format("  weight %.2f", w));
    System.out.println("B-cubed F1 by threshold and embedding weight (floor " + c.clusterEmbeddingFloor() + "):");
    System.out.println(header);
    for (int t = 5; t <= 50; t += 5) {
      StringBuilder row = new StringBuilder(String.format("%9.2f", t / 100.0));
      for (double w : weights) {
        StoryGrouper.Settings s = StoryGrouper.Settings.defaults().withWindow(c.clusterWindow()).withThreshold(t / 100.0)
            .withEmbedding(w, c.clusterEmbeddingFloor());
        Map<String, String> predicted = StoryClusterer.groupAll(new StoryGrouper(s), annotated, embeddings, () -> {});
        row.append(String.format("  %11.4f", ClusterScore.of(predicted, gold).f1()));
      }
      System.out.println(row);
    }
  }

  private static void readLabels(Path tsv, Map<String, String> gold) throws IOException {
    int lineNo = 0;
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] f = line.split("\t");
      if (f.length != 2 || f[0].isBlank() || f[1].isBlank()) {
        System.err.printf("panorama eval clustering: skipped %s line %d: expected article_id<TAB>label%n", tsv, lineNo);
        continue;
      }
      gold.put(f[0].strip(), f[1].strip());
    }
  }
}
