package news.panorama.text;

import com.ibm.icu.impl.ICUData;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import com.ibm.icu.util.UResourceBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Splits article text into sentences: every line on its own (noisy pages put headings, banners and
 * captions on lines without punctuation), then ICU's sentence break, no break after one of CLDR's
 * abbreviations for the language written as a whole word (ICU's own filter, {@code @ss=standard},
 * also matches the end of a longer word: Russian {@code ул.} kept {@code в Стамбул. Визит…} as one
 * sentence), then a rule that rejoins breaks after initials and common abbreviations
 * ({@code U.S. President}, {@code Nov. 19}, {@code U. S. Frontline}), one that rejoins a break
 * followed by a word in lower case (a quotation ending in {@code !} or {@code ?} inside a sentence),
 * one that moves an opening quotation mark or bracket written right after a full stop to the sentence
 * it opens ({@code 。「…}), one that rejoins a quotation of two sentences whose closing mark is in
 * the second ({@code ``A. B,'' he said.}), and one that rejoins a decimal number written with a space
 * after its point ({@code $2. 6 million}). Thread-safe; iterators are cloned per call.
 */
final class SentenceSplitter {
  /** A sentence's character range in the text. */
  record Span(int start, int end) {}

  private static final Set<String> ABBREVIATIONS = Set.of(
      "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
      "brig", "maj", "adm", "cmdr", "cpl", "pvt", "supt", "insp", "hon", "messrs", "sens", "reps", "gens", "rev",
      "prof", "inc", "corp", "co", "ltd", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
      "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx", "dept", "est", "fig", "ave", "pres",
      "m", "mme", "hr", "bzw", "nr", "sra", "dott", "sig", "г", "гг", "им", "ул", "т", "д");
  private static final String TERMINALS = ".!?…。！？؟";

  private final Map<String, BreakIterator> prototypes = new ConcurrentHashMap<>();
  private static final Map<String, List<String>> SUPPRESSIONS = new ConcurrentHashMap<>();

