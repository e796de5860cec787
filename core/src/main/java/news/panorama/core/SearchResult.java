package news.panorama.core;

import java.util.List;

/**
 * The hits of a search, best first, how many articles matched in all, and how they were matched:
 * a semantic or hybrid query runs by words alone when no embedding model is available, and says so.
 */
public record SearchResult(long total, List<SearchHit> hits, SearchQuery.Mode mode) {
  public SearchResult {
    hits = List.copyOf(hits);
  }

  /** The result of a search by words. */
  public SearchResult(long total, List<SearchHit> hits) {
    this(total, hits, SearchQuery.Mode.KEYWORD);
  }
}
