package news.panorama.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Folds a word to the form that grouping compares: case-folded, diacritics stripped in Latin script,
 * possessive and elided articles removed, and transliteration variants of names brought together
 * ({@code Zelenskyy}, {@code Zelenskiy} → {@code zelensky}). Stateless and thread-safe.
 */
final class Folding {
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

  private Folding() {}

  /** English contractions after an apostrophe, which are not case endings ({@code Don't}, {@code She'll}). */
  private static final java.util.Set<String> CONTRACTIONS = java.util.Set.of("t", "ll", "re", "ve", "d", "m");

  /**
   * The word without a possessive {@code 's}, an elided article or preposition ({@code l'}, {@code d'},
   * {@code dell'Italia}) or a Turkish case ending written after an apostrophe ({@code Ankara'da},
   * {@code Erdoğan'ın}). Only in Latin script: in Ukrainian the apostrophe is part of the word.
   */
  static String stripClitics(String word) {
    int q = apostrophe(word);
    if (q < 0) return word;
    String head = word.substring(0, q);
    String tail = word.substring(q + 1);
    if (tail.equals("s") || tail.equals("S") || tail.isEmpty()) return head;
    if (!isLatin(word)) return word;
    if (head.length() <= 2 || head.equalsIgnoreCase("qu")) return tail;
    boolean headLower = head.chars().allMatch(c -> Character.isLowerCase(c));
    if (headLower && isCapitalized(tail)) return tail; // dell'Italia, all'Allianz, nell'Unione
    boolean tailLower = tail.chars().allMatch(c -> Character.isLowerCase(c));
    boolean vowels = isVowel(head.charAt(head.length() - 1)) && isVowel(tail.charAt(0)); // Turkish puts y between: Ankara'ya
    if (!headLower && tailLower && tail.length() <= 5 && !CONTRACTIONS.contains(tail) && !vowels) return head; // İzmir'de
    return word;
  }

  private static boolean isVowel(char c) {
    return "aeiouıöüAEIOUİÖÜâî".indexOf(c) >= 0;
  }

  private static int apostrophe(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '\'' || c == '’' || c == '‘') return i;
    }
    return -1;
  }

  /** Case- and accent-folded identity of a word, with transliterated name endings merged. */
  static String fold(String word) {
    String w = stripClitics(word);
    if (isInitialism(w)) w = w.replace(".", "");
    String f = isAscii(w) ? w.toLowerCase(java.util.Locale.ROOT) : UCharacter.foldCase(w, true);
    if (isLatin(f)) {
      f = stripMarks(f);
      f = f.replace('ı', 'i').replace('ø', 'o').replace('ł', 'l').replace('đ', 'd')
          .replace("æ", "ae").replace("œ", "oe").replace("ð", "d").replace("þ", "th");
      if (f.length() > 4 && (f.endsWith("yy") || f.endsWith("iy") || f.endsWith("ii") || f.endsWith("ij")
          || f.endsWith("yj"))) {
        f = f.substring(0, f.length() - 2) + "y";
      }
    }
    return f;
  }

  /** Cyrillic letters as English-language news writes names ({@code Зеленський} → {@code zelenskyy}). */
  private static final String CYRILLIC = "абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюяўј";
  private static final String[] LATIN = {"a", "b", "v", "g", "g", "d", "e", "ye", "e", "zh", "z", "i", "i", "i",
      "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "",
      "e", "yu", "ya", "w", "j"};
  private static final Map<String, String> KEY_CACHE = new ConcurrentHashMap<>();
  private static final int KEY_CACHE_LIMIT = 200_000;
  private static final Transliterator ANY_LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII");

  /**
   * The identity of a word of a name across scripts: Latin words as {@link #fold}, Cyrillic words
   * romanized the way news writes names ({@code Зеленський}, {@code Зеленский} → {@code zelensky};
   * {@code Ердоган} → {@code erdogan}), other cased scripts (Greek, Armenian, Georgian) through ICU's
   * Any-Latin; scripts without case (CJK, Arabic) are folded as they are.
   */
  static String nameKey(String word, String language) {
    if (isLatin(word) || !hasCase(word)) return fold(word);
    String cacheKey = language.equals("uk") ? "uk:" + word : word;
    String cached = KEY_CACHE.get(cacheKey);
    if (cached != null) return cached;
    String w = stripClitics(word).toLowerCase(java.util.Locale.ROOT);
    String latin;
    if (UScript.getScript(w.codePointAt(0)) == UScript.CYRILLIC) {
      boolean ukrainian = language.equals("uk") || w.chars().anyMatch(c -> "іїєґ".indexOf(c) >= 0);
      StringBuilder b = new StringBuilder(w.length() + 4);
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        int k = CYRILLIC.indexOf(c);
        if (c == 'и' && ukrainian) b.append('y');
        else if (k >= 0) b.append(LATIN[k]);
        else if (Character.isLetterOrDigit(c)) b.append(c);
      }
      latin = b.toString();
    } else {
      synchronized (ANY_LATIN) {
        latin = ANY_LATIN.transliterate(w);
      }
      latin = latin.replaceAll("[^\\p{L}\\p{N}]", "");
    }
    String key = fold(latin);
    if (KEY_CACHE.size() > KEY_CACHE_LIMIT) KEY_CACHE.clear();
    KEY_CACHE.put(cacheKey, key);
    return key;
  }

  /** Case endings of Slavic (and Turkish) names, romanized: {@code Ердоганом}, {@code Зеленського}. */
  private static final java.util.Set<String> NAME_ENDINGS = java.util.Set.of("", "a", "u", "e", "y", "i", "om", "em",
      "oj", "oyu", "oi", "ym", "im", "ogo", "ego", "omu", "emu", "ovi", "evi", "yu", "iu", "ya", "ia", "ov", "ev", "ykh",
      "ikh", "ami", "am", "ah");

  /**
   * Whether two romanized name words are one name in different grammatical cases: they share a stem
   * of at least four letters and differ only by case endings ({@code erdogan}/{@code erdoganom},
   * {@code zelensky}/{@code zelenskogo}, {@code peskov}/{@code peskova}).
   */
  static boolean sameNameWord(String a, String b) {
    if (a.equals(b)) return true;
    int n = Math.min(a.length(), b.length());
    int p = 0;
    while (p < n && a.charAt(p) == b.charAt(p)) p++;
    return p >= 4 && NAME_ENDINGS.contains(a.substring(p)) && NAME_ENDINGS.contains(b.substring(p));
  }

  /**
   * A rough phonetic skeleton of a romanized name word, for comparing names across transliterations
   * ({@code witkoff} and {@code vitkoff} → {@code vitkof}): w as v, y as i, kh as h, doubled letters once.
   */
  static String skeleton(String key) {
    String s = key.replace('w', 'v').replace('y', 'i').replace("kh", "h").replace("j", "i");
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      if (i == 0 || s.charAt(i) != s.charAt(i - 1)) b.append(s.charAt(i));
    }
    return b.toString();
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

  /**
   * Whether a language is written without spaces between its words and without capitals (Chinese,
   * Japanese): a number or a name stands right against the words around it.
   */
  static boolean writtenWithoutSpaces(String language) {
    return language.equals("ja") || language.equals("zh");
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
    if (isAscii(s)) return s; // nothing to decompose
    String d = NFD.normalize(s);
    StringBuilder b = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); ) {
      int cp = d.codePointAt(i);
      if (UCharacter.getType(cp) != UCharacter.NON_SPACING_MARK) b.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    return NFC.normalize(b);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) return false;
    }
    return true;
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
