package news.panorama.brief;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * ROUGE-N as the ROUGE-1.5.5 script computes it with the options of the published DUC 2004 figures
 * ({@code -n 4 -m -l 100 -f A -p 0.5 -t 0}, no {@code -s}):
 *
 * <ol>
 *   <li>a text's lines are joined with spaces and cut to its first {@code wordLimit}
 *       whitespace-separated words, counted before punctuation is removed (summary and references alike);
 *   <li>lower-cased; every {@code -} becomes a token of its own; every character other than
 *       {@code a-z 0-9 -} becomes a space; tokens not starting with a letter or digit are dropped;
 *   <li>tokens longer than 3 characters are stemmed: the WordNet 2.0 exception list when it has the
 *       word, the Porter stemmer otherwise (Lucene's {@code PorterStemmer}, Martin Porter's reference
 *       version; no stopword removal);
 *   <li>per reference, hits = Σ min(summary count, reference count) over n-grams; over the references
 *       R = Σ hits / Σ reference n-grams, P = Σ hits / (references × summary n-grams) ({@code -f A});
 *       R and P are rounded to 5 decimals as ROUGE prints them, then F = P·R / (α·P + (1−α)·R), α = 0.5.
 * </ol>
 *
 * <p>Averaging over clusters is left to the caller ({@code -t 0}: each cluster on its own); the
 * bootstrap mean ROUGE prints ({@code -c 95 -r 1000}) is not reproduced, a plain mean is the usual
 * re-implementation figure. Thread-safe.
 */
public final class Rouge {
  /** The folder name of the exception list beside the DUC 2004 data. */
  public static final String EXCEPTIONS_DIR = "wordnet-2.0-exceptions";
  /** The exception files in the order ROUGE-1.5.5 reads them (a later entry overrides an earlier one). */
  public static final List<String> EXCEPTION_FILES = List.of("adj.exc", "adv.exc", "noun.exc", "verb.exc");

  /** One ROUGE-N result: recall and precision rounded to 5 decimals as ROUGE prints them, F from those. */
  public record Score(double recall, double precision, double f) {
    public static final Score ZERO = new Score(0, 0, 0);

    /** ROUGE's F-measure from rounded recall and precision, alpha the weight of precision (0.5: balanced). */
    static Score of(double recall, double precision, double alpha) {
      double r = round5(recall);
      double p = round5(precision);
      double f = (p > 0 && r > 0) ? p * r / (alpha * r + (1 - alpha) * p) : 0;
      return new Score(r, p, f);
    }
  }

