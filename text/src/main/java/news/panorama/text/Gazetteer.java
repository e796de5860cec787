package news.panorama.text;

import com.ibm.icu.impl.ICUData;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import com.ibm.icu.util.UResourceBundle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * Country names in every language CLDR knows (through ICU4J), each mapped to one canonical term, so
 * that {@code Turkey}, {@code Türkiye}, {@code Turquie} and {@code Турция} meet; and the cities CLDR
 * names as time-zone exemplars (about 400: capitals and large cities, {@code Kyiv}, {@code Київ},
 * {@code Kiew}, {@code Istanbul}, {@code Стамбул}) mapped to their English name and country, plus the
 * national capitals that are not time-zone cities ({@code Ankara}, {@code Beijing}, {@code Washington};
 * English names, from {@code capitals.tsv}); a word in a Slavic oblique case is looked up by its
 * nominative forms, and a Cyrillic word that no language lists also by its romanization against the
 * English names ({@code Анкари} → {@code Анкара} → {@code ankara}). Built once (about a second, a few MB), then read-only and
 * thread-safe.
 */
final class Gazetteer {
  /** A matched country: the canonical term and how many tokens its name spans. */
  record Hit(String term, String code, int tokens) {}

  private static final class Holder {
    static final Gazetteer INSTANCE = new Gazetteer();
  }

  private final Map<String, String> byName = new HashMap<>();
  private final Map<String, String> byCyrillicStem = new HashMap<>();
  /** One-word English names of countries and cities by their phonetic skeleton ({@link Folding#skeleton}). */
  private final Map<String, String> byEnglishSkeleton = new HashMap<>();
  private final Map<String, String> termByCode = new HashMap<>();
  private final java.util.Set<String> countryTerms = new java.util.HashSet<>();
  /** City terms by their own pseudo-code {@code city:<term>}, and the city's country. */
  private final Map<String, String> countryOfCity = new HashMap<>();

  /**
   * Time-zone exemplar names that are also common words or given names in English news; Antarctic
   * stations and the sub-zones of US states are left out wholesale.
   */
  private static final java.util.Set<String> AMBIGUOUS_CITIES = java.util.Set.of(
      "Easter", "Midway", "Wake", "Resolute", "Dawson", "Center", "Stanley", "Darwin", "Regina", "Creston",
      "Macquarie", "Casey", "Davis", "Palmer", "Troll", "Eucla", "Currie", "Knox", "Marengo", "Vevay");
  private int maxTokens = 1;
  /** What the names of more than one word begin with, so that most words need one look-up. */
  private final java.util.Set<String> firstWords = new java.util.HashSet<>();

  static Gazetteer get() {
    return Holder.INSTANCE;
  }

  private Gazetteer() {
    String[] codes = ULocale.getISOCountries();
    List<ULocale> languages = new ArrayList<>();
    for (ULocale l : ULocale.getAvailableLocales()) {
      if (l.getCountry().isEmpty() && l.getVariant().isEmpty()) languages.add(l);
    }
    for (String code : codes) {
      termByCode.put(code, canonical(new ULocale("", code).getDisplayCountry(ULocale.ENGLISH)));
      countryTerms.add(termByCode.get(code));
    }
    BreakIterator words = BreakIterator.getWordInstance(ULocale.ROOT);
    for (ULocale lang : languages) {
      for (String code : codes) {
        add(words, new ULocale("", code).getDisplayCountry(lang), code);
      }
      addAlternatives(words, lang, "Countries%variant");
      addAlternatives(words, lang, "Countries%short");
    }
    addCities(words, languages);
    termByCode.forEach((code, term) -> {
      if (term.indexOf('_') < 0 && term.length() >= 4) byEnglishSkeleton.putIfAbsent(Folding.skeleton(term), code);
    });
    for (String key : byName.keySet()) {
      int space = key.indexOf(' ');
      if (space >= 0) firstWords.add(key.substring(0, space));
    }
  }

