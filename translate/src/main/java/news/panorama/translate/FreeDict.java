package news.panorama.translate;

import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The FreeDict bilingual dictionaries installed on this machine (Debian's {@code dict-freedict-*}
 * packages put {@code freedict-fra-eng.index} and {@code .dict.dz} in {@code /usr/share/dictd}),
 * read at run time and never shipped with Panorama: most are GPL, the Japanese one (JMdict) is
 * CC BY-SA. For a language, the dictionary into English is used, and the one from English read
 * backwards ({@code freedict-eng-tur} tells that {@code deprem} is an earthquake) where installed:
 * it covers words the first lacks, confirms one of its senses, or stands alone (Russian has only
 * English–Russian). A language with neither has no dictionary: the gloss then rests on CLDR names
 * and transliteration.
 *
 * <p>Each language's dictionaries are opened on first use and kept (the backward one is read
 * whole once, under a second); glosses are remembered up to a bound. Thread-safe.
 */
final class FreeDict implements AutoCloseable {
  /** Where Debian installs dictd dictionaries. */
  static final Path DEBIAN = Path.of("/usr/share/dictd");
  private static final int MEMO_LIMIT = 200_000;
  private static final Pattern NUMBERED = Pattern.compile("^\\d+\\.\\s*");
  private static final Pattern PRONUNCIATION = Pattern.compile("/[^/]*/");