  List<Span> split(String text, String language) {
    String locale = language.isEmpty() ? "en" : language;
    BreakIterator sentences = prototypes.computeIfAbsent(locale, l -> BreakIterator.getSentenceInstance(new ULocale(l)))
        .clone();
    List<String> suppressions = SUPPRESSIONS.computeIfAbsent(locale, SentenceSplitter::suppressions);
    List<Span> out = new ArrayList<>();
    int lineStart = 0;
    int n = text.length();
    while (lineStart < n) {
      int lineEnd = lineStart;
      while (lineEnd < n && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') lineEnd++;
      splitLine(text, lineStart, lineEnd, sentences, suppressions, out);
      lineStart = lineEnd + 1;
    }
    return out;
  }

  private static void splitLine(String text, int from, int to, BreakIterator sentences, List<String> suppressions,
      List<Span> out) {
    String line = text.substring(from, to);
    if (!hasTerminal(line)) {
      add(text, from, to, out);
      return;
    }
    sentences.setText(line);
    List<Integer> bounds = new ArrayList<>();
    for (int b = sentences.first(); b != BreakIterator.DONE; b = sentences.next()) bounds.add(b);
    moveOpenersForward(line, bounds);
    int pending = -1;
    for (int k = 1; k < bounds.size(); k++) {
      int s = bounds.get(k - 1);
      int e = bounds.get(k);
      if (e <= s) continue;
      int start = pending >= 0 ? pending : s;
      int next = k + 1 < bounds.size() ? bounds.get(k + 1) : -1;
      if (e < line.length() && (endsWithAbbreviation(line, start, e) || endsWithSuppression(line, start, e, suppressions)
          || goesOnInLowerCase(line, start, e) || splitsANumber(line, start, e)
          || next > e && quotationClosesIn(line, start, e, next))) {
        pending = start;
        continue;
      }
      pending = -1;
      add(text, from + start, from + e, out);
    }
    if (pending >= 0) add(text, from + pending, to, out);
  }

  /**
   * Moves a break that ICU put after an opening quotation mark or bracket to before it. Unicode's
   * sentence break counts opening punctuation as {@code Close}, so a mark written right after a full
   * stop stays with the sentence before: Japanese {@code …を求める。「証拠開示…」とした。} split as
   * {@code …を求める。「} and {@code 証拠開示…」とした。}, and every Wikinews source line
   * {@code 読売新聞、2006年8月11日。『見出し』。} lost its opening bracket to the date. Only a mark that
   * the next sentence follows directly (no space between) moves: after a space ICU already breaks
   * before it, and a German closing {@code “} is followed by a space.
   */
  private static void moveOpenersForward(String line, List<Integer> bounds) {
    for (int k = 1; k + 1 < bounds.size(); k++) {
      int b = bounds.get(k);
      if (Character.isWhitespace(line.charAt(b))) continue;
      int o = b;
      while (o > bounds.get(k - 1) && isOpener(line, o - 1)) o -= line.charAt(o - 1) == '`' ? 2 : 1;
      if (o < b && o > bounds.get(k - 1) && !Character.isWhitespace(line.charAt(o - 1))) bounds.set(k, o);
    }
  }

  /** Whether the character at {@code i} opens a quotation or a bracket ({@code 「}, {@code (}, {@code “}, {@code ``}). */
  private static boolean isOpener(String line, int i) {
    char c = line.charAt(i);
    if (c == '`') return i > 0 && line.charAt(i - 1) == '`';
    int type = Character.getType(c);
    return type == Character.START_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION;
  }

  private static final String OPENING_MARKS = "“„«「『";
  private static final String CLOSING_MARKS = "”“»」』";

  /**
   * Whether the sentence {@code [start, end)} leaves a quotation open that the next one,
   * {@code [end, next)}, closes before it opens another: the break was inside a quotation of several
   * sentences ({@code ``No-one should internationalize Cambodian affairs. It is detrimental to the
   * sovereignty of Cambodia,'' he said.}), and splitting it left one sentence with an opening mark
   * and no speaker, and one that starts inside the quotation with a closing mark and no opening one.
   * Only the next sentence counts, so a run-on stays at most two of ICU's sentences; a quotation
   * that goes on to the next paragraph without a closing mark (newswire's convention) is not joined.
   * Marks: {@code `` ''}, {@code “ ”}, {@code „ “}/{@code „ ”}, {@code « »}, {@code 「 」},
   * {@code 『 』} and straight double quotes by position (one before a word opens, one after a word
   * closes).
   */
  private static boolean quotationClosesIn(String line, int start, int end, int next) {
    StringBuilder open = new StringBuilder();
    for (int i = start; i < end; i++) {
      char m = mark(line, i);
      if (m == 0) continue;
      int top = open.length() - 1;
      while (top >= 0 && !closes(open.charAt(top), m)) top--;
      if (top >= 0) {
        open.setLength(top);
      } else if (isOpeningMark(m)) {
        open.append(m);
      }
      if (m == '`' || m == '\'') i++;
    }
    if (open.isEmpty()) return false;
    for (int i = end; i < next; i++) {
      char m = mark(line, i);
      if (m == 0) continue;
      for (int k = 0; k < open.length(); k++) {
        if (closes(open.charAt(k), m)) return true;
      }
      if (isOpeningMark(m)) return false;
      if (m == '`' || m == '\'') i++;
    }
    return false;
  }

  /**
   * The quotation mark at {@code i}, or 0: {@code `} for {@code ``}, {@code '} for {@code ''},
   * {@code "} as {@code <} when it opens (after a space or at the start, before a word) and {@code >}
   * when it closes.
   */
  private static char mark(String line, int i) {
    char c = line.charAt(i);
    if (c == '`' || c == '\'') return i + 1 < line.length() && line.charAt(i + 1) == c ? c : 0;
    if (c == '"') {
      boolean after = i > 0 && !Character.isWhitespace(line.charAt(i - 1)) && "([{".indexOf(line.charAt(i - 1)) < 0;
      boolean before = i + 1 < line.length() && !Character.isWhitespace(line.charAt(i + 1));
      if (!after && before) return '<';
      if (after) return '>';
      return 0;
    }
    return OPENING_MARKS.indexOf(c) >= 0 || CLOSING_MARKS.indexOf(c) >= 0 ? c : 0;
  }

  private static boolean isOpeningMark(char m) {
    return m == '`' || m == '<' || OPENING_MARKS.indexOf(m) >= 0;
  }

  private static boolean closes(char open, char m) {
    return switch (open) {
      case '`' -> m == '\'';
      case '<' -> m == '>';
      case '“' -> m == '”';
      case '„' -> m == '“' || m == '”';
      case '«' -> m == '»';
      case '「' -> m == '」';
      case '『' -> m == '』';
      default -> false;
    };
  }

  /** Whether the segment ends with an initialism or abbreviation and the next word continues it. */
  private static boolean endsWithAbbreviation(String line, int start, int end) {
    int e = end;
    while (e > start && Character.isWhitespace(line.charAt(e - 1))) e--;
    if (e == start || line.charAt(e - 1) != '.') return false;
    int w = e - 1;
    while (w > start && !Character.isWhitespace(line.charAt(w - 1)) && line.charAt(w - 1) != '(') w--;
    String word = line.substring(w, e);
    String bare = word.substring(0, word.length() - 1).toLowerCase(java.util.Locale.ROOT);
    boolean abbreviation = Folding.isInitialism(word) || ABBREVIATIONS.contains(bare)
        || bare.length() == 1 && Character.isLetter(bare.charAt(0));
    if (!abbreviation) return false;
    int next = end;
    while (next < line.length() && Character.isWhitespace(line.charAt(next))) next++;
    int nextEnd = next;
    while (nextEnd < line.length() && Character.isLetterOrDigit(line.charAt(nextEnd))) nextEnd++;
    String nextWord = line.substring(next, nextEnd);
    if (nextWord.isEmpty()) return false;
    if (bare.length() == 1 && nextWord.length() == 1 && Character.isUpperCase(nextWord.charAt(0))
        && nextEnd < line.length() && line.charAt(nextEnd) == '.') {
      return true; // initials written apart ("U. S. Geological Survey"): the next one may fold to a stop word
    }
    return !StopWords.contains("en", Folding.fold(nextWord));
  }

  /**
   * Whether the text after a break goes on with a word written all in lower case: the break was
   * inside a sentence, after a quotation ending in {@code !} or {@code ?} ({@code “You resign!” at the
   * Speaker}, {@code “Why?” he asked}), which ICU ends a sentence at. A word with a capital inside
   * ({@code iPhone}) may open a sentence and does not count; scripts without case never do; nor does a
   * word after a full stop of Chinese or Japanese ({@code 。asahi.com『…』}, a Wikinews source line).
   */
  private static boolean goesOnInLowerCase(String line, int sentenceStart, int at) {
    int end = at;
    while (end > sentenceStart && (Character.isWhitespace(line.charAt(end - 1)) || CLOSING_MARKS.indexOf(line.charAt(end - 1)) >= 0)) {
      end--;
    }
    if (end > sentenceStart && "。！？".indexOf(line.charAt(end - 1)) >= 0) return false;
    int i = at;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) i++;
    int start = i;
    while (i < line.length() && Character.isLetter(line.charAt(i))) {
      if (!Character.isLowerCase(line.charAt(i))) return false;
      i++;
    }
    return i > start;
  }

