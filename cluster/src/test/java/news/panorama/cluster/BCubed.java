package news.panorama.cluster;

import java.util.HashMap;
import java.util.Map;

/** B-cubed precision, recall and F1 of a predicted grouping against a gold one, over the items of both. */
record BCubed(double precision, double recall, double f1, int clusters) {

  static BCubed score(Map<String, String> predicted, Map<String, String> gold) {
    Map<String, Map<String, Integer>> overlap = new HashMap<>();
    Map<String, Integer> predictedSize = new HashMap<>();
    Map<String, Integer> goldSize = new HashMap<>();
    int n = 0;
    for (Map.Entry<String, String> e : predicted.entrySet()) {
      String g = gold.get(e.getKey());
      if (g == null) continue;
      n++;
      predictedSize.merge(e.getValue(), 1, Integer::sum);
      goldSize.merge(g, 1, Integer::sum);
      overlap.computeIfAbsent(e.getValue(), k -> new HashMap<>()).merge(g, 1, Integer::sum);
    }
    double p = 0;
    double r = 0;
    for (Map.Entry<String, Map<String, Integer>> c : overlap.entrySet()) {
      for (Map.Entry<String, Integer> g : c.getValue().entrySet()) {
        int both = g.getValue();
        p += both * (double) both / predictedSize.get(c.getKey());
        r += both * (double) both / goldSize.get(g.getKey());
      }
    }
    p /= n;
    r /= n;
    return new BCubed(p, r, 2 * p * r / (p + r), predictedSize.size());
  }

  @Override
  public String toString() {
    return String.format("B3 P %.3f R %.3f F1 %.3f, %d clusters", precision, recall, f1, clusters);
  }
}
