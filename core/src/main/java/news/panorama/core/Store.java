package news.panorama.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The storage stage: keeps articles, their annotations, stories and briefings, and answers what the
 * server shows. Saving is idempotent: an article is identified by its id or its URL, and its content
 * by {@link Article#contentHash()}; the same input saved again changes nothing, and an edited one
 * becomes a new revision of the stored article (its earlier content kept, see {@link #revisions}),
 * never a duplicate. Implementations are safe to share across threads.
 */
public interface Store extends AutoCloseable {
  /**
   * Stores an analyzed article, its story and its embedding (null when it has none).
   *
   * <p>An article not stored yet (neither its id nor its non-empty URL is) is added to the story of
   * the assignment: {@link Saved#NEW}. One stored with the same content hash is left as it is:
   * {@link Saved#UNCHANGED}. One stored with other content is revised: the stored content is kept as
   * its latest {@link ArticleRevision}, and the new content, annotations and embedding replace it
   * under the stored id and URL, in the story it is stored in (the assignment's story is then not
   * used), at a new position of the insertion order; the story is refreshed and due for a briefing:
   * {@link Saved#REVISED}.
   *
   * @throws IllegalArgumentException naming the article and the reason when it cannot be stored
   *     (an over-long id or URL, text that is not valid Unicode)
   */
  Saved save(Annotated article, StoryAssignment assignment, @Nullable Embedding embedding);

  /** Stores an analyzed article and its story, without an embedding; see {@link #save(Annotated, StoryAssignment, Embedding)}. */
  default Saved save(Annotated article, StoryAssignment assignment) {
    return save(article, assignment, null);
  }

  /** What {@link #save} did. */
  enum Saved {
    /** The article was not stored before: it is now. */
    NEW,
    /** The article is stored with the same content: nothing changed. */
    UNCHANGED,
    /** The article is stored with other content: that became a revision and the new content replaced it. */
    REVISED
  }

  /**
   * The stored article with this id or, when none has it, with this non-empty URL: the id it is
   * stored under, its story and the hash of its stored content.
   */
  Optional<Known> find(String id, String url);

  /** Whether an article with this id, or with this non-empty URL, is stored. */
  default boolean contains(String id, String url) {
    return find(id, url).isPresent();
  }

  /** The earlier contents of a stored article, oldest first; empty when it was never revised. */
  List<ArticleRevision> revisions(String articleId);

  /**
   * Retention: empties the full text of the articles published before {@code cutoff} (undated ones:
   * stored before it) along with the sentences and the mentions, dates, quotes and amounts found in
   * it, and the text of their earlier revisions. Their title, URL, outlet, country, language, dates,
   * entities, embedding and story stay, as do stories, briefings and their versions. Such articles
   * take a new position in the insertion order, so the search index drops their text too (their
   * title stays searchable). Their stories are not due for a new briefing. Idempotent.
   *
   * @return how many articles lost their text in this call
   */
  long dropTextOlderThan(Instant cutoff);

  /**
   * Moves stored articles to the stories grouping now puts them in (after a merge or a split; see
   * {@link StoryClusterer#moved()}). Both stories are refreshed and due for a briefing; a story left
   * without articles is removed and its id becomes an alias of the story that took them. Moves of
   * articles not stored, or already in their story, are ignored.
   */
  void reassign(List<StoryAssignment> moves);

  /** The story a removed story's articles went to (following merges), if the id was merged away. */
  Optional<String> storyAlias(String storyId);

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

  /** One source's activity; empty when it has no stored article. */
  Optional<SourceActivity> sourceActivity(String source);

  /** A story's articles as listings, in publication order (undated last); cheaper than {@link #annotated}. */
  List<Listing> storyListings(String storyId);

  /** A source's latest articles, newest first (undated last). */
  List<Listing> recentArticles(String source, int limit);

  long articleCount();

  long storyCount();

  @Override
  void close();

  /** How a stored article is known: the id it is stored under, its story and its content hash. */
  record Known(String id, String storyId, String contentHash) {}

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
