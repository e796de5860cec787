package news.panorama.brief;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import news.panorama.core.Annotated;
import news.panorama.core.Citation;
import news.panorama.core.Entity;
import news.panorama.core.Mention;
import news.panorama.core.Sentence;
import news.panorama.core.StorySections.CountryTake;
import news.panorama.text.Lexicon;
import org.jspecify.annotations.Nullable;

/**
 * The world's take: for each country whose outlets cover the story, the names and words that set its
 * coverage apart from everyone else's, and the sentence of its coverage that carries them best.
 *
 * <p>Distinctiveness is the weighted log-odds ratio with an informative Dirichlet prior (Monroe,
 * Colaresi and Quinn, "Fightin' Words", 2008): each feature's log-odds in the country's articles minus
 * its log-odds in the other articles, both smoothed by the feature's share of the whole story, divided
 * by its standard error. The z-score keeps a word that one article repeats from outranking a word
 * that several of the country's articles use, and the prior keeps a rare word from winning on one
 * occurrence. Features are canonical entities (merged across spellings and scripts, so that
 * {@code Зеленський} and {@code Zelensky} count together) and content terms that are not part of a
 * name. An article adds at most {@link #CAP_PER_ARTICLE} to a feature's count, so one long article
 * does not speak for its country alone. Stateless.
 */
final class WorldTake {
  static final int MAX_TERMS = 6;
  private static final int CAP_PER_ARTICLE = 4;
  private static final int TITLE_WEIGHT = 3;
  private static final int LEAD_SENTENCES = 3;
  /** Total weight of the prior, in pseudo-counts spread over the story's features by frequency. */
  private static final double PRIOR = 100;
  /** A term shown must be used at least this often in the country's coverage. */
  private static final int MIN_COUNT = 2;

  private WorldTake() {}

