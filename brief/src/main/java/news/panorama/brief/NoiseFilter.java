package news.panorama.brief;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides whether a sentence can stand in a briefing: long enough, ending like a sentence, not a
 * heading, and not page furniture (comment forms, app banners, bylines, photo credits). Stateless.
 */
final class NoiseFilter {
  static final int MIN_WORDS = 6;
  static final int MAX_WORDS = 70;

  private static final List<Pattern> BOILERPLATE = List.of(
      Pattern.compile("(?i)leave a (reply|comment)"),
      Pattern.compile("(?i)required fields are marked"),
      Pattern.compile("(?i)your email address will not be published"),
      Pattern.compile("(?i)download (it )?on the app store|get it on google play|app store|google play"),
      Pattern.compile("(?i)get the full experience"),
      Pattern.compile("(?i)^\\W*follow (us|our)\\b"),
      Pattern.compile("(?i)\\b(sign up|subscribe)\\b.*\\b(newsletter|updates|free)\\b"),
      Pattern.compile("(?i)all rights reserved|cookie(s)? (policy|settings)|privacy policy|terms of (use|service)"),
      Pattern.compile("(?i)click here|read more\\b|share this|advertisement"),
      Pattern.compile("(?i)^by\\s+[\\p{L} .'-]{2,60}\\b\\d+\\s*(min|mins|minutes|hours?|days?)\\s+ago"),
      Pattern.compile("\\b\\p{Lu}{2,}(\\s\\p{Lu}\\w*)?/\\p{L}"),
      Pattern.compile("(?i)\\((photo|image|file photo)[^)]*\\)|\\bphoto(graph)?:|getty images|\\bap photo\\b"),
      // a wire photo caption ends on its place and full date: "..., in Anchorage, Alaska, U.S., August 15, 2025."
      Pattern.compile(",\\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November"
          + "|December)\\s+\\d{1,2},\\s+\\d{4}|\\d{1,2}\\s+(?:January|February|March|April|May|June|July|August"
          + "|September|October|November|December)\\s+\\d{4})\\.[\"”’']?$"),
      Pattern.compile("(?i)https?://|www\\."));

  /** A prototype, cloned per use: break iterators are not thread-safe. */
  private static final BreakIterator WORDS = BreakIterator.getWordInstance(ULocale.ROOT);

  private NoiseFilter() {}

  /**
   * How many words a sentence has: its whitespace-separated tokens, as news-summary benchmarks count
   * them, except that a token in a script written without spaces (Chinese, Japanese, Thai, Lao,
   * Khmer, Myanmar, Tibetan) counts the words ICU's dictionaries find in it; split on spaces, a
   * whole Japanese sentence would be one word.
   */
  static int words(String s) {
    int n = 0;
    for (String token : s.strip().split("\\s+")) {
      if (token.isEmpty()) continue;
      n += writtenWithoutSpaces(token) ? Math.max(1, dictionaryWords(token)) : 1;
    }
    return n;
  }

  private static boolean writtenWithoutSpaces(String token) {
    return token.codePoints().anyMatch(cp -> switch (UScript.getScript(cp)) {
      case UScript.HAN, UScript.HIRAGANA, UScript.KATAKANA, UScript.THAI, UScript.LAO, UScript.KHMER,
          UScript.MYANMAR, UScript.TIBETAN -> true;
      default -> false;
    });
  }

  private static int dictionaryWords(String token) {
    BreakIterator it = (BreakIterator) WORDS.clone();
    it.setText(token);
    int n = 0;
    it.first();
    for (int end = it.next(); end != BreakIterator.DONE; end = it.next()) {
      if (it.getRuleStatus() != BreakIterator.WORD_NONE) n++;
    }
    return n;
  }

  /** Whether the sentence is prose worth quoting. */
  static boolean usable(String sentence) {
    int w = words(sentence);
    if (w < MIN_WORDS || w > MAX_WORDS) return false;
    if (!endsLikeSentence(sentence) || looksLikeHeading(sentence)) return false;
    for (Pattern p : BOILERPLATE) {
      if (p.matcher(sentence).find()) return false;
    }
    return true;
  }

  private static boolean endsLikeSentence(String s) {
    String t = s.strip();
    int i = t.length() - 1;
    while (i > 0 && "\"'”’»)]".indexOf(t.charAt(i)) >= 0) i--;
    return i >= 0 && ".!?…。！？".indexOf(t.charAt(i)) >= 0;
  }

  /** Most words capitalized, as in a title-case heading. */
  private static boolean looksLikeHeading(String s) {
    String[] words = s.strip().split("\\s+");
    int letters = 0;
    int caps = 0;
    for (String w : words) {
      if (w.length() < 4 || !Character.isLetter(w.charAt(0))) continue;
      letters++;
      if (Character.isUpperCase(w.charAt(0))) caps++;
    }
    return letters >= 4 && caps >= 0.8 * letters;
  }
}
