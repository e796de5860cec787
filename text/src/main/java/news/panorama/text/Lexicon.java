package news.panorama.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
   * The content terms of {@code text} (as {@link news.panorama.core.Sentence#terms()} holds them)
   * mapped to the word they were first written as, lower-cased unless every occurrence is capitalized.
   */
  public static Map<String, String> surfaces(String text, String language) {
    BreakIterator words;
    synchronized (WORDS) {
      words = (BreakIterator) WORDS.clone();
    }
    List<Token> tokens = Token.of(words, text, 0, text.length());
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
}
