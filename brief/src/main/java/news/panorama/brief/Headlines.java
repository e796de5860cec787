package news.panorama.brief;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans a page title into a headline: no outlet suffix ({@code " - Reuters"}, {@code " | BBC News"}),
 * no wire dateline, no wrapping quotes.
 */
final class Headlines {
  private static final String[] SEPARATORS = {" | ", " - ", " – ", " — ", " :: ", " · "};
  private static final String QUOTES = "\"'“”‘’«»";

  private Headlines() {}

  /**
   * The article's headline: its cleaned title, or, when the title is its lead run on past the first
   * sentence or cut off inside it (wire copy and feeds without a headline put the lead paragraph there,
   * often cut off with "…"), that first sentence; a lead sentence of more than {@link #MAX_WORDS}
   * English words is cut to its main clause ({@link #shortened}).
   */
  static String of(news.panorama.core.Annotated article) {
    String title = article.article().title().strip().replaceAll("\\s+", " ");
    if (!article.sentences().isEmpty()) {
      String first = article.sentences().get(0).text().strip().replaceAll("\\s+", " ");
      // the lead run on past its first sentence, or cut off before its end ("… to support their opposing ...")
      String cut = title.replaceFirst("\\s*(?:\\.\\.\\.|…)$", "");
      boolean runOn = first.length() < title.length() && title.startsWith(first);
      boolean cutOff = cut.length() < title.length() && cut.length() < first.length() && first.startsWith(cut);
      if ((runOn || cutOff) && NoiseFilter.usable(first)) return shortened(clean(first), article.language());
    }
    String cleaned = clean(title);
    // a title that is a sentence is a lead (wire copy has no headline)
    return NoiseFilter.usable(cleaned) ? shortened(cleaned, article.language()) : cleaned;
  }

  /** A headline longer than this many words that is a lead sentence is cut to its main clause when it can be. */
  static final int MAX_WORDS = 18;
  /** ... keeping at least this many words. */
  private static final int MIN_WORDS = 6;
  /**
   * Where an English lead's main clause ends: a comma before its attribution ({@code , an Israeli
   * official said Tuesday}, {@code , police said}) or before a clause that comments on it ({@code , a
   * move that…}, {@code , which…}, {@code , sparking…}); not before what it did ({@code , killing 60}).
   */
  private static final Pattern EN_CLAUSE_END = Pattern.compile(
      ",\\s+(?:(?:(?:the|a|an|his|her|its|their)\\s+)?(?:[\\p{L}.'’-]+\\s+){0,5}?(?:said|says|reported|announced|told)\\b"
          + "|(?:a move|which|while|as|after|before|but|although|according to|in what|sparking|prompting|raising"
          + "|marking|ending|underscoring|signaling|signalling|highlighting|deepening|fueling|fuelling|adding)\\b)");
  /**
   * A phrase that opens an English lead before its subject ({@code In a critical ruling for the league,},
   * {@code Facing a court challenge,}, {@code Less than a week before the visit,}), up to its comma.
   */
  private static final Pattern EN_OPENING_PHRASE = Pattern.compile(
      "^(?:(?:In|On|At|After|Before|Despite|Amid|With|Without|As|While|Following|Less than|More than|For|Under|"
          + "Since|Although|Though|Once|Until|During)\\b|\\p{Lu}\\p{Ll}+ing\\b)[^,]{0,160},\\s+");
  /** A clause set off by commas that describes a name before it: {@code , who confessed…,}. */
  private static final Pattern EN_RELATIVE_CLAUSE = Pattern.compile(
      ",\\s+(?:who|which|whose)\\b[^,]{1,150},\\s+");

  /** Whether a capitalized word stands among the first three words of {@code clause}. */
  private static boolean namesEarly(String clause) {
    String[] words = clause.strip().split("\\s+", 4);
    for (int i = 0; i < Math.min(3, words.length); i++) {
      String w = words[i];
      if (i == 0 && w.matches("(?i)the|a|an|he|she|it|they|we|this|these|those|its|his|her|their")) continue;
      if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) return true;
    }
    return false;
  }

  /**
   * A lead sentence of more than {@link #MAX_WORDS} words, in English, compressed as a headline is:
   * without an opening phrase before its subject, a relative clause set off by commas, and what follows
   * its main clause (attribution, comment); each cut keeps at least {@link #MIN_WORDS} words and the
   * headline stays the sentence with words deleted. Other languages keep the sentence.
   */
  static String shortened(String sentence, String language) {
    if (!language.equals("en")) return sentence;
    String s = sentence;
    if (NoiseFilter.words(s) > MAX_WORDS) {
      Matcher open = EN_OPENING_PHRASE.matcher(s);
      // only when the clause names its subject (not "the two sides", "he"), which the phrase may have named
      String rest = open.find() ? s.substring(open.end()) : "";
      if (NoiseFilter.words(rest) >= 2 * MIN_WORDS && namesEarly(rest)) {
        s = Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
      }
    }
    if (NoiseFilter.words(s) > MAX_WORDS) {
      Matcher relative = EN_RELATIVE_CLAUSE.matcher(s);
      if (relative.find() && NoiseFilter.words(s.substring(0, relative.start())) >= 1) {
        s = s.substring(0, relative.start()) + " " + s.substring(relative.end());
      }
    }
    if (NoiseFilter.words(s) > MAX_WORDS) {
      Matcher m = EN_CLAUSE_END.matcher(s);
      while (m.find()) {
        String head = s.substring(0, m.start()).strip();
        if (NoiseFilter.words(head) >= MIN_WORDS) return head;
      }
    }
    return s;
  }

  static String clean(String title) {
    // wire copy writes its dashes as " _ "
    String t = title.strip().replaceAll("\\s+", " ").replace(" _ ", " — ");
    // a title that is a whole sentence was taken from a wire lead, dateline and all ("NAIROBI, Kenya (AP) _");
    // a real headline keeps its words ("US - China talks resume")
    if (NoiseFilter.usable(t)) t = Trimmer.trim(t, "", at -> false).text();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String sep : SEPARATORS) {
        int at = t.lastIndexOf(sep);
        if (at <= 0) continue;
        String head = t.substring(0, at).strip();
        String tail = t.substring(at + sep.length()).strip();
        if (NoiseFilter.words(tail) <= 4 && NoiseFilter.words(head) >= 3) {
          t = head;
          changed = true;
        }
      }
    }
    while (t.length() > 1 && QUOTES.indexOf(t.charAt(0)) >= 0 && QUOTES.indexOf(t.charAt(t.length() - 1)) >= 0) {
      t = t.substring(1, t.length() - 1).strip();
    }
    return t;
  }
}
