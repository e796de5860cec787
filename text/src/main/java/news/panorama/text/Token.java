package news.panorama.text;

import com.ibm.icu.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;

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
      out.add(new Token(stripped, Folding.fold(stripped), start, start + stripped.length(),
          seg[2] >= BreakIterator.WORD_NUMBER && seg[2] < BreakIterator.WORD_NUMBER_LIMIT));
    }
    return out;
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
