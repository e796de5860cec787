package news.panorama.brief;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.panorama.core.Annotated;
import news.panorama.core.Briefer;
import news.panorama.core.Briefing;
import news.panorama.core.Bullet;
import news.panorama.core.Citation;
import news.panorama.core.Sentence;
import news.panorama.core.Validate;
import org.jspecify.annotations.Nullable;

/**
 * Writes a briefing from the story's own sentences: the most central title as headline, the most
 * central lead as subhead, and 3–6 overview bullets picked by closeness to the story's centroid with
 * a penalty for repeating what is already said and a bonus for outlets not yet cited. Every bullet
 * cites its sentence and the sentences of other articles that say the same, so agreement shows, and
 * passes the {@link Faithfulness} check (its numbers and names occur in what it cites) or is not shown.
 *
 * <p>Stateless and safe to share; work is quadratic in the story's usable sentences (a few hundred
 * for a story of a dozen articles).
 */
public final class ExtractiveBriefer implements Briefer {
  static final int MAX_BULLETS = 6;
  /** Weight of centrality against redundancy in the selection (maximal marginal relevance). */
  private static final double LAMBDA = 0.7;
  private static final double NEW_SOURCE_BONUS = 0.08;
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

  /** A usable sentence of one article, with its term vector. */
  private record Candidate(Annotated article, Sentence sentence, Vectors.Vector vector, int words) {}

  @Override
  public Briefing brief(String storyId, List<Annotated> articles, int maxWords) {
    Validate.notBlank(storyId, "story id");
    Validate.isTrue(!articles.isEmpty(), "story '" + storyId + "' has no articles to brief");
    Validate.isTrue(maxWords > 0, "maxWords must be positive, got " + maxWords);

    Vectors.Vector centroid = Vectors.Vector.of(centroid(articles));
    Annotated headlineArticle = mostCentralTitle(articles);
    String headline = Headlines.clean(headlineArticle.article().title());
    Vectors.Vector headlineVector = Vectors.of(headlineArticle.titleTerms());

    List<Candidate> candidates = new ArrayList<>();
    for (Annotated a : articles) {
      Vectors.Vector ownTitle = Vectors.of(a.titleTerms());
      for (Sentence s : a.sentences()) {
        if (!NoiseFilter.usable(s.text()) || s.terms().isEmpty()) continue;
        Vectors.Vector v = Vectors.of(s.terms());
        if (Vectors.cosine(v, headlineVector) >= 0.8 || Vectors.cosine(v, ownTitle) >= 0.8) continue;
        candidates.add(new Candidate(a, s, v, NoiseFilter.words(s.text())));
      }
    }
    if (headline.isBlank()) {
      headline = candidates.isEmpty() ? storyId : candidates.get(0).sentence().text();
    }

    Set<String> used = new LinkedHashSet<>();
    used.add(headlineArticle.id());
    Candidate subhead = subhead(candidates, centroid, headline, used);
    List<Bullet> bullets = select(candidates, centroid, maxWords, used,
        subhead == null ? List.of() : List.of(subhead)).stream().filter(Faithfulness::faithful).toList();

    List<String> sources = new ArrayList<>();
    for (Annotated a : articles) {
      if (used.contains(a.id()) && !sources.contains(a.id())) sources.add(a.id());
    }
    String subheadText = subhead == null ? "" : subhead.sentence().text().strip();
    return new Briefing(storyId, headline, subheadText, bullets, sources, clock.instant(), Sections.of(articles));
  }

  /** Terms weighted by how many of the story's articles use them, then by how often. */
  private static Map<String, Double> centroid(List<Annotated> articles) {
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
  private static @Nullable Candidate subhead(List<Candidate> candidates, Vectors.Vector centroid,
      String headline, Set<String> used) {
    Set<String> leadSeen = new HashSet<>();
    Candidate best = null;
    double bestScore = -1;
    for (Candidate c : candidates) {
      if (!leadSeen.add(c.article().id()) || c.sentence().text().strip().equals(headline)) continue;
      double score = Vectors.cosine(c.vector(), centroid);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (best != null) used.add(best.article().id());
    return best;
  }

  /**
   * Picks the bullets by maximal marginal relevance; {@code alreadySaid} (the subhead) counts as
   * said, so no bullet repeats it.
   */
  private static List<Bullet> select(List<Candidate> candidates, Vectors.Vector centroid, int maxWords,
      Set<String> used, List<Candidate> alreadySaid) {
    double[] centrality = new double[candidates.size()];
    for (int i = 0; i < centrality.length; i++) {
      centrality[i] = Vectors.cosine(candidates.get(i).vector(), centroid);
    }
    double top = 0;
    for (double x : centrality) top = Math.max(top, x);
    double floor = MIN_RELATIVE_CENTRALITY * top;
    List<Candidate> chosen = new ArrayList<>();
    Set<String> cited = new HashSet<>();
    boolean[] out = new boolean[candidates.size()];
    int words = 0;
    while (chosen.size() < MAX_BULLETS) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < candidates.size(); i++) {
        if (out[i]) continue;
        Candidate c = candidates.get(i);
        double redundancy = 0;
        for (Candidate s : chosen) redundancy = Math.max(redundancy, Vectors.cosine(c.vector(), s.vector()));
        for (Candidate s : alreadySaid) redundancy = Math.max(redundancy, Vectors.cosine(c.vector(), s.vector()));
        if (redundancy >= SAME || !chosen.isEmpty() && words + c.words() > maxWords
            || centrality[i] < floor) {
          out[i] = true;
          continue;
        }
        double score = LAMBDA * centrality[i] - (1 - LAMBDA) * redundancy
            + (cited.contains(c.article().id()) ? 0 : NEW_SOURCE_BONUS);
        if (score > bestScore) {
          best = i;
          bestScore = score;
        }
      }
      if (best < 0) break;
      Candidate c = candidates.get(best);
      out[best] = true;
      chosen.add(c);
      cited.add(c.article().id());
      words += c.words();
      if (words >= maxWords) break;
    }
    List<Bullet> bullets = new ArrayList<>();
    for (Candidate c : chosen) {
      bullets.add(new Bullet(c.sentence().text().strip(), citations(c, candidates, used)));
    }
    return bullets;
  }

  /** The bullet's own sentence, then the closest sentence of each other article that says the same. */
  private static List<Citation> citations(Candidate bullet, List<Candidate> candidates, Set<String> used) {
    List<Citation> out = new ArrayList<>();
    out.add(cite(bullet));
    used.add(bullet.article().id());
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
        .forEach(c -> {
          out.add(cite(c));
          used.add(c.article().id());
        });
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