  private void addCities(BreakIterator words, List<ULocale> languages) {
    TimeZoneNames english = TimeZoneNames.getInstance(ULocale.ENGLISH);
    Map<String, String> zones = new HashMap<>();
    for (String id : TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, null, null)) {
      if (id.startsWith("Antarctica/") || id.startsWith("Arctic/") || id.chars().filter(c -> c == '/').count() > 1) {
        continue;
      }
      String region = TimeZone.getRegion(id);
      String name = english.getExemplarLocationName(id);
      if (region == null || region.equals("001") || name == null || AMBIGUOUS_CITIES.contains(name)) continue;
      String code = "city:" + canonical(name);
      if (termByCode.containsKey(code)) continue;
      termByCode.put(code, canonical(name));
      countryOfCity.put(code, region);
      zones.put(id, code);
    }
    for (ULocale lang : languages) {
      TimeZoneNames names = TimeZoneNames.getInstance(lang);
      zones.forEach((id, code) -> {
        String name = names.getExemplarLocationName(id);
        if (name != null && !AMBIGUOUS_CITIES.contains(name)) add(words, name, code);
      });
    }
    addCapitals(words);
  }

  /** Capitals the time zones miss (a city both lists name keeps its time-zone entry). */
  private void addCapitals(BreakIterator words) {
    String all;
    try (var in = Gazetteer.class.getResourceAsStream("capitals.tsv")) {
      all = new String(java.util.Objects.requireNonNull(in, "capitals.tsv").readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read capitals.tsv", e);
    }
    for (String line : all.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] f = line.split("\t");
      String region = f[0].strip();
      String name = f[1].strip();
      String code = "city:" + canonical(name);
      if (!termByCode.containsKey(code)) {
        termByCode.put(code, canonical(name));
        countryOfCity.put(code, region);
      }
      add(words, name, code);
    }
  }

  /** The ISO 3166-1 code of a matched country, or of a matched city's country. */
  String country(Hit hit) {
    return hit.code().startsWith("city:") ? countryOfCity.getOrDefault(hit.code(), "") : hit.code();
  }

  private void addAlternatives(BreakIterator words, ULocale lang, String table) {
    try {
      UResourceBundle t = UResourceBundle.getBundleInstance(ICUData.ICU_REGION_BASE_NAME, lang).get(table);
      for (int i = 0; i < t.getSize(); i++) {
        UResourceBundle e = t.get(i);
        if (termByCode.containsKey(e.getKey())) add(words, e.getString(), e.getKey());
      }
    } catch (MissingResourceException | UnsupportedOperationException e) {
      // this language has no alternative names; the display names suffice
    }
  }

  private void add(BreakIterator words, String name, String code) {
    if (name.isBlank() || name.length() < 2 || name.equals(code) && !name.equals("US") && !name.equals("UK")
        || code.startsWith("city:") && name.length() < (Folding.hasCase(name) ? 4 : 3)) {
      return;
    }
    List<String> tokens = tokens(words, name);
    if (tokens.isEmpty() || tokens.size() > 5) return;
    String key = String.join(" ", tokens);
    // two letters are an abbreviation (only US and UK are taken); two Han characters are a name (法国, 日本)
    if (key.length() < 3 && !name.equals("US") && !name.equals("UK") && !(key.length() == 2 && isHan(key))) return;
    byName.putIfAbsent(key, code);
    maxTokens = Math.max(maxTokens, tokens.size());
    if (tokens.size() == 1 && isCyrillic(key) && key.length() >= 4 && cyrillicStem(key).length() >= 4) {
      byCyrillicStem.putIfAbsent(cyrillicStem(key), code);
    }
  }

  private static List<String> tokens(BreakIterator words, String s) {
    List<String> out = new ArrayList<>();
    words.setText(s);
    int start = words.first();
    for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
      if (words.getRuleStatus() != BreakIterator.WORD_NONE) out.add(Folding.fold(s.substring(start, end)));
    }
    return out;
  }

  /** The canonical term of a country, e.g. {@code turkiye}, {@code united_states}. */
  private static String canonical(String englishName) {
    return Folding.stripMarks(englishName.toLowerCase(Locale.ROOT))
        .replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_|_$", "");
  }

  /** The canonical term of the country of an ISO 3166-1 code ({@code TR} → {@code turkiye}). */
  String term(String code) {
    return java.util.Objects.requireNonNull(termByCode.get(code), code);
  }

  /** Whether an entity key is a country's canonical term ({@code turkiye}), not a city's or a region's. */
  boolean isCountryTerm(String key) {
    return countryTerms.contains(key);
  }

  int maxTokens() {
    return maxTokens;
  }

  /**
   * The country named by the folded tokens {@code folded[from..]}, longest name first. {@code surface}
   * gives the words as written: in scripts with case a name must be capitalized (so {@code turkey}
   * the bird and {@code us} the pronoun are not countries).
   */
  Optional<Hit> match(List<String> folded, List<String> surface, int from) {
    if (Folding.hasCase(surface.get(from)) && !Folding.isCapitalized(surface.get(from))) {
      return Optional.empty();
    }
    String first = folded.get(from);
    boolean startsLongName = firstWords.contains(first) || first.indexOf(' ') >= 0;
    for (int n = startsLongName ? Math.min(maxTokens, folded.size() - from) : 1; n >= 1; n--) {
      String key = n == 1 ? first : String.join(" ", folded.subList(from, from + n));
      String code = byName.get(key);
      if (code == null && n == 1 && isCyrillic(key) && key.length() >= 4) {
        code = byCyrillicStem.get(cyrillicStem(key));
      }
      if (code != null) {
        if (key.length() <= 3 && !isAllUpper(surface.get(from)) && Folding.hasCase(key)) continue;
        return Optional.of(new Hit(termByCode.get(code), code, n));
      }
    }
    return Optional.empty();
  }

  /**
   * A one-word place written in an oblique case of a Slavic language that {@link #match} misses
   * ({@code Анкари}, {@code Стамбулом}, {@code w Ankarze}, {@code v Praze}): the word and its nominative
   * forms by {@link SlavicCases#lookupForms} looked up as written, then, for Cyrillic words, romanized
   * as {@link Folding#nameKey} does and compared with the English names by their skeleton (so
   * {@code Анкара} meets {@code Ankara}, which CLDR writes in English only). Forms shorter than four
   * letters are not looked up.
   */
  Optional<Hit> matchInflected(String word, String language) {
    if (!SlavicCases.declines(language) || !Folding.isCapitalized(word)) return Optional.empty();
    String folded = Folding.fold(word);
    List<String> forms = new ArrayList<>();
    forms.add(folded);
    forms.addAll(SlavicCases.lookupForms(folded, language));
    for (String form : forms) {
      String code = form.length() >= 4 ? byName.get(form) : null;
      if (code != null) return Optional.of(new Hit(termByCode.get(code), code, 1));
    }
    if (!isCyrillic(folded)) return Optional.empty();
    for (String form : forms) {
      String code = form.length() >= 4 ? byEnglishSkeleton.get(Folding.skeleton(Folding.nameKey(form, language))) : null;
      if (code != null) return Optional.of(new Hit(termByCode.get(code), code, 1));
    }
    return Optional.empty();
  }

  private static boolean isHan(String s) {
    return s.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
  }

  private static boolean isAllUpper(String s) {
    return s.replace(".", "").chars().allMatch(Character::isUpperCase);
  }

  private static boolean isCyrillic(String s) {
    return !s.isEmpty() && UScript.getScript(s.codePointAt(0)) == UScript.CYRILLIC;
  }

  /** Drops the case ending of a Cyrillic word, so {@code Туреччини} meets {@code Туреччина}. */
  private static String cyrillicStem(String s) {
    int end = s.length();
    while (end > 3 && "аеиоуыэюяьйіїєё".indexOf(s.charAt(end - 1)) >= 0) end--;
    return s.substring(0, end);
  }
}
