package news.panorama.core;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An article after the text stage: its detected language, sentences with their terms, and what it
 * names. This is what grouping and briefing read.
 *
 * @param language the detected ISO 639-1 language (the declared one when detection is unsure)
 * @param titleTerms normalized content words of the title
 * @param dates time expressions, resolved against the publication time
 * @param quotes direct quotations and their speakers
 * @param quantities amounts of money, percentages and counts
 */
public record Annotated(
    Article article,
    String language,
    List<String> titleTerms,
    List<Sentence> sentences,
    List<Mention> mentions,
    List<Entity> entities,
    List<DateMention> dates,
    List<Quote> quotes,
    List<Quantity> quantities) {

  /** Lists absent from older stored JSON read as empty. */
  public Annotated(
      Article article, String language, List<String> titleTerms, List<Sentence> sentences,
      List<Mention> mentions, List<Entity> entities, @Nullable List<DateMention> dates,
      @Nullable List<Quote> quotes, @Nullable List<Quantity> quantities) {
    this.article = article;
    this.language = language;
    this.titleTerms = List.copyOf(titleTerms);
    this.sentences = List.copyOf(sentences);
    this.mentions = List.copyOf(mentions);
    this.entities = List.copyOf(entities);
    this.dates = List.copyOf(Objects.requireNonNullElse(dates, List.of()));
    this.quotes = List.copyOf(Objects.requireNonNullElse(quotes, List.of()));
    this.quantities = List.copyOf(Objects.requireNonNullElse(quantities, List.of()));
  }

  /** An annotation without dates, quotes or quantities (stages and tests that do not find them). */
  public Annotated(
      Article article, String language, List<String> titleTerms, List<Sentence> sentences,
      List<Mention> mentions, List<Entity> entities) {
    this(article, language, titleTerms, sentences, mentions, entities, List.of(), List.of(), List.of());
  }

  /** The same annotation of a changed article (for example without its raw HTML). */
  public Annotated withArticle(Article newArticle) {
    return new Annotated(newArticle, language, titleTerms, sentences, mentions, entities, dates, quotes,
        quantities);
  }

  public String id() {
    return article.id();
  }
}
