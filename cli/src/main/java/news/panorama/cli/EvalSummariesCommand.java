package news.panorama.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import news.panorama.brief.Duc2004;
import news.panorama.brief.ExtractiveBriefer;
import news.panorama.brief.Rouge;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.text.MultilingualAnalyzer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Scores the briefings' overviews as multi-document summaries on DUC 2004 task 2 with ROUGE-1.5.5's
 * ROUGE-N ({@code -n 2 -m -l 100 -f A -p 0.5 -t 0}), beside published systems scored in the same run.
 */
@Command(name = "summaries", mixinStandardHelpOptions = true,
    description = {"Score briefings as summaries against DUC 2004 reference summaries with ROUGE-1 and ROUGE-2.",
        "Reads DIR/dev.jsonl, groups the articles by their `story` field, writes one summary per story (the "
            + "overview bullets of `panorama brief`, one per line) and scores it against DIR/models as the official "
            + "ROUGE-1.5.5 runs do (first 100 words, Porter stemming with the WordNet exceptions in "
            + "DIR/wordnet-2.0-exceptions, no stopword removal, counts summed over the references). Recall, "
            + "precision and F are plain means over the stories (ROUGE itself prints a bootstrap mean), in percent, "
            + "with published systems from DIR/peers scored alike for reference."})
final class EvalSummariesCommand implements Callable<Integer> {
  @Option(names = "--duc", required = true, paramLabel = "DIR",
      description = "DUC 2004 folder: dev.jsonl, models/, peers/, wordnet-2.0-exceptions/.")
  Path duc = Path.of(".");

  @Option(names = "--out", paramLabel = "DIR", description = "Also write each summary to DIR/<story id>.")
  @Nullable Path out;

  @Option(names = "--words", paramLabel = "N", defaultValue = "100",
      description = "Length of the summaries asked of the briefer, in words (default: ${DEFAULT-VALUE}); "
          + "ROUGE counts the first 100 words whatever N.")
  int words = 100;

  @Option(names = "--peers", paramLabel = "SYSTEM", split = ",", defaultValue = "DPP,LexRank",
      description = "Published systems under DIR/peers to score alike (default: ${DEFAULT-VALUE}).")
  List<String> peers = List.of("DPP", "LexRank");

