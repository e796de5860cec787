package news.panorama.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.panorama.core.Quantity;
import org.jspecify.annotations.Nullable;

/**
 * Finds amounts with their unit: money ({@code €140bn}, {@code $100M}, {@code 140 milliards d'euros},
 * {@code 5 млрд гривень}), percentages ({@code 12%}, {@code 12 per cent}, {@code yüzde 12}) and counts of
 * something ({@code 1,200 prisoners}, {@code 100 fighter jets}), with the value normalized (grouping
 * and decimal marks read per language, {@code bn}, {@code Milliarden}, {@code млн}, {@code 万}
 * multiplied out). Stateless and thread-safe.
 */
final class QuantityFinder {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

  private static final String NUM = "(?<num>\\d{1,3}(?:[,.\u00a0\u202f \u066c]\\d{3})+(?:[.,\u066b]\\d+)?|\\d+(?:[.,\u066b]\\d+)?)";
  private static final String MULT = "(?<mult>trillions?|billions?|bn|b|millions?|mn|mln|m|thousands?|k"
      + "|milliards?|mille|millions?|mil millones|millones|millón|mil|milliarden|milliarde|mrd\\.?|millionen|mio\\.?"
      + "|тыс\\.?|тис\\.?|тысяч\\p{L}*|тисяч\\p{L}*|млн|млрд|трлн|миллион\\p{L}*|мільйон\\p{L}*|миллиард\\p{L}*"
      + "|мільярд\\p{L}*|bin|milyon|milyar|trilyon|miliardi|milioni|miliardo|milione|bilhões|bilhão|milhões|milhão|mld|mln"
      + "|ألف|آلاف|مليون|ملايين|مليار|مليارات|万|億|兆)";
  private static final List<String> SIGNS_WRITTEN = List.of("US$", "A$", "C$", "R$", "$", "€", "£", "¥", "₽", "₴", "₺", "₹", "₩",
      "USD", "EUR", "GBP", "CHF", "UAH", "RUB", "TRY", "JPY", "CNY");
  private static final String CURRENCY_SIGN = "(?<sign>" + String.join("|", SIGNS_WRITTEN.stream().map(Pattern::quote).toList()) + ")";
  private static final String CURRENCY_WORD = "(?<cur>dollars?|euros?|pounds?|yen|yuan|francs?|lira|liras|rupees?"
      + "|d['’]euros|de dólares|de euros|dólares|dolares|долларов|доллара|доллар|долл\\.|евро|рубл\\p{L}*"
      + "|гривень|гривні|гривня|грн|доларів|долара|євро|dolar\\p{L}*|avro|dollari|reais|real|pesos|usd|eur|tl"
      + "|دولار\\p{L}*|يورو|درهم|دراهم|جنيه|ريال|دينار|ليرة|円|ドル|ユーロ|元|ウォン|バーツ|ルーブル)";
  private static final String PERCENT_WORD = "(?<pct>%|percent|per cent|pour cent|por ciento|prozent|per cento|por cento"
      + "|процент\\p{L}*|відсот\\p{L}*|パーセント)";

  private static final Pattern SIGN_FIRST = Pattern.compile(
      "(?<![\\p{L}\\d])" + CURRENCY_SIGN + "\\s?" + NUM + "(?:\\s?" + MULT + "(?![\\p{L}]))?", FLAGS);
  private static final Pattern NUMBER_FIRST = Pattern.compile(
      "(?<![\\p{L}\\d.,])" + NUM + "(?:\\s?" + MULT + "(?![\\p{L}]))?(?:\\s?(?:(?:de|di|d['’])\\s?)?(?:" + CURRENCY_SIGN + "|"
          + CURRENCY_WORD + "|" + PERCENT_WORD + ")(?![\\p{L}]))?", FLAGS);
  /**
   * Chinese and Japanese write a number right after the word before it and right before its counter or
   * unit ({@code 少なくとも12人が死亡}, {@code 至少12人死亡}, {@code 300多人}, {@code 3万人}, {@code 5億円}): a number
   * there is an amount only with a currency, a percent sign or the counter of people ({@code 人}, {@code 名}).
   * A number after {@code 万} or {@code 億} is the rest of one ({@code 1万2000人}) and is left alone.
   */
  private static final Pattern CJK_NUMBER = Pattern.compile(
      "(?<![\\d.,万億])" + NUM + "(?:" + MULT + ")?(?:多|余)?(?:" + CURRENCY_WORD + "|" + PERCENT_WORD + "|(?<counter>人|名))", FLAGS);
  private static final Pattern PERCENT_FIRST = Pattern.compile(
      "(?<![\\p{L}\\d])(?:%|yüzde\\s)\\s?" + NUM, FLAGS);
  /** The patterns in the order they take their matches (a span taken is not matched again). */
  private static final List<Pattern> PATTERNS = List.of(SIGN_FIRST, PERCENT_FIRST, NUMBER_FIRST);
  private static final List<Pattern> CJK_PATTERNS = List.of(SIGN_FIRST, PERCENT_FIRST, CJK_NUMBER, NUMBER_FIRST);
  /** Where each pattern's match can begin: a currency sign, a percent cue, a digit. */
  private static final Map<Pattern, MatchStarts> STARTS = Map.of(
      SIGN_FIRST, MatchStarts.caseInsensitive(SIGNS_WRITTEN),
      PERCENT_FIRST, MatchStarts.caseInsensitive(List.of("%", "yüzde")),
      NUMBER_FIRST, MatchStarts.DIGIT,
      CJK_NUMBER, MatchStarts.DIGIT);
  private static final Pattern COUNTED = Pattern.compile(
      "\\G\\s+(?:(?:de|di|of)\\s+)?(?<w1>\\p{Ll}[\\p{Ll}\\-]+|\\p{Lu}[\\p{Ll}\\-]{2,}(?=\\s+\\p{Ll})|\\p{IsArabic}[\\p{IsArabic}\\p{M}]+)(?![\\p{L}])"
          + "(?:\\s+(?<w2>\\p{Ll}[\\p{Ll}\\-]+)(?![\\p{L}]))?", Pattern.UNICODE_CHARACTER_CLASS);

