package news.panorama.brief;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import news.panorama.core.Annotated;
import news.panorama.core.Briefer;
import news.panorama.core.Briefing;
import news.panorama.core.Bullet;
import news.panorama.core.Citation;
import news.panorama.core.DateMention;
import news.panorama.core.Sentence;
import news.panorama.core.Validate;
import org.jspecify.annotations.Nullable;

/**
 * Writes a briefing from the story's own sentences: the most central title as headline, the most
 * central lead as subhead, and 3–6 overview bullets, most central first. Every bullet cites its
 * sentence and the sentences of other articles that say the same, so agreement shows, and passes the
 * {@link Faithfulness} check (its numbers and names occur in what it cites) or is not shown.
 *
 * <p>The bullets are picked greedily within the word budget, each time the sentence that adds the
 * most per word (cost-scaled greedy, Lin and Bilmes 2010) of:
 *
 * <ul>
 *   <li>coverage: the worth of the story's {@link Concepts} (term pairs many outlets use, the more
 *       outlets the more each is worth) that no chosen bullet covers yet, so a bullet that repeats
 *       earns little;
 *   <li>centrality: closeness to the story's centroid of terms;
 *   <li>both scaled by position, since news puts the main facts first (an article's lead is worth
 *       more than its tenth sentence), and a little more for an outlet not yet cited.
 * </ul>
 *
 * Each sentence is shown {@link Trimmer trimmed} of its dateline and past weekdays, so the budget
 * buys facts; its citation quotes the whole sentence.
 *
 * <p>Stateless and safe to share. Work is near-linear in the story's usable sentences: one pass to
 * weigh concepts, one to score each sentence, then a lazy greedy that rescores only the sentences
 * that reach the top of its queue (gains only shrink as bullets are added); a story of 200 articles
 * and 5,000 sentences briefs in a fraction of a second.
 */
public final class ExtractiveBriefer implements Briefer {
  static final int MAX_BULLETS = 6;
  /**
   * Weight of centrality (a cosine) beside concept coverage, which is divided by the best single
   * sentence's so that both run from 0 to 1.
   */
  private static final double CENTRALITY_WEIGHT = 3;
  /**
   * Exponent of the word count dividing a sentence's gain: below 1, so that a long sentence is not
   * passed over for short ones, which would leave the budget unspent at six bullets.
   */
  private static final double LENGTH_EXPONENT = 0.5;
  /** A sentence's gain is scaled by (1 + its index in the article) to the minus this. */
  private static final double POSITION_DECAY = 0.5;
  /** Relative gain for a sentence from an outlet no bullet cites yet. */
  private static final double NEW_SOURCE_BONUS = 0.1;
  /**
   * A bullet must be at least this share as close to the story as the closest candidate: it keeps
   * out sentences that only fill the word budget, such as an app's pitch beside an article
   * (0.17 of the top on the seed sample, where every fact is above 0.8).
   */
  static final double MIN_RELATIVE_CENTRALITY = 0.35;
  /** Sentences at least this similar to a chosen one say the same thing: skipped, or cited as agreeing. */
  static final double SAME = 0.5;
  private static final int MAX_AGREEING = 4;

  private final Clock clock;

  public ExtractiveBriefer(Clock clock) {
    this.clock = clock;
  }

  /** A briefer stamping briefings with the system clock in UTC. */
  public ExtractiveBriefer() {
    this(Clock.systemUTC());
  }

  /**
   * A usable sentence of one article: the text a bullet shows (trimmed), its term vector and
   * concepts (of that text), its length in words and its closeness to the story.
   */
  private record Candidate(Annotated article, Sentence sentence, String text, Vectors.Vector vector, int words,
      int[] concepts, double centrality) {}

