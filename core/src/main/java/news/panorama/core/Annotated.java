package news.panorama.core;

import java.util.List;

/**
 * An article after the text stage: its detected language, sentences with their terms, and what it
 * names. This is what grouping and briefing read.
 *
 * @param language the detected ISO 639-1 language (the declared one when detection is unsure)
 * @param titleTerms normalized content words of the title
 */
public record Annotated(
    Article article,
    String language,
    List<String> titleTerms,
    List<Sentence> sentences,
    List<Mention> mentions,
    List<Entity> entities) {

  public Annotated {
    titleTerms = List.copyOf(titleTerms);
    sentences = List.copyOf(sentences);
    mentions = List.copyOf(mentions);
    entities = List.copyOf(entities);
  }

  public String id() {
    return article.id();
  }
}
