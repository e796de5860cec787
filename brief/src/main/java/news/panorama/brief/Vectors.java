package news.panorama.brief;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Bag-of-terms vectors and their cosine. Stateless. */
final class Vectors {
  private Vectors() {}

  static Map<String, Double> of(List<String> terms) {
    Map<String, Double> v = new HashMap<>();
    for (String t : terms) v.merge(t, 1.0, Double::sum);
    return v;
  }

  static double cosine(Map<String, Double> a, Map<String, Double> b) {
    if (a.isEmpty() || b.isEmpty()) return 0;
    Map<String, Double> small = a.size() <= b.size() ? a : b;
    Map<String, Double> large = small == a ? b : a;
    double dot = 0;
    for (Map.Entry<String, Double> e : small.entrySet()) {
      Double w = large.get(e.getKey());
      if (w != null) dot += e.getValue() * w;
    }
    return dot == 0 ? 0 : dot / (norm(a) * norm(b));
  }

  private static double norm(Map<String, Double> v) {
    double s = 0;
    for (double x : v.values()) s += x * x;
    return Math.sqrt(s);
  }
}
