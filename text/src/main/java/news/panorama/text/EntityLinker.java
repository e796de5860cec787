package news.panorama.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.panorama.core.Annotated;
import news.panorama.core.Entity;

/**
 * Gives the entities of many articles one canonical id per run, across the spellings, scripts and
 * grammatical cases that single articles cannot reconcile on their own: {@code zelensky} (an article
 * naming only the surname) joins {@code volodymyr zelensky}; {@code redzhep erdogan} (Ukrainian, put
 * in the nominative by {@link SlavicCases}) joins {@code recep tayyip erdogan}; {@code stiv vitkoff} joins
 * {@code steve witkoff}; a case form no rule resolved ({@code peskova}) still joins {@code dmitry peskov}.
 * Two names meet when their last words are one word in different cases (after a rough phonetic
 * skeleton: w/v, y/i) and their first words, when both have one, start alike; a surname alone joins the
 * most mentioned full name it fits. Places, organizations and persons never merge with each other.
 *
 * <p>Not thread-safe; one instance per batch. Cost is quadratic in the number of distinct names that
 * share a last word, linear otherwise.
 */
public final class EntityLinker {
  private final Map<String, Integer> counts = new HashMap<>();
  private final Map<String, String> types = new HashMap<>();

  /** Adds an article's entities to the run. */
  public void add(Annotated article) {
    for (Entity e : article.entities()) {
      counts.merge(e.key(), e.count(), Integer::sum);
      types.merge(e.key(), e.type(), (a, b) -> a.equals(NameFinder.NAME) ? b : a);
    }
  }

  /** The canonical id of every key added, stable for a given input. */
  public Map<String, String> ids() {
    List<String> keys = new ArrayList<>(counts.keySet());
    keys.sort(Comparator.<String>comparingInt(k -> k.indexOf(' ') > 0 ? 0 : 1)
        .thenComparing(Comparator.<String>comparingInt(counts::get).reversed())
        .thenComparing(Comparator.naturalOrder()));
    Map<String, List<String>> canonicalByLast = new HashMap<>();
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : keys) {
      String[] words = key.split(" ");
      String last = Folding.skeleton(words[words.length - 1]);
      String match = null;
      for (Map.Entry<String, List<String>> e : canonicalByLast.entrySet()) {
        if (!Folding.sameNameWord(e.getKey(), last)) continue;
        for (String canonical : e.getValue()) {
          if (compatible(key, canonical) && (match == null || counts.get(canonical) > counts.get(match))) {
            match = canonical;
          }
        }
      }
      if (match == null) {
        canonicalByLast.computeIfAbsent(last, k -> new ArrayList<>()).add(key);
        out.put(key, key);
      } else {
        out.put(key, out.get(match));
      }
    }
    return out;
  }

  private boolean compatible(String key, String canonical) {
    String a = types.get(key);
    String b = types.get(canonical);
    if (!a.equals(b) && !a.equals(NameFinder.NAME) && !b.equals(NameFinder.NAME)) return false;
    int ka = key.indexOf(' ');
    int kb = canonical.indexOf(' ');
    if (ka < 0 || kb < 0) return true;
    return Folding.skeleton(key).charAt(0) == Folding.skeleton(canonical).charAt(0);
  }
}
