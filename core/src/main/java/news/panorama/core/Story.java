package news.panorama.core;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A story as stored and served: the articles grouped into it and the breadth of its coverage.
 *
 * @param first the earliest publication time of its articles; null when none is dated
 * @param last the latest publication time of its articles; null when none is dated
 */
public record Story(
    String id,
    String headline,
    @Nullable Instant first,
    @Nullable Instant last,
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
