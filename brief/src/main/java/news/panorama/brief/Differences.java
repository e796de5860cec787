package news.panorama.brief;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
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
import news.panorama.core.DateMention;
import news.panorama.core.Entity;
import news.panorama.core.Mention;
import news.panorama.core.Quantity;
import news.panorama.core.Sentence;
import news.panorama.core.StorySections.Difference;
import news.panorama.text.Lexicon;
import org.jspecify.annotations.Nullable;

/**
 * Where sources differ: one slot filled with different values by different outlets, each value with
 * the sentences that state it. Three kinds of slot:
 *
 * <ul>
 *   <li><b>place</b> — cities of one country named as where something happens ({@code in Ankara}
 *       against {@code in Istanbul}): two cities of the same country are rival answers to "where",
 *       while cities of different countries are usually different legs of a story;
 *   <li><b>number of …</b> — amounts counting the same thing ({@code 1,200 prisoners} against
 *       {@code 1,000 prisoners}) that differ by more than rounding;
 *   <li><b>date</b> — sentences of different outlets that say the same thing but put it on different days.
 * </ul>
 *
 * <p>A difference is only reported when the sources really disagree: each value must be stated by an
 * outlet that does not state the other (one article listing two cities is not a conflict). Sentences
 * about the past — those naming a date more than {@link #PAST_DAYS} days before their article was
 * published (the talks "in May, June and July") — are background, not rival accounts, and are left
 * out. Stateless.
 */
final class Differences {
  static final int MAX = 5;
  static final int PAST_DAYS = 7;
  private static final int MAX_CITATIONS = 4;
  /** Amounts closer than this share of the larger are the same figure, rounded. */
  private static final double ROUNDING = 0.05;

  /** Words before a place that make it the place where something happens, by language. */
  private static final Map<String, Set<String>> LOCATIVE = Map.ofEntries(
      Map.entry("en", Set.of("in", "at", "to")),
      Map.entry("fr", Set.of("à", "a", "au", "en", "dans")),
      Map.entry("de", Set.of("in", "nach", "im")),
      Map.entry("es", Set.of("en", "a")),
      Map.entry("it", Set.of("a", "in", "ad")),
      Map.entry("pt", Set.of("em", "no", "na", "a")),
      Map.entry("nl", Set.of("in", "naar")),
      Map.entry("ru", Set.of("в", "во")),
      Map.entry("uk", Set.of("в", "у", "до")),
      Map.entry("pl", Set.of("w", "we", "do")));

  /** English words after a count that say what happened to what is counted ({@code 12 people killed}). */
  private static final Set<String> OUTCOMES = Set.of("killed", "dead", "died", "injured", "wounded", "hurt",
      "missing", "arrested", "detained", "displaced", "evacuated", "rescued", "released", "freed", "exchanged",
      "held", "captured", "deported", "affected", "infected");

  private Differences() {}

  /** One statement of a value: the article, its sentence, and the value as written. */
  private record Stated(Annotated article, Sentence sentence, String written) {
    String outlet() {
      return Sections.outlet(article);
    }
  }

  static List<Difference> of(List<Annotated> articles, Usable usable) {
    List<Difference> out = new ArrayList<>();
    out.addAll(places(articles, usable));
    out.addAll(counts(articles, usable));
    out.addAll(dates(articles, usable));
    out.sort(Comparator.comparingInt((Difference d) -> -support(d)));
    return out.size() > MAX ? List.copyOf(out.subList(0, MAX)) : out;
  }

  private static int support(Difference d) {
    Set<String> articles = new HashSet<>();
    d.values().forEach(v -> v.citations().forEach(c -> articles.add(c.articleId())));
    return articles.size();
  }

  // ---- place

  private static List<Difference> places(List<Annotated> articles, Usable usable) {
    // country → city key → statements
    Map<String, Map<String, List<Stated>>> byCountry = new LinkedHashMap<>();
    for (Annotated a : articles) {
      Map<String, Entity> entities = new HashMap<>();
      for (Entity e : a.entities()) entities.put(e.key(), e);
      Set<Integer> past = pastSentences(a);
      for (Mention m : a.mentions()) {
        Entity e = entities.get(m.entity());
        if (e == null || !"PLACE".equals(e.type()) || e.country() == null || Lexicon.isCountry(e.key())) continue;
        if (m.sentence() < 0 || m.sentence() >= a.sentences().size() || past.contains(m.sentence())) continue;
        if (!locative(a, m)) continue;
        Sentence s = a.sentences().get(m.sentence());
        if (!usable.test(s)) continue;
        byCountry.computeIfAbsent(e.country(), k -> new LinkedHashMap<>())
            .computeIfAbsent(e.key(), k -> new ArrayList<>()).add(new Stated(a, s, e.name()));
      }
    }
    List<Difference> out = new ArrayList<>();
    for (Map<String, List<Stated>> cities : byCountry.values()) {
      Difference d = difference("place", cities);
      if (d != null) out.add(d);
    }
    return out;
  }

