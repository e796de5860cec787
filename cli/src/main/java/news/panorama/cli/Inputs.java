package news.panorama.cli;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.JsonLines;
import news.panorama.core.TextAnalyzer;

/** Reading the batch commands' JSON Lines input: bad lines reported on stderr, the rest kept. */
final class Inputs {
  private Inputs() {}

  static List<Article> read(String path, String command) throws IOException {
    JsonLines.Result r = JsonLines.readAll(path);
    r.bad().forEach(b -> System.err.println("panorama " + command + ": skipped " + b));
    return r.articles();
  }

  /**
   * Articles in publication order; an undated article keeps its place after the article before it
   * in the input (so a file with no dates is processed in input order). Stable.
   */
  static List<Article> inPublishedOrder(List<Article> articles) {
    record Keyed(Article article, Instant key, int index) {}
    List<Keyed> keyed = new ArrayList<>();
    Instant last = Instant.MIN;
    for (int i = 0; i < articles.size(); i++) {
      Article a = articles.get(i);
      if (a.published() != null) last = a.published();
      keyed.add(new Keyed(a, a.published() != null ? a.published() : last, i));
    }
    keyed.sort(Comparator.comparing(Keyed::key).thenComparingInt(Keyed::index));
    return keyed.stream().map(Keyed::article).toList();
  }

  /** Analyzes articles in parallel, keeping their order. */
  static List<Annotated> analyze(TextAnalyzer analyzer, List<Article> articles, String label) {
    Annotated[] out = new Annotated[articles.size()];
    try (Progress p = new Progress(label, articles.size())) {
      java.util.stream.IntStream.range(0, articles.size()).parallel().forEach(i -> {
        out[i] = analyzer.analyze(articles.get(i));
        synchronized (p) {
          p.step();
        }
      });
    }
    return List.of(out);
  }
}
