package news.panorama.brief;

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
   * move that…}, {@code , which…}, {@code , marking…}).
   */
  private static final java.util.regex.Pattern EN_CLAUSE_END = java.util.regex.Pattern.compile(
      ",\\s+(?:(?:(?:the|a|an|his|her|its|their)\\s+)?(?:[\\p{L}.'’-]+\\s+){0,5}?(?:said|says|reported|announced|told)\\b"
          + "|(?:a move|which|while|as|after|before|but|although|ending|marking|saying|according to|in what)\\b)");

  /**
   * A lead sentence of more than {@link #MAX_WORDS} words, in English, as its main clause: cut at the
   * first comma, after at least {@link #MIN_WORDS} words, that opens its attribution or a clause
   * commenting on it; else the sentence as it is. Other languages keep the sentence.
   */
  static String shortened(String sentence, String language) {
    if (!language.equals("en") || NoiseFilter.words(sentence) <= MAX_WORDS) return sentence;
    java.util.regex.Matcher m = EN_CLAUSE_END.matcher(sentence);
    while (m.find()) {
      String head = sentence.substring(0, m.start()).strip();
      if (NoiseFilter.words(head) >= MIN_WORDS) return head;
    }
    return sentence;
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
