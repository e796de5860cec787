package news.panorama.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.DateMention;
import news.panorama.core.Json;
import news.panorama.core.Mention;
import news.panorama.text.EntityLinker;
import news.panorama.text.MultilingualAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Scores the text stage ({@code panorama eval text}): precision and recall of every annotation against
 * the hand-labelled gold set ({@link TextGoldScore}), recall of ECB+ gold entity, place and time
 * mentions (and whether the mentions of one gold chain get one entity id), language-identification
 * accuracy on corpora with a declared language, and the stage's speed on one thread.
 */
@Command(name = "text", mixinStandardHelpOptions = true,
    description = {"Measure the text stage: precision/recall per feature on the hand-labelled gold set (--gold DIR, "
        + "e.g. eval/text-gold), ECB+ mention recall and merging (--ecbplus DIR), language accuracy "
        + "with the declared language hidden (--language FILE...), articles/s on one thread (--throughput FILE)."})
final class EvalTextCommand implements Callable<Integer> {
  @Option(names = "--gold", paramLabel = "DIR", description = "Gold folder with articles.jsonl and labels.jsonl (eval/text-gold).")
  Path gold;

  @Option(names = "--errors", description = "With --gold: list the misses and false positives per feature.")
  boolean errors;

  @Option(names = "--ecbplus", paramLabel = "DIR", description = "Folder with ECB+ articles.jsonl and mentions.jsonl.")
  Path ecbplus;

  @Option(names = "--language", arity = "1..*", paramLabel = "FILE", description = "JSON Lines with a declared `language`.")
  List<String> language = List.of();

  @Option(names = "--throughput", paramLabel = "FILE", description = "JSON Lines to time the analyzer on.")
  String throughput;

  @Override
  public Integer call() throws IOException {
    if (gold == null && ecbplus == null && language.isEmpty() && throughput == null) {
      System.err.println("panorama eval text: give --gold, --ecbplus, --language or --throughput");
      return 2;
    }
    MultilingualAnalyzer analyzer = new MultilingualAnalyzer();
    if (gold != null && !gold(analyzer)) return 1;
    if (ecbplus != null) ecbplus(analyzer);
    if (!language.isEmpty()) languages(analyzer);
    if (throughput != null) throughput(analyzer);
    return 0;
  }

  private boolean gold(MultilingualAnalyzer analyzer) throws IOException {
    if (!Files.isRegularFile(gold.resolve("articles.jsonl")) || !Files.isRegularFile(gold.resolve("labels.jsonl"))) {
      System.err.println("panorama eval text: " + gold + " needs articles.jsonl and labels.jsonl");
      return false;
    }
    TextGoldScore.Loaded loaded = TextGoldScore.load(gold);
    loaded.problems().forEach(p -> System.err.println("panorama eval text: gold: " + p));
    List<Article> articles = loaded.gold().stream().map(TextGoldScore.Gold::article).toList();
    Map<String, JsonNode> predicted = TextGoldScore.annotate(analyzer, articles);
    Map<String, String> hidden = TextGoldScore.languages(analyzer, articles);
    TextGoldScore.score(loaded.gold(), predicted, hidden).print(System.out, gold.toString(), errors);
    return true;
  }

