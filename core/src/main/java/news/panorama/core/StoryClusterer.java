package news.panorama.core;

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
}
