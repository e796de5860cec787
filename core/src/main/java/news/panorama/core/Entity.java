package news.panorama.core;

import java.util.List;

/**
 * Something an article names, merged across the spellings it appears under.
 *
 * @param key a normalized identity shared by all spellings (for example {@code zelensky})
 * @param name the most frequent surface form
 * @param spellings every surface form seen
 */
public record Entity(String key, String name, String type, int count, List<String> spellings) {
  public Entity {
    spellings = List.copyOf(spellings);
  }
}
