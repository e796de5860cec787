package news.panorama.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;

/**
 * Folds a word to the form that grouping compares: case-folded, diacritics stripped in Latin script,
 * possessive and elided articles removed, and transliteration variants of names brought together
 * ({@code Zelenskyy}, {@code Zelenskiy} → {@code zelensky}). Stateless and thread-safe.
 */
final class Folding {
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

  private Folding() {}

  /** The word without a possessive {@code 's} or an elided article ({@code l'}, {@code d'}). */
  static String stripClitics(String word) {
    String w = word.replace('’', '\'').replace('‘', '\'');
    int q = w.indexOf('\'');
    if (q < 0) return word;
    String head = w.substring(0, q);
    String tail = w.substring(q + 1);
    if (tail.equals("s") || tail.equals("S") || tail.isEmpty()) return word.substring(0, q);
    if (head.length() <= 2 || head.equalsIgnoreCase("qu")) return word.substring(q + 1);
    return word;
  }

  /** Case- and accent-folded identity of a word, with transliterated name endings merged. */
  static String fold(String word) {
    String w = stripClitics(word);
    if (isInitialism(w)) w = w.replace(".", "");
    String f = UCharacter.foldCase(w, true);
    if (isLatin(f)) {
      f = stripMarks(f);
      f = f.replace('ı', 'i').replace('ø', 'o').replace('ł', 'l').replace('đ', 'd')
          .replace("æ", "ae").replace("œ", "oe").replace("ð", "d").replace("þ", "th");
      if (f.length() > 4 && (f.endsWith("yy") || f.endsWith("iy") || f.endsWith("ii"))) {
        f = f.substring(0, f.length() - 2) + "y";
      }
    }
    return f;
  }

  /**
   * A folded word reduced by a light, language-neutral suffix rule so that plural and singular meet
   * ({@code talks} → {@code talk}); used for terms only, never for entity keys.
   */
  static String stem(String folded) {
    int n = folded.length();
    if (n > 4 && isLatin(folded)) {
      if (folded.endsWith("ies")) return folded.substring(0, n - 3) + "y";
      if (folded.endsWith("s") && !folded.endsWith("ss") && !folded.endsWith("us")
          && !folded.endsWith("is") && !folded.endsWith("os")) {
        return folded.substring(0, n - 1);
      }
    }
    return folded;
  }

  /** {@code U.S.}, {@code p.m.}: single letters each followed by a dot. */
  static boolean isInitialism(String w) {
    if (w.length() < 3 || w.indexOf('.') < 0) return false;
    for (int i = 0; i < w.length(); i++) {
      boolean letterSlot = i % 2 == 0;
      char c = w.charAt(i);
      if (letterSlot ? !Character.isLetter(c) : c != '.') return false;
    }
    return true;
  }

  static boolean isLatin(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isLetter(cp)) return UScript.getScript(cp) == UScript.LATIN;
      i += Character.charCount(cp);
    }
    return false;
  }

  static String stripMarks(String s) {
    String d = NFD.normalize(s);
    StringBuilder b = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); ) {
      int cp = d.codePointAt(i);
      if (UCharacter.getType(cp) != UCharacter.NON_SPACING_MARK) b.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    return NFC.normalize(b);
  }

  /** Whether a word starts with an upper-case letter (scripts with case only). */
  static boolean isCapitalized(String word) {
    if (word.isEmpty()) return false;
    int cp = word.codePointAt(0);
    return UCharacter.isUUppercase(cp) || UCharacter.isTitleCase(cp);
  }

  /** Whether a word's script distinguishes upper and lower case (Latin, Cyrillic, Greek…). */
  static boolean hasCase(String word) {
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      if (Character.isLetter(cp)) return UCharacter.toLowerCase(cp) != UCharacter.toUpperCase(cp);
      i += Character.charCount(cp);
    }
    return false;
  }
}