  /** Whether the word before the mention is a preposition of place in the article's language (any word when none is known). */
  private static boolean locative(Annotated a, Mention m) {
    Set<String> words = LOCATIVE.get(a.language());
    if (words == null) return true;
    String text = a.article().text();
    int end = m.start();
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) end--;
    int start = end;
    while (start > 0 && Character.isLetter(text.charAt(start - 1))) start--;
    return start < end && words.contains(text.substring(start, end).toLowerCase(Locale.ROOT));
  }

  // ---- number of …

  private static List<Difference> counts(List<Annotated> articles, Usable usable) {
    Map<String, List<Stated>> statements = new LinkedHashMap<>();
    Map<String, List<Double>> values = new HashMap<>();
    Map<String, String> slotNames = new HashMap<>();
    for (Annotated a : articles) {
      Set<Integer> past = pastSentences(a);
      for (Quantity q : a.quantities()) {
        if (q.counts().isBlank() || q.sentence() < 0 || q.sentence() >= a.sentences().size() || past.contains(q.sentence())) {
          continue;
        }
        Sentence s = a.sentences().get(q.sentence());
        if (!usable.test(s)) continue;
        String slot = slot(a, q);
        if (slot.isEmpty()) continue;
        slotNames.putIfAbsent(slot, q.counts());
        statements.computeIfAbsent(slot, k -> new ArrayList<>()).add(new Stated(a, s, q.text()));
        values.computeIfAbsent(slot, k -> new ArrayList<>()).add(q.value());
      }
    }
    List<Difference> out = new ArrayList<>();
    for (Map.Entry<String, List<Stated>> e : statements.entrySet()) {
      // values within rounding of the first statement of a figure are that figure
      Map<String, List<Stated>> byFigure = new LinkedHashMap<>();
      List<Double> figures = new ArrayList<>();
      List<Double> v = values.get(e.getKey());
      for (int i = 0; i < v.size(); i++) {
        int figure = -1;
        for (int f = 0; f < figures.size() && figure < 0; f++) {
          if (Math.abs(figures.get(f) - v.get(i)) <= ROUNDING * Math.max(Math.abs(figures.get(f)), Math.abs(v.get(i)))) {
            figure = f;
          }
        }
        if (figure < 0) {
          figures.add(v.get(i));
          figure = figures.size() - 1;
        }
        byFigure.computeIfAbsent(Integer.toString(figure), k -> new ArrayList<>()).add(e.getValue().get(i));
      }
      Difference d = difference("number of " + slotNames.get(e.getKey()), byFigure);
      if (d != null) out.add(d);
    }
    return out;
  }

  /**
   * What an amount counts, reduced to its head noun (the last word in Germanic languages, the first
   * in Romance ones) plus, in English, what happened to it when the next words say so; empty for an
   * amount of money or a share.
   */
  private static String slot(Annotated a, Quantity q) {
    if (!q.unit().isEmpty()) return "";
    String[] words = q.counts().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    List<String> kept = new ArrayList<>();
    for (String w : words) if (!w.isEmpty()) kept.add(w);
    if (kept.isEmpty()) return "";
    String outcome = "";
    if ("en".equals(a.language())) {
      while (kept.size() > 1 && OUTCOMES.contains(kept.get(kept.size() - 1))) {
        outcome = kept.remove(kept.size() - 1);
      }
      if (outcome.isEmpty()) outcome = outcomeAround(a.article().text(), q.start(), q.end());
    }
    boolean romance = Set.of("fr", "es", "it", "pt", "ro", "ca").contains(a.language());
    String head = romance ? kept.get(0) : kept.get(kept.size() - 1);
    if (head.length() > 3 && head.endsWith("s") && !head.endsWith("ss")) head = head.substring(0, head.length() - 1);
    return head + (outcome.isEmpty() ? "" : " " + outcome);
  }

  /**
   * An outcome word among the three words before an amount ({@code killed 15 people}, {@code killed
   * at least 15 people}), else among the three after it ({@code 12 people were killed}).
   */
  private static String outcomeAround(String text, int start, int end) {
    String window = text.substring(Math.max(0, start - 30), start);
    window = window.substring(Math.max(window.lastIndexOf('.'), Math.max(window.lastIndexOf('!'), window.lastIndexOf('?'))) + 1);
    String[] before = window.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
    int seen = 0;
    for (int i = before.length - 1; i >= 0 && seen < 3; i--) {
      if (before[i].isEmpty()) continue;
      if (OUTCOMES.contains(before[i])) return before[i];
      seen++;
    }
    String[] next = text.substring(end, Math.min(text.length(), end + 40)).toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
    seen = 0;
    for (String w : next) {
      if (w.isEmpty()) continue;
      if (OUTCOMES.contains(w)) return w;
      if (++seen == 3) break;
    }
    return "";
  }

  // ---- date

  /**
   * Sentences of different outlets that say the same thing (terms at least {@link ExtractiveBriefer#SAME}
   * alike) on different days; each day a value.
   */
  private static List<Difference> dates(List<Annotated> articles, Usable usable) {
    record Dated(Stated stated, String day, Vectors.Vector vector) {}
    List<Dated> dated = new ArrayList<>();
    for (Annotated a : articles) {
      Set<Integer> past = pastSentences(a);
      Set<Integer> seen = new HashSet<>();
      for (DateMention d : a.dates()) {
        if (!"day".equals(d.granularity()) || d.value().length() != 10) continue;
        if (d.sentence() < 0 || d.sentence() >= a.sentences().size() || past.contains(d.sentence())) continue;
        if (!seen.add(d.sentence())) continue; // a sentence naming two days is a span, not a claim
        Sentence s = a.sentences().get(d.sentence());
        if (!usable.test(s) || s.terms().size() < 4) continue;
        dated.add(new Dated(new Stated(a, s, d.value()), d.value(), Vectors.of(s.terms())));
      }
    }
    List<Difference> out = new ArrayList<>();
    boolean[] used = new boolean[dated.size()];
    for (int i = 0; i < dated.size(); i++) {
      if (used[i]) continue;
      Map<String, List<Stated>> byDay = new LinkedHashMap<>();
      byDay.computeIfAbsent(dated.get(i).day(), k -> new ArrayList<>()).add(dated.get(i).stated());
      List<Integer> members = new ArrayList<>(List.of(i));
      for (int j = i + 1; j < dated.size(); j++) {
        if (used[j] || dated.get(j).stated().outlet().equals(dated.get(i).stated().outlet())) continue;
        if (Vectors.cosine(dated.get(i).vector(), dated.get(j).vector()) >= ExtractiveBriefer.SAME) {
          byDay.computeIfAbsent(dated.get(j).day(), k -> new ArrayList<>()).add(dated.get(j).stated());
          members.add(j);
        }
      }
      Difference d = difference("date", byDay);
      if (d != null) {
        out.add(d);
        for (int m : members) used[m] = true;
      }
    }
    return out;
  }

  // ---- shared

  /**
   * The difference between the values when at least two are stated by outlets that do not state the
   * other; values ordered by how many outlets state them, at most {@link #MAX_CITATIONS} sentences each.
   */
  private static @Nullable Difference difference(String slot, Map<String, List<Stated>> byValue) {
    if (byValue.size() < 2) return null;
    Map<String, Set<String>> outlets = new HashMap<>();
    byValue.forEach((v, stated) -> {
      Set<String> o = new HashSet<>();
      stated.forEach(s -> o.add(s.outlet()));
      outlets.put(v, o);
    });
    List<String> order = new ArrayList<>(byValue.keySet());
    order.sort(Comparator.comparingInt((String v) -> -outlets.get(v).size()));
    List<String> kept = new ArrayList<>();
    for (String v : order) {
      for (String w : order) {
        if (v.equals(w)) continue;
        Set<String> onlyV = new HashSet<>(outlets.get(v));
        onlyV.removeAll(outlets.get(w));
        Set<String> onlyW = new HashSet<>(outlets.get(w));
        onlyW.removeAll(outlets.get(v));
        if (!onlyV.isEmpty() && !onlyW.isEmpty()) {
          kept.add(v);
          break;
        }
      }
    }
    if (kept.size() < 2) return null;
    List<Difference.Value> values = new ArrayList<>();
    for (String v : kept) {
      List<Citation> citations = new ArrayList<>();
      Set<String> citedArticles = new HashSet<>();
      for (Stated s : byValue.get(v)) {
        if (citations.size() < MAX_CITATIONS && citedArticles.add(s.article().id())) {
          citations.add(ExtractiveBriefer.cite(s.article(), s.sentence()));
        }
      }
      values.add(new Difference.Value(byValue.get(v).get(0).written(), citations));
    }
    return new Difference(slot, values);
  }

  /** Sentences naming a date that ended more than {@link #PAST_DAYS} days before the article was published. */
  private static Set<Integer> pastSentences(Annotated a) {
    LocalDate published = a.article().publishedTime().map(t -> LocalDate.ofInstant(t, ZoneOffset.UTC)).orElse(null);
    if (published == null) return Set.of();
    Set<Integer> out = new HashSet<>();
    for (DateMention d : a.dates()) {
      LocalDate end = lastDay(d);
      if (end != null && end.isBefore(published.minusDays(PAST_DAYS))) out.add(d.sentence());
    }
    return out;
  }

  /** The last day a date mention covers, or null when it has no value. */
  private static @Nullable LocalDate lastDay(DateMention d) {
    String v = d.value();
    try {
      return switch (d.granularity()) {
        case "day" -> LocalDate.parse(v);
        case "month" -> LocalDate.parse(v + "-01").plusMonths(1).minusDays(1);
        case "year" -> LocalDate.of(Integer.parseInt(v), 12, 31);
        case "week" -> LocalDate.of(Integer.parseInt(v.substring(0, 4)), 6, 1)
            .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Long.parseLong(v.substring(6)))
            .with(java.time.DayOfWeek.SUNDAY);
        default -> null;
      };
    } catch (DateTimeParseException | NumberFormatException | IndexOutOfBoundsException e) {
      return null;
    }
  }
}
