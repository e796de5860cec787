package news.panorama.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.panorama.core.Entity;
import news.panorama.core.Mention;

/**
 * Finds the names an article mentions without a trained model: countries from the gazetteer
 * ({@code PLACE}) and runs of capitalized words ({@code NAME}), skipping a lone capitalized word at
 * a sentence start and title-case headings, and dropping leading titles ({@code Ukrainian President
 * Volodymyr Zelensky} → {@code Volodymyr Zelensky}). Spellings merge by folded key, and a short form
 * joins the full name it ends ({@code Zelensky} → {@code volodymyr zelensky}). One instance per
 * article.
 */
final class NameFinder {
  static final String NAME = "NAME";
  static final String PLACE = "PLACE";

  /** Words that precede a name as a role, folded; leading runs of these are not part of a name. */
  private static final Set<String> TITLES = fold(Set.of(
      "president", "vice", "prime", "minister", "foreign", "defence", "defense", "secretary", "special",
      "envoy", "spokesman", "spokeswoman", "spokesperson", "chancellor", "king", "queen", "prince",
      "princess", "pope", "mr", "mrs", "ms", "dr", "sir", "general", "gen", "sen", "senator", "rep",
      "gov", "governor", "mayor", "judge", "justice", "chief", "ceo", "chairman", "chairwoman", "leader",
      "deputy", "premier", "commander", "ambassador", "aide", "adviser", "advisor", "colonel", "captain",
      "lieutenant", "sergeant", "professor", "rev", "saint", "lord", "lady", "madame", "monsieur",
      "président", "présidente", "ministre", "präsident", "präsidentin", "kanzler",
      "bundeskanzler", "herr", "frau", "presidente", "ministro", "ministra", "señor", "señora",
      "президент", "премьер", "министр", "глава", "прем'єр", "міністр", "речник", "cumhurbaşkanı",
      "bakan", "bakanı", "başbakan", "sayın"));
  private static final Set<String> CONNECTORS = Set.of(
      "de", "da", "di", "del", "della", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le",
      "du", "dos", "das", "ben", "abu", "y");

  private final String language;
  private final Set<String> lowercaseWords;
  private final Gazetteer gazetteer = Gazetteer.get();
  private final List<Mention> raw = new ArrayList<>();

  /** @param lowercaseWords folded forms of every word written in lower case in the article */
  NameFinder(String language, Set<String> lowercaseWords) {
    this.language = language;
    this.lowercaseWords = lowercaseWords;
  }

  private static Set<String> fold(Set<String> words) {
    Set<String> out = new HashSet<>();
    for (String w : words) out.add(Folding.fold(w));
    return Set.copyOf(out);
  }

