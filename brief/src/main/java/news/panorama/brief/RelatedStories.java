package news.panorama.brief;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import news.panorama.core.Annotated;
import news.panorama.core.Briefing;
import news.panorama.core.Entity;
import news.panorama.core.StorySections.Related;
import org.jspecify.annotations.Nullable;

/**
 * "Other topics of interest": for a story, the recent stories that share its entities and headline
 * words, closest first, each with its headline and a one-line blurb.
 *
 * <p>Each story keeps a profile of at most {@link #PROFILE_SIZE} features — canonical entities
 * (merged across spellings and scripts, so stories in different languages meet) weighted by how many
 * of its articles name them, and title terms — and stories are compared by the cosine of their
 * profiles weighted by inverse story frequency, so that {@code Ukraine} links less than
 * {@code Rustem Umerov}. Candidates come from an inverted index over the features; only the
 * {@link #CAPACITY} most recently updated stories are kept, so memory stays bounded as the archive
 * grows. Thread-safe.
 */
public final class RelatedStories {
  public static final int CAPACITY = 20_000;
  static final int PROFILE_SIZE = 24;
  /** Related stories must be at least this close. */
  static final double MIN_SCORE = 0.15;
  /** Features in more than this share of stories do not bring candidates (they still score). */
  private static final double COMMON = 0.05;
  private static final int MIN_COMMON = 20;
  private static final int BLURB_CHARS = 220;

  private final int capacity;
  private final Function<String, Optional<Related>> describer;
  /** Story → profile (feature → weight), least recently updated first. */
  private final LinkedHashMap<String, Map<String, Double>> profiles = new LinkedHashMap<>();
  private final Map<String, Related> descriptions = new HashMap<>();
  private final Map<String, Set<String>> postings = new HashMap<>();

  /**
   * @param describer the headline and blurb of a story this index has not been told, for instance
   *     read from its stored briefing (empty when it has none)
   */
  public RelatedStories(int capacity, Function<String, Optional<Related>> describer) {
    this.capacity = capacity;
    this.describer = describer;
  }

  public RelatedStories() {
    this(CAPACITY, id -> Optional.empty());
  }

  /** Adds one article to a story's profile (replaying stored stories). */
  public synchronized void add(String storyId, Annotated article) {
    Map<String, Double> profile = new HashMap<>(profiles.getOrDefault(storyId, Map.of()));
    features(article).forEach((f, w) -> profile.merge(f, w, Double::sum));
    put(storyId, profile);
  }

  /**
   * Replaces a story's profile with one of its whole article list and its briefing's headline; no
   * articles (the story was merged into another) forgets it.
   */
  public synchronized void update(String storyId, List<Annotated> articles, @Nullable Briefing briefing) {
    if (articles.isEmpty() || briefing == null) {
      removeProfile(storyId);
      descriptions.remove(storyId);
      return;
    }
    Map<String, Double> profile = new HashMap<>();
    for (Annotated a : articles) features(a).forEach((f, w) -> profile.merge(f, w, Double::sum));
    put(storyId, profile);
    descriptions.put(storyId, describe(briefing));
  }

  /** The headline and one-line blurb (subhead, else first bullet, cut at a word) of a briefing. */
  public static Related describe(Briefing b) {
    String blurb = !b.subhead().isBlank() ? b.subhead() : b.overview().isEmpty() ? "" : b.overview().get(0).text();
    blurb = blurb.strip().replaceAll("\\s+", " ");
    if (blurb.length() > BLURB_CHARS) {
      int cut = blurb.lastIndexOf(' ', BLURB_CHARS);
      blurb = blurb.substring(0, cut > 0 ? cut : BLURB_CHARS) + "…";
    }
    return new Related(b.storyId(), b.headline(), blurb);
  }

  /** Up to {@code limit} related stories, closest first; none when the story is unknown. */
  public synchronized List<Related> of(String storyId, int limit) {
    Map<String, Double> mine = profiles.get(storyId);
    if (mine == null) return List.of();
    int n = profiles.size();
    Map<String, Double> scores = new HashMap<>();
    for (String f : mine.keySet()) {
      Set<String> with = postings.get(f);
      if (with == null || with.size() > Math.max(MIN_COMMON, COMMON * n)) continue;
      for (String other : with) if (!other.equals(storyId)) scores.put(other, 0.0);
    }
    List<String> ranked = new ArrayList<>();
    Map<String, Double> mineWeighted = weighted(mine, n);
    double mineNorm = norm(mineWeighted);
    for (String other : scores.keySet()) {
      Map<String, Double> theirs = weighted(profiles.get(other), n);
      double dot = 0;
      for (Map.Entry<String, Double> e : mineWeighted.entrySet()) {
        Double w = theirs.get(e.getKey());
        if (w != null) dot += e.getValue() * w;
      }
      double score = dot / (mineNorm * norm(theirs));
      if (score >= MIN_SCORE) {
        scores.put(other, score);
        ranked.add(other);
      }
    }
    ranked.sort(Comparator.comparingDouble((String s) -> -scores.get(s)).thenComparing(s -> s));
    List<Related> out = new ArrayList<>();
    for (String other : ranked) {
      if (out.size() == limit) break;
      Related r = descriptions.computeIfAbsent(other, id -> describer.apply(id).orElse(null));
      if (r != null && !r.headline().isBlank()) out.add(new Related(other, r.headline(), r.blurb()));
    }
    return out;
  }

  public synchronized int size() {
    return profiles.size();
  }

  /** Entities by mentions (at most three per article) and title terms, once per article. */
  private static Map<String, Double> features(Annotated a) {
    Map<String, Double> out = new HashMap<>();
    for (Entity e : a.entities()) out.merge("e:" + e.key(), (double) Math.min(3, e.count()), Double::sum);
    for (String t : new HashSet<>(a.titleTerms())) out.merge("t:" + t, 1.0, Double::sum);
    return out;
  }

  private void put(String storyId, Map<String, Double> profile) {
    removeProfile(storyId);
    Map<String, Double> top = new HashMap<>();
    profile.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(PROFILE_SIZE).forEach(e -> top.put(e.getKey(), e.getValue()));
    profiles.put(storyId, top);
    for (String f : top.keySet()) postings.computeIfAbsent(f, k -> new HashSet<>()).add(storyId);
    while (profiles.size() > capacity) {
      String oldest = profiles.keySet().iterator().next();
      removeProfile(oldest);
      descriptions.remove(oldest);
    }
  }

  private void removeProfile(String storyId) {
    Map<String, Double> old = profiles.remove(storyId);
    if (old == null) return;
    for (String f : old.keySet()) {
      Set<String> with = postings.get(f);
      if (with != null && with.remove(storyId) && with.isEmpty()) postings.remove(f);
    }
  }

  /** Profile weights, damped, times the features' smoothed inverse story frequency. */
  private Map<String, Double> weighted(Map<String, Double> profile, int n) {
    Map<String, Double> out = new HashMap<>(profile.size());
    profile.forEach((f, w) -> {
      int df = postings.getOrDefault(f, Set.of()).size();
      out.put(f, (1 + Math.log(w)) * (1 + Math.log((1.0 + n) / (1.0 + df))));
    });
    return out;
  }

  private static double norm(Map<String, Double> v) {
    double s = 0;
    for (double x : v.values()) s += x * x;
    return s == 0 ? 1 : Math.sqrt(s);
  }
}
