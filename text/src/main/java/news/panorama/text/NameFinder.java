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
 * Volodymyr Zelensky} → {@code Volodymyr Zelensky}). Spellings merge by folded key (Cyrillic and other
 * cased scripts romanized, see {@link Folding#nameKey}), and a short form joins the full name it ends,
 * also in another grammatical case ({@code Zelensky} → {@code volodymyr zelensky}). Each name is typed
 * by the words around it: a title before it ({@code PERSON}), an organization word or acronym
 * ({@code ORG}), a place preposition or the gazetteer ({@code PLACE}), else {@code NAME}; an entity
 * takes the type most of its mentions suggest. One instance per article.
 */
final class NameFinder {
  static final String NAME = "NAME";
  static final String PLACE = "PLACE";
  static final String PERSON = "PERSON";
  static final String ORG = "ORG";

  /** Last words that make a name an organization, folded. */
  private static final Set<String> ORG_WORDS = fold(Set.of(
      "inc", "corp", "corporation", "ltd", "llc", "plc", "ag", "gmbh", "sa", "group", "bank", "party", "ministry",
      "agency", "council", "commission", "union", "organization", "organisation", "association", "university",
      "company", "committee", "court", "parliament", "congress", "senate", "army", "forces", "police",
      "department", "office", "institute", "foundation", "federation", "news", "times", "post", "press",
      "airlines", "fund", "alliance", "service", "guard", "assembly", "church", "club", "network", "media",
      "ministère", "parti", "banque", "université", "gruppe", "partei", "ministerium", "universität", "bundestag",
      "ministerio", "partido", "banco", "universidad", "ministero", "partito", "министерство", "партия", "банк",
      "міністерство", "партія", "університет", "bakanlığı", "partisi", "bankası", "üniversitesi"));
  /** Words after which a capitalized word is a place ({@code in Ankara}, {@code à Ankara}, {@code в Анкаре}). */
  private static final Set<String> PLACE_PREPOSITIONS = Set.of(
      "in", "at", "near", "à", "en", "nach", "im", "в", "во", "у", "під", "под", "до");

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
      "bakan", "bakanı", "başbakan", "sayın", "секретарь", "секретар", "пресс-секретарь", "прес-секретар", "спикер",
      "спікер", "посол", "очільник", "генсек", "канцлер", "король", "мэр", "мер", "губернатор"));
  /** Stems of Slavic titles whose inflection changes the stem ({@code спецпосланцем}, {@code представителя}). */
  private static final List<String> TITLE_STEMS = List.of("спецпосланц", "посланц", "посланник", "представител",
      "представник", "спецпредставител", "помощник", "помічник", "советник", "радник");
  private static final Set<String> CONNECTORS = Set.of(
      "de", "da", "di", "del", "della", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le",
      "du", "dos", "das", "ben", "abu", "y");

  private final String language;
  private final Set<String> lowercaseWords;
  private final Gazetteer gazetteer = Gazetteer.get();
  private final List<Mention> raw = new ArrayList<>();
  /** The kind each raw mention's context suggests (PERSON, ORG, PLACE or NAME), by raw index. */
  private final List<String> signals = new ArrayList<>();
  private final Map<String, String> countries = new HashMap<>();

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
    boolean heading = isTitleCase(tokens) && !endsLikeSentence(text, tokens);
    int i = 0;
    while (i < tokens.size()) {
      var hit = gazetteer.match(folded, surface, i);
      if (hit.isPresent()) {
        int n = hit.get().tokens();
        Token first = tokens.get(i);
        Token last = tokens.get(i + n - 1);
        raw.add(new Mention(text.substring(first.start(), last.end()), PLACE, first.start(), last.end(),
            sentence, hit.get().term()));
        signals.add(PLACE);
        String code = gazetteer.country(hit.get());
        if (!code.isEmpty()) countries.putIfAbsent(hit.get().term(), code);
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
      addName(text, sentence, tokens, i, j, heading);
      i = j;
    }
  }

  private void addName(String text, int sentence, List<Token> tokens, int runStart, int runEnd, boolean heading) {
    List<Token> run = tokens.subList(runStart, runEnd);
    boolean sentenceStart = runStart == 0 || opensClause(text, tokens.get(runStart).start());
    int from = 0;
    if (run.size() >= 3 && runStart > 0 && isTitle(tokens.get(runStart - 1).folded())
        && !Folding.isLatin(run.get(0).surface()) && "аяиыуі".indexOf(run.get(0).folded().charAt(run.get(0).folded().length() - 1)) >= 0) {
      from = 1; // пресс-секретарь Кремля Дмитрий Песков: the genitive word belongs to the title
    }
    for (int k = from; k < run.size() - 1; k++) {
      String f = run.get(k).folded();
      if (TITLES.contains(f)) from = k + 1;
    }
    while (from < run.size() - 1 && lowercaseWords.contains(run.get(from).folded())) from++;
    List<Token> name = run.subList(from, run.size());
    boolean single = name.size() == 1;
    if (single && isTitle(name.get(0).folded())) return;
    boolean weak = heading || single && sentenceStart && from == 0
        || single && lowercaseWords.contains(name.get(0).folded());
    int start = name.get(0).start();
    int end = name.get(name.size() - 1).end();
    StringBuilder key = new StringBuilder();
    for (Token t : name) key.append(key.isEmpty() ? "" : " ").append(Folding.nameKey(t.surface(), language));
    String signal = signal(tokens, runStart, from, name);
    if (signal.equals("CALENDAR")) return;
    raw.add(new Mention(text.substring(start, end), weak ? "?" : NAME, start, end, sentence, key.toString()));
    signals.add(signal);
  }

  /** What the words around a name say it is: a title before it, an organization word, a place preposition. */
  private static String signal(List<Token> tokens, int runStart, int titleWords, List<Token> name) {
    Token last = name.get(name.size() - 1);
    if (ORG_WORDS.contains(last.folded())) return ORG;
    if (name.size() == 1 && isAcronym(last.surface())) return ORG;
    if (titleWords > 0) return PERSON;
    for (int k = runStart - 1; k >= Math.max(0, runStart - 3); k--) {
      if (isTitle(tokens.get(k).folded())) return PERSON;
    }
    if (name.size() == 1 && DateFinder.isCalendarWord(last.surface())) return "CALENDAR";
    if (runStart > 0 && PLACE_PREPOSITIONS.contains(tokens.get(runStart - 1).folded())) return PLACE;
    return NAME;
  }

  /** Whether the text just before {@code at} opens a clause: a quote mark, a colon or a dash. */
  private static boolean opensClause(String text, int at) {
    int k = at - 1;
    while (k >= 0 && text.charAt(k) == ' ') k--;
    return k >= 0 && "«“\"„‘'「:—–(".indexOf(text.charAt(k)) >= 0;
  }

  /** A title, also inflected in Slavic languages ({@code президентом}, {@code міністра}). */
  private static boolean isTitle(String folded) {
    if (TITLES.contains(folded)) return true;
    if (folded.length() < 6 || Folding.isLatin(folded)) return false;
    for (String stem : TITLE_STEMS) {
      if (folded.startsWith(stem) && folded.length() - stem.length() <= 3) return true;
    }
    for (int cut = 1; cut <= 3; cut++) {
      if (TITLES.contains(folded.substring(0, folded.length() - cut))) return true;
    }
    return false;
  }

  private static boolean isAcronym(String s) {
    if (s.length() < 2 || s.length() > 6) return false;
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isUpperCase(s.charAt(i))) return false;
    }
    return true;
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

  /** A run of text that ends with terminal punctuation is prose, however many names it holds. */
  private static boolean endsLikeSentence(String text, List<Token> tokens) {
    if (tokens.isEmpty()) return false;
    int k = tokens.get(tokens.size() - 1).end();
    while (k < text.length() && "\"”’»)」 ".indexOf(text.charAt(k)) >= 0) k++;
    return k < text.length() && ".!?。".indexOf(text.charAt(k)) >= 0;
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
    List<Mention> merged = new ArrayList<>();
    List<String> mergedSignals = new ArrayList<>();
    for (int r = 0; r < raw.size(); r++) {
      Mention m = raw.get(r);
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
      merged.add(new Mention(m.text(), type, m.start(), m.end(), m.sentence(), key));
      mergedSignals.add(signals.get(r));
    }
    Map<String, Map<String, Integer>> votes = new HashMap<>();
    for (int k = 0; k < merged.size(); k++) {
      String signal = mergedSignals.get(k);
      if (!signal.equals(NAME)) votes.computeIfAbsent(merged.get(k).entity(), x -> new HashMap<>()).merge(signal, 1, Integer::sum);
    }
    List<Mention> out = new ArrayList<>(merged.size());
    for (Mention m : merged) {
      String type = m.type();
      if (type.equals(NAME)) {
        Map<String, Integer> v = votes.get(m.entity());
        if (v != null) type = v.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      }
      out.add(type.equals(m.type()) ? m : new Mention(m.text(), type, m.start(), m.end(), m.sentence(), m.entity()));
    }
    return out;
  }

  /** The country code of a place key, if the gazetteer knows it. */
  Map<String, String> countries() {
    return countries;
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
      boolean suffix = key.endsWith(" " + other) || single && endsWithWord(other, key);
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

  /** Whether a multiword name ends with {@code word}, also in another grammatical case. */
  private static boolean endsWithWord(String name, String word) {
    String last = name.substring(name.lastIndexOf(' ') + 1);
    return last.equals(word) || Folding.sameNameWord(last, word);
  }

  /** Entities of the merged mentions, most mentioned first. */
  static List<Entity> entities(List<Mention> mentions, Map<String, String> countries) {
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
      String type = types.get(key);
      out.add(new Entity(key, name, type, count, List.copyOf(forms.keySet()),
          type.equals(PLACE) ? countries.get(key) : null));
    });
    out.sort((a, b) -> Integer.compare(b.count(), a.count()));
    return out;
  }
}
