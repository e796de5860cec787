package news.panorama.translate;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a word of another script in Latin letters the way English news would print a name:
 * ICU's transliterators (BGN/PCGN for Russian and Ukrainian, UNGEGN for Greek, Arabic, Hebrew,
 * Hangul, kana; Han through Mandarin pinyin only as a last resort) followed by plain ASCII, without
 * apostrophes for soft signs, capitalised. Thread-safe.
 */
final class Romanizer {
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
  /** Foreign sounds katakana writes with small vowels, as English spells them (ICU writes {@code u~e} for ウェ). */
  private static final String KATAKANA_LOANS = """
      ウィ > wi; ウェ > we; ウォ > wo; ヴァ > va; ヴィ > vi; ヴェ > ve; ヴォ > vo; ヴ > vu;
      ティ > ti; ディ > di; トゥ > tu; ドゥ > du; ファ > fa; フィ > fi; フェ > fe; フォ > fo;
      シェ > she; ジェ > je; チェ > che; ツァ > tsa; ツェ > tse; ツォ > tso; イェ > ye;
      :: Katakana-Latin;
      """;
  private static final Map<String, Transliterator> BY_ID = new ConcurrentHashMap<>();

  private Romanizer() {}

  /** The word in ASCII Latin letters, capitalised when {@code name} is true. Latin words come back as they are. */
  static String romanize(String word, String language, boolean name) {
    if (word.isEmpty() || isLatin(word)) return word;
    String id = transliterator(word, language);
    Transliterator t = BY_ID.computeIfAbsent(id, Romanizer::create);
    String latin;
    synchronized (t) {
      latin = t.transliterate(word);
    }
    latin = latin.replace("~", "").replace("'", "").replace("ʹ", "").replace("ʺ", "").replace("ʼ", "").replace("ʻ", "");
    latin = latin.replaceAll("\\s+", " ").strip();
    if (latin.isEmpty() || !isLatin(latin)) return word;
    return name ? capitalise(latin) : latin;
  }

  private static Transliterator create(String id) {
    if (id.equals("ja-Kana")) {
      return Transliterator.createFromRules("ja-Kana-Latin", KATAKANA_LOANS + ":: Latin-ASCII;", Transliterator.FORWARD);
    }
    return Transliterator.getInstance(id + "; Latin-ASCII");
  }

  /** The ICU transliterator for the word's script (and language, where they differ), or null. */
  private static String transliterator(String word, String language) {
    int script = script(word);
    return switch (script) {
      case UScript.CYRILLIC -> switch (language) {
        case "uk" -> "Ukrainian-Latin/BGN";
        case "ru" -> "Russian-Latin/BGN";
        case "be" -> "Belarusian-Latin/BGN";
        case "bg" -> "Bulgarian-Latin/BGN";
        case "mk" -> "Macedonian-Latin/BGN";
        case "sr" -> "Serbian-Latin/BGN";
        default -> word.chars().anyMatch(c -> "іїєґ".indexOf(Character.toLowerCase(c)) >= 0)
            ? "Ukrainian-Latin/BGN" : "Russian-Latin/BGN";
      };
      case UScript.GREEK -> "Greek-Latin/UNGEGN";
      case UScript.KATAKANA -> "ja-Kana";
      case UScript.HIRAGANA -> "Hiragana-Latin";
      case UScript.HAN -> "Han-Latin";
      default -> "Any-Latin";
    };
  }

  /** The script of the word's first letter (common and inherited characters skipped). */
  static int script(String word) {
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      int s = UScript.getScript(cp);
      if (s != UScript.COMMON && s != UScript.INHERITED) {
        // a run of katakana with the prolonged-sound mark ー (script common) stays katakana
        return s;
      }
      i += Character.charCount(cp);
    }
    return UScript.COMMON;
  }

  static boolean isLatin(String word) {
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      int s = UScript.getScript(cp);
      if (s != UScript.LATIN && s != UScript.COMMON && s != UScript.INHERITED) return false;
      i += Character.charCount(cp);
    }
    return true;
  }

  static String capitalise(String s) {
    if (s.isEmpty()) return s;
    int cp = s.codePointAt(0);
    return new StringBuilder().appendCodePoint(UCharacter.toTitleCase(cp)).append(s, Character.charCount(cp), s.length()).toString();
  }

  /** The word without diacritics: {@code élection} → {@code election}. */
  static String stripMarks(String s) {
    String d = NFD.normalize(s);
    StringBuilder b = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) b.append(c);
    }
    return b.toString();
  }
}
