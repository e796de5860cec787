package news.panorama.server;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import news.panorama.core.Store.CoverageCell;
import org.jspecify.annotations.Nullable;

/**
 * Who covered what in a window of recent articles: the figures behind the top stories, the world
 * map, the country pages and their blindspots. Built from the store's coverage cells (one per story
 * and country of the outlets); immutable, so a server can share one for a few seconds.
 *
 * <p>Articles of outlets whose country is unknown count for a story's breadth but belong to no
 * country.
 */
final class WorldCoverage {
  /** A blindspot is a story covered by the outlets of at least this many other countries. */
  static final int BLINDSPOT_COUNTRIES = 3;
  /** A story is covered mainly here when this share of its articles come from here (and at least two). */
  static final double MAINLY_HERE = 2.0 / 3;
  /** How fast a story's rank fades once its last article is older than the window's end. */
  static final Duration HALF_LIFE = Duration.ofHours(36);

  /** A country's coverage in the window. */
  record CountryTotal(String country, int stories, int articles, int sources) {}

  /** One story's coverage in the window, by country (in descending order of articles). */
  record StoryCoverage(String storyId, Map<String, Integer> byCountry, int articles, int sources,
      @Nullable Instant latest) {
    int countries() {
      return (int) byCountry.keySet().stream().filter(c -> !c.isEmpty()).count();
    }

    int from(String country) {
      return byCountry.getOrDefault(country, 0);
    }
  }

  private final Instant from;
  private final Instant to;
  private final Map<String, CountryTotal> countries;
  private final List<StoryCoverage> stories;

  private WorldCoverage(Instant from, Instant to, Map<String, CountryTotal> countries, List<StoryCoverage> stories) {
    this.from = from;
    this.to = to;
    this.countries = countries;
    this.stories = stories;
  }

  /** Sums the cells of the window {@code [from, to]}. */
  static WorldCoverage of(List<CoverageCell> cells, Instant from, Instant to) {
    Map<String, List<CoverageCell>> byStory = new TreeMap<>();
    Map<String, int[]> totals = new TreeMap<>();
    for (CoverageCell c : cells) {
      byStory.computeIfAbsent(c.storyId(), k -> new ArrayList<>()).add(c);
      if (c.country().isEmpty()) continue;
      int[] t = totals.computeIfAbsent(c.country(), k -> new int[3]);
      t[0]++;
      t[1] += c.articles();
      t[2] += c.sources();
    }
    List<StoryCoverage> stories = new ArrayList<>();
    byStory.forEach((id, list) -> {
      list.sort(Comparator.comparingInt(CoverageCell::articles).reversed().thenComparing(CoverageCell::country));
      Map<String, Integer> byCountry = new LinkedHashMap<>();
      int articles = 0;
      int sources = 0;
      Instant latest = null;
      for (CoverageCell c : list) {
        byCountry.put(c.country(), c.articles());
        articles += c.articles();
        sources += c.sources();
        if (c.latest() != null && (latest == null || c.latest().isAfter(latest))) latest = c.latest();
      }
      stories.add(new StoryCoverage(id, java.util.Collections.unmodifiableMap(byCountry), articles, sources,
          latest));
    });
    Map<String, CountryTotal> countries = new HashMap<>();
    totals.forEach((country, t) -> countries.put(country, new CountryTotal(country, t[0], t[1], t[2])));
    return new WorldCoverage(from, to, Map.copyOf(countries), List.copyOf(stories));
  }

  Instant from() {
    return from;
  }

  Instant to() {
    return to;
  }

  /** Countries with coverage, most articles first. */
  List<CountryTotal> countries() {
    return countries.values().stream()
        .sorted(Comparator.comparingInt(CountryTotal::articles).reversed().thenComparing(CountryTotal::country))
        .toList();
  }

  Optional<CountryTotal> country(String code) {
    return Optional.ofNullable(countries.get(code));
  }

  /**
   * The world's stories now: by breadth (outlets and countries) faded by the age of their latest
   * article, counted back from the window's end.
   */
  List<StoryCoverage> top(int limit) {
    return ranked(stories, this::rank, limit);
  }

  /** The stories this country's outlets covered, most covered here first, then by breadth. */
  List<StoryCoverage> storiesOf(String country, int limit) {
    return ranked(stories.stream().filter(s -> s.from(country) > 0).toList(),
        s -> s.from(country) * 100.0 + rank(s), limit);
  }

  /**
   * Stories that the outlets of at least {@link #BLINDSPOT_COUNTRIES} other countries covered and
   * this country's did not; none when this country's outlets published nothing in the window (then
   * everything would be "missed").
   */
  List<StoryCoverage> blindspots(String country, int limit) {
    if (!countries.containsKey(country)) return List.of();
    return ranked(stories.stream()
        .filter(s -> s.from(country) == 0 && s.countries() >= BLINDSPOT_COUNTRIES).toList(), this::rank, limit);
  }

  /** The reverse: stories at least two thirds of whose articles (and two or more) come from this country's outlets. */
  List<StoryCoverage> mainlyHere(String country, int limit) {
    return ranked(stories.stream()
        .filter(s -> s.from(country) >= 2 && s.from(country) >= MAINLY_HERE * s.articles()).toList(),
        s -> s.from(country) * 100.0 + rank(s), limit);
  }

  private double rank(StoryCoverage s) {
    double breadth = s.sources() + 2.0 * s.countries();
    if (s.latest() == null) return breadth / 2;
    double hours = Math.max(0, Duration.between(s.latest(), to).toMinutes() / 60.0);
    return breadth * Math.pow(0.5, hours / (HALF_LIFE.toMinutes() / 60.0));
  }

  private static List<StoryCoverage> ranked(List<StoryCoverage> list, java.util.function.ToDoubleFunction<StoryCoverage> score,
      int limit) {
    return list.stream()
        .sorted(Comparator.comparingDouble(score).reversed().thenComparing(StoryCoverage::storyId))
        .limit(limit)
        .toList();
  }
}
