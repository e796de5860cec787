package news.panorama.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Embedder;
import news.panorama.core.JsonLines;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.TextAnalyzer;
import news.panorama.embed.Embedders;
import org.jspecify.annotations.Nullable;

/** Reading the batch commands' JSON Lines input: bad lines reported on stderr, the rest kept. */
final class Inputs {
  private Inputs() {}

  static List<Article> read(String path, String command) throws IOException {
    JsonLines.Result r = JsonLines.readAll(path);
    r.bad().forEach(b -> System.err.println("panorama " + command + ": skipped " + b));
    return r.articles();
  }

  /**
   * Analyzes articles in parallel, keeping their order. An article the analyzer fails on is reported
   * on stderr with its id and the reason, and left out; the others go on (one bad article does not
   * fail a batch of thousands).
   */
  static List<Annotated> analyze(TextAnalyzer analyzer, List<Article> articles, String label) {
    Annotated[] out = new Annotated[articles.size()];
    String[] failed = new String[articles.size()];
    try (Progress p = new Progress(label, articles.size())) {
      java.util.stream.IntStream.range(0, articles.size()).parallel().forEach(i -> {
        Article a = articles.get(i);
        try {
          out[i] = analyzer.analyze(a);
        } catch (RuntimeException e) {
          failed[i] = "panorama " + label + ": skipped article " + a.id() + ": the text analysis failed: " + e;
        }
        p.step();
      });
    }
    List<Annotated> analyzed = new ArrayList<>(articles.size());
    for (int i = 0; i < out.length; i++) {
      if (failed[i] != null) System.err.println(failed[i]);
      else analyzed.add(out[i]);
    }
    return analyzed;
  }

  /**
   * The articles' sentence embeddings with the configured model, in order (null for an article in a
   * language the model does not read), or null when grouping is configured without them
   * ({@code cluster.embedding-weight} 0).
   */
  static @Nullable List<float[]> embed(PanoramaConfig config, List<Annotated> articles) {
    if (config.clusterEmbeddingWeight() == 0) return null;
    List<float[]> out = new ArrayList<>(articles.size());
    try (Embedder embedder = Embedders.open(config);
        Progress p = new Progress("embed", articles.size())) {
      int batch = 64;
      for (int from = 0; from < articles.size(); from += batch) {
        List<Annotated> part = articles.subList(from, Math.min(articles.size(), from + batch));
        out.addAll(embedder.embedArticles(part));
        for (int k = 0; k < part.size(); k++) p.step();
      }
    }
    return out;
  }
}