  /** German capitalizes nouns: {@code 2.500 Gefangene}. */
  private static final Pattern COUNTED_CAPITALIZED = Pattern.compile(
      "\\G\\s+(?<w1>\\p{L}[\\p{Ll}\\-]+)(?![\\p{L}])(?:\\s+(?<w2>\\p{L}[\\p{Ll}\\-]+)(?![\\p{L}]))?",
      Pattern.UNICODE_CHARACTER_CLASS);
  /** Words around an earthquake's magnitude, which is not an amount ({@code de magnitud 6,8}, {@code 5,1 büyüklüğünde}). */
  private static final Pattern MAGNITUDE_BEFORE = Pattern.compile(
      "(?:magnitude|magnitud|magnitudo|stärke|richter|магнитуд\\p{L}*|بقوة)(?:\\s+(?:of|de|der|di|von))?\\s*$", FLAGS);
  private static final Pattern MAGNITUDE_AFTER = Pattern.compile(
      "^\\s*(?:büyüklüğünde|şiddetinde|балл\\p{L}*|درجات|درجة|on the richter|sur l'échelle)", FLAGS);
  /**
   * Currency names shared by several countries, with the codes they may stand for, the most common
   * first; the article's country picks among them ({@code درهم} in Morocco is MAD, in the Emirates AED).
   */
  private static final Map<String, List<String>> CURRENCY_FAMILIES = Map.of(
      "dirham", List.of("AED", "MAD"),
      "peso", List.of("MXN", "ARS", "COP", "CLP", "UYU", "PHP", "DOP", "CUP"),
      "dinar", List.of("KWD", "JOD", "BHD", "IQD", "LYD", "TND", "DZD", "RSD"),
      "riyal", List.of("SAR", "QAR", "OMR", "YER"),
      "lira", List.of("TRY", "LBP", "SYP"),
      "pound", List.of("GBP", "EGP", "SDG", "SSP", "LBP", "SYP"),
      "egyptian pound", List.of("EGP", "SDG", "SSP"));
  private static final Map<String, String> SIGNS = Map.ofEntries(
      Map.entry("$", "USD"), Map.entry("us$", "USD"), Map.entry("a$", "AUD"), Map.entry("c$", "CAD"), Map.entry("r$", "BRL"),
      Map.entry("€", "EUR"), Map.entry("£", "GBP"), Map.entry("¥", "JPY"), Map.entry("₽", "RUB"),
      Map.entry("₴", "UAH"), Map.entry("₺", "TRY"), Map.entry("₹", "INR"), Map.entry("₩", "KRW"));
  /** Languages writing {@code 1,200.5}; the others write {@code 1.200,5} or {@code 1 200,5}. */
  private static final Set<String> DOT_DECIMAL = Set.of("en", "ja", "zh", "ko", "th", "he", "hi", "ms", "tl", "ga", "ar",
      "fa", "ur");
  /** Words after a number that are not what it counts. */
  private static final Set<String> NOT_COUNTED = Set.of("of", "and", "or", "to", "in", "on", "at", "a", "am", "pm",
      "p", "per", "percent", "years", "year", "days", "day", "months", "month", "weeks", "week", "hours", "hour",
      "ans", "jahre", "años", "лет", "года", "років", "roku", "yıl", "yil", "роках", "годах", "году", "році",
      "yaşında", "yaşındaki", "عاما", "عاماً", "سنة", "عام");