  private static final Analyzer PORTER = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new KeywordTokenizer();
      return new TokenStreamComponents(source, new PorterStemFilter(source));
    }
  };

  private final Map<String, String> exceptions;
  private final int wordLimit;
  private final double alpha;
  private final Map<String, String> stems = new ConcurrentHashMap<>();

  /**
   * @param exceptions irregular form → base form (ROUGE's WordNet 2.0 list), consulted before Porter
   * @param wordLimit words kept of each text ({@code -l}), 0 or less for no limit
   * @param alpha weight of precision in F ({@code -p}), 0.5 balanced
   */
  public Rouge(Map<String, String> exceptions, int wordLimit, double alpha) {
    this.exceptions = Map.copyOf(exceptions);
    this.wordLimit = wordLimit;
    this.alpha = alpha;
  }

  /** The official DUC 2004 set-up: the exception list in {@code exceptionsDir}, 100 words, balanced F. */
  public static Rouge duc2004(Path exceptionsDir) {
    return new Rouge(readExceptions(exceptionsDir), 100, 0.5);
  }

  /**
   * Reads ROUGE's WordNet exception list: lines {@code form base [base…]} of {@code adj.exc},
   * {@code adv.exc}, {@code noun.exc}, {@code verb.exc} in that order; the first base form is kept and a
   * later line overrides an earlier one. Missing files are skipped.
   */
  public static Map<String, String> readExceptions(Path dir) {
    Map<String, String> out = new HashMap<>();
    for (String name : EXCEPTION_FILES) {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) continue;
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String[] f = line.strip().split("\\s+");
          if (f.length >= 2 && !f[0].isEmpty()) out.put(f[0], f[1]);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  public int wordLimit() {
    return wordLimit;
  }

  /** The text's lines joined and cut to the first {@code limit} whitespace-separated words (all if limit ≤ 0). */
  public static List<String> words(String text, int limit) {
    List<String> out = new ArrayList<>();
    for (String w : text.strip().split("\\s+")) {
      if (limit > 0 && out.size() == limit) break;
      if (!w.isEmpty()) out.add(w);
    }
    return out;
  }

  /** ROUGE's tokenization of already cut text: lower case, {@code -} split off, other punctuation removed. */
  public static List<String> tokenize(String text) {
    String s = text.toLowerCase(Locale.ROOT).replace("-", " - ");
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ? c : ' ');
    }
    List<String> out = new ArrayList<>();
    for (String t : b.toString().split(" +")) {
      if (!t.isEmpty() && Character.isLetterOrDigit(t.charAt(0))) out.add(t);
    }
    return out;
  }

  /** ROUGE's stemming of one lower-case token: none up to 3 characters, else exception list, else Porter. */
  public String stem(String token) {
    if (token.length() <= 3) return token;
    String base = exceptions.get(token);
    if (base != null) return base;
    return stems.computeIfAbsent(token, Rouge::porter);
  }

  /**
   * The Porter stem ROUGE-1.5.5 gives a word: Lucene's {@code PorterStemmer} (Martin Porter's reference
   * algorithm), plus one departure of ROUGE's Perl stemmer measured on the DUC 2004 scores: where
   * step 4 removed a suffix and what is left still ends with a step-4 suffix on a long enough stem,
   * ROUGE removes that one too ({@code governmental} → govern, {@code congressional} → congress,
   * {@code traditionally} → tradit; Lucene: government, congression, tradition). Without it 19 of the
   * 325 published summaries of the dev half score one unigram hit below the official ROUGE-1.
   */
  static String porter(String word) {
    String once = lucenePorter(word);
    if (once.equals(word)) return word;
    // Step 5 runs after step 4; when it trimmed a final e or l (the word goes on with it), the form step 4
    // left is not the output, so the second removal does not apply.
    if (word.startsWith(once + "e") || word.startsWith(once + "l")) return once;
    String twice = step4(once);
    return twice.equals(once) ? once : step5(twice);
  }

  /** Lucene's Porter stemmer on one lower-case word (its {@code PorterStemmer} through {@code PorterStemFilter}). */
  static String lucenePorter(String word) {
    try (TokenStream ts = PORTER.tokenStream("", word)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      String out = ts.incrementToken() ? term.toString() : word;
      ts.end();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Porter's step-4 suffixes, each removed when the stem before it has measure > 1 ({@code ion} after s or t). */
  private static final List<String> STEP4 = List.of("al", "ance", "ence", "er", "ic", "able", "ible", "ant",
      "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize");

  private static String step4(String w) {
    for (String suffix : STEP4) {
      if (!w.endsWith(suffix)) continue;
      String stem = w.substring(0, w.length() - suffix.length());
      if (suffix.equals("ion") && !(stem.endsWith("s") || stem.endsWith("t"))) continue;
      return measure(stem) > 1 ? stem : w;
    }
    return w;
  }

  /** Porter's step 5: a final e off when m > 1 (or m = 1 and not cvc), then ll → l when m > 1. */
  private static String step5(String w) {
    if (w.endsWith("e")) {
      String stem = w.substring(0, w.length() - 1);
      int m = measure(stem);
      if (m > 1 || (m == 1 && !cvc(stem))) w = stem;
    }
    if (w.endsWith("ll") && measure(w) > 1) w = w.substring(0, w.length() - 1);
    return w;
  }

  /** Porter's consonant: not a, e, i, o, u, and y only when it follows a vowel or starts the word. */
  private static boolean consonant(String s, int i) {
    char c = s.charAt(i);
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') return false;
    return c != 'y' || i == 0 || !consonant(s, i - 1);
  }

  /** Porter's measure m of [C](VC){m}[V]. */
  static int measure(String s) {
    int m = 0;
    int i = 0;
    int n = s.length();
    while (i < n && consonant(s, i)) i++;
    while (i < n) {
      while (i < n && !consonant(s, i)) i++;
      if (i == n) break;
      while (i < n && consonant(s, i)) i++;
      m++;
    }
    return m;
  }

  /** Porter's *o: the stem ends consonant-vowel-consonant, the last not w, x or y. */
  private static boolean cvc(String s) {
    int n = s.length();
    if (n < 3 || !consonant(s, n - 1) || consonant(s, n - 2) || !consonant(s, n - 3)) return false;
    char c = s.charAt(n - 1);
    return c != 'w' && c != 'x' && c != 'y';
  }

  /** The tokens ROUGE counts for a text: cut to the word limit, tokenized and stemmed. */
  public List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String t : tokenize(String.join(" ", words(text, wordLimit)))) out.add(stem(t));
    return out;
  }

  /** The n-grams of a token sequence (tokens joined by a space) with their counts. */
  public static Map<String, Integer> ngrams(List<String> tokens, int n) {
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i + n <= tokens.size(); i++) {
      out.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
    }
    return out;
  }

  /** ROUGE-N of a summary against its references ({@code -f A}: counts summed over references). */
  public Score score(String summary, List<String> references, int n) {
    return score(summary, references, n, n)[0];
  }

  /** ROUGE-1 … ROUGE-maxN of a summary against its references, index 0 for ROUGE-1. */
  public Score[] scoreUpTo(String summary, List<String> references, int maxN) {
    return score(summary, references, 1, maxN);
  }

  private Score[] score(String summary, List<String> references, int minN, int maxN) {
    if (minN < 1 || maxN < minN) throw new IllegalArgumentException("n must be ≥ 1");
    if (references.isEmpty()) throw new IllegalArgumentException("no reference summary");
    List<String> peer = tokens(summary);
    List<List<String>> refs = references.stream().map(this::tokens).toList();
    Score[] out = new Score[maxN - minN + 1];
    for (int n = minN; n <= maxN; n++) {
      Map<String, Integer> peerGrams = ngrams(peer, n);
      long peerTotal = Math.max(0, peer.size() - n + 1);
      long hits = 0;
      long refTotal = 0;
      for (List<String> ref : refs) {
        for (Map.Entry<String, Integer> e : ngrams(ref, n).entrySet()) {
          hits += Math.min(e.getValue(), peerGrams.getOrDefault(e.getKey(), 0));
          refTotal += e.getValue();
        }
      }
      double recall = refTotal == 0 ? 0 : hits / (double) refTotal;
      double precision = peerTotal == 0 ? 0 : hits / (double) (peerTotal * refs.size());
      out[n - minN] = Score.of(recall, precision, alpha);
    }
    return out;
  }

  /** Rounds as C's {@code printf("%.5f")} does: the exact binary value, ties to even. */
  public static double round5(double x) {
    return new BigDecimal(x).setScale(5, RoundingMode.HALF_EVEN).doubleValue();
  }

  /** Formats a value to 5 decimals as ROUGE prints it. */
  public static String format5(double x) {
    return new BigDecimal(x).setScale(5, RoundingMode.HALF_EVEN).toPlainString();
  }
}
