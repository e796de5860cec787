package news.panorama.core;

import java.util.List;

/**
 * A sentence of an article's text (index 0 is the first sentence of the body).
 *
 * @param start character offset in the article text, inclusive
 * @param end character offset in the article text, exclusive
 * @param terms normalized content words (case- and accent-folded, stop words removed), the
 *     features that grouping and briefing compare
 */
public record Sentence(int index, String text, int start, int end, List<String> terms) {
  public Sentence {
    terms = List.copyOf(terms);
  }
}
