package news.panorama.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A fetched or replayed web page before extraction: raw bytes plus what is known around them.
 *
 * @param url the address the page was fetched from, or empty for a file without one
 * @param headers HTTP response headers, lower-case names (empty for files)
 * @param file the file it was read from, when replayed
 * @param source the catalog outlet it came from, when known
 * @param feedTitle the title the outlet's feed gave the item, a hint for extraction
 * @param feedPublished the date the outlet's feed gave the item, a hint for extraction
 */
public record Page(
    String url,
    byte[] body,
    Map<String, List<String>> headers,
    @Nullable String file,
    @Nullable Source source,
    @Nullable String feedTitle,
    @Nullable Instant feedPublished) {

  public Page {
    headers = Map.copyOf(headers);
  }

  public static Page ofFile(String file, byte[] body) {
    return new Page("", body, Map.of(), file, null, null, null);
  }
}