  @Override
  public Integer call() throws IOException {
    Path jsonl = duc.resolve("dev.jsonl");
    if (!Files.isRegularFile(jsonl) || !Files.isDirectory(duc.resolve("models"))) {
      System.err.println("panorama eval summaries: expected " + jsonl + " and " + duc.resolve("models"));
      return 2;
    }
    if (words < 1) {
      System.err.println("panorama eval summaries: --words must be at least 1");
      return 2;
    }
    Map<String, List<Article>> stories = new TreeMap<>();
    for (Article a : Inputs.read(jsonl.toString(), "eval summaries")) {
      Object story = a.extra().get("story");
      if (story != null) stories.computeIfAbsent(story.toString(), k -> new ArrayList<>()).add(a);
    }
    if (stories.isEmpty()) {
      System.err.println("panorama eval summaries: no article with a `story` field in " + jsonl);
      return 2;
    }
    List<Article> all = stories.values().stream().flatMap(List::stream).toList();
    Map<String, List<Annotated>> analyzed = new TreeMap<>();
    for (Annotated a : Inputs.analyze(new MultilingualAnalyzer(), all, "analyze")) {
      analyzed.computeIfAbsent(a.article().extra().get("story").toString(), k -> new ArrayList<>()).add(a);
    }

    ExtractiveBriefer briefer = new ExtractiveBriefer();
    Map<String, String> summaries = new TreeMap<>();
    long start = System.nanoTime();
    try (Progress p = new Progress("brief", stories.size())) {
      for (String story : stories.keySet()) {
        List<Annotated> articles = analyzed.getOrDefault(story, List.of());
        // scored exactly as `brief --format text` prints it
        summaries.put(story, articles.isEmpty() ? "" : BriefCommand.text(briefer.brief(story, articles, words)));
        p.step();
      }
    }
    double briefSeconds = (System.nanoTime() - start) / 1e9;
    if (out != null) {
      Files.createDirectories(out);
      for (Map.Entry<String, String> s : summaries.entrySet()) {
        Files.writeString(out.resolve(s.getKey()), s.getValue(), StandardCharsets.UTF_8);
      }
    }

    if (!Files.isDirectory(Duc2004.exceptions(duc))) {
      System.err.println("panorama eval summaries: no " + Duc2004.exceptions(duc) + "; stemming without the WordNet "
          + "exceptions (ROUGE-1 comes out lower than the official figure)");
    }
    Rouge rouge = Rouge.duc2004(Duc2004.exceptions(duc));
    Map<String, List<String>> references = new TreeMap<>();
    for (String story : summaries.keySet()) {
      List<String> refs = Duc2004.references(duc, story);
      if (!refs.isEmpty()) references.put(story, refs);
    }
    if (references.isEmpty()) {
      System.err.println("panorama eval summaries: no reference summary in " + duc.resolve("models") + " for these stories");
      return 2;
    }

    List<Row> rows = new ArrayList<>();
    rows.add(score("panorama", rouge, references, summaries));
    for (String system : peers) {
      Path dir = duc.resolve("peers").resolve(system);
      if (!Files.isDirectory(dir)) {
        System.err.println("panorama eval summaries: no published summaries at " + dir + ", skipped");
        continue;
      }
      Map<String, String> theirs = new TreeMap<>();
      for (String story : references.keySet()) {
        Path file = dir.resolve(story);
        if (Files.isRegularFile(file)) theirs.put(story, Duc2004.read(file));
      }
      rows.add(score(system, rouge, references, theirs));
    }

    System.out.printf(Locale.ROOT, "DUC 2004 task 2, %d stories with reference summaries; ROUGE-1.5.5 -n 2 -m -l 100 -f A -p 0.5 -t 0, "
        + "plain means over stories, percent%n", references.size());
    System.out.printf(Locale.ROOT, "%-12s %7s %7s %7s %7s %7s %7s %7s %7s%n",
        "system", "stories", "words", "R-1 R", "R-1 P", "R-1 F", "R-2 R", "R-2 P", "R-2 F");
    for (Row r : rows) {
      System.out.printf(Locale.ROOT, "%-12s %7d %7.1f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f%n", r.system, r.stories, r.words,
          100 * r.mean[0][0], 100 * r.mean[0][1], 100 * r.mean[0][2], 100 * r.mean[1][0], 100 * r.mean[1][1], 100 * r.mean[1][2]);
    }
    System.out.printf(Locale.ROOT, "briefing %.2f s for %d stories (text analysis excluded); words: mean summary length "
        + "before the 100-word cut%n", briefSeconds, summaries.size());
    if (rows.stream().anyMatch(r -> r.stories < references.size())) {
      System.out.println("note: a system with fewer stories is averaged over the stories it has");
    }
    return 0;
  }

  private record Row(String system, int stories, double words, double[][] mean) {}

  private static Row score(String system, Rouge rouge, Map<String, List<String>> references, Map<String, String> summaries) {
    double[][] sum = new double[2][3];
    long words = 0;
    int n = 0;
    for (Map.Entry<String, List<String>> story : references.entrySet()) {
      String summary = summaries.get(story.getKey());
      if (summary == null) continue;
      Rouge.Score[] s = rouge.scoreUpTo(summary, story.getValue(), 2);
      for (int i = 0; i < 2; i++) {
        sum[i][0] += s[i].recall();
        sum[i][1] += s[i].precision();
        sum[i][2] += s[i].f();
      }
      words += Rouge.words(summary, 0).size();
      n++;
    }
    if (n > 0) {
      for (double[] row : sum) for (int j = 0; j < 3; j++) row[j] /= n;
    }
    return new Row(system, n, n == 0 ? 0 : words / (double) n, sum);
  }
}
