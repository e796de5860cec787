package news.panorama.translate;

import com.ibm.icu.impl.ICUData;
import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.Currency;
import com.ibm.icu.util.Region;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import com.ibm.icu.util.UResourceBundle;
import java.util.Date;
import java.util.Collections;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Names CLDR gives in every language, each with its English form: countries and territories
 * ({@code Turquie}, {@code トルコ}, {@code Туреччина} → {@code Turkey}), continents and groupings
 * ({@code Union européenne} → {@code European Union}), the cities CLDR names as time-zone exemplars
 * ({@code Стамбул} → {@code Istanbul}), languages ({@code français} → {@code French}), currencies in
 * use with their plural forms ({@code рублей} → {@code Russian rubles}), months and weekdays. All of
 * it ships inside ICU4J.
 *
 * <p>One table per source language, built on first use (a few milliseconds, a few thousand
 * entries) and kept. Thread-safe.
 */
final class CldrNames {
  /** An English name, and whether the source form is written with a capital (so a lower-case word is not it). */
  record Name(String english, boolean capitalised) {}

  private static final Map<String, NavigableMap<String, Name>> TABLES = new ConcurrentHashMap<>();
  private static final Map<String, String> ENGLISH_COUNTRY = new ConcurrentHashMap<>();

  private CldrNames() {}

  /** The English name of a phrase of {@code language} (compared as {@link #key}), if CLDR has it. */
  static Optional<Name> find(String language, String phrase) {
    return Optional.ofNullable(table(language).get(key(phrase)));
  }

  /** The English name of a phrase already made a {@link #key}. */
  static @Nullable Name findKey(String language, String key) {
    return table(language).get(key);
  }

  /** Whether some name of the language starts with the key (so a longer phrase may still match). */
  static boolean hasPrefix(String language, String key) {
    String next = table(language).ceilingKey(key);
    return next != null && next.startsWith(key);
  }

  /**
   * How phrases are compared: folded as dictionary headwords, runs of spaces as one, typographic
   * apostrophes as {@code '}. Names are kept both with and without accents, so {@code Etats-Unis}
   * finds {@code États-Unis}.
   */
  static String key(String phrase) {
    String p = phrase.indexOf('’') >= 0 ? phrase.replace('’', '\'') : phrase;
    return Dictd.fold(collapseSpaces(p));
  }