  /**
   * Whether the break falls inside a decimal number written with a space after its point
   * ({@code $2. 6 million}, {@code 0. 226票}, as some wire and scraped texts have it): a number of one to
   * three digits, a full stop, a space, then a digit.
   */
  private static boolean splitsANumber(String line, int sentenceStart, int at) {
    int end = at;
    while (end > sentenceStart && Character.isWhitespace(line.charAt(end - 1))) end--;
    if (end < sentenceStart + 2 || line.charAt(end - 1) != '.' || end == at) return false;
    int d = end - 1;
    while (d > sentenceStart && Character.isDigit(line.charAt(d - 1))) d--;
    int digits = end - 1 - d;
    // not part of a word (A4. 5) nor of a longer number; scripts without spaces write numbers against words (票差が0. 226票)
    if (digits < 1 || digits > 3 || d > sentenceStart && (Character.isDigit(line.charAt(d - 1))
        || Character.UnicodeScript.of(line.charAt(d - 1)) == Character.UnicodeScript.LATIN)) {
      return false;
    }
    return at < line.length() && Character.isDigit(line.charAt(at));
  }

  /** CLDR's abbreviations after which a sentence does not end, for a language ({@code ул.}, {@code Dec.}). */
  private static List<String> suppressions(String language) {
    try {
      UResourceBundle b = UResourceBundle.getBundleInstance(ICUData.ICU_BRKITR_BASE_NAME, new ULocale(language));
      UResourceBundle list = b.get("exceptions").get("SentenceBreak");
      List<String> out = new ArrayList<>(list.getSize());
      for (int i = 0; i < list.getSize(); i++) out.add(list.getString(i));
      return List.copyOf(out);
    } catch (java.util.MissingResourceException e) {
      return List.of();
    }
  }

  /** Whether the segment ends with one of {@code suppressions} written as whole words. */
  private static boolean endsWithSuppression(String line, int start, int end, List<String> suppressions) {
    int e = end;
    while (e > start && Character.isWhitespace(line.charAt(e - 1))) e--;
    if (e == start || line.charAt(e - 1) != '.') return false;
    for (String s : suppressions) {
      int at = e - s.length();
      if (at >= start && line.startsWith(s, at) && (at == 0 || !Character.isLetterOrDigit(line.charAt(at - 1)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasTerminal(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (TERMINALS.indexOf(line.charAt(i)) >= 0) return true;
    }
    return false;
  }

  /** Adds the range trimmed of whitespace and list markers, if anything is left. */
  private static void add(String text, int start, int end, List<Span> out) {
    int s = start;
    int e = end;
    while (s < e && (Character.isWhitespace(text.charAt(s)) || "•·▪●◦‣*–—-|>".indexOf(text.charAt(s)) >= 0)) s++;
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
    if (e > s && hasLetterOrDigit(text, s, e)) out.add(new Span(s, e));
  }

  private static boolean hasLetterOrDigit(String text, int s, int e) {
    for (int i = s; i < e; i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) return true;
    }
    return false;
  }
}