  private QuantityFinder() {}

  /**
   * The amounts of {@code text}; {@code country} (ISO 3166-1, may be empty) resolves currency names
   * several countries use; {@code taken} says which offsets belong to dates.
   */
  static List<Quantity> find(String text, String language, String country, IntUnaryOperator sentenceOf,
      java.util.function.IntPredicate taken) {
    List<Quantity> out = new ArrayList<>();
    boolean dotDecimal = language.isEmpty() || DOT_DECIMAL.contains(language);
    int covered = 0;
    java.util.TreeMap<Integer, Integer> spans = new java.util.TreeMap<>();
    for (Pattern p : Folding.writtenWithoutSpaces(language) ? CJK_PATTERNS : PATTERNS) {
      MatchStarts.forEachMatch(p, text, STARTS.get(p), m -> {
        if (overlaps(spans, m.start(), m.end()) || taken.test(m.start()) || isMagnitude(text, m.start(), m.end())) return;
        Double number = parse(m.group("num"), dotDecimal);
        if (number == null) return;
        String mult = group(m, "mult");
        double value = number * multiplier(mult);
        String unit = "";
        String counts = "";
        int end = m.end();
        String sign = group(m, "sign");
        String cur = group(m, "cur");
        String pct = group(m, "pct");
        if (p == PERCENT_FIRST || !pct.isEmpty()) {
          unit = "%";
        } else if (!sign.isEmpty()) {
          unit = SIGNS.getOrDefault(sign.toLowerCase(Locale.ROOT), sign.toUpperCase(Locale.ROOT));
        } else if (!cur.isEmpty()) {
          unit = currencyCode(cur, country);
        }
        if (unit.isEmpty() && mult.equals("m") || unit.isEmpty() && mult.equals("b")) return;
        if (p == CJK_NUMBER) counts = group(m, "counter");
        if (counts.isEmpty() && (unit.isEmpty() || unit.length() == 3)) {
          Matcher c = (language.equals("de") ? COUNTED_CAPITALIZED : COUNTED).matcher(text);
          c.region(end, Math.min(text.length(), end + 60));
          if (c.lookingAt()) {
            String w1 = c.group("w1");
            String w2 = c.group("w2");
            if (!NOT_COUNTED.contains(w1) && !StopWords.contains(language, Folding.fold(w1)) && !DateFinder.isCalendarWord(w1)) {
              counts = w2 != null && !StopWords.contains(language, Folding.fold(w2)) && !NOT_COUNTED.contains(w2)
                  && !w2.endsWith("ed") ? w1 + " " + w2 : w1;
              if (unit.isEmpty()) end = end + c.group().indexOf(counts) + counts.length();
            }
          }
          if (unit.length() == 3) counts = "";
        }
        if (unit.isEmpty() && (counts.isEmpty() || afterName(text, m.start(), language))) return;
        spans.put(m.start(), end);
        out.add(new Quantity(text.substring(m.start(), end), m.start(), end, sentenceOf.applyAsInt(m.start()),
            value, unit, counts));
      });
    }
    out.sort(java.util.Comparator.comparingInt(Quantity::start));
    return out;
  }

  /**
   * Whether a number follows a capitalized Latin word inside a sentence, which makes it part of a name or an
   * identifier ({@code Ariane 6}, {@code Falcon 9}, {@code Artikel 5}), not a count.
   */
  private static boolean afterName(String text, int start, String language) {
    int e = start;
    while (e > 0 && text.charAt(e - 1) == ' ') e--;
    if (e == start || e == 0 || !Character.isLetter(text.charAt(e - 1))) return false;
    int s = e;
    while (s > 0 && Character.isLetter(text.charAt(s - 1))) s--;
    String word = text.substring(s, e);
    if (!Folding.isCapitalized(word) || !Folding.isLatin(word) || StopWords.contains(language, Folding.fold(word))) {
      return false; // a Slavic place in the locative may well precede a count (в Харкові 80 пунктів)
    }
    int p = s;
    while (p > 0 && text.charAt(p - 1) == ' ') p--;
    return p > 0 && ".!?\n:\"«“„".indexOf(text.charAt(p - 1)) < 0;
  }

  private static boolean isMagnitude(String text, int start, int end) {
    String before = text.substring(Math.max(0, start - 30), start);
    String after = text.substring(end, Math.min(text.length(), end + 30));
    return MAGNITUDE_BEFORE.matcher(before).find() || MAGNITUDE_AFTER.matcher(after).find();
  }

