package news.panorama.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Something an article names, merged across the spellings, scripts and inflections it appears under.
 *
 * @param key a normalized identity shared by all spellings, in Latin script (for example
 *     {@code volodymyr zelensky} for {@code Zelenskyy} and {@code Зеленський} alike)
 * @param name the most frequent surface form
 * @param type {@code PERSON}, {@code ORG}, {@code PLACE}, or {@code NAME} when the kind is unknown
 * @param spellings every surface form seen
 * @param country for a place, the ISO 3166-1 alpha-2 code of its country when known
 */
public record Entity(String key, String name, String type, int count, List<String> spellings,
    @Nullable String country) {
  public Entity {
    spellings = List.copyOf(spellings);
  }

  /** An entity with no known country. */
  public Entity(String key, String name, String type, int count, List<String> spellings) {
    this(key, name, type, count, spellings, null);
  }
}
