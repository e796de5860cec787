package news.panorama.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import news.panorama.core.Article;
import news.panorama.core.Extractor;
import news.panorama.core.JsonLines;
import news.panorama.core.Outcome;
import news.panorama.core.Page;
import news.panorama.extract.HtmlExtractor;
import news.panorama.ingest.Replay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** HTML pages → interchange lines, each naming its input file. */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = {"Extract articles from HTML pages (.html, .htm, optionally .gz) or the HTML responses of WARC files (.warc, .warc.gz) into JSON Lines.",
        "Each output line names its input in `file`. A page without an article is reported on stderr "
            + "and skipped; the exit code is non-zero only when no page gave an article."})
final class ExtractCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, paramLabel = "FILE|DIR|-", description = "An HTML or WARC file, a folder of them (recursive), or - for one page on stdin.")
  String in = "";

  @Option(names = "--out", defaultValue = "-", paramLabel = "FILE|-", description = "Output JSON Lines (default: stdout).")
  String out = "-";

  @Override
  public Integer call() throws IOException {
    Extractor extractor = new HtmlExtractor();
    List<Path> files = in.equals("-") ? List.of() : Replay.files(List.of(Path.of(in))).stream()
        .filter(p -> isHtml(p) || isWarc(p)).toList();
    if (!in.equals("-") && files.isEmpty()) {
      System.err.println("panorama extract: no .html, .htm or .warc files under " + in);
      return 1;
    }
    int ok = 0;
    int failed = 0;
    try (Writer w = JsonLines.create(out);
        Progress progress = new Progress("extract", in.equals("-") ? 1 : files.size())) {
      if (in.equals("-")) {
        Outcome<Article> o = extractor.extract(Page.ofFile("-", System.in.readAllBytes()));
        if (write(w, o)) ok++; else failed++;
        progress.step();
      }
      for (Path f : files) {
        // Replay reads .html, .html.gz and WARC files alike, with the same size cap as start --from
        int[] counts = new int[2];
        Replay.replay(List.of(f), java.util.Map.of(), a -> { }, page -> {
          try {
            if (write(w, extractor.extract(page))) counts[0]++; else counts[1]++;
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }, problem -> {
          System.err.println(problem);
          counts[1]++;
        });
        ok += counts[0];
        failed += counts[1];
        progress.step();
      }
      w.flush();
    }
    System.err.printf("panorama extract: %d articles, %d pages without one%n", ok, failed);
    return ok > 0 ? 0 : 1;
  }

  /** Writes the article, or reports the problems (which name the page) on stderr. */
  private static boolean write(Writer w, Outcome<Article> o) throws IOException {
    if (!o.ok()) {
      System.err.println(String.join("; ", o.problems()));
      return false;
    }
    JsonLines.write(w, o.value());
    return true;
  }

  static boolean isWarc(Path p) {
    String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".warc") || n.endsWith(".warc.gz");
  }

  static boolean isHtml(Path p) {
    String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".html.gz") || n.endsWith(".htm.gz");
  }
}
