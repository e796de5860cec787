package news.panorama.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The grouping stage, online: each article, in the order it arrives, joins the story it reports or
 * starts a new one. Implementations keep state and are not thread-safe; one instance per stream.
 */
public interface StoryClusterer {
  /**
   * Places one article.
   *
   * @param embedding the article's sentence embedding ({@link Embedder#textOf(Article)}, unit
   *     length), or null when none was computed: grouping then goes by the text's features alone
   */
  StoryAssignment assign(Annotated article, float @Nullable [] embedding);

  /** Places one article without an embedding. */
  default StoryAssignment assign(Annotated article) {
    return assign(article, null);
  }

  /**
   * Adds an article to a story decided earlier (a stored assignment), without deciding anew, so
   * that grouping continues across restarts. Articles are restored in publication order.
   */
  void restore(Annotated article, float @Nullable [] embedding, String storyId);

  /** Restores an article without an embedding. */
  default void restore(Annotated article, String storyId) {
    restore(article, null, storyId);
  }

  /**
   * The articles whose story changed after they were assigned (their story was merged into another,
   * or split), each with its new story id, since the last call; the call clears them. Whoever stores
   * assignments applies these after each {@link #assign}.
   */
  default List<StoryAssignment> moved() {
    return List.of();
  }

  /**
   * Groups articles in the given order and returns each article's final story (after the merges
   * and splits that later articles caused), in arrival order; {@code onEach} runs after each article
   * (progress).
   */
  static Map<String, String> groupAll(StoryClusterer clusterer, Iterable<Annotated> articles, Runnable onEach) {
    return groupAll(clusterer, articles, null, onEach);
  }

  /**
   * As {@link #groupAll(StoryClusterer, Iterable, Runnable)}, with each article's embedding at the
   * same position in {@code embeddings} (null: none).
   */
  static Map<String, String> groupAll(StoryClusterer clusterer, Iterable<Annotated> articles,
      @Nullable List<float[]> embeddings, Runnable onEach) {
    Map<String, String> storyOf = new LinkedHashMap<>();
    int i = 0;
    for (Annotated a : articles) {
      StoryAssignment s = clusterer.assign(a, embeddings == null ? null : embeddings.get(i++));
      storyOf.put(s.articleId(), s.storyId());
      for (StoryAssignment m : clusterer.moved()) storyOf.put(m.articleId(), m.storyId());
      onEach.run();
    }
    return storyOf;
  }
}
