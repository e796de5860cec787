package news.panorama.cluster;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import news.panorama.core.Annotated;
import news.panorama.core.DateMention;
import news.panorama.core.Entity;
import news.panorama.core.Mention;
import news.panorama.core.Quantity;
import news.panorama.core.Sentence;
import org.jspecify.annotations.Nullable;

/**
 * What grouping compares of one article, computed without shared state (so in parallel): sublinear
 * counts of its title terms (weighted up), the terms of its lead and body (the lead weighted up),
 * its canonical entities (prefixed {@code e:}, weighted up) and its stated amounts (prefixed
 * {@code n:}). Entity and amount features do not depend on the language, which is what lets an
 * article join a story told in another language.
 *
 * @param time the publication time, or null when the article has none
 * @param years the distinct years its resolved time expressions name, ascending (what tells an
 *     undated article's time)
 * @param signature what the article's lead names (entities, amounts, years; {@link #signatureOf}):
 *     what tells one event from another of the same kind when a story is tested for a split
 * @param placed the entity features of its places of a known country (countries, capitals, large
 *     cities): what many unrelated reports in other languages also name
 */
record ArticleProfile(String id, @Nullable Instant time, String language, Map<String, Double> features, int[] years,
    Set<String> signature, Map<String, Double> sounds, Set<String> placed) {
  static final double TITLE_WEIGHT = 3;
  static final double LEAD_WEIGHT = 2;
  static final double ENTITY_WEIGHT = 2;
  static final double AMOUNT_WEIGHT = 1;
  /** Sentences that count as the lead: news puts the event first and background later. */
  static final int LEAD_SENTENCES = 3;

  ArticleProfile {
    features = Map.copyOf(features);
    signature = Set.copyOf(signature);
    sounds = Map.copyOf(sounds);
    placed = Set.copyOf(placed);
  }

  static ArticleProfile of(Annotated article) {
    Map<String, Double> counts = new HashMap<>();
    boolean datesInDigits = DATES_IN_DIGITS.contains(article.language());
    countTerms(counts, article.titleTerms(), TITLE_WEIGHT, datesInDigits);
    int index = 0;
    for (Sentence s : article.sentences()) {
      countTerms(counts, s.terms(), index++ < LEAD_SENTENCES ? LEAD_WEIGHT : 1, datesInDigits);
    }
    Set<String> placed = new HashSet<>();
    for (Entity e : article.entities()) {
      counts.merge(entityFeature(e.key()), ENTITY_WEIGHT * Math.max(1, e.count()), Double::sum);
      if (e.type().equals("PLACE") && e.country() != null) placed.add(entityFeature(e.key()));
    }
    for (Quantity q : article.quantities()) {
      counts.merge(amountFeature(q), AMOUNT_WEIGHT, Double::sum);
    }
    return new ArticleProfile(article.id(), article.article().published(), article.language(), sublinear(counts),
        yearsOf(article), signatureOf(article), soundsOf(article), placed);
  }

  /**
   * Languages whose word breakers give the numbers of every date as words of their own (Japanese and
   * Chinese write 11月20日: the terms 11 and 20), so that nearly every article shares some with every
   * other: one- and two-digit numbers are no terms there (in 300 Japanese Wikinews articles, unrelated
   * ones joined on the days and months of their dates and of the sources they cite).
   */
  static final Set<String> DATES_IN_DIGITS = Set.of("ja", "zh");

  /** Adds {@code terms} at {@code weight}, but for a day's or a month's number where dates are written in digits. */
  private static void countTerms(Map<String, Double> counts, List<String> terms, double weight, boolean datesInDigits) {
    for (String t : terms) {
      if (!(datesInDigits && isDayOrMonth(t))) counts.merge(t, weight, Double::sum);
    }
  }

  /** A number of one or two digits: a day, a month, a small count. */
  private static boolean isDayOrMonth(String term) {
    int n = term.length();
    return n >= 1 && n <= 2 && Character.isDigit(term.charAt(0)) && Character.isDigit(term.charAt(n - 1));
  }

  /**
   * The sound keys of the article's names ({@link SoundKeys}, prefixed {@code s:}), weighted as its
   * entity features: what lets a Japanese report, which writes foreign names in katakana, meet the
   * Latin spelling of the same names. A Japanese article gives its katakana names; an article in a
   * Latin-script language its people and its places of no known country (countries and capitals are
   * already one key in every script); the others none.
   */
  static Map<String, Double> soundsOf(Annotated article) {
    Map<String, Double> counts = new HashMap<>();
    boolean japanese = SoundKeys.writtenBySound(article.language());
    for (Entity e : article.entities()) {
      boolean named = japanese ? SoundKeys.hasKatakana(e.key())
          : !e.type().equals("PLACE") && !e.type().equals("ORG") || e.country() == null && e.type().equals("PLACE");
      if (!named) continue;
      String key = SoundKeys.of(e.key());
      if (key != null) counts.merge("s:" + key, ENTITY_WEIGHT * Math.max(1, e.count()), Double::sum);
    }
    return sublinear(counts);
  }

  /** Each count {@code c} as {@code 1 + ln c}: a word said ten times is not ten times the evidence. */
  private static Map<String, Double> sublinear(Map<String, Double> counts) {
    Map<String, Double> out = new HashMap<>(counts.size() * 2);
    counts.forEach((k, c) -> out.put(k, 1 + Math.log(c)));
    return out;
  }

  /**
   * What the article's lead names: its entities' keys, its amounts and the years of its time
   * expressions (as features, prefixed {@code e:}, {@code n:} and {@code y:}). News puts the event's
   * own people, places and figures first; its background (an earlier event of the same kind) later.
   * The title is not read apart: the entities the text stage finds are mentions of the body.
   */
  static Set<String> signatureOf(Annotated article) {
    Set<String> out = new HashSet<>();
    for (Mention m : article.mentions()) {
      if (m.sentence() < LEAD_SENTENCES && !m.entity().isEmpty()) out.add(entityFeature(m.entity()));
    }
    for (Quantity q : article.quantities()) {
      if (q.sentence() < LEAD_SENTENCES) out.add(amountFeature(q));
    }
    for (DateMention d : article.dates()) {
      int year = yearOf(d);
      if (d.sentence() < LEAD_SENTENCES && year >= 0) out.add("y:" + year);
    }
    return out;
  }

  /** The distinct years the article's resolved time expressions name, ascending. */
  static int[] yearsOf(Annotated article) {
    TreeSet<Integer> years = new TreeSet<>();
    for (DateMention d : article.dates()) {
      int year = yearOf(d);
      if (year >= 0) years.add(year);
    }
    return years.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The year a resolved time expression names (its value begins with four digits), or -1. */
  private static int yearOf(DateMention d) {
    String v = d.value();
    if (v.length() < 4) return -1;
    for (int i = 0; i < 4; i++) if (!Character.isDigit(v.charAt(i))) return -1;
    return Integer.parseInt(v.substring(0, 4));
  }

  static String entityFeature(String key) {
    return "e:" + key;
  }

  /** An amount as written nowhere else: its value to three significant digits and its unit. */
  static String amountFeature(Quantity q) {
    return "n:" + String.format(Locale.ROOT, "%.3g", q.value()) + (q.unit().isEmpty() ? "" : " " + q.unit());
  }

  static boolean languageIndependent(String feature) {
    return feature.startsWith("e:") || feature.startsWith("n:");
  }
}
