package news.panorama.core;

import java.util.List;

/**
 * The briefing stage: writes what a reader sees of a story from its articles, every overview
 * sentence citing the source sentences it came from. Stateless and safe to share.
 */
public interface Briefer {
  /**
   * @param articles the story's articles, at least one
   * @param maxWords a cap on the overview's length in words
   */
  Briefing brief(String storyId, List<Annotated> articles, int maxWords);
}
