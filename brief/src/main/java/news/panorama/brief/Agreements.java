package news.panorama.brief;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.panorama.core.Annotated;
import news.panorama.core.Citation;
import news.panorama.core.Sentence;
import news.panorama.core.StorySections.Agreement;

/**
 * Where sources agree: facts that several outlets state, each shown in the words of the outlet that
 * says it most plainly (the shortest of the agreeing sentences that does not open with a pronoun,
 * cited first) with a sentence of every other outlet that says the same.
 *
 * <p>Two sentences say the same when the cosine of their term vectors is at least
 * {@link ExtractiveBriefer#SAME}; outlets are told apart by their source name, so two articles of one
 * outlet do not make an agreement. To stay fast on large stories only the {@link #SEEDS} sentences
 * whose terms the most outlets use are tried as the core of an agreement; each is compared with every
 * usable sentence, so the work is linear in the story's sentences. Stateless.
 */
final class Agreements {
  static final int MAX = 5;
  static final int SEEDS = 80;
  private static final int MAX_CITATIONS = 5;

  private Agreements() {}

  /** A usable sentence with its term vector. */
  private record Candidate(Annotated article, Sentence sentence, Vectors.Vector vector) {
    String outlet() {
      return Sections.outlet(article);
    }
  }

  static List<Agreement> of(List<Annotated> articles, Usable usable) {
    List<Candidate> candidates = new ArrayList<>();
    for (Annotated a : articles) {
      for (Sentence s : a.sentences()) {
        if (s.terms().size() >= 3 && usable.test(s)) candidates.add(new Candidate(a, s, Vectors.of(s.terms())));
      }
    }
    // an inverted index (term → sentences using it, with the weight) makes each seed's dot products
    // one pass over the postings of its own terms instead of a cosine with every sentence
    record Posting(int sentence, double weight) {}
    Map<String, List<Posting>> postings = new HashMap<>();
    Map<String, Set<String>> outletsUsing = new HashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      for (Map.Entry<String, Double> e : c.vector().weights().entrySet()) {
        postings.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new Posting(i, e.getValue()));
        outletsUsing.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(c.outlet());
      }
    }
    double[] centrality = new double[candidates.size()];
    Integer[] order = new Integer[candidates.size()];
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      double sum = 0;
      for (String t : c.vector().weights().keySet()) sum += outletsUsing.get(t).size();
      centrality[i] = sum / c.vector().weights().size();
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -centrality[i]).thenComparingInt(i -> i));

    record Group(int core, List<Candidate> members) {}
    List<Group> groups = new ArrayList<>();
    double[] dots = new double[candidates.size()];
    for (int k = 0; k < Math.min(SEEDS, order.length); k++) {
      int seedIndex = order[k];
      Candidate seed = candidates.get(seedIndex);
      List<Integer> touched = new ArrayList<>();
      for (Map.Entry<String, Double> e : seed.vector().weights().entrySet()) {
        for (Posting p : postings.get(e.getKey())) {
          if (dots[p.sentence()] == 0) touched.add(p.sentence());
          dots[p.sentence()] += e.getValue() * p.weight();
        }
      }
      Map<String, Candidate> bestPerOutlet = new LinkedHashMap<>();
      Map<String, Double> bestSimilarity = new HashMap<>();
      bestPerOutlet.put(seed.outlet(), seed);
      for (int i : touched) {
        Candidate c = candidates.get(i);
        double sim = dots[i] / (seed.vector().norm() * c.vector().norm());
        dots[i] = 0;
        if (c.outlet().equals(seed.outlet())) continue;
        if (sim >= ExtractiveBriefer.SAME && sim > bestSimilarity.getOrDefault(c.outlet(), 0.0)) {
          bestSimilarity.put(c.outlet(), sim);
          bestPerOutlet.put(c.outlet(), c);
        }
      }
      if (bestPerOutlet.size() >= 2) groups.add(new Group(seedIndex, new ArrayList<>(bestPerOutlet.values())));
    }
    groups.sort(Comparator.comparingInt((Group g) -> -g.members().size())
        .thenComparingDouble(g -> -centrality[g.core()]));

    List<Agreement> out = new ArrayList<>();
    List<Candidate> said = new ArrayList<>();
    for (Group g : groups) {
      if (out.size() == MAX) break;
      Candidate core = candidates.get(g.core());
      boolean repeats = false;
      for (Candidate s : said) repeats |= Vectors.cosine(s.vector(), core.vector()) >= ExtractiveBriefer.SAME;
      if (repeats) continue;
      Candidate shown = plainest(g.members());
      if (shown == null) continue; // every wording leans on a sentence before it ("It just means…")
      List<Citation> citations = new ArrayList<>();
      citations.add(ExtractiveBriefer.cite(shown.article(), shown.sentence()));
      for (Candidate m : g.members()) {
        if (m != shown && citations.size() < MAX_CITATIONS) citations.add(ExtractiveBriefer.cite(m.article(), m.sentence()));
      }
      said.add(core);
      out.add(new Agreement(shown.sentence().text().strip(), citations));
    }
    return out;
  }

  /**
   * The shortest member sentence that does not open with a pronoun: the plainest wording of what
   * they all say that reads alone; null when none does.
   */
  private static @org.jspecify.annotations.Nullable Candidate plainest(List<Candidate> members) {
    Candidate best = null;
    for (Candidate m : members) {
      if (Anaphora.opensWithPronoun(m.sentence().text(), m.article().language())) continue;
      if (best == null || m.sentence().text().length() < best.sentence().text().length()) best = m;
    }
    return best;
  }
}