  static List<CountryTake> of(List<Annotated> articles, Usable usable) {
    Map<String, List<Annotated>> byCountry = new LinkedHashMap<>();
    for (Annotated a : articles) {
      String c = a.article().country();
      if (c != null && !c.isBlank()) byCountry.computeIfAbsent(c.toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(a);
    }
    if (byCountry.isEmpty()) return List.of();
    Set<String> nameWords = nameWords(articles);
    Map<String, Double> all = new HashMap<>();
    Map<Annotated, Map<String, Integer>> countsOf = new HashMap<>();
    for (Annotated a : articles) {
      Map<String, Integer> c = features(a, nameWords, usable);
      countsOf.put(a, c);
      c.forEach((f, n) -> all.merge(f, (double) n, Double::sum));
    }
    double total = all.values().stream().mapToDouble(Double::doubleValue).sum();

    List<CountryTake> out = new ArrayList<>();
    for (Map.Entry<String, List<Annotated>> e : byCountry.entrySet()) {
      Map<String, Double> mine = new HashMap<>();
      for (Annotated a : e.getValue()) countsOf.get(a).forEach((f, n) -> mine.merge(f, (double) n, Double::sum));
      double n1 = mine.values().stream().mapToDouble(Double::doubleValue).sum();
      double n2 = total - n1;
      Map<String, Double> z = new HashMap<>();
      for (Map.Entry<String, Double> f : mine.entrySet()) {
        double y1 = f.getValue();
        if (y1 < MIN_COUNT) continue;
        double y2 = all.get(f.getKey()) - y1;
        double alpha = PRIOR * all.get(f.getKey()) / total;
        double delta = Math.log((y1 + alpha) / (n1 + PRIOR - y1 - alpha))
            - Math.log((y2 + alpha) / (Math.max(n2, 0) + PRIOR - y2 - alpha));
        double score = delta / Math.sqrt(1 / (y1 + alpha) + 1 / (y2 + alpha));
        if (score > 0) z.put(f.getKey(), score);
      }
      List<String> top = z.keySet().stream()
          .sorted(Comparator.comparingDouble((String f) -> -z.get(f)).thenComparing(f -> f))
          .limit(MAX_TERMS).toList();
      out.add(new CountryTake(e.getKey(), e.getValue().size(), display(top, e.getValue()), quote(e.getValue(), z, usable)));
    }
    out.sort(Comparator.comparingInt((CountryTake t) -> -t.articles()).thenComparing(CountryTake::country));
    return out;
  }

  /**
   * Entity keys ({@code e:} + key) and content terms ({@code t:} + term) with their weight in one
   * article: framing shows most in the headline and the lead, so a title word counts
   * {@link #TITLE_WEIGHT} times and a word of the first {@link #LEAD_SENTENCES} usable sentences twice.
   * Only usable sentences count (no captions, menus, app banners); at most {@link #CAP_PER_ARTICLE} per feature.
   */
  private static Map<String, Integer> features(Annotated a, Set<String> nameWords, Usable usable) {
    Map<String, Integer> out = new HashMap<>();
    Map<String, String> entityOfWord = new HashMap<>();
    for (Entity e : a.entities()) {
      for (String w : e.key().split("[ _]")) entityOfWord.putIfAbsent(w, e.key());
    }
    for (String t : a.titleTerms()) {
      String entity = entityOfWord.get(t);
      if (entity != null) add(out, "e:" + entity, TITLE_WEIGHT);
      else if (!nameWords.contains(t) && !Character.isDigit(t.charAt(0))) add(out, "t:" + t, TITLE_WEIGHT);
    }
    Map<Integer, Integer> weightOfSentence = new HashMap<>();
    int seen = 0;
    for (Sentence s : a.sentences()) {
      if (!usable.test(s)) continue;
      int weight = seen++ < LEAD_SENTENCES ? 2 : 1;
      weightOfSentence.put(s.index(), weight);
      for (String t : new HashSet<>(s.terms())) {
        if (!nameWords.contains(t) && !Character.isDigit(t.charAt(0))) add(out, "t:" + t, weight);
      }
    }
    for (Mention m : a.mentions()) {
      Integer weight = weightOfSentence.get(m.sentence());
      if (weight != null) add(out, "e:" + m.entity(), weight);
    }
    return out;
  }

  private static void add(Map<String, Integer> counts, String feature, int weight) {
    counts.merge(feature, weight, (x, y) -> Math.min(CAP_PER_ARTICLE, x + y));
  }

  /**
   * The folded words of every name the story mentions, so that a name is counted once, as an entity,
   * and of its dates ({@code Wednesday}, {@code November}), which say when, not how.
   */
  private static Set<String> nameWords(List<Annotated> articles) {
    Set<String> out = new HashSet<>();
    for (Annotated a : articles) {
      for (Mention m : a.mentions()) {
        for (String w : m.text().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
          if (w.isEmpty()) continue;
          out.add(w);
          if (w.endsWith("s") && w.length() > 4) out.add(w.substring(0, w.length() - 1));
        }
      }
      for (news.panorama.core.DateMention d : a.dates()) {
        for (String w : d.text().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
          if (!w.isEmpty()) out.add(w.endsWith("s") && w.length() > 4 ? w.substring(0, w.length() - 1) : w);
        }
      }
      for (Entity e : a.entities()) {
        out.add(e.key());
        for (String w : e.key().split("[ _]")) out.add(w);
      }
    }
    return out;
  }

  /**
   * Features as a reader sees them: an entity's name as the country's outlets write it, a term as the
   * word it stands for, lower-cased (names are entities already) unless it is an acronym or German.
   */
  private static List<String> display(List<String> features, List<Annotated> articles) {
    Map<String, String> names = new HashMap<>();
    Map<String, String> words = new HashMap<>();
    for (Annotated a : articles) {
      for (Entity e : a.entities()) names.putIfAbsent("e:" + e.key(), e.name());
      boolean keepCase = "de".equals(a.language()); // German capitalizes every noun
      for (Sentence s : a.sentences()) {
        Lexicon.surfaces(s.text(), a.language()).forEach((t, w) -> words.putIfAbsent("t:" + t,
            keepCase || w.equals(w.toUpperCase(Locale.ROOT)) ? w : w.toLowerCase(Locale.ROOT)));
      }
    }
    List<String> out = new ArrayList<>();
    for (String f : features) {
      String shown = f.startsWith("e:") ? names.get(f) : words.getOrDefault(f, f.substring(2));
      if (shown != null && !out.contains(shown)) out.add(shown);
    }
    return out;
  }

  /** The usable sentence whose features are the country's most distinctive, per square root of its length. */
  private static @Nullable Citation quote(List<Annotated> articles, Map<String, Double> z, Usable usable) {
    Citation best = null;
    double bestScore = 0;
    for (Annotated a : articles) {
      Map<Integer, Set<String>> entitiesBySentence = new HashMap<>();
      for (Mention m : a.mentions()) {
        entitiesBySentence.computeIfAbsent(m.sentence(), k -> new HashSet<>()).add("e:" + m.entity());
      }
      for (Sentence s : a.sentences()) {
        if (!usable.test(s)) continue;
        Set<String> features = new HashSet<>(entitiesBySentence.getOrDefault(s.index(), Set.of()));
        for (String t : s.terms()) features.add("t:" + t);
        double score = 0;
        for (String f : features) score += z.getOrDefault(f, 0.0);
        score /= Math.sqrt(Math.max(1, s.terms().size()));
        if (score > bestScore) {
          bestScore = score;
          best = ExtractiveBriefer.cite(a, s);
        }
      }
    }
    return best;
  }
}
