package news.panorama.translate;

/**
 * A glossed line being written: words with single spaces, a repeated lower-case word once,
 * punctuation of any script put the English way (Japanese {@code 、} as a comma, French
 * {@code « »} as straight quotes attached to their words, spaced dashes, compound hyphens kept).
 * One per line; not thread-safe.
 */
final class EnglishLine {
  private final StringBuilder b = new StringBuilder();
  private boolean glueNext = true;
  private boolean quoteOpen;

  void word(String w) {
    if (w.isEmpty()) return;
    if (!glueNext && !b.isEmpty()) {
      int prevStart = b.lastIndexOf(" ") + 1;
      if (b.substring(prevStart).equals(w) && w.chars().allMatch(Character::isLowerCase)) return; // "of of"
      b.append(' ');
    }
    b.append(w);
    glueNext = false;
  }

  void attach(String w) {
    b.append(w);
    glueNext = false;
  }

  /**
   * @param spaceBefore whether the source had a space (or the line's start) before the mark
   * @param betweenWords whether it sits between two words with no space (a hyphen in a compound)
   */
  void punct(String p, boolean spaceBefore, boolean spaceAfter, boolean betweenWords) {
    String m = switch (p) {
      case "、", "，", "،" -> ",";
      case "。", "．" -> ".";
      case "；", "؛" -> ";";
      case "：" -> ":";
      case "！" -> "!";
      case "？", "؟" -> "?";
      case "（" -> "(";
      case "）" -> ")";
      default -> p;
    };
    switch (m) {
      case ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "…" -> close(m);
      case "(", "[", "{" -> open(m);
      case "「", "『", "«", "„", "‹" -> open("\"");
      case "」", "』", "»", "›" -> close("\"");
      case "\"", "“", "”", "'", "‘" -> {
        if (quoteOpen) close("\""); else open("\"");
      }
      case "―", "—", "–", "─", "‐" -> separate("—");
      case "・" -> separate("·");
      case "-", "/", "&" -> {
        if (betweenWords && !spaceBefore && !spaceAfter) join(m); else separate(m);
      }
      default -> asInSource(m, spaceBefore, spaceAfter);
    }
  }

  /** A mark English has no rule for ({@code $}, {@code #}, {@code +}): spaced as the source spaced it. */
  private void asInSource(String m, boolean spaceBefore, boolean spaceAfter) {
    if (!b.isEmpty() && !glueNext && spaceBefore) b.append(' ');
    b.append(m);
    glueNext = !spaceAfter;
  }

  private void join(String m) {
    b.append(m);
    glueNext = true;
  }

  private void close(String m) {
    b.append(m);
    glueNext = false;
    if (m.equals("\"")) quoteOpen = false;
  }

  private void open(String m) {
    if (!b.isEmpty() && !glueNext) b.append(' ');
    b.append(m);
    glueNext = true;
    if (m.equals("\"")) quoteOpen = true;
  }

  private void separate(String m) {
    if (!b.isEmpty() && !glueNext) b.append(' ');
    b.append(m);
    glueNext = false;
  }

  @Override
  public String toString() {
    return b.toString().strip();
  }
}