  /** Records the mentions of one sentence; {@code countryTerms} receives matched country terms by token. */
  void scan(String text, int sentence, List<Token> tokens, Map<Integer, String> countryTerms) {
    List<String> folded = new ArrayList<>(tokens.size());
    List<String> surface = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      folded.add(t.folded());
      surface.add(t.surface());
    }
    boolean heading = isTitleCase(tokens);
    int i = 0;
    while (i < tokens.size()) {
      var hit = gazetteer.match(folded, surface, i);
      if (hit.isPresent()) {
        int n = hit.get().tokens();
        Token first = tokens.get(i);
        Token last = tokens.get(i + n - 1);
        raw.add(new Mention(text.substring(first.start(), last.end()), PLACE, first.start(), last.end(),
            sentence, hit.get().term()));
        countryTerms.put(i, hit.get().term());
        for (int k = 1; k < n; k++) countryTerms.put(i + k, "");
        i += n;
        continue;
      }
      if (!isNameWord(tokens.get(i))) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < tokens.size()) {
        if (!adjacent(text, tokens.get(j - 1), tokens.get(j))) break;
        if (gazetteer.match(folded, surface, j).isPresent()) break;
        if (isNameWord(tokens.get(j))) {
          j++;
        } else if (CONNECTORS.contains(tokens.get(j).surface()) && j + 1 < tokens.size()
            && isNameWord(tokens.get(j + 1)) && adjacent(text, tokens.get(j), tokens.get(j + 1))) {
          j += 2;
        } else {
          break;
        }
      }
      addName(text, sentence, tokens.subList(i, j), i == 0, heading);
      i = j;
    }
  }

  private void addName(String text, int sentence, List<Token> run, boolean sentenceStart, boolean heading) {
    int from = 0;
    for (int k = 0; k < run.size() - 1; k++) {
      String f = run.get(k).folded();
      if (TITLES.contains(f)) from = k + 1;
    }
    while (from < run.size() - 1 && lowercaseWords.contains(run.get(from).folded())) from++;
    List<Token> name = run.subList(from, run.size());
    boolean single = name.size() == 1;
    if (single && TITLES.contains(name.get(0).folded())) return;
    boolean weak = heading || single && sentenceStart && from == 0
        || single && lowercaseWords.contains(name.get(0).folded());
    int start = name.get(0).start();
    int end = name.get(name.size() - 1).end();
    StringBuilder key = new StringBuilder();
    for (Token t : name) key.append(key.isEmpty() ? "" : " ").append(t.folded());
    raw.add(new Mention(text.substring(start, end), weak ? "?" : NAME, start, end, sentence, key.toString()));
  }

  /** Two tokens separated by spaces only (no punctuation, no line break). */
  private static boolean adjacent(String text, Token a, Token b) {
    for (int k = a.end(); k < b.start(); k++) {
      char c = text.charAt(k);
      if (c != ' ' && c != '\u00a0' && c != '-') return false;
    }
    return b.start() - a.end() <= 2;
  }

  private boolean isNameWord(Token t) {
    return !t.number() && Folding.isCapitalized(t.surface()) && !StopWords.contains(language, t.folded())
        && t.surface().codePoints().anyMatch(Character::isLowerCase) | t.surface().length() >= 2;
  }

  /** A heading in title case: every content word capitalized, or most of a longer one. */
  private boolean isTitleCase(List<Token> tokens) {
    int words = 0;
    int caps = 0;
    for (Token t : tokens) {
      if (t.number() || !Folding.hasCase(t.surface()) || StopWords.contains(language, t.folded())) continue;
      words++;
      if (Folding.isCapitalized(t.surface())) caps++;
    }
    return words >= 2 && caps == words || words >= 4 && caps >= 0.75 * words;
  }

  /**
   * The mentions, merged: weak ones (a lone word at a sentence start, names in headings) are kept only
   * when the article names the same thing elsewhere; keys collapse onto the full names they end.
   */
  List<Mention> mentions() {
    Set<String> strong = new HashSet<>();
    Map<String, Integer> multiCount = new HashMap<>();
    for (Mention m : raw) {
      if (m.type().equals("?")) continue;
      strong.add(m.entity());
      if (m.type().equals(NAME) && m.entity().indexOf(' ') > 0) multiCount.merge(m.entity(), 1, Integer::sum);
    }
    Map<String, String> canonical = new HashMap<>();
    for (String key : strong) canonical.put(key, canonicalKey(key, multiCount));
    List<Mention> out = new ArrayList<>();
    for (Mention m : raw) {
      String key = m.entity();
      String type = m.type();
      if (type.equals("?")) {
        String c = canonical.get(key);
        if (c == null) {
          String viaLast = canonicalKey(key, multiCount);
          if (viaLast.equals(key)) continue;
          c = viaLast;
        }
        type = NAME;
        key = c;
      } else if (type.equals(NAME)) {
        key = canonical.get(key);
      }
      out.add(new Mention(m.text(), type, m.start(), m.end(), m.sentence(), key));
    }
    return out;
  }

  /** The shortest multiword name that {@code key} ends with (or whose last word it is), else itself. */
  private static String canonicalKey(String key, Map<String, Integer> multiCount) {
    String best = key;
    int bestWords = Integer.MAX_VALUE;
    int bestCount = -1;
    boolean single = key.indexOf(' ') < 0;
    for (Map.Entry<String, Integer> e : multiCount.entrySet()) {
      String other = e.getKey();
      if (other.equals(key)) continue;
      boolean suffix = key.endsWith(" " + other) || single && other.endsWith(" " + key);
      if (!suffix) continue;
      int words = other.split(" ").length;
      if (words < bestWords || words == bestWords && e.getValue() > bestCount) {
        best = other;
        bestWords = words;
        bestCount = e.getValue();
      }
    }
    if (!best.equals(key) && best.indexOf(' ') > 0) {
      String further = canonicalKey(best, multiCount);
      return further.split(" ").length >= 2 ? further : best;
    }
    return best;
  }

  /** Entities of the merged mentions, most mentioned first. */
  static List<Entity> entities(List<Mention> mentions) {
    Map<String, Map<String, Integer>> spellings = new LinkedHashMap<>();
    Map<String, String> types = new HashMap<>();
    for (Mention m : mentions) {
      spellings.computeIfAbsent(m.entity(), k -> new LinkedHashMap<>()).merge(m.text(), 1, Integer::sum);
      types.putIfAbsent(m.entity(), m.type());
    }
    List<Entity> out = new ArrayList<>();
    spellings.forEach((key, forms) -> {
      int count = forms.values().stream().mapToInt(Integer::intValue).sum();
      String name = forms.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      out.add(new Entity(key, name, types.get(key), count, List.copyOf(forms.keySet())));
    });
    out.sort((a, b) -> Integer.compare(b.count(), a.count()));
    return out;
  }
}
