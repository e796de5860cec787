package news.panorama.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.JsonLines;
import news.panorama.core.StoryClusterer;
import news.panorama.text.MultilingualAnalyzer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the clusterer with B-cubed against gold stories: DUC 2004 (250 dated newswire articles,
 * 25 stories, followed for up to seven weeks) in publication order with the default window, and
 * ECB+ train and dev topics (772 undated documents, 66 events)
 * in file order and in a shuffled order (seed 42). Prints a threshold sweep for information and
 * asserts floors at the default threshold. Skips without the shared data folder.
 */
class ClusterEvaluationIT {
  private static final Path SHARED = Path.of(System.getProperty("panorama.shared", "../../shared"));
  private static final Path DUC = SHARED.resolve("data/duc2004/dev.jsonl");
  private static final Path ECB = SHARED.resolve("data/ecbplus/articles.jsonl");
  private static final Path ECB_LABELS = SHARED.resolve("data/ecbplus/labels-event.tsv");
  private static final double[] SWEEP = {0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4};

  private static final MultilingualAnalyzer ANALYZER = new MultilingualAnalyzer();
  private static List<Annotated> duc = List.of();
  private static Map<String, String> ducGold = Map.of();
  private static List<Annotated> ecb = List.of();
  private static Map<String, String> ecbGold = Map.of();

  @BeforeAll
  static void load() throws IOException {
    if (Files.isRegularFile(DUC)) {
      // two articles belong to two stories each and appear twice: keyed by url
      List<Article> articles = new ArrayList<>();
      Map<String, String> gold = new HashMap<>();
      for (Article a : JsonLines.readAll(DUC.toString()).articles()) {
        articles.add(a.withId(a.url()));
        gold.put(a.url(), String.valueOf(a.extra().get("story")));
      }
      articles.sort(Comparator.comparing(Article::published).thenComparing(Article::id));
      duc = articles.stream().map(ANALYZER::analyze).toList();
      ducGold = gold;
    }
    if (Files.isRegularFile(ECB) && Files.isRegularFile(ECB_LABELS)) {
      ecb = JsonLines.readAll(ECB.toString()).articles().stream().map(ANALYZER::analyze).toList();
      Map<String, String> gold = new HashMap<>();
      for (String line : Files.readAllLines(ECB_LABELS)) {
        String[] f = line.split("\t");
        if (f.length == 2) gold.put(f[0], f[1]);
      }
      ecbGold = gold;
    }
  }


  static Map<String, String> cluster(List<Annotated> articles, double threshold, Duration window) {
    StoryGrouper clusterer = new StoryGrouper(StoryGrouper.Settings.defaults().withThreshold(threshold).withWindow(window));
    return StoryClusterer.groupAll(clusterer, articles, () -> {});
  }

  private static ClusterScore sweep(String name, List<Annotated> articles, Map<String, String> gold, Duration window) {
    for (double t : SWEEP) {
      System.out.printf("%s threshold %.2f: %s%n", name, t, ClusterScore.of(cluster(articles, t, window), gold));
    }
    ClusterScore chosen = ClusterScore.of(cluster(articles, StoryGrouper.DEFAULT_THRESHOLD, window), gold);
    System.out.printf("%s default threshold %.2f: %s%n", name, StoryGrouper.DEFAULT_THRESHOLD, chosen);
    return chosen;
  }

  @Test
  void groupsDucNewswireIntoItsStories_whenReadInPublicationOrder() {
    assumeTrue(!duc.isEmpty(), "no DUC 2004 data at " + DUC.toAbsolutePath());
    ClusterScore score = sweep("DUC 2004 (default window)", duc, ducGold, StoryGrouper.DEFAULT_WINDOW);
    assertThat(score.f1()).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void separatesEcbEvents_inFileOrderAndShuffled() {
    assumeTrue(!ecb.isEmpty(), "no ECB+ data at " + ECB.toAbsolutePath());
    ClusterScore sorted = sweep("ECB+ file order", ecb, ecbGold, StoryGrouper.DEFAULT_WINDOW);
    List<Annotated> shuffled = new ArrayList<>(ecb);
    Collections.shuffle(shuffled, new Random(42));
    ClusterScore mixed = sweep("ECB+ shuffled (seed 42)", shuffled, ecbGold, StoryGrouper.DEFAULT_WINDOW);
    assertThat(sorted.f1()).isGreaterThanOrEqualTo(0.8);
    assertThat(mixed.f1()).isGreaterThanOrEqualTo(0.8);
  }
}
