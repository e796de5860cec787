package news.panorama.brief;

/**
 * Cleans a page title into a headline: no outlet suffix ({@code " - Reuters"}, {@code " | BBC News"}),
 * no wire dateline, no wrapping quotes.
 */
final class Headlines {
  private static final String[] SEPARATORS = {" | ", " - ", " – ", " — ", " :: ", " · "};
  private static final String QUOTES = "\"'“”‘’«»";

  private Headlines() {}

  static String clean(String title) {
    String t = title.strip().replaceAll("\\s+", " ");
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
