package news.panorama.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What later stages need to know about the text stage's vocabulary: whether an entity key names a
 * country, and which written word a content term stands for, so that a briefing can show
 * {@code prisoners} where the stage compared {@code prisoner}. Stateless and thread-safe.
 */
public final class Lexicon {
  private static final BreakIterator WORDS = BreakIterator.getWordInstance(ULocale.ROOT);

  private Lexicon() {}

  /** Whether an entity's key is a country's ({@code turkiye}, {@code united_states}), not a city's or a person's. */
  public static boolean isCountry(String entityKey) {
    return Gazetteer.get().isCountryTerm(entityKey);
  }

  /**
   * A word of a text as the text stage reads it.
   *
   * @param surface the word as written (without a possessive or elided article)
   * @param start offset of {@code surface} in the text, inclusive
   * @param end offset in the text, exclusive
   * @param term the content term it counts as in {@link news.panorama.core.Sentence#terms()}, or null
   *     for a stop word (of the language or English) or a lone letter
   * @param number whether the word is a number
   */
  public record Word(String surface, int start, int end, @Nullable String term, boolean number) {}

  /**
   * The words of {@code text} in order, each with the content term it counts as (null for the stop
   * words and lone letters the text stage drops), so that a later stage can find which content
   * words stand next to each other with nothing between them but a space.
   */
  public static List<Word> words(String text, String language) {
    List<Token> tokens = tokens(text);
    List<Word> out = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      String f = t.folded();
      String term;
      if (StopWords.contains(language, f)) term = null;
      else if (t.number()) term = f;
      else if (f.codePointCount(0, f.length()) < 2 && !Character.isIdeographic(f.codePointAt(0))) term = null;
      else term = Folding.stem(f);
      out.add(new Word(t.surface(), t.start(), t.end(), term, t.number()));
    }
    return out;
  }

  /**
   * The content terms of {@code text} (as {@link news.panorama.core.Sentence#terms()} holds them)
   * mapped to the word they were first written as, lower-cased unless every occurrence is capitalized.
   */
  public static Map<String, String> surfaces(String text, String language) {
    List<Token> tokens = tokens(text);
    Map<String, String> out = new HashMap<>();
    Map<String, Boolean> alwaysCapitalized = new HashMap<>();
    for (Token t : tokens) {
      String f = t.folded();
      if (StopWords.contains(language, f)) continue;
      String term = t.number() ? f : Folding.stem(f);
      out.putIfAbsent(term, t.surface());
      alwaysCapitalized.merge(term, Folding.isCapitalized(t.surface()), Boolean::logicalAnd);
    }
    out.replaceAll((term, surface) -> alwaysCapitalized.get(term) ? surface : surface.toLowerCase(Locale.ROOT));
    return out;
  }

  private static List<Token> tokens(String text) {
    BreakIterator words;
    synchronized (WORDS) {
      words = (BreakIterator) WORDS.clone();
    }
    return Token.of(words, text, 0, text.length());
  }
}
