package news.panorama.core;

import java.time.Instant;
import java.util.List;

/**
 * What a reader sees of a story: a headline, a subhead and overview bullets, every bullet citing
 * the source sentences it came from.
 *
 * @param sources the ids of the articles the briefing was written from
 */
public record Briefing(
    String storyId,
    String headline,
    String subhead,
    List<Bullet> overview,
    List<String> sources,
    Instant generated) {

  public Briefing {
    overview = List.copyOf(overview);
    sources = List.copyOf(sources);
  }
}
