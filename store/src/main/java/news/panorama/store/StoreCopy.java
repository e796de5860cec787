package news.panorama.store;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.LongConsumer;
import news.panorama.core.Store;
import news.panorama.core.StoryAssignment;

/**
 * Copies everything one store holds into another (for example from the embedded database to
 * PostgreSQL): every article with its annotations and story, in the source's insertion order, then
 * every story's briefing with its versions. Idempotent: what the target already holds is skipped, so an interrupted
 * copy is finished by running it again.
 */
public final class StoreCopy {
  private StoreCopy() {}

  /** What a copy did. */
  public record Report(long articlesCopied, long articlesAlreadyThere, long briefingsCopied) {}

  /** @param progress called once per article handled, with how many so far, for a progress bar */
  public static Report copy(Store from, Store to, LongConsumer progress) {
    long[] copied = {0};
    long[] present = {0};
    Set<String> stories = new LinkedHashSet<>();
    from.forEachAddedSince(0, added -> {
      String id = added.article().id();
      if (to.save(added.article(), new StoryAssignment(id, added.storyId(), false, 1.0), added.embedding())) {
        copied[0]++;
      } else {
        present[0]++;
      }
      stories.add(added.storyId());
      progress.accept(copied[0] + present[0]);
    });
    long briefings = 0;
    for (String story : stories) {
      // every version in order, so the target keeps the story's history; then the current briefing
      for (var version : from.versions(story)) to.saveBriefing(version.briefing());
      var briefing = from.briefing(story);
      if (briefing.isPresent()) {
        to.saveBriefing(briefing.get());
        briefings++;
      }
    }
    return new Report(copied[0], present[0], briefings);
  }
}
