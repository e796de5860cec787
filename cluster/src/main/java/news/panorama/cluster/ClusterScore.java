package news.panorama.cluster;

import java.util.HashMap;
import java.util.Map;

/**
 * How well a predicted grouping matches a gold one, over the items present in both: B-cubed
 * precision, recall and F1 (per item, averaged), pairwise precision, recall and F1 (over pairs of
 * items put together), and the number of predicted and gold clusters.
 */
public record ClusterScore(
    double precision, double recall, double f1,
    double pairPrecision, double pairRecall, double pairF1,
    int predictedClusters, int goldClusters, int items) {

  public static ClusterScore of(Map<String, String> predicted, Map<String, String> gold) {
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
    if (n == 0) throw new IllegalArgumentException("no predicted item has a gold label");
    double p = 0;
    double r = 0;
    long pairsBoth = 0;
    for (Map.Entry<String, Map<String, Integer>> c : overlap.entrySet()) {
      for (Map.Entry<String, Integer> g : c.getValue().entrySet()) {
        int both = g.getValue();
        p += both * (double) both / predictedSize.get(c.getKey());
        r += both * (double) both / goldSize.get(g.getKey());
        pairsBoth += pairs(both);
      }
    }
    p /= n;
    r /= n;
    long pairsPredicted = predictedSize.values().stream().mapToLong(ClusterScore::pairs).sum();
    long pairsGold = goldSize.values().stream().mapToLong(ClusterScore::pairs).sum();
    double pp = pairsPredicted == 0 ? 1 : pairsBoth / (double) pairsPredicted;
    double pr = pairsGold == 0 ? 1 : pairsBoth / (double) pairsGold;
    return new ClusterScore(p, r, f1(p, r), pp, pr, f1(pp, pr), predictedSize.size(), goldSize.size(), n);
  }

  private static long pairs(int size) {
    return size * (long) (size - 1) / 2;
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  @Override
  public String toString() {
    return String.format("B3 P %.3f R %.3f F1 %.3f | pairwise P %.3f R %.3f F1 %.3f | %d clusters (gold %d), %d items",
        precision, recall, f1, pairPrecision, pairRecall, pairF1, predictedClusters, goldClusters, items);
  }
}
