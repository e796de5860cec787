package news.panorama.cluster;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A rough sound of a name, the same for its Latin spelling and its Japanese katakana one: Japanese
 * writes foreign names by their sound, adding vowels between consonants and reading l as r
 * (イズミル izumiru for Izmir, ゼレンスキー zerensukī for Zelensky, ウィトコフ witokofu for Witkoff), so the
 * consonants of the romanized katakana, with l and r, v and f, m and n, ch and t and the sibilants
 * each taken as one, are those of the Latin name ({@code smr}, {@code srnsk}, {@code wtkf}). Only names of at least three
 * such consonants get a key: shorter ones meet too many other names. Of a name of several words, the
 * last (the surname). Thread-safe: the transliterator is one per thread, and the keys of names seen
 * are kept in a bounded shared cache (transliterating is the costly part).
 */
final class SoundKeys {
  /** The fewest consonants a key needs. */
  static final int MIN_CONSONANTS = 3;
  private static final ThreadLocal<Transliterator> KATAKANA_LATIN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Katakana-Latin; Latin-ASCII"));

  private SoundKeys() {}

  /**
   * Whether a language writes foreign names by their sound, so that its names meet other languages'
   * only through their keys: Japanese, in katakana.
   */
  static boolean writtenBySound(String language) {
    return language.equals("ja");
  }

  /** Whether the text has a katakana letter (the long-vowel mark and the middle dot aside). */
  static boolean hasKatakana(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '\u30a1' && c <= '\u30fa') return true;
    }
    return false;
  }

  /** Names keep coming back in the news: their keys are remembered, up to {@link #CACHED} of them. */
  private static final java.util.concurrent.ConcurrentHashMap<String, String> CACHE = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int CACHED = 200_000;
  /** What the cache holds for a name without a key. */
  private static final String NONE = "";

  /** The sound key of a name's last word, written in katakana or in Latin letters, or null. */
  static @Nullable String of(String name) {
    String known = CACHE.get(name);
    if (known == null) {
      String key = compute(name);
      known = key == null ? NONE : key;
      if (CACHE.size() >= CACHED) CACHE.clear(); // a bounded memory; the names of the day come back at once
      CACHE.put(name, known);
    }
    return known.isEmpty() ? null : known;
  }

  private static @Nullable String compute(String name) {
    String last = name.strip();
    int cut = Math.max(Math.max(last.lastIndexOf(' '), last.lastIndexOf('・')), last.lastIndexOf('･'));
    if (cut >= 0) last = last.substring(cut + 1);
    if (hasKatakana(last)) {
      // ICU writes the small vowels of ウィ, ヴァ as u~i, vu~a: the sound is wi, va
      last = KATAKANA_LATIN.get().transliterate(last).replace("vu~", "v").replace("u~", "w").replace("~", "");
    }
    String s = last.toLowerCase(Locale.ROOT);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 'a' || c > 'z') return null; // not a Latin or katakana name (Han, Hangul, digits)
    }
    return skeleton(s);
  }

  /** The consonants of a lower-case ASCII word, as {@link SoundKeys} reads them; null when too few. */
  static @Nullable String skeleton(String w) {
    // digraphs first; Japanese writes ti and chi alike (プーチン puchin for Putin), so ch is t
    String s = w.replace("tch", "t").replace("cz", "t").replace("ch", "t").replace("sh", "s").replace("ts", "t")
        .replace("ph", "f").replace("ck", "k").replace("th", "t").replace("ng", "n");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
      char c = switch (s.charAt(i)) {
        case 'a', 'e', 'i', 'o', 'u', 'y', 'h', '\'' -> 0;
        case 'l' -> 'r';
        case 'v' -> 'f';
        case 'q' -> 'k';
        case 'x' -> 's';
        case 'j', 'z' -> 's'; // ズ zu for the s of Charles, ジ ji for j
        case 'm' -> 'n'; // ン before p and b (トランプ toranpu for Trump)
        case 'c' -> next == 'e' || next == 'i' || next == 'y' ? 's' : 'k';
        default -> s.charAt(i);
      };
      if (c == 0 || out.length() > 0 && out.charAt(out.length() - 1) == c) continue;
      out.append(c);
    }
    return out.length() >= MIN_CONSONANTS ? out.toString() : null;
  }
}
