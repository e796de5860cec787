package news.panorama.core;

/**
 * The grouping stage's decision for one article.
 *
 * @param created whether this article started a new story
 * @param similarity how close the article was to the story it joined (1.0 for a new story)
 */
public record StoryAssignment(String articleId, String storyId, boolean created, double similarity)
    implements java.io.Serializable {}
