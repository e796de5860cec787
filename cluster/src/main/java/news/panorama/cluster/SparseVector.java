package news.panorama.cluster;

import it.unimi.dsi.fastutil.booleans.BooleanList;

/**
 * A sparse vector over numbered features: parallel arrays of feature numbers and weights, in the
 * order grouping cares about (most distinctive feature first). Not copied: whoever builds one hands
 * its arrays over.
 */
final class SparseVector implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  final int[] ids;
  final double[] weights;

  SparseVector(int[] ids, double[] weights) {
    if (ids.length != weights.length) throw new IllegalArgumentException("ids and weights differ in length");
    this.ids = ids;
    this.weights = weights;
  }

  int size() {
    return ids.length;
  }

  double normSquared() {
    double n = 0;
    for (double w : weights) n += w * w;
    return n;
  }

  /** The entries whose feature number is marked in {@code keep}, in the same order. */
  SparseVector only(BooleanList keep) {
    int n = 0;
    for (int id : ids) if (keep.getBoolean(id)) n++;
    int[] i2 = new int[n];
    double[] w2 = new double[n];
    for (int k = 0, j = 0; k < ids.length; k++) {
      if (keep.getBoolean(ids[k])) {
        i2[j] = ids[k];
        w2[j++] = weights[k];
      }
    }
    return new SparseVector(i2, w2);
  }
}
