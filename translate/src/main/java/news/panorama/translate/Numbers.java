package news.panorama.translate;

import com.ibm.icu.text.DecimalFormatSymbols;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import java.text.ParsePosition;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Numbers and dates of the gloss written the English way: the language's own decimal and grouping
 * marks ({@code 1,2} → 1.2, {@code 9.800} → 9,800; {@code 12.10} in French is a version and stays),
 * and Chinese and Japanese dates, ordinals and large numbers ({@code 10月25日} → October 25,
 * {@code 第94回} → 94th, {@code 8,000万} → 80 million). Stateless and thread-safe.
 */
final class Numbers {
  private static final Pattern SEPARATED_NUMBER = Pattern.compile("\\d[.,\\u00A0\\u202F']\\d");
  private static final Pattern CJK_FULL_DATE = Pattern.compile("(\\d{1,4})年(\\d{1,2})月(\\d{1,2})日");
  private static final Pattern CJK_DATE = Pattern.compile("(\\d{1,2})月(\\d{1,2})日");
  private static final Pattern CJK_DAY = Pattern.compile("(?<![\\d.])(\\d{1,2})日(?![間本])");
  private static final Pattern CJK_ORDINAL = Pattern.compile("第(\\d+)[回期部章条話]?目?|(?<![\\d.])(\\d+)回目");
  private static final Pattern CJK_NTH_DAY = Pattern.compile("(?<![\\d.])(\\d+)日目");
  private static final Pattern CJK_YEAR = Pattern.compile("(\\d{4})年(?!間|代|度)");
  private static final Pattern CJK_LARGE = Pattern.compile("(\\d+(?:,\\s?\\d{3})*(?:\\.\\d+)?)\\s*([万億兆])");
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December"};

  private Numbers() {}

  /** Numbers written the English way: decimal comma to point, thousands grouped with commas. */
  static String number(String tok, String lang) {
    if (!SEPARATED_NUMBER.matcher(tok).find() || lang.equals(Gloss.ENGLISH)) return tok;
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(new ULocale(lang));
    String decimalMark = symbols.getDecimalSeparatorString();
    String groupMark = symbols.getGroupingSeparatorString();
    // only the language's own marks, groups of three after a grouping mark: "12.10" in French is a version, not a number
    String[] groups = tok.split(Pattern.quote(decimalMark), -1);
    if (groups.length > 2) return tok;
    String[] thousands = groups[0].split(Pattern.quote(groupMark), -1);
    for (int i = 1; i < thousands.length; i++) if (!thousands[i].matches("\\d{3}")) return tok;
    if (!String.join("", thousands).matches("\\d+") || groups.length == 2 && !groups[1].matches("\\d+")) return tok;
    NumberFormat local = NumberFormat.getInstance(new ULocale(lang));
    ParsePosition pos = new ParsePosition(0);
    Number n = local.parse(tok, pos);
    if (n == null || pos.getIndex() != tok.length()) return tok;
    int decimals = groups.length == 2 ? groups[1].length() : 0;
    NumberFormat english = NumberFormat.getInstance(ULocale.ENGLISH);
    english.setMinimumFractionDigits(decimals);
    english.setMaximumFractionDigits(decimals);
    return english.format(n);
  }

  /** Chinese and Japanese dates and large numbers in English: {@code 10月25日} → October 25, {@code 8,000万} → 80 million. */
  static String cjk(String s) {
    s = replace(CJK_FULL_DATE, s, m -> month(m.group(2)) == null ? m.group()
        : month(m.group(2)) + " " + Integer.parseInt(m.group(3)) + ", " + m.group(1) + " ");
    s = replace(CJK_DATE, s, m -> month(m.group(1)) == null ? m.group() : month(m.group(1)) + " " + Integer.parseInt(m.group(2)) + " ");
    s = replace(CJK_NTH_DAY, s, m -> " " + ordinal(Integer.parseInt(m.group(1))) + " day ");
    s = replace(CJK_DAY, s, m -> " " + ordinal(Integer.parseInt(m.group(1))) + " ");
    s = replace(CJK_ORDINAL, s, m -> " " + ordinal(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2))) + " ");
    s = replace(CJK_YEAR, s, m -> " " + m.group(1) + " ");
    return replace(CJK_LARGE, s, m -> {
      double v = Double.parseDouble(m.group(1).replaceAll("[,\\s]", ""));
      double scale = switch (m.group(2)) {
        case "万" -> 1e4;
        case "億" -> 1e8;
        default -> 1e12;
      };
      return " " + large(v * scale) + " ";
    });
  }

  private static @Nullable String month(String number) {
    int m = Integer.parseInt(number);
    return m >= 1 && m <= 12 ? MONTHS[m - 1] : null;
  }

  private static String ordinal(int n) {
    return new RuleBasedNumberFormat(ULocale.ENGLISH, RuleBasedNumberFormat.ORDINAL).format(n);
  }

  /** 80000000 → "80 million", 1.5e9 → "1.5 billion", 12000 → "12,000". */
  static String large(double v) {
    String[] words = {"trillion", "billion", "million"};
    double[] scales = {1e12, 1e9, 1e6};
    for (int i = 0; i < scales.length; i++) {
      if (v >= scales[i]) {
        double x = v / scales[i];
        String n = x == Math.rint(x) ? String.valueOf((long) x) : String.format(Locale.ROOT, "%.2f", x).replaceAll("0+$", "").replaceAll("\\.$", "");
        return n + " " + words[i];
      }
    }
    return NumberFormat.getInstance(ULocale.ENGLISH).format((long) Math.rint(v));
  }

  private static String replace(Pattern p, String s, Function<Matcher, String> f) {
    Matcher m = p.matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(f.apply(m)));
    m.appendTail(b);
    return b.toString();
  }
}
