package news.panorama.brief;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Bag-of-terms vectors and their cosine. Stateless. */
final class Vectors {
  private Vectors() {}

  /** Term weights with their norm computed once, since one vector meets many others. */
  record Vector(Map<String, Double> weights, double norm) {
    static Vector of(Map<String, Double> weights) {
      double s = 0;
      for (double x : weights.values()) s += x * x;
      return new Vector(weights, Math.sqrt(s));
    }
  }

  static Vector of(List<String> terms) {
    Map<String, Double> v = new HashMap<>();
    for (String t : terms) v.merge(t, 1.0, Double::sum);
    return Vector.of(v);
  }

  static double cosine(Vector a, Vector b) {
    if (a.norm() == 0 || b.norm() == 0) return 0;
    Map<String, Double> small = a.weights().size() <= b.weights().size() ? a.weights() : b.weights();
    Map<String, Double> large = small == a.weights() ? b.weights() : a.weights();
    double dot = 0;
    for (Map.Entry<String, Double> e : small.entrySet()) {
      Double w = large.get(e.getKey());
      if (w != null) dot += e.getValue() * w;
    }
    return dot == 0 ? 0 : dot / (a.norm() * b.norm());
  }
}
