package news.panorama.core;

/**
 * The grouping stage, online: each article, in the order it arrives, joins the story it reports or
 * starts a new one. Implementations keep state and are not thread-safe; one instance per stream.
 */
public interface StoryClusterer {
  StoryAssignment assign(Annotated article);
}
