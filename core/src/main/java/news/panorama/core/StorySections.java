package news.panorama.core;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a briefing beyond its overview: every outlet's take, the dated events, and what was
 * said by whom. Every dated event and quote cites the sentences it comes from.
 *
 * @param takes one per article: how each outlet told the story
 * @param timeline dated events, earliest first
 * @param quotes quotations merged across outlets, most widely reported first
 */
public record StorySections(List<Take> takes, List<Event> timeline, List<Said> quotes) {
  public StorySections(@Nullable List<Take> takes, @Nullable List<Event> timeline, @Nullable List<Said> quotes) {
    this.takes = List.copyOf(Objects.requireNonNullElse(takes, List.of()));
    this.timeline = List.copyOf(Objects.requireNonNullElse(timeline, List.of()));
    this.quotes = List.copyOf(Objects.requireNonNullElse(quotes, List.of()));
  }

  public static StorySections none() {
    return new StorySections(List.of(), List.of(), List.of());
  }

  /** One outlet's article on the story. */
  public record Take(String article, String source, String country, String language, String title, String url) {}

  /**
   * Something that happened on a day the sources name.
   *
   * @param date ISO 8601 at its granularity ({@code 2025-11-19})
   * @param text the cited sentence that says what happened then
   */
  public record Event(String date, String text, List<Citation> citations) {
    public Event {
      Validate.isTrue(!citations.isEmpty(), "a timeline event must cite a source sentence");
      citations = List.copyOf(citations);
    }
  }

  /**
   * A quotation as the outlets report it.
   *
   * @param text its wording in the first article that reported it
   * @param variants the other wordings (translations and trims) of the same quotation
   */
  public record Said(String speaker, String text, List<String> variants, List<Citation> citations) {
    public Said {
      Validate.isTrue(!citations.isEmpty(), "a quote must cite the sentences it is in");
      variants = List.copyOf(variants);
      citations = List.copyOf(citations);
    }
  }
}
