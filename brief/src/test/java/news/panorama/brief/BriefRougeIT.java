package news.panorama.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Briefing;
import news.panorama.core.Bullet;
import news.panorama.core.JsonLines;
import news.panorama.text.MultilingualAnalyzer;
import org.junit.jupiter.api.Test;

/**
 * Informational: a simple ROUGE-1 recall (lower-cased words, no stemming, first 100 words) of the
 * briefings of the 25 DUC 2004 dev clusters against their four reference summaries. Not the official
 * ROUGE-1.5.5 figure, which stems and would come out higher. Skips without the shared data folder.
 */
class BriefRougeIT {
  private static final Path SHARED = Path.of(System.getProperty("panorama.shared", "../../shared"));
  private static final Path DUC = SHARED.resolve("data/duc2004");

  private static List<String> words(String text, int limit) {
    List<String> out = new ArrayList<>();
    for (String w : text.strip().split("\\s+")) {
      if (out.size() == limit) break;
      String t = w.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
      out.add(t);
    }
    out.removeIf(String::isEmpty);
    return out;
  }

  private static Map<String, Integer> counts(List<String> words) {
    Map<String, Integer> c = new HashMap<>();
    for (String w : words) c.merge(w, 1, Integer::sum);
    return c;
  }

  @Test
  void reportsRougeOneRecall_onDucDevClusters() throws Exception {
    assumeTrue(Files.isRegularFile(DUC.resolve("dev.jsonl")), "no DUC 2004 data at " + DUC.toAbsolutePath());
    Map<String, List<Article>> clusters = new LinkedHashMap<>();
    for (Article a : JsonLines.readAll(DUC.resolve("dev.jsonl").toString()).articles()) {
      clusters.computeIfAbsent(String.valueOf(a.extra().get("story")), k -> new ArrayList<>()).add(a);
    }
    MultilingualAnalyzer analyzer = new MultilingualAnalyzer();
    ExtractiveBriefer briefer = new ExtractiveBriefer();
    double sum = 0;
    for (Map.Entry<String, List<Article>> cluster : clusters.entrySet()) {
      List<Annotated> articles = cluster.getValue().stream().map(analyzer::analyze).toList();
      Briefing b = briefer.brief(cluster.getKey(), articles, 100);
      String summary = String.join(" ", b.overview().stream().map(Bullet::text).toList());
      Map<String, Integer> mine = counts(words(summary, 100));
      String prefix = cluster.getKey().substring(0, cluster.getKey().length() - 1) + ".";
      long hits = 0;
      long total = 0;
      try (Stream<Path> models = Files.list(DUC.resolve("models"))) {
        for (Path model : models.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
          Map<String, Integer> ref = counts(words(Files.readString(model).replace('\n', ' '), 100));
          for (Map.Entry<String, Integer> e : ref.entrySet()) {
            hits += Math.min(e.getValue(), mine.getOrDefault(e.getKey(), 0));
            total += e.getValue();
          }
        }
      }
      sum += total == 0 ? 0 : hits / (double) total;
    }
    double recall = sum / clusters.size();
    System.out.printf("DUC 2004 dev: simple ROUGE-1 recall %.4f over %d clusters%n", recall, clusters.size());
    assertThat(recall).isGreaterThan(0.2);
  }
}
