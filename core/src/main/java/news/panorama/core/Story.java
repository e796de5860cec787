package news.panorama.core;

import java.time.Instant;
import java.util.List;

/**
 * A story as stored and served: the articles grouped into it and the breadth of its coverage.
 *
 * @param first the earliest publication time of its articles
 * @param last the latest publication time of its articles
 */
public record Story(
    String id,
    String headline,
    Instant first,
    Instant last,
    int articleCount,
    List<String> sources,
    List<String> countries,
    List<String> languages) {

  public Story {
    sources = List.copyOf(sources);
    countries = List.copyOf(countries);
    languages = List.copyOf(languages);
  }
}
