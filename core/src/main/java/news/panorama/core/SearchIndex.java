package news.panorama.core;

/**
 * Full-text search over stored articles. The index follows the store: {@link #catchUp} indexes
 * every article the store has added since the index's last commit, so after a crash the index
 * catches up from the database and never holds what the database lost. Thread-safe.
 */
public interface SearchIndex extends AutoCloseable {
  /** Indexes what the store added since the last catch-up, commits, and returns how many articles. */
  long catchUp(Store store);

  SearchResult search(SearchQuery query);

  /** The articles whose text names an entity (by its canonical key, in any language), newest first. */
  SearchResult mentioning(String entityKey, int limit);

  /** Articles in the index. */
  long size();

  @Override
  void close();
}
