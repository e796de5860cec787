package news.panorama.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.concurrent.Callable;
import news.panorama.core.ArticleJson;
import news.panorama.core.JsonLines;
import news.panorama.core.PanoramaConfig;
import news.panorama.store.JdbcStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Everything stored, as interchange lines that name their story. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write every stored article as JSON Lines in the interchange format, in the order it was stored,",
        "each with its story id in `story` and its detected language; `start --from` reads it back."})
final class ExportCommand implements Callable<Integer> {
  @Option(names = "--out", defaultValue = "-", paramLabel = "FILE|-", description = "Output file (default: stdout).")
  String out = "-";

  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() throws IOException {
    PanoramaConfig config = options.load();
    long[] n = {0};
    try (JdbcStore store = Stores.open(config); Writer w = JsonLines.create(out);
        Progress progress = new Progress("export", store.articleCount())) {
      store.forEachAddedSince(0, added -> {
        var node = ArticleJson.toNode(added.article().article().withLanguage(added.article().language()));
        node.put("story", added.storyId());
        try {
          w.write(node.toString());
          w.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write " + out, e);
        }
        progress.step();
        n[0]++;
      });
      w.flush();
    }
    System.err.println("panorama export: " + n[0] + " articles");
    return 0;
  }
}
