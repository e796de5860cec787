package news.panorama.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The storage stage: keeps articles, their annotations, stories and briefings, and answers what the
 * server shows. Saving is idempotent: an article already stored (same id or same URL) is neither
 * lost nor duplicated. Implementations are safe to share across threads.
 */
public interface Store extends AutoCloseable {
  /**
   * Stores an analyzed article, its story and its embedding (null when it has none); false when it
   * was already stored.
   */
  boolean save(Annotated article, StoryAssignment assignment, @Nullable Embedding embedding);

  /** Stores an analyzed article and its story, without an embedding; false when it was already stored. */
  default boolean save(Annotated article, StoryAssignment assignment) {
    return save(article, assignment, null);
  }

  /**
   * Moves stored articles to the stories grouping now puts them in (after a merge or a split; see
   * {@link StoryClusterer#moved()}). Both stories are refreshed and due for a briefing; a story left
   * without articles is removed and its id becomes an alias of the story that took them. Moves of
   * articles not stored, or already in their story, are ignored.
   */
  void reassign(List<StoryAssignment> moves);

  /** The story a removed story's articles went to (following merges), if the id was merged away. */
  Optional<String> storyAlias(String storyId);

  /** Whether an article with this id, or with this non-empty URL, is stored. */
  boolean contains(String id, String url);

  /**
   * Saves a story's briefing; the story is no longer due for one until it gains an article. When
   * the briefing says something else than the last one (headline, subhead, bullets or sources),
   * it is also kept as a new {@link StoryVersion}.
   */
  void saveBriefing(Briefing briefing);

  /** Every version of a story's briefing, oldest first. */
  List<StoryVersion> versions(String storyId);

  /**
   * Stories that gained articles since their briefing was last saved (or that have none), by id.
   * Durable: after a crash between storing articles and briefing their stories, these are the
   * stories to brief.
   */
  List<String> storiesDueForBriefing();

  /** Stories by breadth of coverage, then recency. */
  List<Story> topStories(int limit);

  Optional<Story> story(String id);

  Optional<Briefing> briefing(String storyId);

  Optional<Article> article(String id);

  /** One analyzed article: the article with its sentences, entities, dates and quotes. */
  Optional<Annotated> analyzed(String articleId);

  /** The analyzed articles of a story, in publication order. */
  List<Annotated> annotated(String storyId);

  /** Every stored article with its story, in publication order (undated last), for warm-up. */
  void forEachAssigned(Consumer<Assigned> consumer);

  /**
   * The articles stored after position {@code seq} of the store's insertion order, in that order,
   * for followers such as the search index.
   */
  void forEachAddedSince(long seq, Consumer<Added> consumer);

  /**
   * Who covered what lately: for the articles published at or after {@code since} (undated ones
   * included), one cell per story and country of the outlets, with the number of articles and of
   * distinct sources. What the world map, the country pages and their blindspots are computed from.
   */
  List<CoverageCell> coverage(Instant since);

  /** The latest publication time of any stored article; empty when none is dated. */
  Optional<Instant> latestPublished();

  /** Every source that has stored articles: how many, and when it last published. */
  List<SourceActivity> sourceActivity();

  /** A story's articles as listings, in publication order (undated last); cheaper than {@link #annotated}. */
  List<Listing> storyListings(String storyId);

  /** A source's latest articles, newest first (undated last). */
  List<Listing> recentArticles(String source, int limit);

  long articleCount();

  long storyCount();

  @Override
  void close();

  /** A stored article with the story it belongs to and its embedding, if it has one. */
  record Assigned(Annotated article, String storyId, @Nullable Embedding embedding) {
    public Assigned(Annotated article, String storyId) {
      this(article, storyId, null);
    }
  }

  /** A stored article, its story, its embedding if any, and its position in the store's insertion order. */
  record Added(long seq, Annotated article, String storyId, @Nullable Embedding embedding) {
    public Added(long seq, Annotated article, String storyId) {
      this(seq, article, storyId, null);
    }
  }

  /** A story's articles from one country's outlets among a window's articles, and the latest one's time. */
  record CoverageCell(String storyId, String country, int articles, int sources, @Nullable Instant latest) {}

  /** How much a source has published, and when it last did. */
  record SourceActivity(String source, long articles, @Nullable Instant latest) {}

  /** A stored article's listing: enough to link to it and its story. */
  record Listing(String articleId, String storyId, String title, String source, String country,
      String language, @Nullable Instant published) {}
}