  @Override
  public Briefing brief(String storyId, List<Annotated> articles, int maxWords) {
    Validate.notBlank(storyId, "story id");
    Validate.isTrue(!articles.isEmpty(), "story '" + storyId + "' has no articles to brief");
    Validate.isTrue(maxWords > 0, "maxWords must be positive, got " + maxWords);

    Vectors.Vector centroid = Vectors.Vector.of(centroid(articles));
    Concepts concepts = Concepts.of(articles);
    Annotated headlineArticle = mostCentralTitle(articles);
    String headline = Headlines.of(headlineArticle);
    Vectors.Vector headlineVector = Vectors.of(headlineArticle.titleTerms());

    Usable usable = new Usable();
    List<Candidate> candidates = new ArrayList<>();
    for (Annotated a : articles) {
      // A title that is itself a sentence was taken from the lead (wire copy, feeds without a
      // headline): that lead is the article's main fact, not a headline to avoid repeating.
      Vectors.Vector ownTitle = NoiseFilter.usable(a.article().title())
          ? Vectors.of(List.of()) : Vectors.of(a.titleTerms());
      Set<Integer> pastDays = pastDays(a);
      for (Sentence s : a.sentences()) {
        if (!usable.test(s) || s.terms().isEmpty()) continue;
        int lead = s.start() + (s.text().length() - s.text().stripLeading().length());
        Trimmer.Trimmed t = Trimmer.trim(s.text(), a.language(), at -> pastDays.contains(lead + at));
        List<String> terms = Trimmer.remaining(s.terms(), t.removed());
        if (terms.isEmpty()) continue;
        Vectors.Vector v = Vectors.of(terms);
        if (Vectors.cosine(v, headlineVector) >= 0.8 || Vectors.cosine(v, ownTitle) >= 0.8) continue;
        candidates.add(new Candidate(a, s, t.text(), v, NoiseFilter.words(t.text()), concepts.in(terms),
            Vectors.cosine(v, centroid)));
      }
    }
    if (headline.isBlank()) {
      headline = candidates.isEmpty() ? storyId : candidates.get(0).sentence().text();
    }

    Set<String> used = new LinkedHashSet<>();
    used.add(headlineArticle.id());
    Candidate subhead = subhead(candidates, headline, used);
    List<Bullet> bullets = select(candidates, concepts, maxWords, used, subhead);

    List<String> sources = new ArrayList<>();
    for (Annotated a : articles) {
      if (used.contains(a.id()) && !sources.contains(a.id())) sources.add(a.id());
    }
    String subheadText = subhead == null ? "" : subhead.text();
    return new Briefing(storyId, headline, subheadText, bullets, sources, clock.instant(), Sections.of(articles, bullets, usable));
  }

  /** Where the article names a day (its offset in the text) that is not after the article's own day. */
  private static Set<Integer> pastDays(Annotated a) {
    Set<Integer> out = new HashSet<>();
    LocalDate published = a.article().publishedTime().map(t -> LocalDate.ofInstant(t, ZoneOffset.UTC)).orElse(null);
    if (published == null) return out;
    for (DateMention d : a.dates()) {
      if (!d.granularity().equals("day")) continue;
      try {
        if (!LocalDate.parse(d.value()).isAfter(published)) out.add(d.start());
      } catch (DateTimeParseException e) {
        // unresolved ("" without a publication time): not known to be past
      }
    }
    return out;
  }

  /** Terms weighted by how many of the story's articles use them, then by how often. */
  static Map<String, Double> centroid(List<Annotated> articles) {
    Map<String, Double> df = new HashMap<>();
    Map<String, Double> tf = new HashMap<>();
    for (Annotated a : articles) {
      Set<String> seen = new HashSet<>(a.titleTerms());
      for (String t : a.titleTerms()) tf.merge(t, 1.0, Double::sum);
      for (Sentence s : a.sentences()) {
        for (String t : s.terms()) {
          tf.merge(t, 1.0, Double::sum);
          seen.add(t);
        }
      }
      for (String t : seen) df.merge(t, 1.0, Double::sum);
    }
    Map<String, Double> out = new HashMap<>();
    tf.forEach((t, n) -> out.put(t, df.get(t) * (1 + Math.log(n))));
    return out;
  }

  private static Annotated mostCentralTitle(List<Annotated> articles) {
    Map<String, Double> titles = new HashMap<>();
    for (Annotated a : articles) {
      for (String t : new HashSet<>(a.titleTerms())) titles.merge(t, 1.0, Double::sum);
    }
    Vectors.Vector titleVector = Vectors.Vector.of(titles);
    Annotated best = articles.get(0);
    double bestScore = -1;
    for (Annotated a : articles) {
      if (a.article().title().isBlank()) continue;
      double score = Vectors.cosine(Vectors.of(a.titleTerms()), titleVector);
      if (score > bestScore + 1e-9) {
        best = a;
        bestScore = score;
      }
    }
    return best;
  }

  /** The most central of the articles' first usable sentences, or null when there is none. */
  private static @Nullable Candidate subhead(List<Candidate> candidates, String headline, Set<String> used) {
    Set<String> leadSeen = new HashSet<>();
    Candidate best = null;
    double bestScore = -1;
    for (Candidate c : candidates) {
      if (!leadSeen.add(c.article().id()) || c.sentence().text().strip().equals(headline)) continue;
      if (c.centrality() > bestScore) {
        best = c;
        bestScore = c.centrality();
      }
    }
    if (best != null) used.add(best.article().id());
    return best;
  }

