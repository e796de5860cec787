package news.panorama.cli;

import java.io.IOException;
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

  /** Analyzes articles in parallel, keeping their order. */
  static List<Annotated> analyze(TextAnalyzer analyzer, List<Article> articles, String label) {
    Annotated[] out = new Annotated[articles.size()];
    try (Progress p = new Progress(label, articles.size())) {
      java.util.stream.IntStream.range(0, articles.size()).parallel().forEach(i -> {
        out[i] = analyzer.analyze(articles.get(i));
        p.step();
      });
    }
    return List.of(out);
  }
}
