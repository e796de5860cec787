package news.panorama.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.panorama.core.Annotated;
import news.panorama.core.Quote;
import org.jspecify.annotations.Nullable;

/**
 * Recognises one quotation told by several articles, in different wordings or trims ("We will wait
 * for information about what will actually be discussed in Istanbul" and "We will await information
 * on what would actually be discussed in Istanbul"): two quotes are one when their speakers are one
 * canonical entity and most of the shorter quote's content words occur in the other. Content words
 * are folded, stop words left out, and cut to their first {@value #STEM} letters so that inflections
 * meet. A quote without a known speaker joins only on a near-complete overlap. Quotes in different
 * languages only meet through names and numbers, so a translated quote usually stays apart.
 *
 * <p>Not thread-safe; one instance per batch. Ids are {@code q-<article id>-<quote index>} of the
 * first quote of each group, so the same input gives the same ids.
 */
public final class QuoteLinker {
  static final int STEM = 6;
  /** Share of the shorter quote's content words the other must hold, with the same speaker. */
  static final double SAME_SPEAKER_OVERLAP = 0.6;
  /** The same without a speaker on one side: a trim or a partial quote of the same words. */
  static final double UNKNOWN_SPEAKER_OVERLAP = 0.85;
  /** Quotes of fewer content words than this are too short to tell apart ("no comment"). */
  static final int MIN_WORDS = 3;

  private final Map<String, String> entityIds;
  private final List<Item> items = new ArrayList<>();

  /** @param entityIds run-wide canonical entity ids by article entity key ({@link EntityLinker#ids()}) */
  public QuoteLinker(Map<String, String> entityIds) {
    this.entityIds = Map.copyOf(entityIds);
  }

  public void add(Annotated article) {
    List<Quote> quotes = article.quotes();
    for (int i = 0; i < quotes.size(); i++) {
      Quote q = quotes.get(i);
      String speaker = q.speakerEntity() == null ? null : entityIds.getOrDefault(q.speakerEntity(), q.speakerEntity());
      items.add(new Item(key(article.id(), i), speaker, words(q.text(), article.language())));
    }
  }

  /** The key of an article's quote in {@link #ids()}: the article id and the quote's index. */
  public static String key(String articleId, int quoteIndex) {
    return articleId + "#" + quoteIndex;
  }

  /** Each quote's run-wide id, by {@link #key}; quotes told alike share one. */
  public Map<String, String> ids() {
    int[] parent = new int[items.size()];
    for (int i = 0; i < parent.length; i++) parent[i] = i;
    for (int i = 0; i < items.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (same(items.get(i), items.get(j))) union(parent, i, j);
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String first = items.get(find(parent, i)).key;
      out.put(items.get(i).key, "q-" + first.replace('#', '-'));
    }
    return out;
  }

  private static boolean same(Item a, Item b) {
    if (a.words.size() < MIN_WORDS || b.words.size() < MIN_WORDS) return false;
    double needed;
    if (a.speaker != null && b.speaker != null) {
      if (!a.speaker.equals(b.speaker)) return false;
      needed = SAME_SPEAKER_OVERLAP;
    } else {
      needed = UNKNOWN_SPEAKER_OVERLAP;
    }
    Set<String> small = a.words.size() <= b.words.size() ? a.words : b.words;
    Set<String> large = small == a.words ? b.words : a.words;
    int shared = 0;
    for (String w : small) if (large.contains(w)) shared++;
    return shared >= needed * small.size();
  }

  static Set<String> words(String text, String language) {
    Set<String> out = new HashSet<>();
    for (String raw : text.split("[^\\p{L}\\p{N}]+")) {
      if (raw.isEmpty()) continue;
      String folded = Folding.fold(raw);
      if (folded.length() < 3 && !raw.chars().allMatch(Character::isDigit)) continue;
      if (StopWords.contains(language, folded)) continue;
      out.add(folded.length() > STEM ? folded.substring(0, STEM) : folded);
    }
    return out;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Joins two groups under the earlier root, so ids follow input order. */
  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra == rb) return;
    if (ra < rb) parent[rb] = ra;
    else parent[ra] = rb;
  }

  private record Item(String key, @Nullable String speaker, Set<String> words) {}
}
