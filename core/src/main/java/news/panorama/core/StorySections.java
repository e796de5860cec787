package news.panorama.core;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a briefing beyond its overview: every outlet's take, how each country's media frames
 * the story, the dated events, what was said by whom, what several sources agree on and where they
 * differ, and related stories. Everything but the takes and related stories cites the sentences it
 * comes from. Lists are never null (briefings stored before a section existed read it as empty).
 *
 * @param takes one per article: how each outlet told the story
 * @param countries the world's take: one per country with coverage, most articles first
 * @param timeline dated events, earliest first
 * @param quotes quotations merged across outlets, most widely reported first
 * @param agreements facts stated by several outlets, most widely stated first
 * @param differences slots (place, date, a count) the sources fill with different values
 * @param related other stories sharing entities or terms, closest first
 */
public record StorySections(List<Take> takes, List<CountryTake> countries, List<Event> timeline, List<Said> quotes,
    List<Agreement> agreements, List<Difference> differences, List<Related> related) {
  public StorySections(@Nullable List<Take> takes, @Nullable List<CountryTake> countries,
      @Nullable List<Event> timeline, @Nullable List<Said> quotes, @Nullable List<Agreement> agreements,
      @Nullable List<Difference> differences, @Nullable List<Related> related) {
    this.takes = copy(takes);
    this.countries = copy(countries);
    this.timeline = copy(timeline);
    this.quotes = copy(quotes);
    this.agreements = copy(agreements);
    this.differences = copy(differences);
    this.related = copy(related);
  }

  private static <T> List<T> copy(@Nullable List<T> list) {
    return List.copyOf(Objects.requireNonNullElse(list, List.of()));
  }

  public static StorySections none() {
    return new StorySections(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /** These sections with {@code related} as the related stories. */
  public StorySections withRelated(List<Related> related) {
    return new StorySections(takes, countries, timeline, quotes, agreements, differences, related);
  }

  /** One outlet's article on the story. */
  public record Take(String article, String source, String country, String language, String title, String url) {}

  /**
   * How one country's media tell the story.
   *
   * @param country ISO 3166-1 alpha-2 code of the outlets' country
   * @param articles how many of the story's articles come from that country
   * @param terms the words and names that set its coverage apart from the rest, most distinctive first
   * @param quote the sentence of its coverage that carries those terms best, or null when none is usable
   */
  public record CountryTake(String country, int articles, List<String> terms, @Nullable Citation quote) {
    public CountryTake {
      terms = List.copyOf(terms);
    }
  }

  /** A fact several outlets state: its wording in one of them, and a sentence of each outlet that says it. */
  public record Agreement(String text, List<Citation> citations) {
    public Agreement {
      Validate.isTrue(citations.size() >= 2, "an agreement cites at least two sources");
      citations = List.copyOf(citations);
    }
  }

  /**
   * One slot the sources fill differently: where something happened, on which day, how many.
   *
   * @param slot what the values are ({@code place}, {@code date}, {@code number of prisoners})
   * @param values each value with the sentences that state it, the most widely stated first
   */
  public record Difference(String slot, List<Value> values) {
    public Difference {
      Validate.isTrue(values.size() >= 2, "a difference needs two values");
      values = List.copyOf(values);
    }

    /** One value of the slot as written, with the sentences (and so the articles) that state it. */
    public record Value(String value, List<Citation> citations) {
      public Value {
        Validate.isTrue(!citations.isEmpty(), "a value must cite where it is stated");
        citations = List.copyOf(citations);
      }
    }
  }

  /** Another story the reader may want: its id, headline and a one-line blurb. */
  public record Related(String story, String headline, String blurb) {}

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
