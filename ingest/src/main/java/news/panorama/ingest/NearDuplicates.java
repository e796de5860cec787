package news.panorama.ingest;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.panorama.core.Article;
import news.panorama.core.Validate;
import org.jspecify.annotations.Nullable;

/**
 * Marks wire copy that several outlets republish: an article whose body is nearly the same as one
 * seen shortly before gets {@value #DUPLICATE_OF} (the id of the original) and
 * {@value #FIRST_PUBLISHED_BY} (the original's outlet) in {@link Article#extra()}. Nothing is
 * dropped: each outlet's copy, with its own headline and edits, stays its own article.
 *
 * <p>Method: MinHash with banded locality-sensitive hashing over shingles of {@value #SHINGLE}
 * words of the body. MinHash was chosen over a 64-bit SimHash because it estimates the Jaccard
 * overlap of the shingle sets directly, so the threshold reads as "share at least half of their
 * word sequences". A wire story with an added sentence keeps a Jaccard near 0.8, but its SimHash
 * is expected to move by about six bits of 64 on a 150-word story (the angle of two shingle vectors
 * with cosine 0.95 is a tenth of π, and each bit flips with that fraction), past the usual limit of
 * three. {@value #BANDS} bands of {@value #ROWS} rows make a pair with Jaccard 0.5 a candidate
 * with probability 0.93 (0.3: 0.42, 0.1: 0.02); each candidate is then checked on the whole
 * signature against {@link #THRESHOLD}. Words are runs of letters and digits, lower-cased;
 * in scripts written without spaces (Han, kana, Thai…) each character is a word.
 *
 * <p>The original of a group is the copy published first; undated copies count as later than
 * dated ones, and ties go to the one seen first. A copy that arrives after a later-published copy
 * of the same text becomes the original for the copies that follow, but cannot unmark what was
 * already handed on (the store is append-only). Replay hands articles over in publication order,
 * and a live crawl roughly so from its second round on (a later copy appears in a later round), so
 * this happens mostly in a first round over many outlets.
 *
 * <p>Cost is bounded: the window remembers the last {@code capacity} articles ({@link
 * #DEFAULT_CAPACITY} by default, about 2.6 KB each as measured, so about 26 MB when full), and at
 * most {@link #MAX_WORDS} words of a body are read; marking a 400-word article takes about 0.1 ms.
 * Bodies under {@link #MIN_SHINGLES} shingles (a caption, a one-line brief) are neither marked nor
 * remembered. Thread-safe: calls are serialized.
 */
public final class NearDuplicates {
  /** The extra field naming the first copy's article id. */
  public static final String DUPLICATE_OF = "near_duplicate_of";
  /** The extra field naming the first copy's outlet. */
  public static final String FIRST_PUBLISHED_BY = "first_published_by";
  /** How many recent articles are remembered by default. */
  public static final int DEFAULT_CAPACITY = 10_000;
  /** The least estimated Jaccard overlap of two bodies' shingles for them to be copies. */
  public static final double THRESHOLD = 0.5;
  /** Words read per body at most; a longer body is judged on its beginning. */
  public static final int MAX_WORDS = 5_000;
  /** Bodies with fewer shingles than this are ignored. */
  public static final int MIN_SHINGLES = 20;

  static final int SHINGLE = 4;
  static final int BANDS = 20;
  static final int ROWS = 3;
  static final int HASHES = BANDS * ROWS;
  private static final long[] SEEDS = seeds();

  private final int capacity;
  private final ArrayDeque<Entry> window = new ArrayDeque<>();
  private final Map<Long, List<Entry>> bands = new HashMap<>();

  /** A window of {@link #DEFAULT_CAPACITY} articles. */
  public NearDuplicates() {
    this(DEFAULT_CAPACITY);
  }

  /** @param capacity how many recent articles are remembered; older ones are forgotten first */
  public NearDuplicates(int capacity) {
    Validate.isTrue(capacity > 0, "near-duplicate window capacity must be positive, got " + capacity);
    this.capacity = capacity;
  }

  /**
   * The article, marked as a copy when a remembered article has nearly the same body and was
   * published no later; remembers it either way. An article that already carries a mark (replayed
   * from an earlier run) keeps it and is remembered as a copy of that original.
   */
  public synchronized Article mark(Article article) {
    int[] signature = signature(article.text());
    if (signature == null) return article;
    Original own = Original.of(article);
    Entry match = bestMatch(signature);
    Article out = article;
    Original original = own;
    if (article.extra().get(DUPLICATE_OF) instanceof String id) {
      Object by = article.extra().get(FIRST_PUBLISHED_BY);
      // the original was published no later than its copy: the copy's date stands in for its own
      original = new Original(id, by instanceof String s ? s : "", article.published());
    } else if (match != null && !own.earlierThan(match.original)) {
      original = match.original;
      out = withMark(article, original.id, original.source);
    }
    remember(new Entry(signature, original));
    return out;
  }

  /**
   * An edited version of a stored article, with the mark its earlier version got unless it carries
   * one itself. Revisions are not {@link #mark}ed: the window may hold the earlier version, which
   * they would match.
   */
  public static Article keepMark(Article revised, Article earlier) {
    if (revised.extra().containsKey(DUPLICATE_OF) || !(earlier.extra().get(DUPLICATE_OF) instanceof String id)) {
      return revised;
    }
    return withMark(revised, id, String.valueOf(earlier.extra().getOrDefault(FIRST_PUBLISHED_BY, "")));
  }

