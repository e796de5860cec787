package news.panorama.brief;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
 * {@code Зеленський} and {@code Zelensky} count together), phrases (two content words written next to
 * each other with nothing but a space or hyphen between them: {@code prisoner exchanges},
 * {@code peace diplomacy}; no stop word, punctuation, number or name inside) and single content
 * words that are not part of a name. An article adds at most {@link #CAP_PER_ARTICLE} to a feature's
 * count, so one long article does not speak for its country alone.
 *
 * <p>What is shown prefers what a reader can place: names and phrases first, single words only after
 * them unless two or more of the country's outlets use the word (one article's single words are mostly
 * its style: {@code bring}, {@code including}, {@code months}), and never a word a shown phrase
 * already holds. Words come from the text stage's tokens and its stop words of the article's language,
 * so this works in any language it reads. Names of the story's own outlets ({@code Kyiv Post} in the
 * Kyiv Post's text) are attribution, not framing, and are left out. Stateless.
 */
final class WorldTake {
  static final int MAX_TERMS = 6;
  private static final int CAP_PER_ARTICLE = 4;
  private static final int TITLE_WEIGHT = 3;
  private static final int LEAD_SENTENCES = 3;
  /** Total weight of the prior, in pseudo-counts spread over the story's features by frequency. */
  private static final double PRIOR = 100;
  /**
   * A single word's distinctiveness counts this much beside a name's or a phrase's when ranking what
   * to show: a name or phrase says what is meant, a word alone often only how it is said.
   */
  private static final double SINGLE_WORD_WEIGHT = 0.7;
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
    Map<Object, List<Phrase>> phrases = new IdentityHashMap<>(); // each sentence's and title's, found once
    Map<String, Double> all = new HashMap<>();
    Map<Annotated, Map<String, Integer>> countsOf = new HashMap<>();
    for (Annotated a : articles) {
      Map<String, Integer> c = features(a, nameWords, usable, phrases);
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
      Map<String, Integer> outlets = new HashMap<>();
      for (Annotated a : e.getValue()) countsOf.get(a).keySet().forEach(f -> outlets.merge(f, 1, Integer::sum));
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
      List<String> top = top(z, outlets);
      out.add(new CountryTake(e.getKey(), e.getValue().size(), display(top, e.getValue(), nameWords, usable, phrases),
          quote(e.getValue(), z, nameWords, usable, phrases)));
    }
    out.sort(Comparator.comparingInt((CountryTake t) -> -t.articles()).thenComparing(CountryTake::country));
    return out;
  }

  /**
   * The {@link #MAX_TERMS} features to show, most distinctive first (a single word's score weighted by
   * {@link #SINGLE_WORD_WEIGHT}): names, phrases and words two or more of the country's outlets use,
   * then other single words; a single word inside a phrase shown is left out.
   */
  private static List<String> top(Map<String, Double> z, Map<String, Integer> outlets) {
    Comparator<String> order = Comparator.comparingInt((String f) -> f.startsWith("t:") && outlets.get(f) < 2 ? 1 : 0)
        .thenComparingDouble(f -> -z.get(f) * (f.startsWith("t:") ? SINGLE_WORD_WEIGHT : 1)).thenComparing(f -> f);
    List<String> ranked = z.keySet().stream().sorted(order).toList();
    Set<String> inPhrases = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (String f : ranked) {
      if (out.size() == MAX_TERMS) break;
      if (f.startsWith("t:") && inPhrases.contains(f.substring(2))) continue;
      if (f.startsWith("p:")) {
        String[] words = f.substring(2).split(" ");
        // a phrase whose words a shown phrase already holds in the other order, or a single word shown
        if (out.contains("p:" + words[1] + ' ' + words[0])) continue;
        out.removeIf(g -> g.equals("t:" + words[0]) || g.equals("t:" + words[1]));
        inPhrases.add(words[0]);
        inPhrases.add(words[1]);
      }
      out.add(f);
    }
    return out;
  }

  /**
   * A phrase of a text: its feature ({@code p:} + the two terms), the words as written, and whether it
   * opens the text (where its first word's capital says nothing).
   */
  record Phrase(String feature, String surface, boolean initial) {}

  /**
   * The phrases of a text: pairs of content words next to each other, with only a space or a hyphen
   * between them, neither a stop word, a number, a word with a digit, nor a word of a name, nor
   * hyphenated to such a word ({@code U.S.-backed peace} is not a phrase: {@code backed} belongs to
   * {@code U.S.}).
   */
  static List<Phrase> phrases(String text, String language, Set<String> nameWords) {
    List<Lexicon.Word> words = Lexicon.words(text, language);
    List<Phrase> out = new ArrayList<>();
    for (int i = 0; i + 1 < words.size(); i++) {
      Lexicon.Word a = words.get(i);
      Lexicon.Word b = words.get(i + 1);
      if (!plain(a, nameWords) || !plain(b, nameWords) || a.term().equals(b.term())) continue;
      String between = text.substring(a.end(), b.start());
      if (!between.equals("-") && !between.isBlank() || between.contains("\n")) continue;
      if (i > 0 && hyphenated(text, words.get(i - 1), a) && !plain(words.get(i - 1), nameWords)) continue;
      if (i + 2 < words.size() && hyphenated(text, b, words.get(i + 2)) && !plain(words.get(i + 2), nameWords)) continue;
      out.add(new Phrase("p:" + a.term() + ' ' + b.term(), text.substring(a.start(), b.end()), i == 0));
    }
    return out;
  }

  private static List<Phrase> phrases(Sentence s, Annotated a, Set<String> nameWords, Map<Object, List<Phrase>> found) {
    return found.computeIfAbsent(s, k -> phrases(s.text(), a.language(), nameWords));
  }

  private static List<Phrase> titlePhrases(Annotated a, Set<String> nameWords, Map<Object, List<Phrase>> found) {
    return found.computeIfAbsent(a, k -> phrases(a.article().title(), a.language(), nameWords));
  }

  private static boolean hyphenated(String text, Lexicon.Word a, Lexicon.Word b) {
    String gap = text.substring(a.end(), b.start());
    return !gap.isEmpty() && gap.length() <= 2 && gap.strip().equals(gap) && "-‐‑".indexOf(gap.charAt(gap.length() - 1)) >= 0;
  }

  private static boolean plain(Lexicon.Word w, Set<String> nameWords) {
    if (w.term() == null || w.number() || w.surface().chars().anyMatch(Character::isDigit)) return false;
    return !nameWords.contains(w.term()) && !nameWords.contains(w.surface().toLowerCase(Locale.ROOT));
  }

  /**
   * Entity keys ({@code e:} + key), phrases ({@code p:} + two terms) and content terms
   * ({@code t:} + term) with their weight in one
   * article: framing shows most in the headline and the lead, so a title word counts
   * {@link #TITLE_WEIGHT} times and a word of the first {@link #LEAD_SENTENCES} usable sentences twice.
   * Only usable sentences count (no captions, menus, app banners); at most {@link #CAP_PER_ARTICLE} per feature.
   */
  private static Map<String, Integer> features(Annotated a, Set<String> nameWords, Usable usable,
      Map<Object, List<Phrase>> phrases) {
    Map<String, Integer> out = new HashMap<>();
    Map<String, String> entityOfWord = new HashMap<>();
    Set<String> outlets = outletEntities(a);
    for (Entity e : a.entities()) {
      if (outlets.contains(e.key())) continue;
      for (String w : e.key().split("[ _]")) entityOfWord.putIfAbsent(w, e.key());
    }
    for (String t : a.titleTerms()) {
      String entity = entityOfWord.get(t);
      if (entity != null) add(out, "e:" + entity, TITLE_WEIGHT);
      else if (!nameWords.contains(t) && !Character.isDigit(t.charAt(0))) add(out, "t:" + t, TITLE_WEIGHT);
    }
    for (Phrase p : new HashSet<>(titlePhrases(a, nameWords, phrases))) {
      add(out, p.feature(), TITLE_WEIGHT);
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
      Set<String> seenHere = new HashSet<>();
      for (Phrase p : phrases(s, a, nameWords, phrases)) {
        if (seenHere.add(p.feature())) add(out, p.feature(), weight);
      }
    }
    for (Mention m : a.mentions()) {
      Integer weight = weightOfSentence.get(m.sentence());
      if (weight != null && !outlets.contains(m.entity())) add(out, "e:" + m.entity(), weight);
    }
    return out;
  }

  /**
   * News agencies as stories name them when they cite them ({@code told AFP}, {@code Reuters
   * reported}, {@code (Xinhua)}), lower case: who reported, not how a country frames the story.
   */
  private static final Set<String> NEWS_AGENCIES = Set.of(
      "afp", "agence france-presse", "agence france presse", "ap", "associated press", "the associated press",
      "reuters", "thomson reuters", "dpa", "deutsche presse-agentur", "efe", "agencia efe", "ansa", "xinhua",
      "xinhua news agency", "tass", "itar-tass", "ria novosti", "ria", "interfax", "sputnik", "anadolu",
      "anadolu agency", "anadolu ajansı", "aa", "kyodo", "kyodo news", "jiji", "jiji press", "yonhap", "pti", "ians",
      "ani", "bernama", "antara", "ukrinform", "unian", "bloomberg", "europa press", "lusa", "pap", "ctk", "mti",
      "bta", "apa", "belga", "anp", "tanjug", "hina", "ritzau", "ntb", "tt", "stt", "sda", "keystone-sda",
      "prensa latina", "notimex", "télam", "agência brasil", "irna", "tasnim", "isna", "wafa", "kuna", "wam",
      "qna", "aps", "kcna", "тасс", "риа новости", "интерфакс", "укрінформ",
      "уніан", "新华社", "共同通信", "時事通信", "연합뉴스");

  /**
   * The article's entities that name one of its outlets (its source, {@code Kyiv Post} in
   * {@code Kyiv Post (via a news app)}) or a news agency it cites: an outlet naming itself is
   * attribution or a banner, an agency named is attribution.
   */
  private static Set<String> outletEntities(Annotated a) {
    String source = a.article().source() == null ? "" : a.article().source().toLowerCase(Locale.ROOT);
    Set<String> out = new HashSet<>();
    for (Entity e : a.entities()) {
      for (String spelling : e.spellings()) {
        String w = spelling.toLowerCase(Locale.ROOT);
        if (NEWS_AGENCIES.contains(w) || !source.isBlank() && w.length() >= 3 && containsWord(source, w)) {
          out.add(e.key());
          break;
        }
      }
    }
    return out;
  }

  /** Whether {@code word} occurs in {@code text} with no letter or number right before or after it. */
  private static boolean containsWord(String text, String word) {
    for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      int end = i + word.length();
      if ((i == 0 || !isLetterOrNumber(text.codePointBefore(i)))
          && (end == text.length() || !isLetterOrNumber(text.codePointAt(end)))) {
        return true;
      }
    }
    return false;
  }

  /** A letter or a number of any kind ({@code \p{L}} or {@code \p{N}}). */
  private static boolean isLetterOrNumber(int cp) {
    int type = Character.getType(cp);
    return Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
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
    // in a script written without spaces the word breaker cuts a name its dictionary does not have
    // (习近平 into 习 近平): the pieces are the name's too
    for (String w : List.copyOf(out)) {
      if (w.length() > MAX_PIECED_NAME || !NoiseFilter.writtenWithoutSpaces(w)) continue;
      for (int i = 0; i < w.length(); i++) {
        for (int j = i + 1; j <= w.length(); j++) out.add(w.substring(i, j));
      }
    }
    return out;
  }

  /** The longest name (in characters) whose pieces are taken as name words. */
  private static final int MAX_PIECED_NAME = 12;

  /**
   * Features as a reader sees them, in the words of the country's own articles: an entity's name as
   * they write it, a term as the word it stands for (lower-cased, names being entities already,
   * unless an acronym or German), a phrase as written inside a sentence of their text (capitals
   * there are the language's own: {@code Ukrainian official}); opening a sentence or in a title,
   * where capitals are the position's, it is lower-cased unless an acronym or German.
   */
  private static List<String> display(List<String> features, List<Annotated> articles, Set<String> nameWords,
      Usable usable, Map<Object, List<Phrase>> found) {
    Map<String, String> names = new HashMap<>();
    Map<String, String> words = new HashMap<>();
    Map<String, String> inside = new HashMap<>();
    Map<String, String> opening = new HashMap<>();
    Set<String> wanted = new HashSet<>(features);
    for (Annotated a : articles) {
      for (Entity e : a.entities()) names.putIfAbsent("e:" + e.key(), e.name());
      boolean keepCase = "de".equals(a.language()); // German capitalizes every noun
      for (Sentence s : a.sentences()) {
        Lexicon.surfaces(s.text(), a.language()).forEach((t, w) -> words.putIfAbsent("t:" + t,
            keepCase || w.equals(w.toUpperCase(Locale.ROOT)) ? w : w.toLowerCase(Locale.ROOT)));
        if (!usable.test(s)) continue;
        for (Phrase p : phrases(s, a, nameWords, found)) {
          if (!wanted.contains(p.feature())) continue;
          if (p.initial()) opening.putIfAbsent(p.feature(), lowerCased(p.surface(), keepCase));
          else inside.putIfAbsent(p.feature(), p.surface());
        }
      }
      for (Phrase p : titlePhrases(a, nameWords, found)) {
        if (wanted.contains(p.feature())) opening.putIfAbsent(p.feature(), lowerCased(p.surface(), keepCase));
      }
    }
    List<String> out = new ArrayList<>();
    for (String f : features) {
      String shown = f.startsWith("e:") ? names.get(f)
          : f.startsWith("p:") ? inside.getOrDefault(f, opening.getOrDefault(f, f.substring(2)))
          : words.getOrDefault(f, f.substring(2));
      if (shown != null && !out.contains(shown)) out.add(shown);
    }
    return out;
  }

  /** Words as written, lower-cased unless an acronym (or in a language that capitalizes nouns). */
  private static String lowerCased(String surface, boolean keepCase) {
    if (keepCase) return surface;
    StringBuilder out = new StringBuilder();
    for (String w : surface.split("(?<=[\\s-])")) {
      String bare = w.strip().replace("-", "");
      boolean acronym = bare.codePointCount(0, bare.length()) >= 2 && bare.equals(bare.toUpperCase(Locale.ROOT))
          && !bare.equals(bare.toLowerCase(Locale.ROOT));
      out.append(acronym ? w : w.toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }

  /** The usable sentence whose features are the country's most distinctive, per square root of its length. */
  private static @Nullable Citation quote(List<Annotated> articles, Map<String, Double> z, Set<String> nameWords,
      Usable usable, Map<Object, List<Phrase>> found) {
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
        for (Phrase p : phrases(s, a, nameWords, found)) features.add(p.feature());
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
