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

  /** Articles in the index. */
  long size();

  @Override
  void close();
}
