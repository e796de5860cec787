package news.panorama.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import news.panorama.core.Article;
import news.panorama.core.Json;
import news.panorama.core.Outcome;
import news.panorama.core.Page;
import news.panorama.extract.HtmlExtractor;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Scores {@link HtmlExtractor} on the Zyte article-extraction benchmark with that benchmark's own
 * metric ({@link ShingleScore}). Before trusting the metric it re-scores the extractor outputs the
 * benchmark ships ({@code output/*.json}) and prints them beside their published figures. Speed is
 * measured on pages already in memory, one thread, after a warm-up pass.
 */
@Command(name = "extraction", mixinStandardHelpOptions = true,
    description = {"Score article extraction on the Zyte article-extraction benchmark.",
        "DIR holds html/<id>.html.gz, ground-truth.json and optionally output/*.json (the published "
            + "extractors' bodies, used to check the metric against the published scores)."})
final class EvalExtractionCommand implements Callable<Integer> {
  @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "The benchmark folder.")
  Path dataset = Path.of(".");

  @Option(names = "--limit", paramLabel = "N", description = "Score only the first N pages (by id).")
  @Nullable Integer limit;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the extracted bodies as JSON Lines (file, text), as score.py reads them.")
  @Nullable Path out;

  @Option(names = "--worst", defaultValue = "0", paramLabel = "N", description = "List the N pages with the lowest F1 (default: ${DEFAULT-VALUE}).")
  int worst;

  @Option(names = "--min-seconds", defaultValue = "2", paramLabel = "S", description = "Time extraction passes for at least S seconds after the warm-up (default: ${DEFAULT-VALUE}).")
  double minSeconds = 2;

  /** A published row of the benchmark's README (commit 4a3bc97, March 2026). */
  record Published(String name, String version, double f1, double precision, double recall,
      double accuracy, @Nullable String output) {}

  /** The published figures: the reference the metric is checked against and the anchors we compare to. */
  static final List<Published> PUBLISHED = List.of(
      new Published("AutoExtract", "Nov 2019", 0.970, 0.984, 0.956, 0.470, "AutoExtract.json"),
      new Published("rs_trafilatura", "9261e08", 0.970, 0.951, 0.990, 0.287, "rs_trafilatura.json"),
      new Published("go_trafilatura", "ae7ea06", 0.960, 0.940, 0.980, 0.287, "go_trafilatura.json"),
      new Published("trafilatura", "2.0.0", 0.958, 0.938, 0.978, 0.293, "trafilatura.json"),
      new Published("Diffbot", "Nov 2019", 0.951, 0.958, 0.944, 0.348, "Diffbot.json"),
      new Published("newspaper4k", "0.9.3.1", 0.949, 0.964, 0.934, 0.326, "newspaper.json"),
      new Published("news_please", "1.6.16", 0.948, 0.964, 0.933, 0.326, "news_please.json"),
      new Published("readability_js", "0.6.0", 0.947, 0.914, 0.982, 0.166, "readability_js.json"),
      new Published("go_readability_fork", "fb0fbc5", 0.947, 0.914, 0.982, 0.166, "go_readability_fork.json"),
      new Published("go_readability", "9f5bf5c", 0.934, 0.900, 0.971, 0.188, "go_readability.json"),
      new Published("go_domdistiller", "25b8d04", 0.927, 0.901, 0.956, 0.061, "go_domdistiller.json"),
      new Published("readability", "0.8.4.1", 0.922, 0.913, 0.931, 0.315, "readability.json"),
      new Published("dragnet", "1b65e7b", 0.907, 0.925, 0.889, 0.221, "dragnet.json"),
      new Published("goose3", "3.1.20", 0.896, 0.940, 0.856, 0.232, "goose3.json"),
      new Published("readable_readability", "0.4.0", 0.884, 0.886, 0.881, 0.177, "readable_readability.json"),
      new Published("readability_rs", "0.3.0", 0.873, 0.906, 0.843, 0.227, "readability_rs.json"),
      new Published("dom_smoothie", "0.14.0", 0.865, 0.785, 0.963, 0.055, "dom_smoothie.json"),
      new Published("boilerpipe", "ab3694d", 0.860, 0.850, 0.870, 0.006, "boilerpipe.json"),
      new Published("readabilityrs", "0.1.2", 0.832, 0.745, 0.943, 0.028, "readabilityrs.json"),
      new Published("llm_readability", "0.0.13", 0.829, 0.851, 0.809, 0.077, "llm_readability.json"),
      new Published("justext", "3.0.2", 0.804, 0.858, 0.756, 0.088, "justext.json"),
      new Published("boilerpipe_rs", "0.6.0", 0.739, 0.761, 0.717, 0.000, "boilerpipe_rs.json"),
      new Published("inscriptis", "2.6.0", 0.679, 0.517, 0.992, 0.000, "inscriptis.json"),
      new Published("html-text", "0.7.0", 0.665, 0.500, 0.994, 0.000, "html-text.json"),
      new Published("beautifulsoup", "4.13.5", 0.665, 0.499, 0.994, 0.000, "beautifulsoup.json"),
      new Published("html2text", "2025.4.15", 0.662, 0.499, 0.983, 0.000, "html2text.json"),
      new Published("fast_html2md", "0.0.58", 0.515, 0.351, 0.967, 0.000, "fast_html2md.json"),
      new Published("august", "2.4.0", 0.471, 0.312, 0.955, 0.000, "august.json"),
      new Published("nanohtml2text", "0.2.1", 0.469, 0.309, 0.973, 0.000, "nanohtml2text.json"),
      new Published("html2text_rs", "0.16.7", 0.438, 0.283, 0.965, 0.000, "html2text_rs.json"),
      new Published("mdka", "1.6.5", 0.435, 0.285, 0.914, 0.000, "mdka.json"),
      new Published("html2md_rs", "0.10.2", 0.150, 0.142, 0.160, 0.000, "html2md_rs.json"));

  /** The rows printed beside ours. */
  private static final List<String> ANCHORS = List.of("rs_trafilatura", "AutoExtract", "trafilatura",
      "newspaper4k", "readability_js", "goose3");

  /** Published figures are rounded to 3 decimals; a re-score may differ by rounding only. */
  static final double TOLERANCE = 0.0006;

  private record Truth(String id, String url, String body) {}

  @Override
  public Integer call() throws IOException {
    PrintStream o = System.out;
    Path truthFile = dataset.resolve("ground-truth.json");
    if (!Files.isRegularFile(truthFile)) {
      System.err.println("panorama eval extraction: no ground-truth.json in " + dataset);
      return 1;
    }
    Map<String, Truth> truth = readTruth(truthFile);
    boolean metricOk = validateMetric(truth, o);

    List<Truth> pages = new ArrayList<>(truth.values());
    if (limit != null) pages = pages.subList(0, Math.max(0, Math.min(limit, pages.size())));
    List<byte[]> html = new ArrayList<>();
    for (Truth t : pages) html.add(readPage(dataset.resolve("html").resolve(t.id() + ".html.gz")));

    HtmlExtractor extractor = new HtmlExtractor();
    ShingleScore score = new ShingleScore();
    List<String[]> perPage = new ArrayList<>();
    int failed = 0;
    try (Progress progress = new Progress("extract", pages.size());
        Writer w = out == null ? Writer.nullWriter() : Files.newBufferedWriter(out)) {
      for (int i = 0; i < pages.size(); i++) {
        Truth t = pages.get(i);
        Outcome<Article> a = extractor.extract(page(t, html.get(i)));
        String text = a.get().map(Article::text).orElse("");
        if (!a.ok()) failed++;
        ShingleScore.Page s = score.add(t.body(), text);
        perPage.add(new String[] {t.id(), fmt(s.precision()), fmt(s.recall()), t.url()});
        if (out != null) {
          Map<String, String> row = new LinkedHashMap<>();
          row.put("file", "html/" + t.id() + ".html.gz");
          row.put("text", text);
          w.write(Json.mapper().writeValueAsString(row));
          w.write('\n');
        }
        progress.step();
      }
    }
    double pagesPerSecond = timeExtraction(extractor, pages, html);

    ShingleScore.Result r = score.result();
    o.printf(Locale.ROOT, "%nZyte article-extraction benchmark, %d pages (%s)%n", r.pages(), dataset);
    o.printf(Locale.ROOT, "%-28s %6s %9s %6s %8s%n", "extractor", "F1", "precision", "recall", "accuracy");
    o.printf(Locale.ROOT, "%-28s %6.4f %9.4f %6.4f %8.4f   <- this run%n", "panorama HtmlExtractor",
        r.f1(), r.precision(), r.recall(), r.accuracy());
    for (String name : ANCHORS) {
      PUBLISHED.stream().filter(p -> p.name().equals(name)).findFirst().ifPresent(p ->
          o.printf(Locale.ROOT, "%-28s %6.3f %9.3f %6.3f %8.3f   published%n",
              p.name() + " " + p.version(), p.f1(), p.precision(), p.recall(), p.accuracy()));
    }
    o.printf(Locale.ROOT, "pages without an article: %d of %d%n", failed, pages.size());
    o.printf(Locale.ROOT, "speed: %.0f pages/s (extraction only, one thread, pages in memory, after a warm-up pass)%n",
        pagesPerSecond);
    if (limit != null) o.println("note: --limit scores a subset; published figures are for all pages");
    if (worst > 0) {
      o.printf("%nlowest F1 pages:%n");
      perPage.stream().sorted(Comparator.comparingDouble(EvalExtractionCommand::pageF1)).limit(worst)
          .forEach(p -> o.printf("  %s  P=%s R=%s  %s%n", p[0].substring(0, 12), p[1], p[2], p[3]));
    }
    return metricOk ? 0 : 3;
  }

  /** Re-scores every shipped output file and prints it beside its published row. */
  private boolean validateMetric(Map<String, Truth> truth, PrintStream o) throws IOException {
    Path outputs = dataset.resolve("output");
    if (!Files.isDirectory(outputs)) {
      o.println("metric check skipped: no output/ folder in " + dataset);
      return true;
    }
    o.println("metric check: the shipped outputs scored by our metric vs the published figures");
    o.printf(Locale.ROOT, "%-22s %-23s %-23s %s%n", "extractor", "ours F1 / P / R", "published F1 / P / R", "");
    boolean allOk = true;
    int checked = 0;
    for (Published p : PUBLISHED) {
      if (p.output() == null || !Files.isRegularFile(outputs.resolve(p.output()))) continue;
      Map<String, String> bodies = readOutput(outputs.resolve(p.output()));
      ShingleScore s = new ShingleScore();
      for (Truth t : truth.values()) s.add(t.body(), bodies.getOrDefault(t.id(), ""));
      ShingleScore.Result r = s.result();
      boolean ok = Math.abs(r.f1() - p.f1()) <= TOLERANCE && Math.abs(r.precision() - p.precision()) <= TOLERANCE
          && Math.abs(r.recall() - p.recall()) <= TOLERANCE;
      allOk &= ok;
      checked++;
      o.printf(Locale.ROOT, "%-22s %.4f / %.4f / %.4f  %.3f / %.3f / %.3f    %s%n", p.name(), r.f1(),
          r.precision(), r.recall(), p.f1(), p.precision(), p.recall(), ok ? "ok" : "MISMATCH");
    }
    o.printf(Locale.ROOT, "metric check: %d outputs, %s%n%n", checked,
        allOk ? "all within rounding of the published figures" : "SOME DIFFER: do not trust the scores below");
    return allOk;
  }

  /** Repeats extraction over all pages until {@code minSeconds} have passed; pages per second. */
  private double timeExtraction(HtmlExtractor extractor, List<Truth> pages, List<byte[]> html) {
    if (pages.isEmpty()) return 0;
    long start = System.nanoTime();
    long done = 0;
    long sink = 0;
    do {
      for (int i = 0; i < pages.size(); i++) {
        sink += extractor.extract(page(pages.get(i), html.get(i))).problems().size();
        done++;
      }
    } while (System.nanoTime() - start < minSeconds * 1e9);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (sink < 0) System.out.println(); // keeps the work observable to the JIT
    return done / seconds;
  }

  private static Page page(Truth t, byte[] html) {
    return new Page(t.url(), html, Map.of(), "html/" + t.id() + ".html.gz", null, null, null);
  }

  private static double pageF1(String[] row) {
    double p = row[1].equals("-") ? 0 : Double.parseDouble(row[1]);
    double r = row[2].equals("-") ? 0 : Double.parseDouble(row[2]);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static Map<String, Truth> readTruth(Path file) throws IOException {
    JsonNode root = Json.mapper().readTree(file.toFile());
    Map<String, Truth> out = new TreeMap<>();
    root.properties().forEach(e -> out.put(e.getKey(), new Truth(e.getKey(),
        e.getValue().path("url").asText(""), e.getValue().path("articleBody").asText(""))));
    return out;
  }

  /** A benchmark output file: {@code {id: {articleBody}}}, possibly wrapped in {@code {version, output}}. */
  static Map<String, String> readOutput(Path file) throws IOException {
    JsonNode root = Json.mapper().readTree(file.toFile());
    if (root.size() == 2 && root.has("version") && root.path("output").isObject()) root = root.get("output");
    Map<String, String> out = new TreeMap<>();
    root.properties().forEach(e -> {
      JsonNode body = e.getValue().path("articleBody");
      out.put(e.getKey(), body.isTextual() ? body.asText() : "");
    });
    return out;
  }

  private static byte[] readPage(Path f) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
      return in.readAllBytes();
    }
  }
}
