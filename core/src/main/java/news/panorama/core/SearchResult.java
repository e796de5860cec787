package news.panorama.core;

import java.util.List;

/** The hits of a search, best first, and how many articles matched in all. */
public record SearchResult(long total, List<SearchHit> hits) {
  public SearchResult {
    hits = List.copyOf(hits);
  }
}
