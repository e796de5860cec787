package news.panorama.core;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a reader sees of a story: a headline, a subhead and overview bullets, every bullet citing
 * the source sentences it came from.
 *
 * @param sources the ids of the articles the briefing was written from
 * @param sections every outlet's take, the timeline and the quotes
 */
public record Briefing(
    String storyId,
    String headline,
    String subhead,
    List<Bullet> overview,
    List<String> sources,
    Instant generated,
    StorySections sections) {

  /** Briefings stored before sections existed read with none. */
  public Briefing(String storyId, String headline, String subhead, List<Bullet> overview, List<String> sources,
      Instant generated, @Nullable StorySections sections) {
    this.storyId = storyId;
    this.headline = headline;
    this.subhead = subhead;
    this.overview = List.copyOf(overview);
    this.sources = List.copyOf(sources);
    this.generated = generated;
    this.sections = sections == null ? StorySections.none() : sections;
  }

  /** A briefing of headline, subhead and overview alone. */
  public Briefing(String storyId, String headline, String subhead, List<Bullet> overview, List<String> sources,
      Instant generated) {
    this(storyId, headline, subhead, overview, sources, generated, StorySections.none());
  }

  /** This briefing with {@code related} as its related stories. */
  public Briefing withRelated(List<StorySections.Related> related) {
    return new Briefing(storyId, headline, subhead, overview, sources, generated, sections.withRelated(related));
  }
}
