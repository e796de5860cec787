package news.panorama.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Json;
import news.panorama.core.JsonLines;
import news.panorama.text.EntityLinker;
import news.panorama.text.MultilingualAnalyzer;
import org.jspecify.annotations.Nullable;

/**
 * Scores the text stage against the hand-labelled gold set in {@code eval/text-gold}: what
 * {@code annotate} writes for each article (the same JSON line, run-wide entity ids included) is
 * compared with {@code labels.jsonl}. Only the features a label line lists as {@code complete} are
 * scored for that article. See {@code eval/text-gold/README.md} for the label format and the
 * matching rules, which are implemented here:
 *
 * <ul>
 *   <li>entities: distinct mention surfaces per article, after {@link #surface normalisation};
 *   <li>merged entities: pairs of matched surfaces (over the whole set) that share our id vs share
 *       the gold key;
 *   <li>dates, quotes, numbers: each gold item is given a span (its text found in the article, whole
 *       words, longest items first, without overlapping another item), and a prediction matches it
 *       when their spans overlap (and, for dates and numbers, the value agrees).
 * </ul>
 */
final class TextGoldScore {
  static final List<String> FEATURES = List.of("entities", "dates", "quotes", "numbers");

  static final double GOAL_LANGUAGE = 0.99;
  static final double GOAL_ENTITY_F1 = 0.85;
  static final double GOAL_MERGE_PRECISION = 0.95;
  static final double GOAL_RELATIVE_DATES = 0.90;
  static final double GOAL_SPEAKER = 0.90;

  /** Predicted quotes this short that overlap no gold quote are neither right nor wrong: the gold leaves them out. */
  static final int MIN_QUOTE_WORDS = 3;

  record GoldEntity(String key, String type, @Nullable String country, List<String> mentions) {}

  record GoldDate(String text, String value, String granularity, boolean relative) {}

  record GoldQuote(String text, @Nullable String speaker) {}

  record GoldNumber(String text, double value, @Nullable String unit) {}

  record Labels(String id, String language, Set<String> complete, List<GoldEntity> entities,
      List<GoldDate> dates, List<GoldQuote> quotes, List<GoldNumber> numbers) {}

  /** One gold article: the article as the analyzer reads it and its labels. */
  record Gold(Article article, Labels labels) {
    String id() {
      return article.id();
    }

    String language() {
      return labels.language();
    }
  }

  /** The gold set as read, and what is wrong with it (empty for a well-formed set). */
  record Loaded(List<Gold> gold, List<String> problems) {}

  private TextGoldScore() {}

  // ---------------------------------------------------------------- reading

