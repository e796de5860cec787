package news.panorama.core;

import java.util.List;

/**
 * An outlet of the catalog: who publishes, from where, in which languages, and where its feeds are.
 * Country is ISO 3166-1 alpha-2 (empty for international services), languages ISO 639-1.
 */
public record Source(
    String id,
    String name,
    String homepage,
    List<String> feeds,
    List<String> sitemaps,
    String country,
    List<String> languages,
    OwnerType ownerType,
    String notes) {

  public Source {
    Validate.notBlank(id, "source id");
    feeds = List.copyOf(feeds);
    sitemaps = List.copyOf(sitemaps);
    languages = List.copyOf(languages);
  }

  /** Who owns an outlet, which readers weigh when they compare takes. */
  public enum OwnerType { PUBLIC_BROADCASTER, PRIVATE, STATE_CONTROLLED, WIRE_AGENCY, NON_PROFIT, UNKNOWN }
}
