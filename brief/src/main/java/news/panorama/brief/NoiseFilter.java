package news.panorama.brief;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether a sentence can stand in a briefing: long enough, ending like a sentence, not a
 * heading, and not page furniture (comment forms, app banners, bylines, photo credits). Stateless.
 */
final class NoiseFilter {
  static final int MIN_WORDS = 6;
  static final int MAX_WORDS = 70;

  /**
   * A kind of page furniture: its pattern, and the lower-case strings of which every match holds
   * one, so that the pattern runs only on the few sentences holding a clue. Most sentences hold
   * none, and fourteen regular expressions over every sentence of a story were a tenth of the
   * time of briefing it.
   */
  private record Boilerplate(Pattern pattern, List<String> clues) {
    Boilerplate(String regex, String... clues) {
      this(Pattern.compile(regex), List.of(clues));
    }

    /** @param lower the sentence in lower case (ASCII letters are what {@code (?i)} folds) */
    boolean in(String sentence, String lower) {
      for (String clue : clues) {
        if (lower.contains(clue)) return pattern.matcher(sentence).find();
      }
      return false;
    }
  }

  private static final List<Boilerplate> BOILERPLATE = List.of(
      new Boilerplate("(?i)leave a (reply|comment)", "leave a "),
      new Boilerplate("(?i)required fields are marked", "required fields are marked"),
      new Boilerplate("(?i)your email address will not be published", "your email address will not be published"),
      new Boilerplate("(?i)download (it )?on the app store|get it on google play|app store|google play",
          "app store", "google play"),
      new Boilerplate("(?i)get the full experience", "get the full experience"),
      new Boilerplate("(?i)^\\W*follow (us|our)\\b", "follow "),
      new Boilerplate("(?i)\\b(sign up|subscribe)\\b.*\\b(newsletter|updates|free)\\b", "sign up", "subscribe"),
      new Boilerplate("(?i)all rights reserved|cookie(s)? (policy|settings)|privacy policy|terms of (use|service)",
          "all rights reserved", "cookie", "privacy policy", "terms of "),
      new Boilerplate("(?i)click here|read more\\b|share this|advertisement",
          "click here", "read more", "share this", "advertisement"),
      new Boilerplate("(?i)^by\\s+[\\p{L} .'-]{2,60}\\b\\d+\\s*(min|mins|minutes|hours?|days?)\\s+ago", "ago"),
      new Boilerplate("\\b\\p{Lu}{2,}(\\s\\p{Lu}\\w*)?/\\p{L}", "/"),
      new Boilerplate("(?i)\\((photo|image|file photo)[^)]*\\)|\\bphoto(graph)?:|getty images|\\bap photo\\b",
          "photo", "image"),
      // a wire photo caption ends on its place and full date: "..., in Anchorage, Alaska, U.S., August 15, 2025."
      new Boilerplate(",\\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November"
          + "|December)\\s+\\d{1,2},\\s+\\d{4}|\\d{1,2}\\s+(?:January|February|March|April|May|June|July|August"
          + "|September|October|November|December)\\s+\\d{4})\\.[\"”’']?$", ","),
      // the same in Japanese and Chinese: a source or a caption and its date (and time), "日本経済新聞、2005年12月30日。"
      new Boilerplate("[、,，]\\s*(?:1[89]|20)\\d{2}\\s?年\\s?\\d{1,2}\\s?月\\s?\\d{1,2}\\s?日(?:\\s?\\d{1,2}\\s?[:：]\\s?\\d{2})?[）)]?[。．]$", "年"),
      // a paper's or site's name and the headline it ran, "共同通信『復旧作業を開始』。", "asahi. com『…』。", or the headline alone
      new Boilerplate("^[^、。，,『』「」]{0,20}『[^』]+』[。．]$", "』"),
      // the same after whatever the page glued before the outlet (a related article's title, a date, a
      // byline): "…日本メーカーが中国で生産MSN産経新聞ニュース『「台湾島」地球儀の「学研トイズ」解散へ』。"
      new Boilerplate("^[^『』。]{0,80}(?:新聞|通信|ニュース|NEWS|News|\\.com|日報|放送)[^『』。]{0,20}『[^』]+』[。．]$", "』"),
      // who reported it, and nothing else: "読売新聞、産経新聞などが伝えた。"
      new Boilerplate("^[^。！？]{1,30}(?:などが|が)(?:伝えた|報じた|伝えている|報じている)[。．]$", "伝え", "報じ"),
      new Boilerplate("(?i)https?://|www\\.", "http", "www."));

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

  static boolean writtenWithoutSpaces(String token) {
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
    String lower = sentence.toLowerCase(Locale.ROOT);
    for (Boilerplate b : BOILERPLATE) {
      if (b.in(sentence, lower)) return false;
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
