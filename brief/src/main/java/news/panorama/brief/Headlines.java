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
   * sentence (wire copy and feeds without a headline put the lead paragraph there, often cut off with
   * "…"), that first sentence alone.
   */
  static String of(news.panorama.core.Annotated article) {
    String title = article.article().title().strip().replaceAll("\\s+", " ");
    if (!article.sentences().isEmpty()) {
      String first = article.sentences().get(0).text().strip().replaceAll("\\s+", " ");
      if (first.length() < title.length() && title.startsWith(first) && NoiseFilter.usable(first)) return clean(first);
    }
    return clean(title);
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
