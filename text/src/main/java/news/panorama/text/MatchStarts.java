package news.panorama.text;

import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a pattern's match can begin: a cheap necessary condition on the characters at an offset
 * (a digit there, or the first letters of one of a set of words), so that a scan tries the pattern
 * only at those offsets. Patterns made of long alternations of names matched case-insensitively are
 * slow to fail at every word of a text; with a sound condition the scan finds exactly the matches
 * {@link Matcher#find()} finds, in a fraction of the time. Immutable and thread-safe.
 */
abstract class MatchStarts {
  /** Every offset: the pattern is tried everywhere, as {@link Matcher#find()} does. */
  static final MatchStarts ANYWHERE = new MatchStarts() {
    @Override
    int next(String text, int from) {
      return from;
    }
  };

  /** Offsets holding a decimal digit ({@code \d}, also with {@code UNICODE_CHARACTER_CLASS}). */
  static final MatchStarts DIGIT = new MatchStarts() {
    @Override
    int next(String text, int from) {
      int n = text.length();
      for (int at = from; at < n; at++) {
        char c = text.charAt(at);
        if (c >= '0' && c <= '9' || c >= 0x80 && Character.isDigit(text.codePointAt(at))) return at;
      }
      return n;
    }
  };

  /** The first offset at or after {@code from} where a match may begin; the text's length if none. */
  abstract int next(String text, int from);

  /** Offsets where this or {@code other} says a match may begin. */
  final MatchStarts or(MatchStarts other) {
    return new Either(this, other);
  }

  /**
   * Offsets where one of {@code literals} may begin when a pattern compiled with
   * {@code CASE_INSENSITIVE | UNICODE_CASE} matches it: the first (up to) three characters compared
   * after the same folding the pattern applies ({@code toLowerCase(toUpperCase(c))}). Falls back to
   * {@link #ANYWHERE} when a literal is empty, has characters outside the BMP, or folds unstably,
   * where the condition could not be proved necessary.
   */
  static MatchStarts caseInsensitive(Collection<String> literals) {
    @SuppressWarnings("unchecked")
    Set<Long>[] byLength = new Set[] {new HashSet<>(), new HashSet<>(), new HashSet<>()};
    BitSet firsts = new BitSet();
    for (String w : literals) {
      if (w.isEmpty()) return ANYWHERE;
      long key = 0;
      int n = Math.min(3, w.length());
      for (int k = 0; k < n; k++) {
        char c = w.charAt(k);
        int f = fold(c);
        if (Character.isSurrogate(c) || f > 0xFFFF || fold(f) != f) return ANYWHERE;
        key = key << 16 | f;
        if (k == 0) firsts.set(f);
      }
      byLength[n - 1].add(key);
    }
    return new Prefixes(firsts, byLength);
  }

  /**
   * Calls {@code onMatch} for each match of {@code pattern} in {@code text}, in order, exactly as a
   * {@link Matcher#find()} loop would for a pattern that cannot match the empty string, trying the
   * pattern only where {@code starts} allows.
   */
  static void forEachMatch(Pattern pattern, String text, MatchStarts starts, Consumer<Matcher> onMatch) {
    Matcher m = pattern.matcher(text);
    if (starts == ANYWHERE) {
      while (m.find()) onMatch.accept(m);
      return;
    }
    m.useTransparentBounds(true).useAnchoringBounds(false);
    int n = text.length();
    Cursor cursor = starts.cursor(text);
    for (int at = cursor.next(0); at < n; at = cursor.next(at)) {
      m.region(at, n);
      if (m.lookingAt()) {
        onMatch.accept(m);
        at = Math.max(m.end(), at + 1);
      } else {
        at++;
      }
    }
  }

  /** Successive candidate offsets of one text, {@code from} never decreasing between calls. */
  interface Cursor {
    int next(int from);
  }

  Cursor cursor(String text) {
    return from -> next(text, from);
  }

  /** A character as case-insensitive Unicode matching compares it (ASCII without table look-ups). */
  private static int fold(int c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  /** Offsets either condition allows; each side's next candidate is remembered, so a scan stays linear. */
  private static final class Either extends MatchStarts {
    private final MatchStarts a;
    private final MatchStarts b;

    Either(MatchStarts a, MatchStarts b) {
      this.a = a;
      this.b = b;
    }

    @Override
    int next(String text, int from) {
      return Math.min(a.next(text, from), b.next(text, from));
    }

    @Override
    Cursor cursor(String text) {
      Cursor ca = a.cursor(text);
      Cursor cb = b.cursor(text);
      int[] pending = {-1, -1};
      return from -> {
        if (pending[0] < from) pending[0] = ca.next(from);
        if (pending[1] < from) pending[1] = cb.next(from);
        return Math.min(pending[0], pending[1]);
      };
    }
  }

  /**
   * The folded first characters of the literals, and a bit per hashed folded prefix of one to three
   * characters (a collision only costs a needless try of the pattern).
   */
  private static final class Prefixes extends MatchStarts {
    private static final int BITS = 1 << 16;
    private final boolean[] asciiFirsts = new boolean[0x80];
    private final BitSet firsts;
    private final BitSet[] prefixes = new BitSet[3];
    private final int longest;

    Prefixes(BitSet firsts, Set<Long>[] byLength) {
      this.firsts = firsts;
      for (int c = 0; c < 0x80; c++) asciiFirsts[c] = firsts.get(fold(c));
      int longest = 0;
      for (int k = 0; k < 3; k++) {
        prefixes[k] = new BitSet(BITS);
        for (long key : byLength[k]) prefixes[k].set(slot(key));
        if (!byLength[k].isEmpty()) longest = k + 1;
      }
      this.longest = longest;
    }

    private static int slot(long key) {
      return (int) (key ^ key >>> 17 ^ key >>> 35) * 0x9E3779B1 >>> 16;
    }

    @Override
    int next(String text, int from) {
      int n = text.length();
      for (int at = from; at < n; at++) {
        char c = text.charAt(at);
        if ((c < 0x80 ? asciiFirsts[c] : firsts.get(fold(c) & 0xFFFF)) && prefixAt(text, at)) return at;
      }
      return n;
    }

    private boolean prefixAt(String text, int at) {
      long key = 0;
      for (int k = 0; k < longest && at + k < text.length(); k++) {
        key = key << 16 | (fold(text.charAt(at + k)) & 0xFFFF);
        if (prefixes[k].get(slot(key))) return true;
      }
      return false;
    }
  }
}
