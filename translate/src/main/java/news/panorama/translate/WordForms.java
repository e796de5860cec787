package news.panorama.translate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The forms a dictionary may list an inflected word under, from the rules shipped in
 * {@code word-forms.tsv}: French {@code appellent} may be {@code appeler}, Ukrainian
 * {@code Туреччини} may be {@code Туреччина}, Arabic {@code والسعودية} is {@code و} (and) glued to
 * {@code السعودية}. Rules over-generate on purpose: a candidate counts only when a dictionary or
 * CLDR knows it. Stateless and thread-safe.
 */
final class WordForms {
  /** A candidate form, and the English of a prefix taken off it ({@code and} for Arabic و), empty when none. */
  record Form(String word, String prefixEnglish) {}

  private record Rule(String ending, String replacement) {}

  private static final Map<String, List<Rule>> SUFFIXES;
  private static final Map<String, List<Rule>> PREFIXES;

  static {
    Map<String, List<Rule>> suffixes = new java.util.HashMap<>();
    Map<String, List<Rule>> prefixes = new java.util.HashMap<>();
    try (InputStream in = WordForms.class.getResourceAsStream("word-forms.tsv")) {
      if (in == null) throw new IllegalStateException("word-forms.tsv is missing from the class path");
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.split("\t", -1);
        if (f.length != 3) throw new IllegalStateException("word-forms.tsv: expected language, ending, replacement: " + line);
        if (f[1].startsWith("^")) {
          prefixes.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Rule(f[1].substring(1), f[2].equals("-") ? "" : f[2]));
        } else {
          suffixes.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Rule(f[1], f[2]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read word-forms.tsv", e);
    }
    SUFFIXES = Map.copyOf(suffixes);
    PREFIXES = Map.copyOf(prefixes);
  }

  private WordForms() {}

  /** The word itself first, then the forms its ending suggests, then the same for the word without a glued prefix. */
  static List<Form> candidates(String word, String language) {
    List<Form> out = new ArrayList<>();
    for (String w : endings(word, language)) out.add(new Form(w, ""));
    for (Rule p : PREFIXES.getOrDefault(language, List.of())) {
      if (word.startsWith(p.ending()) && word.length() - p.ending().length() >= 2) {
        for (String w : endings(word.substring(p.ending().length()), language)) out.add(new Form(w, p.replacement()));
      }
    }
    return out;
  }

  private static Set<String> endings(String word, String language) {
    Set<String> out = new LinkedHashSet<>();
    out.add(word);
    for (Rule r : SUFFIXES.getOrDefault(language, List.of())) {
      if (word.endsWith(r.ending()) && word.length() - r.ending().length() >= 2) {
        out.add(word.substring(0, word.length() - r.ending().length()) + r.replacement());
      }
    }
    return out;
  }
}