  private static String group(Matcher m, String name) {
    try {
      String g = m.group(name);
      return g == null ? "" : g;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static boolean overlaps(java.util.TreeMap<Integer, Integer> spans, int s, int e) {
    Map.Entry<Integer, Integer> before = spans.floorEntry(s);
    if (before != null && before.getValue() > s) return true;
    Map.Entry<Integer, Integer> after = spans.ceilingEntry(s);
    return after != null && after.getKey() < e;
  }

  /** The number as written, grouping and decimal marks read by the language's convention. */
  static @Nullable Double parse(String written, boolean dotDecimal) {
    char decimal = dotDecimal ? '.' : ',';
    StringBuilder b = new StringBuilder(written.length());
    for (int i = 0; i < written.length(); i++) {
      char c = written.charAt(i);
      if (Character.isDigit(c)) b.append((char) ('0' + Character.digit(c, 10))); // also Arabic-Indic digits
      else if (c == decimal || c == '\u066b') b.append('.');
    }
    try {
      return Double.parseDouble(b.toString());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static double multiplier(String mult) {
    String m = mult.toLowerCase(Locale.ROOT).replace(".", "");
    if (m.isEmpty()) return 1;
    if (m.startsWith("trillion") || m.equals("трлн") || m.equals("trilyon") || m.equals("兆")) return 1e12;
    if (m.startsWith("مليار") || m.equals("miliardo")) return 1e9;
    if (m.equals("مليون") || m.equals("ملايين") || m.equals("milione") || m.equals("milhão")) return 1e6;
    if (m.equals("ألف") || m.equals("آلاف")) return 1e3;
    if (m.startsWith("billion") || m.equals("bn") || m.equals("b") || m.startsWith("milliard") || m.equals("mrd")
        || m.equals("mil millones") || m.equals("млрд") || m.startsWith("миллиард") || m.startsWith("мільярд")
        || m.equals("milyar") || m.equals("miliardi") || m.equals("bilhões") || m.equals("bilhão") || m.equals("mld")) {
      return 1e9;
    }
    if (m.startsWith("million") || m.equals("mn") || m.equals("mln") || m.equals("m") || m.startsWith("millón")
        || m.equals("millones") || m.equals("mio") || m.equals("млн") || m.startsWith("миллион")
        || m.startsWith("мільйон") || m.equals("milyon") || m.equals("milioni") || m.equals("milhões")) {
      return 1e6;
    }
    if (m.equals("億")) return 1e8;
    if (m.equals("万")) return 1e4;
    if (m.startsWith("thousand") || m.equals("k") || m.equals("mil") || m.equals("mille") || m.startsWith("тыс")
        || m.startsWith("тис") || m.equals("bin")) {
      return 1e3;
    }
    return 1;
  }

  /** The currency of {@code family} used in {@code country}, else the family's most common one. */
  private static String local(String family, String country) {
    List<String> codes = CURRENCY_FAMILIES.get(family);
    if (country.length() == 2) {
      try {
        java.util.Currency c = java.util.Currency.getInstance(Locale.of("", country.toUpperCase(Locale.ROOT)));
        if (c != null && codes.contains(c.getCurrencyCode())) return c.getCurrencyCode();
      } catch (IllegalArgumentException e) {
        // not a country with a currency of its own
      }
    }
    return codes.get(0);
  }

  private static String currencyCode(String word, String country) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.contains("euro") || w.equals("евро") || w.equals("євро") || w.equals("avro") || w.equals("يورو")) return "EUR";
    if (w.contains("dollar") || w.contains("dólar") || w.contains("dolar") || w.startsWith("долл") || w.startsWith("долар")
        || w.equals("ドル") || w.startsWith("دولار")) {
      return "USD";
    }
    if (w.equals("درهم") || w.equals("دراهم")) return local("dirham", country);
    if (w.equals("pesos")) return local("peso", country);
    if (w.equals("دينار")) return local("dinar", country);
    if (w.equals("ريال")) return local("riyal", country);
    if (w.equals("ليرة")) return local("lira", country);
    if (w.equals("جنيه")) return local("egyptian pound", country);
    if (w.equals("reais") || w.equals("real")) return "BRL";
    if (w.startsWith("pound")) return "GBP";
    if (w.equals("yen") || w.equals("円")) return "JPY";
    if (w.equals("yuan") || w.equals("元")) return "CNY";
    if (w.startsWith("lira") || w.equals("tl")) return "TRY";
    if (w.startsWith("рубл") || w.equals("ルーブル")) return "RUB";
    if (w.startsWith("грив") || w.equals("грн")) return "UAH";
    if (w.startsWith("rupee")) return "INR";
    if (w.equals("バーツ")) return "THB";
    if (w.equals("ウォン")) return "KRW";
    if (w.startsWith("franc")) return "CHF";
    return w.toUpperCase(Locale.ROOT);
  }
}
