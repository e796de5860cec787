package news.panorama.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import news.panorama.core.Article;

/**
 * The order in which a corpus is processed as if it were arriving live: by publication time; an
 * undated article keeps its place right after the article before it in the input, so a file with
 * no dates is processed in input order. Stable: ties keep input order.
 */
public final class PublishedOrder {
  private PublishedOrder() {}

  public static List<Article> sort(List<Article> articles) {
    record Keyed(Article article, Instant key, int index) {}
    List<Keyed> keyed = new ArrayList<>(articles.size());
    Instant last = Instant.MIN;
    for (int i = 0; i < articles.size(); i++) {
      Article a = articles.get(i);
      if (a.published() != null) last = a.published();
      keyed.add(new Keyed(a, a.published() != null ? a.published() : last, i));
    }
    keyed.sort(Comparator.comparing(Keyed::key).thenComparingInt(Keyed::index));
    return keyed.stream().map(Keyed::article).toList();
  }
}