  private void ecbplus(MultilingualAnalyzer analyzer) throws IOException {
    List<Article> articles = Inputs.read(ecbplus.resolve("articles.jsonl").toString(), "eval text");
    List<Annotated> annotated = Inputs.analyze(analyzer, articles, "analyze");
    Map<String, Annotated> byId = new HashMap<>();
    EntityLinker linker = new EntityLinker();
    for (Annotated a : annotated) {
      byId.put(a.id(), a);
      linker.add(a);
    }
    Map<String, String> ids = linker.ids();
    Map<String, int[]> recall = new TreeMap<>(); // category -> {found, total}
    Map<String, List<String>> chainIds = new HashMap<>(); // gold chain -> our ids of its matched named mentions
    try (BufferedReader r = Files.newBufferedReader(ecbplus.resolve("mentions.jsonl"), StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        JsonNode doc = Json.mapper().readTree(line);
        Annotated a = byId.get(doc.get("id").asText());
        if (a == null) continue;
        for (JsonNode m : doc.get("mentions")) {
          String category = m.get("category").asText();
          if (category.equals("action") || !m.path("selected").asBoolean()) continue;
          int s = m.get("start").asInt();
          int e = m.get("end").asInt();
          boolean named = m.get("text").asText().codePoints().anyMatch(Character::isUpperCase);
          String hit = category.equals("time") ? date(a, s, e) : entity(a, s, e);
          count(recall, category + " (all)", hit != null);
          if (named) count(recall, category + " (named)", hit != null);
          if (named && hit != null && !category.equals("time") && m.has("chain")) {
            chainIds.computeIfAbsent(m.get("chain").asText(), k -> new ArrayList<>()).add(ids.getOrDefault(hit, hit));
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "ECB+ (%d documents), recall of gold mentions in selected sentences:%n", articles.size());
    recall.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-22s %5d / %5d = %.3f%n", k, v[0], v[1], v[0] / (double) Math.max(1, v[1])));
    // merging, pairwise over matched named mentions of cross-document chains
    long same = 0, pairs = 0, samePred = 0, predPairs = 0;
    Map<String, Map<String, Integer>> chainsById = new HashMap<>();
    for (Map.Entry<String, List<String>> c : chainIds.entrySet()) {
      List<String> l = c.getValue();
      for (int i = 0; i < l.size(); i++) {
        chainsById.computeIfAbsent(l.get(i), k -> new HashMap<>()).merge(c.getKey(), 1, Integer::sum);
        for (int j = i + 1; j < l.size(); j++) {
          pairs++;
          if (l.get(i).equals(l.get(j))) same++;
        }
      }
    }
    for (Map<String, Integer> chains : chainsById.values()) {
      long n = chains.values().stream().mapToLong(Integer::longValue).sum();
      predPairs += n * (n - 1) / 2;
      for (int k : chains.values()) samePred += (long) k * (k - 1) / 2;
    }
    System.out.printf(Locale.ROOT, "  merging (pairs of matched named mentions): precision %.3f (%d / %d), recall %.3f (%d / %d)%n",
        samePred / (double) Math.max(1, predPairs), samePred, predPairs, same / (double) Math.max(1, pairs), same, pairs);
  }

  private static void count(Map<String, int[]> recall, String key, boolean found) {
    int[] v = recall.computeIfAbsent(key, k -> new int[2]);
    if (found) v[0]++;
    v[1]++;
  }

  private static String entity(Annotated a, int s, int e) {
    for (Mention m : a.mentions()) {
      if (m.sentence() >= 0 && m.start() < e && m.end() > s) return m.entity();
    }
    return null;
  }

  private static String date(Annotated a, int s, int e) {
    for (DateMention d : a.dates()) {
      if (d.start() < e && d.end() > s) return d.value();
    }
    return null;
  }

  private void languages(MultilingualAnalyzer analyzer) throws IOException {
    for (String file : language) {
      List<Article> articles = Inputs.read(file, "eval text");
      Map<String, int[]> body = new TreeMap<>();
      Map<String, int[]> titles = new TreeMap<>();
      for (Article a : articles) {
        if (a.language().isEmpty()) continue;
        String declared = a.language();
        if ((a.title() + a.text()).length() > 100) {
          Annotated x = analyzer.analyze(a.withLanguage(""));
          count(body, declared, x.language().equals(declared));
        }
        if (a.title().length() >= 20) {
          Article t = Article.of(a.id(), "", "", "", "", null, "", a.title());
          count(titles, declared, analyzer.analyze(t).language().equals(declared));
        }
      }
      System.out.println("Language identification, declared language hidden: " + file);
      body.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %s texts over 100 chars: %d / %d = %.3f%n", k, v[0], v[1], v[0] / (double) v[1]));
      titles.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %s titles alone (>= 20 chars): %d / %d = %.3f%n", k, v[0], v[1], v[0] / (double) v[1]));
    }
  }

  private void throughput(MultilingualAnalyzer analyzer) throws IOException {
    List<Article> articles = Inputs.read(throughput, "eval text");
    for (Article a : articles.subList(0, Math.min(50, articles.size()))) analyzer.analyze(a);
    for (int round = 1; round <= 3; round++) {
      long t0 = System.nanoTime();
      for (Article a : articles) analyzer.analyze(a);
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "Text stage, one thread, round %d: %d articles in %.2f s = %.0f articles/s%n",
          round, articles.size(), seconds, articles.size() / seconds);
    }
  }
}
