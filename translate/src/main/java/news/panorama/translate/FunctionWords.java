package news.panorama.translate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The grammatical words of a language, each dropped or given one English word, from the
 * hand-written lists shipped with Panorama ({@code function-words/xx.txt}; their format is in the
 * README beside them). A language without a list has none. Read once per language; thread-safe.
 */
final class FunctionWords {
  /**
   * What a function word becomes.
   *
   * @param english the English word, empty when the word is dropped
   * @param beforeName the English word used before a capitalised word, when it differs
   */
  record Gloss(String english, String beforeName) {
    boolean dropped() {
      return english.isEmpty();
    }

    /** English that attaches to the word before it ({@code 's}). */
    boolean attaches() {
      return english.startsWith("'");
    }
  }

  private static final Map<String, FunctionWords> BY_LANGUAGE = new ConcurrentHashMap<>();
  private final NavigableMap<String, Gloss> words;

  private FunctionWords(Map<String, Gloss> words) {
    this.words = Collections.unmodifiableNavigableMap(new TreeMap<>(words));
  }

  static FunctionWords of(String language) {
    return BY_LANGUAGE.computeIfAbsent(language, FunctionWords::load);
  }

  /** The gloss of a word (compared {@link Dictd#fold folded}), if it is a function word. */
  Optional<Gloss> find(String word) {
    return Optional.ofNullable(words.get(Dictd.fold(word)));
  }

  /** The gloss of a word already folded ({@link CldrNames#key}), or null. */
  @Nullable Gloss findKey(String key) {
    return words.get(key);
  }

  /** Whether some function word (or phrase of them) starts with the folded key. */
  boolean hasPrefix(String key) {
    String next = words.ceilingKey(key);
    return next != null && next.startsWith(key);
  }

  /** The elided prefix a word starts with ({@code l'} of {@code l'ouverture}), or null. */
  @Nullable String elidedPrefix(String word) {
    String w = Dictd.fold(word.replace('’', '\''));
    int q = w.indexOf('\'');
    if (q <= 0 || q == w.length() - 1) return null;
    String prefix = w.substring(0, q + 1);
    return words.containsKey(prefix) ? prefix : null;
  }

  /** The suffix a word ends with after an apostrophe ({@code 'da} of {@code Ankara'da}), or null. */
  @Nullable String apostropheSuffix(String word) {
    String w = Dictd.fold(word.replace('’', '\''));
    int q = w.lastIndexOf('\'');
    if (q <= 0) return null;
    String suffix = w.substring(q);
    return words.containsKey(suffix) ? suffix : null;
  }

  private static FunctionWords load(String language) {
    Map<String, Gloss> out = new HashMap<>();
    if (!language.matches("[a-z]{2}")) return new FunctionWords(out);
    try (InputStream in = FunctionWords.class.getResourceAsStream("function-words/" + language + ".txt")) {
      if (in == null) return new FunctionWords(out);
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.isEmpty() || line.startsWith("#")) continue;
        String[] f = lines[i].split("\t");
        if (f.length < 2) {
          throw new IllegalStateException("function-words/" + language + ".txt:" + (i + 1) + ": expected word TAB English");
        }
        String english = f[1].strip().equals("-") ? "" : f[1].strip();
        String beforeName = f.length > 2 ? f[2].strip() : english;
        out.putIfAbsent(Dictd.fold(f[0]), new Gloss(english, beforeName));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the function words of " + language, e);
    }
    return new FunctionWords(out);
  }
}