  /**
   * Picks the bullets (see the class comment) and orders them most central first. No bullet says
   * the same as another or as the subhead; the first may exceed the budget alone, later ones must fit.
   */
  private static List<Bullet> select(List<Candidate> candidates, Concepts concepts, int maxWords, Set<String> used,
      @Nullable Candidate subhead) {
    int n = candidates.size();
    double top = 0;
    double bestCoverage = 0;
    for (Candidate c : candidates) {
      top = Math.max(top, c.centrality());
      bestCoverage = Math.max(bestCoverage, concepts.worth(c.concepts()));
    }
    double floor = MIN_RELATIVE_CENTRALITY * top;
    double coverageScale = bestCoverage > 0 ? bestCoverage : 1;
    boolean[] covered = new boolean[concepts.size()];
    Set<String> cited = new HashSet<>();
    List<Candidate> chosen = new ArrayList<>();
    // a candidate's gain given what is chosen so far
    IntToDoubleFunction gain = i -> {
      Candidate c = candidates.get(i);
      double value = concepts.gain(c.concepts(), covered) / coverageScale + CENTRALITY_WEIGHT * c.centrality();
      double position = Math.pow(1 + c.sentence().index(), -POSITION_DECAY);
      double outlet = cited.contains(c.article().id()) ? 1 : 1 + NEW_SOURCE_BONUS;
      return value * position * outlet / Math.pow(c.words(), LENGTH_EXPONENT);
    };

    // lazy greedy: a queued score is an upper bound, since coverage and the outlet bonus only shrink
    double[] bound = new double[n];
    PriorityQueue<Integer> queue = new PriorityQueue<>((a, b) -> Double.compare(bound[b], bound[a]));
    for (int i = 0; i < n; i++) {
      if (candidates.get(i).centrality() < floor) continue;
      bound[i] = gain.applyAsDouble(i);
      if (bound[i] > 0) queue.add(i);
    }
    List<Bullet> bullets = new ArrayList<>();
    int words = 0;
    while (chosen.size() < MAX_BULLETS && !queue.isEmpty()) {
      int i = queue.poll();
      Candidate c = candidates.get(i);
      if (!chosen.isEmpty() && words + c.words() > maxWords) continue; // the budget only shrinks
      if (repeats(c, chosen) || subhead != null && repeats(c, List.of(subhead))) continue;
      double now = gain.applyAsDouble(i);
      if (!queue.isEmpty() && now < bound[queue.peek()]) {
        bound[i] = now;
        queue.add(i);
        continue;
      }
      Bullet bullet = new Bullet(c.text(), citations(c, candidates));
      if (!Faithfulness.faithful(bullet)) continue;
      chosen.add(c);
      bullets.add(bullet);
      cited.add(c.article().id());
      for (int id : c.concepts()) covered[id] = true;
      words += c.words();
      if (words >= maxWords) break;
    }

    List<Integer> order = new ArrayList<>();
    for (int k = 0; k < chosen.size(); k++) order.add(k);
    order.sort(Comparator.comparingDouble(k -> -chosen.get(k).centrality()));
    inArticleOrder(order, chosen);
    List<Bullet> out = new ArrayList<>();
    for (int k : order) {
      out.add(bullets.get(k));
      for (Citation cite : bullets.get(k).citations()) used.add(cite.articleId());
    }
    return out;
  }

  /**
   * Reorders {@code order} (indices into {@code chosen}, most central first) so that the bullets of one
   * article take the places its bullets hold in the order they stand in its text: a sentence that
   * goes on from an earlier one ("Après la guerre, il lance…", "He said…") comes after it, while
   * the places, and so the other articles' bullets, stay where centrality put them.
   */
  private static void inArticleOrder(List<Integer> order, List<Candidate> chosen) {
    Map<String, List<Integer>> places = new LinkedHashMap<>();
    for (int place = 0; place < order.size(); place++) {
      places.computeIfAbsent(chosen.get(order.get(place)).article().id(), id -> new ArrayList<>()).add(place);
    }
    List<Integer> before = List.copyOf(order);
    for (List<Integer> own : places.values()) {
      List<Integer> bullets = new ArrayList<>();
      for (int place : own) bullets.add(before.get(place));
      bullets.sort(Comparator.comparingInt(k -> chosen.get(k).sentence().index()));
      for (int j = 0; j < own.size(); j++) order.set(own.get(j), bullets.get(j));
    }
  }

  private static boolean repeats(Candidate c, List<Candidate> said) {
    for (Candidate s : said) {
      if (Vectors.cosine(c.vector(), s.vector()) >= SAME) return true;
    }
    return false;
  }

  /** The bullet's own sentence, then the closest sentence of each other article that says the same. */
  private static List<Citation> citations(Candidate bullet, List<Candidate> candidates) {
    List<Citation> out = new ArrayList<>();
    out.add(cite(bullet));
    Map<String, Candidate> bestPerArticle = new HashMap<>();
    Map<String, Double> bestSimilarity = new HashMap<>();
    for (Candidate c : candidates) {
      String id = c.article().id();
      if (id.equals(bullet.article().id())) continue;
      double sim = Vectors.cosine(c.vector(), bullet.vector());
      if (sim >= SAME && sim > bestSimilarity.getOrDefault(id, 0.0)) {
        bestSimilarity.put(id, sim);
        bestPerArticle.put(id, c);
      }
    }
    bestPerArticle.values().stream()
        .sorted((a, b) -> Double.compare(bestSimilarity.get(b.article().id()), bestSimilarity.get(a.article().id())))
        .limit(MAX_AGREEING)
        .forEach(c -> out.add(cite(c)));
    return out;
  }

  private static Citation cite(Candidate c) {
    return cite(c.article(), c.sentence());
  }

  static Citation cite(Annotated article, Sentence s) {
    var a = article.article();
    return new Citation(a.id(), s.index(), a.source(), a.url(), s.text());
  }
}
