package news.panorama.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Zyte article-extraction benchmark's metric: texts are cut into word tokens (runs of letters,
 * digits and underscores of any script, as Python's {@code \w+} finds them, case kept), tokens into
 * overlapping 4-token shingles counted as a multiset, and each page gets a precision and a recall
 * from matched, extra and lost shingles. Across pages the precisions and recalls are averaged
 * (macro) and F1 is taken of the two averages. Add pages with {@link #add}, then read
 * {@link #result}. Not thread-safe; cost is linear in the text.
 */
final class ShingleScore {
  static final int SHINGLE = 4;

  private double precisionSum;
  private int precisionPages;
  private double recallSum;
  private int recallPages;
  private int exact;
  private int pages;

  /** Precision, recall and F1 of the averages, share of exact token matches, and page count. */
  record Result(double precision, double recall, double f1, double accuracy, int pages) {}

  /** One page's scores; precision or recall is NaN when that side has no shingle. */
  record Page(double precision, double recall, int matched, int extra, int lost) {}

  /** Scores one page: its ground-truth body against the extracted body (empty = nothing extracted). */
  Page add(String truth, String extracted) {
    List<String> gold = words(truth);
    List<String> got = words(extracted);
    pages++;
    if (gold.equals(got)) exact++;
    Map<List<String>, Integer> g = shingles(gold);
    Map<List<String>, Integer> e = shingles(got);
    int matched = 0;
    int extra = 0;
    int lost = 0;
    for (Map.Entry<List<String>, Integer> x : e.entrySet()) {
      int inGold = g.getOrDefault(x.getKey(), 0);
      matched += Math.min(inGold, x.getValue());
      extra += Math.max(0, x.getValue() - inGold);
    }
    for (Map.Entry<List<String>, Integer> x : g.entrySet()) {
      lost += Math.max(0, x.getValue() - e.getOrDefault(x.getKey(), 0));
    }
    boolean perfect = extra == 0 && lost == 0;
    double p = Double.NaN;
    double r = Double.NaN;
    if (matched + extra > 0) {
      p = perfect ? 1.0 : (double) matched / (matched + extra);
      precisionSum += p;
      precisionPages++;
    }
    if (matched + lost > 0) {
      r = perfect ? 1.0 : (double) matched / (matched + lost);
      recallSum += r;
      recallPages++;
    }
    return new Page(p, r, matched, extra, lost);
  }

  Result result() {
    double p = precisionPages == 0 ? 0 : precisionSum / precisionPages;
    double r = recallPages == 0 ? 0 : recallSum / recallPages;
    double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return new Result(p, r, f1, pages == 0 ? 0 : (double) exact / pages, pages);
  }

  /**
   * The word tokens of a text as Python's Unicode {@code \w+} finds them: letters (Lu, Ll, Lt, Lm,
   * Lo), numbers (Nd, Nl, No) and the underscore. Combining marks separate tokens, as they do in
   * Python (Java's own {@code \w} with UNICODE_CHARACTER_SET would keep them, and differ).
   */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    int start = -1;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (isWordChar(cp)) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        out.add(text.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) out.add(text.substring(start));
    return out;
  }

  static boolean isWordChar(int cp) {
    if (cp == '_') return true;
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
           Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
           Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
      default -> false;
    };
  }

  /** The multiset of 4-token runs; a text of 1 to 3 tokens is one shorter run, an empty one none. */
  static Map<List<String>, Integer> shingles(List<String> tokens) {
    Map<List<String>, Integer> bag = new HashMap<>();
    if (tokens.isEmpty()) return bag;
    if (tokens.size() < SHINGLE) {
      bag.put(tokens, 1);
      return bag;
    }
    for (int i = 0; i + SHINGLE <= tokens.size(); i++) {
      bag.merge(tokens.subList(i, i + SHINGLE), 1, Integer::sum);
    }
    return bag;
  }
}
