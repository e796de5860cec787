package news.panorama.cluster;

import java.util.HashMap;
import java.util.Map;
import news.panorama.core.Annotated;
import news.panorama.core.Entity;
import news.panorama.core.Sentence;

/**
 * What the clusterer compares of an article: a bag of its title terms (weighted up), body terms and
 * entity keys (weighted up, prefixed {@code e:} so a name and a word never collide), with sublinear
 * term frequency. Stateless.
 */
final class ArticleFeatures {
  static final double TITLE_WEIGHT = 3;
  static final double ENTITY_WEIGHT = 2;

  private ArticleFeatures() {}

  static Map<String, Double> of(Annotated article) {
    Map<String, Double> counts = new HashMap<>();
    for (String t : article.titleTerms()) counts.merge(t, TITLE_WEIGHT, Double::sum);
    for (Sentence s : article.sentences()) {
      for (String t : s.terms()) counts.merge(t, 1.0, Double::sum);
    }
    for (Entity e : article.entities()) {
      counts.merge("e:" + e.key(), ENTITY_WEIGHT * e.count(), Double::sum);
    }
    Map<String, Double> weights = new HashMap<>(counts.size() * 2);
    counts.forEach((term, c) -> weights.put(term, 1 + Math.log(c)));
    return weights;
  }
}
