package news.panorama.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.JsonLines;
import org.junit.jupiter.api.Test;

/**
 * Measures what the analyzer costs: model and gazetteer load time, the heap they take, and articles
 * per second on the DUC 2004 newswire. Informational; skips without the shared data folder.
 */
class AnalyzerThroughputIT {
  private static final Path SHARED = Path.of(System.getProperty("panorama.shared", "../../shared"));

  @Test
  void analyzesNewswireQuickly_whenModelsAreLoaded() throws Exception {
    Path duc = SHARED.resolve("data/duc2004/dev.jsonl");
    assumeTrue(Files.isRegularFile(duc), "no shared data at " + duc.toAbsolutePath());
    List<Article> articles = JsonLines.readAll(duc.toString()).articles();

    Runtime rt = Runtime.getRuntime();
    System.gc();
    long heapBefore = rt.totalMemory() - rt.freeMemory();
    long t0 = System.nanoTime();
    MultilingualAnalyzer analyzer = new MultilingualAnalyzer();
    long loadMs = (System.nanoTime() - t0) / 1_000_000;
    System.gc();
    long heapMb = (rt.totalMemory() - rt.freeMemory() - heapBefore) >> 20;

    for (Article a : articles.subList(0, 50)) analyzer.analyze(a);
    long t1 = System.nanoTime();
    long sentences = 0;
    for (Article a : articles) {
      Annotated an = analyzer.analyze(a);
      sentences += an.sentences().size();
    }
    double seconds = (System.nanoTime() - t1) / 1e9;
    System.out.printf("analyzer: load %d ms, +%d MB heap; %d articles (%d sentences) in %.2f s = %.0f articles/s%n",
        loadMs, heapMb, articles.size(), sentences, seconds, articles.size() / seconds);
    assertThat(sentences).isGreaterThan(articles.size() * 5L);
  }
}
