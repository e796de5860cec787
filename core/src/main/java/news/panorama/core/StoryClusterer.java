package news.panorama.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grouping stage, online: each article, in the order it arrives, joins the story it reports or
 * starts a new one. Implementations keep state and are not thread-safe; one instance per stream.
 */
public interface StoryClusterer {
  StoryAssignment assign(Annotated article);

  /**
   * Adds an article to a story decided earlier (a stored assignment), without deciding anew, so
   * that grouping continues across restarts. Articles are restored in publication order.
   */
  void restore(Annotated article, String storyId);

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
    Map<String, String> storyOf = new LinkedHashMap<>();
    for (Annotated a : articles) {
      StoryAssignment s = clusterer.assign(a);
      storyOf.put(s.articleId(), s.storyId());
      for (StoryAssignment m : clusterer.moved()) storyOf.put(m.articleId(), m.storyId());
      onEach.run();
    }
    return storyOf;
  }
}