  private final List<Path> folders;
  private final String target;
  private final Map<String, Optional<Dictionary>> byLanguage = new ConcurrentHashMap<>();
  private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());

  /**
   * @param folders searched in order for {@code freedict-XXX-YYY.index} files
   * @param target ISO 639-1 code of the language glosses are in
   */
  FreeDict(List<Path> folders, String target) {
    this.folders = List.copyOf(folders);
    this.target = target;
  }

  /** The dictionaries between {@code language} (ISO 639-1) and the target language, if any is installed. */
  Optional<Dictionary> into(String language) {
    if (language.isEmpty() || language.equals(target)) return Optional.empty();
    return byLanguage.computeIfAbsent(language, this::find);
  }

  /** Languages with an installed dictionary into or from the target language, by ISO 639-1 code. */
  List<String> installed() {
    List<String> out = new ArrayList<>();
    for (String lang : ULocale.getISOLanguages()) {
      if (lang.length() == 2 && !lang.equals(target) && (files(lang, target) != null || files(target, lang) != null)) out.add(lang);
    }
    return out;
  }

  private Optional<Dictionary> find(String language) {
    Path[] forward = files(language, target);
    Path[] backward = files(target, language);
    if (forward == null && backward == null) return Optional.empty();
    try {
      Dictd f = forward == null ? null : Dictd.open(forward[0], forward[1]);
      Reverse r = null;
      if (backward != null) {
        try (Dictd b = Dictd.open(backward[0], backward[1])) {
          r = Reverse.of(b);
        }
      }
      return Optional.of(new Dictionary(language, f, r));
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      // a damaged dictionary is left out: the language is glossed as if none were installed
      Path[] where = forward != null ? forward : backward;
      problems.add("cannot read the dictionary " + where[0] + ", glossing " + language + " without it: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Dictionaries that were found but could not be read, each with the reason. */
  List<String> problems() {
    synchronized (problems) {
      return List.copyOf(problems);
    }
  }

  /** The index and data files of {@code freedict-<from>-<to>}, or null. */
  private Path @Nullable [] files(String from, String to) {
    String a = iso3(from);
    String b = iso3(to);
    if (a == null || b == null) return null;
    for (Path folder : folders) {
      Path index = folder.resolve("freedict-" + a + "-" + b + ".index");
      if (!Files.isRegularFile(index)) continue;
      for (String ext : new String[] {".dict.dz", ".dict"}) {
        Path dict = folder.resolve("freedict-" + a + "-" + b + ext);
        if (Files.isRegularFile(dict)) return new Path[] {index, dict};
      }
    }
    return null;
  }

  /** FreeDict names languages by ISO 639-3 ({@code fra}, {@code jpn}); ICU knows the mapping. */
  private static @Nullable String iso3(String language) {
    try {
      String s = new ULocale(language).getISO3Language();
      return s.isEmpty() ? null : s;
    } catch (MissingResourceException e) {
      return null;
    }
  }

  @Override
  public void close() {
    byLanguage.values().forEach(d -> d.ifPresent(Dictionary::close));
  }

  /** The alternatives of an entry's first sense, cleaned; empty when it has none. */
  static List<String> firstSense(String entry) {
    List<List<String>> senses = senses(entry, 1);
    return senses.isEmpty() ? List.of() : senses.get(0);
  }

  /**
   * Up to {@code most} senses of an entry, each as its cleaned alternatives: without the headword
   * line, grammar, notes, examples, cross-references, pronunciations, bracketed detail or a leading
   * "to"; what follows a colon is a second wording and dropped.
   */
  static List<List<String>> senses(String entry, int most) {
    String[] lines = entry.split("\n");
    List<List<String>> out = new ArrayList<>();
    for (int i = 1; i < lines.length && out.size() < most; i++) {
      String t = withoutJmdictNote(lines[i].strip());
      if (t.isEmpty() || t.startsWith("Note:") || t.startsWith("Synonym") || t.startsWith("Antonym")
          || t.startsWith("see:") || t.startsWith("\"") || t.startsWith("Example") || t.contains("Note:")) {
        continue;
      }
      t = NUMBERED.matcher(t).replaceFirst("");
      t = PRONUNCIATION.matcher(t).replaceAll(" ");
      List<String> alternatives = new ArrayList<>();
      for (String alt : splitTopLevel(t)) {
        String a = withoutBracketed(cutAtTag(alt));
        int colon = a.indexOf(':');
        if (colon >= 0) a = a.substring(0, colon);
        a = a.replaceAll("\\s+", " ").strip().replaceAll("^(to|a|an|the) ", "").replaceAll("[.;]+$", "").strip();
        if (a.isEmpty() || a.length() > 40 || a.startsWith("-") || a.endsWith("-") || a.endsWith("…")
            || a.codePoints().noneMatch(Character::isLetter)) {
          continue;
        }
        alternatives.add(a);
      }
      if (!alternatives.isEmpty()) out.add(alternatives);
    }
    return out;
  }

  /**
   * JMdict's usage notes (its fixed "misc" vocabulary) as FreeDict prints them, glued to the sense
   * that follows: {@code Note: word usually written using kana alonestyle, manner}.
   */
  private static final List<String> JMDICT_NOTES = List.of("word usually written using kana alone",
      "polite (teineigo) language", "honorific or respectful (sonkeigo) language", "humble (kenjougo) language",
      "abbreviation", "colloquialism", "archaism", "familiar language", "female term or language",
      "male term or language", "slang", "idiomatic expression", "derogatory", "obsolete term", "rare term", "rare",
      "vulgar expression or word", "onomatopoeic or mimetic word", "yojijukugo", "sensitive", "jocular, humorous term",
      "poetical term", "children's language", "manga slang", "Internet slang", "word usually written using kanji alone");

  /** The sense after a JMdict note, or the line unchanged when it is no such note. */
  private static String withoutJmdictNote(String line) {
    if (!line.startsWith("Note: ")) return line;
    String rest = line.substring("Note: ".length());
    for (String note : JMDICT_NOTES) {
      if (rest.startsWith(note)) return rest.substring(note.length()).strip();
    }
    return line;
  }

  /** Splits on commas and semicolons outside brackets. */
  private static List<String> splitTopLevel(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(' || c == '[' || c == '{') depth++;
      else if ((c == ')' || c == ']' || c == '}') && depth > 0) depth--;
      else if ((c == ',' || c == ';') && depth == 0) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  /** German–English marks the end of a term with a grammar tag such as {@code <n>}; what follows is an abbreviation. */
  private static String cutAtTag(String s) {
    int lt = s.indexOf('<');
    return lt < 0 ? s : s.substring(0, lt);
  }

  static String withoutBracketed(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(' || c == '[' || c == '{') depth++;
      else if ((c == ')' || c == ']' || c == '}') && depth > 0) depth--;
      else if (depth == 0) b.append(c);
    }
    return b.toString();
  }

  /** An entry's headword as written (before its pronunciation), for case-sensitive languages. */
  private static String headword(String entry) {
    int nl = entry.indexOf('\n');
    String head = nl < 0 ? entry : entry.substring(0, nl);
    int slash = head.indexOf(" /");
    return withoutBracketed(slash < 0 ? head : head.substring(0, slash)).strip();
  }

  /** Whether a sample of 60 entries' first glosses nearly all start with a capital (Arabic–English's do). */
  private static boolean capitalisesAll(List<String> sample) {
    int seen = 0;
    int upper = 0;
    for (String g : sample) {
      seen++;
      if (Character.isUpperCase(g.codePointAt(0))) upper++;
    }
    return seen >= 20 && upper * 10 >= seen * 9;
  }

  /**
   * An English–X dictionary read backwards: each X word or phrase to the English headword that
   * lists it earliest (first sense, first place), the shorter English word on a tie.
   */
  static final class Reverse {
    private final java.util.NavigableMap<String, String> english;
    private final boolean capitalisesAll;

    private Reverse(Map<String, String> english, boolean capitalisesAll) {
      this.english = java.util.Collections.unmodifiableNavigableMap(new java.util.TreeMap<>(english));
      this.capitalisesAll = capitalisesAll;
    }

    boolean hasPrefix(String key) {
      String next = english.ceilingKey(key);
      return next != null && next.startsWith(key);
    }

    boolean contains(String key) {
      return english.containsKey(key);
    }

    static Reverse of(Dictd dictd) throws IOException {
      Map<String, String> best = new HashMap<>();
      Map<String, Integer> rank = new HashMap<>();
      List<String> heads = new ArrayList<>();
      dictd.forEachEntry(entry -> {
        String head = headword(entry);
        if (head.isEmpty() || head.length() > 40 || head.startsWith("00database")) return;
        if (heads.size() < 60 && Character.isLetter(head.codePointAt(0))) heads.add(head);
        List<List<String>> senses = senses(entry, 4);
        for (int s = 0; s < senses.size(); s++) {
          List<String> alts = senses.get(s);
          for (int p = 0; p < alts.size(); p++) {
            String k = Dictd.fold(alts.get(p));
            int r = s * 100 + p;
            Integer old = rank.get(k);
            if (old == null || r < old || r == old && better(head, best.get(k), k)) {
              best.put(k, head);
              rank.put(k, r);
            }
          }
        }
      });
      return new Reverse(best, capitalisesAll(heads));
    }

    /** On a tie, the English word spelled like the foreign one, else the shorter. */
    private static boolean better(String head, String current, String foreign) {
      boolean a = Dictionary.cognate(foreign, List.of(head, "")) != null;
      boolean b = Dictionary.cognate(foreign, List.of(current, "")) != null;
      if (a != b) return a;
      return head.length() < current.length();
    }

    @Nullable String get(String word) {
      String e = english.get(Dictd.fold(word));
      if (e == null) return null;
      return capitalisesAll ? e.toLowerCase(Locale.ROOT) : e;
    }

    int size() {
      return english.size();
    }
  }

  /**
   * The dictionaries of one language, turning an entry into a short gloss: the first sense's first
   * alternative, unless another alternative of the entry is what the backward dictionary says
   * (both directions agree) or is spelled like the source word (a cognate: {@code observation},
   * not {@code admonition}); when a dictionary lists senses alphabetically (Arabic–English), the
   * alternative the others build on ({@code New} in {@code Brand-new, Fresh, Newfound, New}). A
   * dictionary that capitalises every gloss has them lower-cased (names come from CLDR first).
   */
  static final class Dictionary {
    private final String language;
    private final @Nullable Dictd forward;
    private final @Nullable Reverse reverse;
    private final Map<String, String> memo = new ConcurrentHashMap<>();
    private final boolean capitalisesAll;

    Dictionary(String language, @Nullable Dictd forward, @Nullable Reverse reverse) {
      this.language = language;
      this.forward = forward;
      this.reverse = reverse;
      this.capitalisesAll = forward != null && capitalisesAll(sample(forward));
    }

    private static List<String> sample(Dictd d) {
      List<String> out = new ArrayList<>();
      int step = Math.max(1, d.size() / 60);
      for (int i = 0; i < d.size(); i += step) {
        List<String> sense = firstSense(d.entryAt(i));
        if (!sense.isEmpty()) out.add(sense.get(0));
      }
      return out;
    }

    String language() {
      return language;
    }

    /** Whether either direction has a headword starting with the folded key. */
    boolean hasPrefix(String key) {
      return forward != null && forward.hasPrefix(key) || reverse != null && reverse.hasPrefix(key);
    }

    /** Whether either direction has the folded key as a headword. */
    boolean contains(String key) {
      return forward != null && forward.contains(key) || reverse != null && reverse.contains(key);
    }

    /** Headwords known in either direction. */
    int size() {
      return (forward == null ? 0 : forward.size()) + (reverse == null ? 0 : reverse.size());
    }

    /** The gloss of a word, if a dictionary knows it; see {@link #gloss(String, boolean)}. */
    Optional<String> gloss(String word) {
      return gloss(word, false);
    }

    /**
     * The gloss of a word or phrase (compared folded).
     *
     * @param matchCase keep only entries whose headword has the word's initial case (German: the
     *     noun {@code Deutschen} is not the adjective {@code deutschen})
     */
    Optional<String> gloss(String word, boolean matchCase) {
      String key = (matchCase ? (Character.isUpperCase(word.codePointAt(0)) ? "U" : "l") : "*") + Dictd.fold(word);
      String known = memo.get(key);
      if (known == null) {
        known = choose(word, matchCase);
        if (memo.size() > MEMO_LIMIT) memo.clear();
        memo.put(key, known);
      }
      return known.isEmpty() ? Optional.empty() : Optional.of(known);
    }

    private String choose(String word, boolean matchCase) {
      String backward = reverse == null ? null : reverse.get(word);
      List<String> entries = forward == null ? new ArrayList<>() : new ArrayList<>(forward.entries(word));
      if (matchCase) {
        boolean upper = Character.isUpperCase(word.codePointAt(0));
        entries.removeIf(e -> {
          String h = headword(e);
          return h.isEmpty() || Character.isUpperCase(h.codePointAt(0)) != upper;
        });
      }
      // homographs: the entry marked as common (JMdict's news1/ichi1/spec1) before the rare ones
      entries.sort(Comparator.comparingInt(e -> common(e) ? 0 : 1));
      List<String> first = new ArrayList<>();
      List<String> all = new ArrayList<>();
      for (String e : entries) {
        List<List<String>> senses = senses(e, 6);
        if (senses.isEmpty()) continue;
        if (first.isEmpty()) first.addAll(senses.get(0));
        else if (language.equals("de")) first.addAll(senses.get(0)); // German–English: one translation per entry
        senses.forEach(all::addAll);
      }
      if (first.isEmpty()) return backward == null ? "" : backward;
      boolean unranked = alphabetical(all);
      String best = cognate(word, all);
      if (best == null && unranked) best = foundation(all);
      if (best == null && backward != null) {
        for (String a : all) {
          if (a.equalsIgnoreCase(backward)) {
            best = a;
            break;
          }
        }
      }
      if (best == null) best = first.get(0);
      if (capitalisesAll) best = best.toLowerCase(Locale.ROOT);
      return best;
    }

    /**
     * The kana reading a Japanese dictionary gives a word (its first form written in kana alone, from
     * the most common entry), if any.
     */
    Optional<String> reading(String word) {
      String key = "r" + word;
      String known = memo.get(key);
      if (known == null) {
        known = readingOf(word);
        if (memo.size() > MEMO_LIMIT) memo.clear();
        memo.put(key, known);
      }
      return known.isEmpty() ? Optional.empty() : Optional.of(known);
    }

    private String readingOf(String word) {
      if (forward == null) return "";
      List<String> entries = new ArrayList<>(forward.entries(word));
      entries.sort(Comparator.comparingInt(e -> common(e) ? 0 : 1));
      for (String e : entries) {
        int nl = e.indexOf('\n');
        String head = nl < 0 ? e : e.substring(0, nl);
        for (String form : head.split(",")) {
          String f = PRONUNCIATION.matcher(withoutBracketed(form)).replaceAll("").strip();
          if (!f.isEmpty() && f.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
              || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA || c == 'ー')) {
            return f;
          }
        }
      }
      return "";
    }

    private static boolean common(String entry) {
      int nl = entry.indexOf('\n');
      String head = nl < 0 ? entry : entry.substring(0, nl);
      return head.contains("[news1]") || head.contains("[ichi1]") || head.contains("[spec1]");
    }

    /**
     * An alternative spelled like the source word, or null: the same first four letters and more
     * than half the letters, or an edit distance of at most 40% ({@code offre}/{@code offer},
     * {@code grupo}/{@code group}); compared without accents, single words only.
     */
    static @Nullable String cognate(String word, List<String> alternatives) {
      if (alternatives.size() < 2) return null;
      String w = Romanizer.stripMarks(word.toLowerCase(Locale.ROOT));
      if (w.length() < 4) return null;
      String best = null;
      double bestScore = 0;
      for (String alt : alternatives) {
        String a = alt.toLowerCase(Locale.ROOT);
        if (a.indexOf(' ') >= 0 || a.length() < 4) continue;
        int p = 0;
        while (p < Math.min(a.length(), w.length()) && a.charAt(p) == w.charAt(p)) p++;
        int longer = Math.max(a.length(), w.length());
        double prefixScore = p >= 4 ? p / (double) longer : 0;
        double editScore = 1 - distance(a, w) / (double) longer;
        double score = Math.max(prefixScore >= 0.5 ? prefixScore : 0, editScore >= 0.6 ? editScore : 0);
        if (score > bestScore + 1e-9) {
          best = alt;
          bestScore = score;
        }
      }
      return best;
    }

    private static int distance(String a, String b) {
      int[] prev = new int[b.length() + 1];
      int[] cur = new int[b.length() + 1];
      for (int j = 0; j <= b.length(); j++) prev[j] = j;
      for (int i = 1; i <= a.length(); i++) {
        cur[0] = i;
        for (int j = 1; j <= b.length(); j++) {
          int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
          cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        }
        int[] t = prev;
        prev = cur;
        cur = t;
      }
      return prev[b.length()];
    }

    /** Whether nearly every alternative follows the one before it in alphabetical order (the list carries no ranking). */
    private static boolean alphabetical(List<String> alternatives) {
      if (alternatives.size() < 4) return false;
      int ordered = 0;
      for (int i = 1; i < alternatives.size(); i++) {
        if (alternatives.get(i - 1).compareToIgnoreCase(alternatives.get(i)) <= 0) ordered++;
      }
      return ordered * 5 >= (alternatives.size() - 1) * 4;
    }

    /** The alternative most others contain ({@code New} in {@code Brand-new, Newfound}), or null when none is contained in another. */
    private static @Nullable String foundation(List<String> alternatives) {
      String best = null;
      int bestCount = 0;
      for (String a : alternatives) {
        String l = a.toLowerCase(Locale.ROOT);
        int count = 0;
        for (String b : alternatives) if (b != a && b.toLowerCase(Locale.ROOT).contains(l)) count++;
        if (count > bestCount) {
          best = a;
          bestCount = count;
        }
      }
      return best;
    }

    void close() {
      if (forward != null) forward.close();
    }
  }
}
