package news.panorama.store;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.ArticleRevision;
import news.panorama.core.Store;
import news.panorama.core.StoryAssignment;

/**
 * Copies everything one store holds into another (for example from the embedded database to
 * PostgreSQL): every article with its annotations, story and earlier revisions, in the source's
 * insertion order, then every story's briefing with its versions. Idempotent: what the target already
 * holds is skipped, so an interrupted copy is finished by running it again.
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
      Article article = added.article().article();
      StoryAssignment assignment = new StoryAssignment(article.id(), added.storyId(), false, 1.0);
      Optional<Store.Known> there = to.find(article.id(), article.url());
      if (there.isPresent() && there.get().contentHash().equals(article.contentHash())) {
        present[0]++;
      } else {
        // the earlier contents first, oldest first, so that the target keeps them as revisions too
        // (their times become those of the copy); after an interrupted copy, those the target lacks
        List<ArticleRevision> history = from.revisions(article.id());
        int next = there.isEmpty() ? 0 : history.size();
        for (int i = 0; i < history.size() && there.isPresent(); i++) {
          if (history.get(i).contentHash().equals(there.get().contentHash())) next = i + 1;
        }
        for (ArticleRevision r : history.subList(next, history.size())) {
          Article earlier = new Article(article.id(), article.url(), article.source(), article.country(), article.language(),
              r.published(), r.title(), r.text(), article.authors(), article.image(), null, article.file(), article.extra());
          to.save(new Annotated(earlier, added.article().language(), List.of(), List.of(), List.of(), List.of()), assignment);
        }
        to.save(added.article(), assignment, added.embedding());
        copied[0]++;
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