  private static Article withMark(Article article, String originalId, String originalSource) {
    Map<String, Object> extra = new LinkedHashMap<>(article.extra());
    extra.put(DUPLICATE_OF, originalId);
    extra.put(FIRST_PUBLISHED_BY, originalSource);
    return new Article(article.id(), article.url(), article.source(), article.country(), article.language(),
        article.published(), article.title(), article.text(), article.authors(), article.image(), article.html(),
        article.file(), extra);
  }

  /** How many articles the window holds now; never more than the capacity. */
  synchronized int remembered() {
    return window.size();
  }

  /** How many band keys the index holds now; never more than the capacity times {@value #BANDS}. */
  synchronized int indexed() {
    return bands.size();
  }

  /** Of the remembered articles similar enough, the one whose group was published first (the most similar on a tie). */
  private @Nullable Entry bestMatch(int[] signature) {
    Entry best = null;
    int bestAgree = 0;
    int needed = (int) Math.ceil(THRESHOLD * HASHES);
    for (int b = 0; b < BANDS; b++) {
      List<Entry> candidates = bands.get(bandKey(signature, b));
      if (candidates == null) continue;
      for (Entry e : candidates) {
        int agree = 0;
        for (int i = 0; i < HASHES; i++) {
          if (e.signature[i] == signature[i]) agree++;
        }
        if (agree < needed) continue;
        if (best == null || e.original.earlierThan(best.original)
            || !best.original.earlierThan(e.original) && agree > bestAgree) {
          best = e;
          bestAgree = agree;
        }
      }
    }
    return best;
  }

  private void remember(Entry entry) {
    if (window.size() >= capacity) forget(window.removeFirst());
    window.addLast(entry);
    for (int b = 0; b < BANDS; b++) {
      bands.merge(bandKey(entry.signature, b), List.of(entry), (old, add) -> {
        List<Entry> all = new ArrayList<>(old.size() + 1);
        all.addAll(old);
        all.addAll(add);
        return all;
      });
    }
  }

  private void forget(Entry entry) {
    for (int b = 0; b < BANDS; b++) {
      long key = bandKey(entry.signature, b);
      List<Entry> list = bands.get(key);
      if (list == null) continue;
      if (list.size() == 1 && list.get(0) == entry) {
        bands.remove(key);
      } else {
        List<Entry> rest = new ArrayList<>(list);
        rest.removeIf(e -> e == entry);
        if (rest.isEmpty()) bands.remove(key); else bands.put(key, List.copyOf(rest));
      }
    }
  }

  private static long bandKey(int[] signature, int band) {
    long h = band * 0x9E3779B97F4A7C15L;
    for (int r = 0; r < ROWS; r++) h = mix(h ^ (signature[band * ROWS + r] & 0xFFFFFFFFL));
    return h;
  }

  /** The MinHash signature of a body's word shingles, or null when the body is too short. */
  static int @Nullable [] signature(String text) {
    List<String> words = words(text);
    int shingles = words.size() - SHINGLE + 1;
    if (shingles < MIN_SHINGLES) return null;
    int[] mins = new int[HASHES];
    java.util.Arrays.fill(mins, Integer.MAX_VALUE);
    long[] wordHashes = new long[words.size()];
    for (int i = 0; i < wordHashes.length; i++) wordHashes[i] = hash(words.get(i));
    for (int s = 0; s < shingles; s++) {
      long h = 0;
      for (int k = 0; k < SHINGLE; k++) h = mix(h * 31 + wordHashes[s + k]);
      for (int i = 0; i < HASHES; i++) {
        int v = (int) (mix(h ^ SEEDS[i]) >>> 32);
        if (Integer.compareUnsigned(v, mins[i]) < 0) mins[i] = v;
      }
    }
    return mins;
  }

  /** Lower-cased runs of letters and digits, each character apart in scripts written without spaces; at most {@link #MAX_WORDS}. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < text.length() && out.size() < MAX_WORDS; ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c) || isMark(c) && word.length() > 0) {
        if (unspaced(c)) {
          if (word.length() > 0) out.add(word.toString());
          word.setLength(0);
          out.add(new String(Character.toChars(Character.toLowerCase(c))));
        } else {
          word.appendCodePoint(Character.toLowerCase(c));
        }
      } else if (word.length() > 0) {
        out.add(word.toString());
        word.setLength(0);
      }
    }
    if (word.length() > 0 && out.size() < MAX_WORDS) out.add(word.toString());
    return out;
  }

  private static boolean isMark(int c) {
    int t = Character.getType(c);
    return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK;
  }

  private static boolean unspaced(int c) {
    Character.UnicodeScript s = Character.UnicodeScript.of(c);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.THAI
        || s == Character.UnicodeScript.LAO || s == Character.UnicodeScript.KHMER
        || s == Character.UnicodeScript.MYANMAR || s == Character.UnicodeScript.TIBETAN;
  }

  private static long hash(String word) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < word.length(); i++) {
      h ^= word.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** The SplitMix64 finalizer: spreads every input bit over the output. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static long[] seeds() {
    long[] s = new long[HASHES];
    long x = 0x5EED_0F_9A_2026L;
    for (int i = 0; i < s.length; i++) {
      x += 0x9E3779B97F4A7C15L;
      s[i] = mix(x);
    }
    return s;
  }

  /** Who published a group's text first. */
  private record Original(String id, String source, @Nullable Instant published) {
    static Original of(Article a) {
      return new Original(a.id(), a.source(), a.published());
    }

    /** Published strictly before {@code other}; undated counts as later than any date. */
    boolean earlierThan(Original other) {
      if (published == null) return false;
      return other.published == null || published.isBefore(other.published);
    }
  }

  /** One remembered article: its signature and the original of its group. */
  private record Entry(int[] signature, Original original) {}
}