  private static String collapseSpaces(String s) {
    boolean plain = true;
    for (int i = 0; i < s.length() && plain; i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) && (c != ' ' || i + 1 < s.length() && Character.isWhitespace(s.charAt(i + 1)))) plain = false;
    }
    return plain ? s : s.replaceAll("\\s+", " ");
  }

  static NavigableMap<String, Name> table(String language) {
    return TABLES.computeIfAbsent(language, CldrNames::build);
  }

  private static NavigableMap<String, Name> build(String language) {
    ULocale in = new ULocale(language);
    NavigableMap<String, Name> t = new TreeMap<>();
    for (String code : ULocale.getISOCountries()) {
      String english = englishCountry(code);
      String display = new ULocale("", code).getDisplayCountry(in);
      if (!display.equals(code)) add(t, display, english);
      alternative(t, in, "Countries%short", code, english);
      alternative(t, in, "Countries%variant", code, english);
    }
    LocaleDisplayNames names = LocaleDisplayNames.getInstance(in);
    LocaleDisplayNames englishNames = LocaleDisplayNames.getInstance(ULocale.ENGLISH);
    for (Region.RegionType type : new Region.RegionType[] {Region.RegionType.WORLD, Region.RegionType.CONTINENT,
        Region.RegionType.SUBCONTINENT, Region.RegionType.GROUPING}) {
      for (Region r : Region.getAvailable(type)) {
        String code = r.toString();
        String display = names.regionDisplayName(code);
        if (display != null && !display.equals(code)) add(t, display, englishNames.regionDisplayName(code));
      }
    }
    addCities(t, in);
    for (String lang : ULocale.getISOLanguages()) {
      if (lang.length() != 2) continue;
      String english = new ULocale(lang).getDisplayLanguage(ULocale.ENGLISH);
      String local = new ULocale(lang).getDisplayLanguage(in);
      if (!english.equals(lang) && !local.equals(lang)) add(t, local, english);
    }
    addCurrencies(t, in);
    DateFormatSymbols local = new DateFormatSymbols(in);
    DateFormatSymbols english = new DateFormatSymbols(ULocale.ENGLISH);
    String[] months = english.getMonths(DateFormatSymbols.FORMAT, DateFormatSymbols.WIDE);
    String[] days = english.getWeekdays(DateFormatSymbols.FORMAT, DateFormatSymbols.WIDE);
    for (int context : new int[] {DateFormatSymbols.FORMAT, DateFormatSymbols.STANDALONE}) {
      String[] m = local.getMonths(context, DateFormatSymbols.WIDE);
      for (int i = 0; i < Math.min(m.length, months.length); i++) add(t, m[i], months[i]);
      String[] d = local.getWeekdays(context, DateFormatSymbols.WIDE);
      for (int i = 1; i < Math.min(d.length, days.length); i++) add(t, d[i], days[i]);
    }
    return Collections.unmodifiableNavigableMap(t);
  }

  /**
   * A country's English name as news writes it: CLDR's English display name, or its English variant
   * when the display name has letters outside ASCII ({@code Türkiye} → {@code Turkey},
   * {@code Côte d’Ivoire} → {@code Ivory Coast}).
   */
  static String englishCountry(String code) {
    return ENGLISH_COUNTRY.computeIfAbsent(code, c -> {
      String display = new ULocale("", c).getDisplayCountry(ULocale.ENGLISH);
      if (display.chars().allMatch(ch -> ch < 128)) return display;
      try {
        UResourceBundle v = UResourceBundle.getBundleInstance(ICUData.ICU_REGION_BASE_NAME, ULocale.ENGLISH)
            .get("Countries%variant");
        return v.getString(c);
      } catch (MissingResourceException e) {
        return display;
      }
    });
  }

  private static void alternative(Map<String, Name> t, ULocale in, String table, String code, String english) {
    try {
      UResourceBundle b = UResourceBundle.getBundleInstance(ICUData.ICU_REGION_BASE_NAME, in).get(table);
      add(t, b.getString(code), english);
    } catch (MissingResourceException | UnsupportedOperationException e) {
      // this language has no alternative name for the country
    }
  }

  private static void addCities(Map<String, Name> t, ULocale in) {
    TimeZoneNames english = TimeZoneNames.getInstance(ULocale.ENGLISH);
    TimeZoneNames local = TimeZoneNames.getInstance(in);
    for (String id : TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, null, null)) {
      if (id.startsWith("Antarctica/") || id.startsWith("Etc/") || id.chars().filter(c -> c == '/').count() != 1) continue;
      String e = english.getExemplarLocationName(id);
      String l = local.getExemplarLocationName(id);
      if (e != null && l != null) add(t, l, e);
    }
  }

  /** Currencies in use today: the local singular and plural names, each to the English one of the same plural form. */
  private static void addCurrencies(Map<String, Name> t, ULocale in) {
    Date now = new Date();
    PluralRules local = PluralRules.forLocale(in);
    boolean[] isChoice = new boolean[1];
    for (Currency c : Currency.getAvailableCurrencies()) {
      if (!Currency.isAvailable(c.getCurrencyCode(), now, now)) continue;
      String englishOne = c.getName(ULocale.ENGLISH, Currency.LONG_NAME, isChoice);
      String englishMany = c.getName(ULocale.ENGLISH, Currency.PLURAL_LONG_NAME, "other", isChoice);
      if (englishOne.equals(c.getCurrencyCode())) continue;
      add(t, c.getName(in, Currency.LONG_NAME, isChoice), englishOne);
      for (String keyword : local.getKeywords()) {
        String form = c.getName(in, Currency.PLURAL_LONG_NAME, keyword, isChoice);
        add(t, form, keyword.equals("one") ? englishOne : englishMany);
      }
    }
  }

  /** The first name given for a key wins: countries before regions, cities, languages, currencies and dates. */
  private static void add(Map<String, Name> t, @Nullable String local, @Nullable String english) {
    if (local == null || english == null) return;
    String k = key(local);
    if (k.length() < 2 || k.chars().allMatch(c -> c < 128 && !Character.isLetter(c))) return;
    boolean capitalised = Character.isUpperCase(local.codePointAt(0));
    t.putIfAbsent(k, new Name(english, capitalised));
    if (Romanizer.isLatin(k)) t.putIfAbsent(Romanizer.stripMarks(k), new Name(english, capitalised));
  }
}