  static Loaded load(Path dir) throws IOException {
    JsonLines.Result articles = JsonLines.readAll(dir.resolve("articles.jsonl").toString());
    List<String> problems = new ArrayList<>();
    articles.bad().forEach(b -> problems.add("unreadable article: " + b));
    Map<String, Labels> labels = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(dir.resolve("labels.jsonl"), StandardCharsets.UTF_8)) {
      int n = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        n++;
        if (line.isBlank()) continue;
        Labels l;
        try {
          l = labels(Json.mapper().readTree(line));
        } catch (IOException | RuntimeException e) {
          problems.add("labels.jsonl:" + n + ": " + e.getMessage());
          continue;
        }
        if (labels.put(l.id(), l) != null) problems.add("two label lines for " + l.id());
      }
    }
    List<Gold> gold = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Article a : articles.articles()) {
      if (!ids.add(a.id())) problems.add("two articles with id " + a.id());
      Labels l = labels.get(a.id());
      if (l == null) {
        problems.add("no label line for article " + a.id());
      } else {
        gold.add(new Gold(a, l));
      }
    }
    labels.keySet().stream().filter(id -> !ids.contains(id)).forEach(id -> problems.add("labels for unknown article " + id));
    problems.addAll(problems(gold));
    return new Loaded(gold, problems);
  }

  static Labels labels(JsonNode n) {
    String id = n.path("id").asText("");
    if (id.isEmpty()) throw new IllegalArgumentException("label line without id");
    Set<String> complete = new LinkedHashSet<>();
    n.path("complete").forEach(c -> complete.add(c.asText()));
    List<GoldEntity> entities = new ArrayList<>();
    for (JsonNode e : n.path("entities")) {
      List<String> mentions = new ArrayList<>();
      e.path("mentions").forEach(m -> mentions.add(m.asText()));
      entities.add(new GoldEntity(e.path("key").asText(), e.path("type").asText(),
          e.hasNonNull("country") ? e.get("country").asText() : null, mentions));
    }
    List<GoldDate> dates = new ArrayList<>();
    for (JsonNode d : n.path("dates")) {
      dates.add(new GoldDate(d.path("text").asText(), d.path("value").asText(), d.path("granularity").asText(),
          d.path("relative").asBoolean()));
    }
    List<GoldQuote> quotes = new ArrayList<>();
    for (JsonNode q : n.path("quotes")) {
      quotes.add(new GoldQuote(q.path("text").asText(), q.hasNonNull("speaker") ? q.get("speaker").asText() : null));
    }
    List<GoldNumber> numbers = new ArrayList<>();
    for (JsonNode x : n.path("numbers")) {
      numbers.add(new GoldNumber(x.path("text").asText(), x.path("value").asDouble(),
          x.hasNonNull("unit") ? x.get("unit").asText() : null));
    }
    return new Labels(id, n.path("language").asText(""), complete, entities, dates, quotes, numbers);
  }

  /**
   * What makes a gold set unusable: an unknown feature, a surface, date, number or quote text that
   * does not occur in the article's text (dates, numbers and quotes as whole words, each at its own
   * place), a surface under two keys, a speaker that is not one of the article's entities, a key
   * with two types across the set.
   */
  static List<String> problems(List<Gold> gold) {
    List<String> problems = new ArrayList<>();
    Map<String, String> typeOfKey = new HashMap<>();
    for (Gold g : gold) {
      String id = g.id();
      String text = g.article().text();
      Labels l = g.labels();
      if (l.language().isEmpty()) problems.add(id + ": no language");
      for (String c : l.complete()) {
        if (!FEATURES.contains(c)) problems.add(id + ": unknown feature in complete: " + c);
      }
      Map<String, String> keyOfSurface = new HashMap<>();
      Set<String> keys = new HashSet<>();
      for (GoldEntity e : l.entities()) {
        if (!keys.add(e.key())) problems.add(id + ": entity key twice: " + e.key());
        if (!Set.of("PERSON", "ORG", "PLACE").contains(e.type())) problems.add(id + ": bad type " + e.type() + " for " + e.key());
        String before = typeOfKey.putIfAbsent(e.key(), e.type());
        if (before != null && !before.equals(e.type())) problems.add(id + ": " + e.key() + " is " + e.type() + " here, " + before + " elsewhere");
        if (e.mentions().isEmpty()) problems.add(id + ": no mentions for " + e.key());
        for (String m : e.mentions()) {
          if (!text.contains(m)) problems.add(id + ": surface not in text: " + m);
          String other = keyOfSurface.put(surface(m), e.key());
          if (other != null && !other.equals(e.key())) problems.add(id + ": surface " + m + " under " + other + " and " + e.key());
        }
      }
      report(problems, id, "date", l.dates().stream().map(GoldDate::text).toList(), text);
      report(problems, id, "number", l.numbers().stream().map(GoldNumber::text).toList(), text);
      report(problems, id, "quote", l.quotes().stream().map(GoldQuote::text).toList(), text);
      for (GoldDate d : l.dates()) {
        if (!validDate(d.value(), d.granularity())) problems.add(id + ": bad date value " + d.value() + " (" + d.granularity() + ")");
      }
      for (GoldQuote q : l.quotes()) {
        if (q.speaker() != null && !keys.contains(q.speaker())) problems.add(id + ": speaker " + q.speaker() + " is not among the entities");
      }
    }
    return problems;
  }

  private static void report(List<String> problems, String id, String what, List<String> texts, String text) {
    int[][] spans = spans(text, texts);
    for (int i = 0; i < texts.size(); i++) {
      if (spans[i] == null) problems.add(id + ": " + what + " text not in text (or not at a place of its own): " + texts.get(i));
    }
  }

  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d\\d-\\d\\d");
  private static final Pattern WEEK = Pattern.compile("\\d{4}-W\\d\\d");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d\\d");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  private static boolean validDate(String value, String granularity) {
    Pattern p = switch (granularity) {
      case "day" -> DAY;
      case "week" -> WEEK;
      case "month" -> MONTH;
      case "year" -> YEAR;
      default -> null;
    };
    return p != null && p.matcher(value).matches();
  }

  // ---------------------------------------------------------------- running the analyzer

  /** What {@code annotate} writes for each article, by id: the same analyzer, linker and line builder. */
  static Map<String, JsonNode> annotate(MultilingualAnalyzer analyzer, List<Article> articles) throws IOException {
    List<Annotated> annotated = Inputs.analyze(analyzer, articles, "annotate");
    EntityLinker linker = new EntityLinker();
    annotated.forEach(linker::add);
    Map<String, String> ids = linker.ids();
    Map<String, JsonNode> lines = new LinkedHashMap<>();
    for (Annotated a : annotated) {
      // through text, as annotate writes it, so that nothing but the JSON is scored
      lines.put(a.id(), Json.mapper().readTree(Json.mapper().writeValueAsString(AnnotateCommand.line(a, ids, Map.of()))));
    }
    return lines;
  }

  /** The language the analyzer finds with the declared one hidden, by article id. */
  static Map<String, String> languages(MultilingualAnalyzer analyzer, List<Article> articles) {
    List<Annotated> hidden = Inputs.analyze(analyzer, articles.stream().map(a -> a.withLanguage("")).toList(), "language");
    Map<String, String> out = new HashMap<>();
    hidden.forEach(a -> out.put(a.id(), a.language()));
    return out;
  }

  // ---------------------------------------------------------------- matching helpers

  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u2007\\u202f]+");
  /** An apostrophe and a lowercase Latin suffix at the end: English 's, Turkish case endings ('ın, 'da, 'nin …). */
  private static final Pattern SUFFIX = Pattern.compile("['’][a-zçğıöşüâîû]{1,6}$");

  /**
   * A mention surface as compared: whitespace collapsed, then a trailing apostrophe suffix (English
   * possessive, Turkish case ending written after an apostrophe) and a trailing full stop removed.
   */
  static String surface(String s) {
    String t = SPACES.matcher(s).replaceAll(" ").strip();
    t = SUFFIX.matcher(t).replaceFirst("");
    if (t.endsWith("s’") || t.endsWith("s'")) t = t.substring(0, t.length() - 1);
    if (t.endsWith(".")) t = t.substring(0, t.length() - 1);
    return t.strip();
  }

  /**
   * The place of each text in {@code text}: whole-word occurrences, longest texts first, each taking
   * the first occurrence that overlaps none already taken. Null where there is none.
   */
  static int[][] spans(String text, List<String> texts) {
    int[][] out = new int[texts.size()][];
    List<int[]> taken = new ArrayList<>();
    Integer[] order = new Integer[texts.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> -texts.get(i).length()));
    for (int i : order) {
      String t = texts.get(i);
      if (t.isEmpty()) continue;
      for (int at = text.indexOf(t); at >= 0; at = text.indexOf(t, at + 1)) {
        int end = at + t.length();
        if (!wordEdges(text, at, end)) continue;
        boolean free = true;
        for (int[] s : taken) {
          if (at < s[1] && end > s[0]) {
            free = false;
            break;
          }
        }
        if (free) {
          out[i] = new int[] {at, end};
          taken.add(out[i]);
          break;
        }
      }
    }
    return out;
  }

  private static boolean wordEdges(String text, int start, int end) {
    boolean left = start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)) || !Character.isLetterOrDigit(text.charAt(start));
    boolean right = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)) || !Character.isLetterOrDigit(text.charAt(end - 1));
    return left && right;
  }

  private static boolean overlaps(int[] span, JsonNode p) {
    return p.path("start").asInt() < span[1] && p.path("end").asInt() > span[0];
  }

  /**
   * Whether an unmatched prediction is only a second piece of a gold item already matched, with the
   * same value (the weekday and the date of "jeudi 4 décembre" found apart): neither right nor wrong.
   */
  private static boolean partOfMatched(JsonNode o, int[][] spans, boolean[] matched, IntPredicate sameValue) {
    for (int i = 0; i < spans.length; i++) {
      if (matched[i] && spans[i] != null && overlaps(spans[i], o) && sameValue.test(i)) return true;
    }
    return false;
  }

  private static boolean sameNumber(double a, double b) {
    return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
  }

  private static String quoted(String s) {
    return "\"" + SPACES.matcher(s).replaceAll(" ") + "\"";
  }

  private static String clip(String s, int max) {
    String t = SPACES.matcher(s).replaceAll(" ").strip();
    return t.length() <= max ? t : t.substring(0, max) + "…";
  }

  // ---------------------------------------------------------------- scoring

  /** True positives, false positives and false negatives. */
  static final class Prf {
    int tp;
    int fp;
    int fn;

    double precision() {
      return tp / (double) Math.max(1, tp + fp);
    }

    double recall() {
      return tp / (double) Math.max(1, tp + fn);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    void add(Prf o) {
      tp += o.tp;
      fp += o.fp;
      fn += o.fn;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "P %.3f (%d/%d)  R %.3f (%d/%d)  F1 %.3f", precision(), tp, tp + fp,
          recall(), tp, tp + fn, f1());
    }
  }

  /** Right out of total. */
  static final class Ratio {
    int ok;
    int n;

    void count(boolean right) {
      n++;
      if (right) ok++;
    }

    double value() {
      return ok / (double) Math.max(1, n);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d/%d = %.3f", ok, n, value());
    }
  }

  /** A figure overall and per language. */
  static final class ByLanguage<T> {
    final T all;
    final Map<String, T> languages = new TreeMap<>();
    private final Supplier<T> make;

    ByLanguage(Supplier<T> make) {
      this.make = make;
      this.all = make.get();
    }

    T of(String language) {
      return languages.computeIfAbsent(language, k -> make.get());
    }
  }

  /** Every figure of one run, and the errors behind them. */
  static final class Report {
    int articles;
    final Map<String, Integer> articlesPerLanguage = new TreeMap<>();
    final Map<String, Integer> scored = new LinkedHashMap<>();
    final ByLanguage<Ratio> language = new ByLanguage<>(Ratio::new);
    final ByLanguage<Ratio> languageLong = new ByLanguage<>(Ratio::new);
    final ByLanguage<Prf> entities = new ByLanguage<>(Prf::new);
    final ByLanguage<Ratio> entityTypes = new ByLanguage<>(Ratio::new);
    long mergePairsBoth;
    long mergePairsPredicted;
    long mergePairsGold;
    final ByLanguage<Prf> dates = new ByLanguage<>(Prf::new);
    final ByLanguage<Ratio> datesDetected = new ByLanguage<>(Ratio::new);
    final ByLanguage<Ratio> relativeDates = new ByLanguage<>(Ratio::new);
    final ByLanguage<Prf> quotes = new ByLanguage<>(Prf::new);
    final ByLanguage<Ratio> speakers = new ByLanguage<>(Ratio::new);
    final ByLanguage<Prf> numbers = new ByLanguage<>(Prf::new);
    /** Section title → lines. */
    final Map<String, List<String>> errors = new LinkedHashMap<>();

    double mergePrecision() {
      return mergePairsBoth / (double) Math.max(1, mergePairsPredicted);
    }

    double mergeRecall() {
      return mergePairsBoth / (double) Math.max(1, mergePairsGold);
    }

    void error(String section, String line) {
      errors.computeIfAbsent(section, k -> new ArrayList<>()).add(line);
    }

    private static <T> void both(ByLanguage<T> b, String language, Consumer<T> f) {
      f.accept(b.all);
      f.accept(b.of(language));
    }

    void print(PrintStream out, String name, boolean withErrors) {
      out.printf(Locale.ROOT, "Text gold set %s: %d articles (%s)%n", name, articles, joined(articlesPerLanguage));
      out.printf(Locale.ROOT, "  labelled completely: %s%n", joined(scored));
      out.println("Language, declared language hidden");
      out.printf(Locale.ROOT, "  %-34s %s%n", "all articles", language.all);
      out.printf(Locale.ROOT, "  %-34s %s   goal >= %.2f %s%n", "texts over 100 characters", languageLong.all, GOAL_LANGUAGE,
          verdict(languageLong.all.value() >= GOAL_LANGUAGE));
      out.printf(Locale.ROOT, "  per language: %s%n", ratios(language.languages));
      out.println("Entities: distinct mention surfaces per article");
      out.printf(Locale.ROOT, "  %-4s %s   goal F1 >= %.2f %s%n", "all", entities.all, GOAL_ENTITY_F1,
          verdict(entities.all.f1() >= GOAL_ENTITY_F1));
      entities.languages.forEach((k, v) -> out.printf(Locale.ROOT, "  %-4s %s%n", k, v));
      out.printf(Locale.ROOT, "  type right on matched surfaces: %s; %s%n", entityTypes.all, ratios(entityTypes.languages));
      out.println("Merged entities: pairs of matched surfaces across the whole set");
      out.printf(Locale.ROOT, "  precision %.3f (%d/%d)   goal >= %.2f %s%n", mergePrecision(), mergePairsBoth, mergePairsPredicted,
          GOAL_MERGE_PRECISION, verdict(mergePrecision() >= GOAL_MERGE_PRECISION));
      out.printf(Locale.ROOT, "  recall    %.3f (%d/%d)%n", mergeRecall(), mergePairsBoth, mergePairsGold);
      out.println("Dates: overlapping the gold expression with the same value");
      out.printf(Locale.ROOT, "  %-4s %s%n", "all", dates.all);
      dates.languages.forEach((k, v) -> out.printf(Locale.ROOT, "  %-4s %s%n", k, v));
      out.printf(Locale.ROOT, "  gold dates found at all (any value): %s%n", datesDetected.all);
      out.printf(Locale.ROOT, "  relative dates resolved right: %s   goal >= %.2f %s%n", relativeDates.all, GOAL_RELATIVE_DATES,
          verdict(relativeDates.all.value() >= GOAL_RELATIVE_DATES));
      out.printf(Locale.ROOT, "    per language: %s%n", ratios(relativeDates.languages));
      out.println("Quotes: overlapping the gold opening words");
      out.printf(Locale.ROOT, "  %-4s %s%n", "all", quotes.all);
      quotes.languages.forEach((k, v) -> out.printf(Locale.ROOT, "  %-4s %s%n", k, v));
      out.printf(Locale.ROOT, "  speaker right on matched quotes with a known speaker: %s   goal >= %.2f %s%n", speakers.all,
          GOAL_SPEAKER, verdict(speakers.all.value() >= GOAL_SPEAKER));
      out.printf(Locale.ROOT, "    per language: %s%n", ratios(speakers.languages));
      out.println("Numbers: overlapping the gold text, same value (and unit when the gold has one)");
      out.printf(Locale.ROOT, "  %-4s %s%n", "all", numbers.all);
      numbers.languages.forEach((k, v) -> out.printf(Locale.ROOT, "  %-4s %s%n", k, v));
      if (withErrors) {
        errors.forEach((section, lines) -> {
          out.printf(Locale.ROOT, "%n%s (%d)%n", section, lines.size());
          lines.forEach(l -> out.println("  " + l));
        });
      }
    }

    private static String verdict(boolean met) {
      return met ? "(met)" : "(NOT MET)";
    }

    private static String joined(Map<String, Integer> m) {
      StringBuilder b = new StringBuilder();
      m.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
      return b.toString();
    }

    private static String ratios(Map<String, Ratio> m) {
      StringBuilder b = new StringBuilder();
      m.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(' ').append(v.ok).append('/').append(v.n));
      return b.toString();
    }
  }

  /**
   * Scores predictions (annotate JSON lines by article id) against the gold set. {@code hiddenLanguage}
   * holds the language found with the declared one hidden, by id; when an article is absent from it
   * the prediction's own {@code language} is used.
   */
  static Report score(List<Gold> gold, Map<String, ? extends JsonNode> predicted, Map<String, String> hiddenLanguage) {
    Report r = new Report();
    FEATURES.forEach(f -> r.scored.put(f, 0));
    // matched surfaces across the set: (our id, gold key) -> count
    Map<List<String>, Integer> cells = new HashMap<>();
    for (Gold g : gold) {
      String id = g.id();
      String lang = g.language();
      Labels l = g.labels();
      JsonNode p = predicted.get(id);
      if (p == null) p = Json.mapper().createObjectNode();
      r.articles++;
      r.articlesPerLanguage.merge(lang, 1, Integer::sum);
      l.complete().forEach(f -> r.scored.computeIfPresent(f, (k, v) -> v + 1));

      String guessed = hiddenLanguage.getOrDefault(id, p.path("language").asText(""));
      boolean right = guessed.equals(lang);
      Report.both(r.language, lang, x -> x.count(right));
      if (g.article().text().length() > 100) Report.both(r.languageLong, lang, x -> x.count(right));
      if (!right) r.error("Language wrong", id + ": " + lang + " taken for " + (guessed.isEmpty() ? "(none)" : guessed));

      if (l.complete().contains("entities")) entities(r, g, p, cells);
      if (l.complete().contains("dates")) dates(r, g, p);
      if (l.complete().contains("quotes")) quotes(r, g, p);
      if (l.complete().contains("numbers")) numbers(r, g, p);
    }
    merging(r, cells);
    return r;
  }

  /** Our entities of one prediction: normalised surface → {id, type}, first entity wins. */
  private static Map<String, String[]> predictedSurfaces(JsonNode p) {
    Map<String, String[]> out = new LinkedHashMap<>();
    for (JsonNode e : p.path("entities")) {
      for (JsonNode m : e.path("mentions")) {
        String s = surface(m.path("text").asText());
        if (!s.isEmpty()) out.putIfAbsent(s, new String[] {e.path("id").asText(), e.path("type").asText()});
      }
    }
    return out;
  }

  private static void entities(Report r, Gold g, JsonNode p, Map<List<String>, Integer> cells) {
    String id = g.id();
    Map<String, GoldEntity> gold = new LinkedHashMap<>();
    for (GoldEntity e : g.labels().entities()) {
      for (String m : e.mentions()) gold.putIfAbsent(surface(m), e);
    }
    Map<String, String[]> ours = predictedSurfaces(p);
    Prf prf = new Prf();
    for (Map.Entry<String, GoldEntity> e : gold.entrySet()) {
      String[] hit = ours.get(e.getKey());
      GoldEntity ge = e.getValue();
      if (hit == null) {
        prf.fn++;
        r.error("Entity surfaces missed", id + ": " + quoted(e.getKey()) + " (" + ge.key() + ", " + ge.type() + ")");
        continue;
      }
      prf.tp++;
      boolean typeRight = hit[1].equals(ge.type());
      Report.both(r.entityTypes, g.language(), x -> x.count(typeRight));
      if (!typeRight) r.error("Entity types wrong", id + ": " + quoted(e.getKey()) + " is " + ge.type() + ", we say " + hit[1]);
      cells.merge(List.of(hit[0], ge.key()), 1, Integer::sum);
    }
    for (Map.Entry<String, String[]> e : ours.entrySet()) {
      if (!gold.containsKey(e.getKey())) {
        prf.fp++;
        r.error("Entity surfaces not in the gold (false positives)", id + ": " + quoted(e.getKey()) + " (" + e.getValue()[1] + ", id " + e.getValue()[0] + ")");
      }
    }
    Report.both(r.entities, g.language(), x -> x.add(prf));
  }

  private static void merging(Report r, Map<List<String>, Integer> cells) {
    Map<String, Map<String, Integer>> byOurs = new TreeMap<>();
    Map<String, Map<String, Integer>> byGold = new TreeMap<>();
    for (Map.Entry<List<String>, Integer> c : cells.entrySet()) {
      String ours = c.getKey().get(0);
      String gold = c.getKey().get(1);
      int n = c.getValue();
      r.mergePairsBoth += pairs(n);
      byOurs.computeIfAbsent(ours, k -> new TreeMap<>()).merge(gold, n, Integer::sum);
      byGold.computeIfAbsent(gold, k -> new TreeMap<>()).merge(ours, n, Integer::sum);
    }
    byOurs.forEach((ours, golds) -> {
      r.mergePairsPredicted += pairs(golds.values().stream().mapToInt(Integer::intValue).sum());
      if (golds.size() > 1) r.error("Merged entities: one id of ours over several gold entities (precision)", "id " + quoted(ours) + " joins " + golds);
    });
    byGold.forEach((gold, ours) -> {
      r.mergePairsGold += pairs(ours.values().stream().mapToInt(Integer::intValue).sum());
      if (ours.size() > 1) r.error("Merged entities: one gold entity split over several ids of ours (recall)", gold + " → " + ours);
    });
  }

  private static long pairs(long n) {
    return n * (n - 1) / 2;
  }

  private static void dates(Report r, Gold g, JsonNode p) {
    String id = g.id();
    List<GoldDate> gold = g.labels().dates();
    int[][] spans = spans(g.article().text(), gold.stream().map(GoldDate::text).toList());
    List<JsonNode> ours = new ArrayList<>();
    p.path("dates").forEach(ours::add);
    boolean[] used = new boolean[ours.size()];
    boolean[] matched = new boolean[gold.size()];
    Prf prf = new Prf();
    for (int i = 0; i < gold.size(); i++) {
      GoldDate d = gold.get(i);
      int[] span = spans[i];
      int hit = -1;
      JsonNode other = null;
      for (int j = 0; span != null && j < ours.size(); j++) {
        if (!overlaps(span, ours.get(j))) continue;
        if (other == null) other = ours.get(j);
        if (!used[j] && ours.get(j).path("value").asText().equals(d.value())) {
          hit = j;
          break;
        }
      }
      boolean found = hit >= 0;
      boolean detected = found || other != null;
      Report.both(r.datesDetected, g.language(), x -> x.count(detected));
      if (found) {
        used[hit] = true;
        matched[i] = true;
        prf.tp++;
      } else {
        prf.fn++;
        String why = other == null ? "not found" : "we say " + other.path("value").asText() + " for " + quoted(other.path("text").asText());
        r.error("Dates missed or wrong", id + ": " + quoted(d.text()) + " = " + d.value() + (d.relative() ? " (relative)" : "") + ": " + why);
      }
      if (d.relative()) Report.both(r.relativeDates, g.language(), x -> x.count(found));
    }
    for (int j = 0; j < ours.size(); j++) {
      JsonNode o = ours.get(j);
      if (used[j] || partOfMatched(o, spans, matched, i -> o.path("value").asText().equals(gold.get(i).value()))) continue;
      prf.fp++;
      r.error("Dates not in the gold (false positives, wrong values included)", id + ": " + quoted(o.path("text").asText()) + " = " + o.path("value").asText());
    }
    Report.both(r.dates, g.language(), x -> x.add(prf));
  }

  private static void quotes(Report r, Gold g, JsonNode p) {
    String id = g.id();
    List<GoldQuote> gold = g.labels().quotes();
    int[][] spans = spans(g.article().text(), gold.stream().map(GoldQuote::text).toList());
    List<JsonNode> ours = new ArrayList<>();
    p.path("quotes").forEach(ours::add);
    boolean[] used = new boolean[ours.size()];
    Prf prf = new Prf();
    for (int i = 0; i < gold.size(); i++) {
      GoldQuote q = gold.get(i);
      int hit = -1;
      for (int j = 0; spans[i] != null && j < ours.size(); j++) {
        if (!used[j] && overlaps(spans[i], ours.get(j))) {
          hit = j;
          break;
        }
      }
      if (hit < 0) {
        prf.fn++;
        r.error("Quotes missed", id + ": " + quoted(clip(q.text(), 60)) + " (" + (q.speaker() == null ? "unknown speaker" : q.speaker()) + ")");
        continue;
      }
      used[hit] = true;
      prf.tp++;
      if (q.speaker() == null) continue;
      JsonNode o = ours.get(hit);
      boolean right = speakerRight(g, p, o, q.speaker());
      Report.both(r.speakers, g.language(), x -> x.count(right));
      if (!right) {
        String said = o.path("speaker").asText("");
        r.error("Speakers wrong", id + ": " + quoted(clip(q.text(), 50)) + " is " + q.speaker() + "'s, we say "
            + (said.isEmpty() ? "nobody" : quoted(said)) + (o.hasNonNull("speakerEntityId") ? " (id " + o.get("speakerEntityId").asText() + ")" : ""));
      }
    }
    for (int j = 0; j < ours.size(); j++) {
      if (used[j]) continue;
      String t = ours.get(j).path("text").asText();
      if (t.strip().split("\\s+").length < MIN_QUOTE_WORDS) continue;
      prf.fp++;
      r.error("Quotes not in the gold (false positives)", id + ": " + quoted(clip(t, 60)));
    }
    Report.both(r.quotes, g.language(), x -> x.add(prf));
  }

  /** Whether a predicted quote's speaker (entity id, else name) is one of the gold speaker's surfaces in this article. */
  static boolean speakerRight(Gold g, JsonNode p, JsonNode quote, String key) {
    Set<String> surfaces = new HashSet<>();
    for (GoldEntity e : g.labels().entities()) {
      if (e.key().equals(key)) e.mentions().forEach(m -> surfaces.add(surface(m)));
    }
    if (quote.hasNonNull("speakerEntityId")) {
      String ours = quote.get("speakerEntityId").asText();
      for (JsonNode e : p.path("entities")) {
        if (!e.path("id").asText().equals(ours)) continue;
        for (JsonNode m : e.path("mentions")) {
          if (surfaces.contains(surface(m.path("text").asText()))) return true;
        }
      }
    }
    String name = quote.path("speaker").asText("");
    return !name.isEmpty() && surfaces.contains(surface(name));
  }

  private static void numbers(Report r, Gold g, JsonNode p) {
    String id = g.id();
    List<GoldNumber> gold = g.labels().numbers();
    int[][] spans = spans(g.article().text(), gold.stream().map(GoldNumber::text).toList());
    List<JsonNode> ours = new ArrayList<>();
    p.path("numbers").forEach(ours::add);
    boolean[] used = new boolean[ours.size()];
    boolean[] matched = new boolean[gold.size()];
    Prf prf = new Prf();
    for (int i = 0; i < gold.size(); i++) {
      GoldNumber n = gold.get(i);
      int hit = -1;
      JsonNode other = null;
      for (int j = 0; spans[i] != null && j < ours.size(); j++) {
        JsonNode o = ours.get(j);
        if (!overlaps(spans[i], o)) continue;
        if (other == null) other = o;
        boolean unitRight = n.unit() == null || n.unit().equals(o.path("unit").asText(""));
        if (!used[j] && sameNumber(o.path("value").asDouble(), n.value()) && unitRight) {
          hit = j;
          break;
        }
      }
      if (hit >= 0) {
        used[hit] = true;
        matched[i] = true;
        prf.tp++;
      } else {
        prf.fn++;
        String why = other == null ? "not found"
            : "we say " + number(other.path("value").asDouble()) + " " + other.path("unit").asText("") + " for " + quoted(other.path("text").asText());
        r.error("Numbers missed or wrong", id + ": " + quoted(n.text()) + " = " + number(n.value()) + (n.unit() == null ? "" : " " + n.unit()) + ": " + why);
      }
    }
    for (int j = 0; j < ours.size(); j++) {
      JsonNode o = ours.get(j);
      if (used[j] || partOfMatched(o, spans, matched, i -> sameNumber(o.path("value").asDouble(), gold.get(i).value()))) continue;
      prf.fp++;
      r.error("Numbers not in the gold (false positives, wrong values included)", id + ": " + quoted(o.path("text").asText()) + " = "
          + number(o.path("value").asDouble()) + (o.hasNonNull("unit") ? " " + o.get("unit").asText() : ""));
    }
    Report.both(r.numbers, g.language(), x -> x.add(prf));
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
