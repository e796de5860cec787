package news.panorama.text;

import com.ibm.icu.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A word or number of a text, as ICU's word break finds it (dictionary-based for Chinese, Japanese,
 * Thai), with its offsets and its folded form.
 *
 * @param surface the word as written, without a possessive or elided article
 * @param start offset of {@code surface} in the text, inclusive
 * @param end offset of {@code surface} in the text, exclusive
 */
record Token(String surface, String folded, int start, int end, boolean number) {

  /** The tokens of {@code text[from, to)}; {@code words} is a word iterator owned by the caller. */
  static List<Token> of(BreakIterator words, String text, int from, int to) {
    String part = text.substring(from, to);
    List<int[]> segments = new ArrayList<>();
    words.setText(part);
    int s = words.first();
    for (int e = words.next(); e != BreakIterator.DONE; s = e, e = words.next()) {
      int status = words.getRuleStatus();
      if (status == BreakIterator.WORD_NONE) continue;
      int[] last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
      if (last != null && last[1] == s && isKatakana(part, last[0], last[1]) && isKatakana(part, s, e)) {
        last[1] = e;
      } else {
        segments.add(new int[] {s, e, status});
      }
    }
    List<Token> out = new ArrayList<>(segments.size());
    for (int[] seg : segments) {
      String raw = part.substring(seg[0], seg[1]);
      String stripped = Folding.stripClitics(raw);
      if (stripped.isEmpty()) continue;
      int start = from + seg[0] + Math.max(0, raw.indexOf(stripped));
      if (seg[1] < part.length() && part.charAt(seg[1]) == '.' && raw.endsWith(stripped)
          && Folding.isInitialism(stripped) && !stripped.endsWith(".")) {
        // ICU leaves the last period out of U.N. and U.S.: the name keeps it, its folded form does not
        out.add(new Token(stripped + ".", Folding.fold(stripped), start, start + stripped.length() + 1, false));
        continue;
      }
      out.add(new Token(stripped, Folding.fold(stripped), start, start + stripped.length(),
          seg[2] >= BreakIterator.WORD_NUMBER && seg[2] < BreakIterator.WORD_NUMBER_LIMIT));
    }
    return out;
  }

  /**
   * The tokens with words glued together by bad scraping split apart ({@code PutinTrump} → {@code Putin},
   * {@code Trump}): a word with a capital inside it, when the article also writes each part on its
   * own ({@code known}, folded), so that {@code YouTube} or {@code McDonald} stay whole.
   */
  static List<Token> splitGlued(List<Token> tokens, Set<String> known) {
    List<Token> out = null;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      int cut = gluedAt(t.surface());
      boolean split = cut > 0 && known.contains(Folding.fold(t.surface().substring(0, cut)))
          && known.contains(Folding.fold(t.surface().substring(cut)));
      if (split && out == null) out = new ArrayList<>(tokens.subList(0, i));
      if (split) {
        String a = t.surface().substring(0, cut);
        String b = t.surface().substring(cut);
        out.add(new Token(a, Folding.fold(a), t.start(), t.start() + cut, false));
        out.add(new Token(b, Folding.fold(b), t.start() + cut, t.end(), false));
      } else if (out != null) {
        out.add(t);
      }
    }
    return out == null ? tokens : out;
  }

  /** Where a capitalized word has a second capital after at least three lower-case letters, else -1. */
  static int gluedAt(String w) {
    if (w.length() < 6 || !Character.isUpperCase(w.charAt(0))) return -1;
    for (int k = 3; k < w.length() - 2; k++) {
      if (Character.isUpperCase(w.charAt(k)) && Character.isLowerCase(w.charAt(k - 1)) && Character.isLowerCase(w.charAt(k - 2))
          && Character.isLowerCase(w.charAt(k - 3)) && Character.isLowerCase(w.charAt(k + 1))) {
        return k;
      }
    }
    return -1;
  }

  /** Katakana words the dictionary splits ({@code アン|カラ}) are one loanword or name: rejoined. */
  private static boolean isKatakana(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      Character.UnicodeBlock b = Character.UnicodeBlock.of(s.charAt(i));
      if (b != Character.UnicodeBlock.KATAKANA && s.charAt(i) != 'ー') return false;
    }
    return to > from;
  }
}
