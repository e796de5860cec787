package news.panorama.text;

import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.util.ULocale;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds time expressions in a text and resolves them against the publication date: absolute dates
 * in numeric, CJK and written forms ({@code 2025-11-19}, {@code 19.11.2025}, {@code 11月19日},
 * {@code Nov. 19}, {@code 19 de noviembre}, {@code 19 листопада}), months and years
 * ({@code in February 2022}, {@code mid-October}), weekdays ({@code on Wednesday}, resolved forwards
 * when the sentence speaks of the future, else backwards) and relative days, weeks, months and years
 * ({@code yesterday}, {@code last week}, {@code this year}).
 *
 * <p>Month and weekday names come from CLDR (ICU4J) for every language; the relative words and
 * future-tense cues are hand lists for the languages in {@link #RELATIVE}, English always included.
 * Patterns are compiled once per language and cached; thread-safe.
 */
final class DateFinder {
  /** A found expression: offsets in the text, ISO value ("" when unresolvable) and granularity. */
  record Found(int start, int end, String value, String granularity) {}

  private enum Unit { DAY, WEEK, MONTH, YEAR }

  /**
   * Relative expressions per language: {@code phrase=unit:offset}, phrases as regular expressions
   * (case-insensitive). Unit d/w/m/y.
   */
  private static final Map<String, String> RELATIVE = Map.ofEntries(
      Map.entry("en", "the day before yesterday=d:-2|yesterday=d:-1|today=d:0|tonight=d:0|this morning=d:0"
          + "|this afternoon=d:0|this evening=d:0|last night=d:-1|tomorrow=d:1|the day after tomorrow=d:2"
          + "|last week=w:-1|this week=w:0|next week=w:1|earlier this week=w:0|later this week=w:0"
          + "|last month=m:-1|this month=m:0|next month=m:1|last year=y:-1|this year=y:0|next year=y:1"
          + "|earlier this year=y:0|later this year=y:0|earlier this month=m:0|a week ago=w:-1|a month ago=m:-1"
          + "|a year ago=y:-1|two years ago=y:-2"),
      Map.entry("fr", "avant-hier=d:-2|hier=d:-1|aujourd'hui=d:0|aujourd’hui=d:0|ce matin=d:0|ce soir=d:0"
          + "|demain=d:1|après-demain=d:2|la semaine dernière=w:-1|cette semaine=w:0|la semaine prochaine=w:1"
          + "|le mois dernier=m:-1|ce mois-ci=m:0|le mois prochain=m:1|l'an dernier=y:-1|l’an dernier=y:-1"
          + "|l'année dernière=y:-1|l’année dernière=y:-1|cette année=y:0|l'an prochain=y:1|l’an prochain=y:1"
          + "|l'année prochaine=y:1|l’année prochaine=y:1"),
      Map.entry("de", "vorgestern=d:-2|gestern=d:-1|heute=d:0|morgen=d:1|übermorgen=d:2|letzte woche=w:-1"
          + "|vergangene woche=w:-1|vergangenen woche=w:-1|letzten woche=w:-1|diese woche=w:0|dieser woche=w:0"
          + "|nächste woche=w:1|nächsten woche=w:1|letzten monat=m:-1|vergangenen monat=m:-1|diesen monat=m:0"
          + "|nächsten monat=m:1|letztes jahr=y:-1|vergangenes jahr=y:-1|vergangenen jahr=y:-1|dieses jahr=y:0"
          + "|diesem jahr=y:0|nächstes jahr=y:1|nächsten jahr=y:1|das kommende jahr=y:1|kommendes jahr=y:1"
          + "|im kommenden jahr=y:1|vor zwei jahren=y:-2|vor einem jahr=y:-1"),
      Map.entry("es", "anteayer=d:-2|antier=d:-2|ayer=d:-1|hoy=d:0|mañana=d:1|pasado mañana=d:2"
          + "|la semana pasada=w:-1|esta semana=w:0|la próxima semana=w:1|la semana próxima=w:1"
          + "|el mes pasado=m:-1|este mes=m:0|el próximo mes=m:1|el año pasado=y:-1|este año=y:0"
          + "|el próximo año=y:1|el año próximo=y:1"),
      Map.entry("it", "l'altro ieri=d:-2|ieri=d:-1|oggi=d:0|domani=d:1|dopodomani=d:2|la settimana scorsa=w:-1"
          + "|questa settimana=w:0|la prossima settimana=w:1|il mese scorso=m:-1|questo mese=m:0"
          + "|l'anno scorso=y:-1|quest'anno=y:0|l'anno prossimo=y:1"),
      Map.entry("pt", "anteontem=d:-2|ontem=d:-1|hoje=d:0|amanhã=d:1|na semana passada=w:-1|esta semana=w:0"
          + "|nesta semana=w:0|na próxima semana=w:1|no mês passado=m:-1|este mês=m:0|no ano passado=y:-1"
          + "|este ano=y:0|neste ano=y:0|no próximo ano=y:1|ano que vem=y:1|no ano que vem=y:1|o ano passado=y:-1"),
      Map.entry("ru", "позавчера=d:-2|вчера=d:-1|сегодня=d:0|завтра=d:1|послезавтра=d:2"
          + "|на прошлой неделе=w:-1|на этой неделе=w:0|на следующей неделе=w:1|в прошлом месяце=m:-1"
          + "|в этом месяце=m:0|в следующем месяце=m:1|в прошлом году=y:-1|в этом году=y:0"
          + "|в следующем году=y:1|прошлый год=y:-1|прошлого года=y:-1|текущего года=y:0|этот год=y:0"
          + "|следующий год=y:1|два года назад=y:-2|год назад=y:-1"),
      Map.entry("uk", "позавчора=d:-2|вчора=d:-1|учора=d:-1|сьогодні=d:0|завтра=d:1|післязавтра=d:2"
          + "|минулого тижня=w:-1|на минулому тижні=w:-1|цього тижня=w:0|на цьому тижні=w:0"
          + "|наступного тижня=w:1|на наступному тижні=w:1|минулого місяця=m:-1|цього місяця=m:0"
          + "|наступного місяця=m:1|минулого року=y:-1|торік=y:-1|цього року=y:0|наступного року=y:1"
          + "|минулий рік=y:-1|наступний рік=y:1|два роки тому=y:-2|рік тому=y:-1"),
      Map.entry("tr", "evvelsi gün=d:-2|dün=d:-1|bugün=d:0|yarın=d:1|bu sabah=d:0|bu akşam=d:0|dün akşam=d:-1"
          + "|dün gece=d:-1|geçen hafta=w:-1|bu hafta=w:0"
          + "|gelecek hafta=w:1|önümüzdeki hafta=w:1|geçen ay=m:-1|bu ay=m:0|gelecek ay=m:1|geçen yıl=y:-1"
          + "|geçen sene=y:-1|bu yıl=y:0|bu sene=y:0|gelecek yıl=y:1|önümüzdeki yıl=y:1"),
      Map.entry("ar", "أول أمس=d:-2|أمس=d:-1|البارحة=d:-1|الليلة الماضية=d:-1|اليوم=d:0|الليلة=d:0|غدا=d:1|غداً=d:1"
          + "|الأسبوع الماضي=w:-1|هذا الأسبوع=w:0|الأسبوع الجاري=w:0|الأسبوع المقبل=w:1|الأسبوع القادم=w:1"
          + "|الشهر الماضي=m:-1|هذا الشهر=m:0|الشهر الجاري=m:0|الشهر المقبل=m:1|الشهر القادم=m:1|العام الماضي=y:-1"
          + "|السنة الماضية=y:-1|هذا العام=y:0|العام الجاري=y:0|العام الحالي=y:0|العام المقبل=y:1|العام القادم=y:1"
          + "|السنة المقبلة=y:1|قبل عام=y:-1|قبل عامين=y:-2|قبل سنتين=y:-2"),
      Map.entry("pl", "przedwczoraj=d:-2|wczoraj=d:-1|dzisiaj=d:0|dziś=d:0|jutro=d:1|w zeszłym tygodniu=w:-1"
          + "|w tym tygodniu=w:0|w przyszłym tygodniu=w:1|w zeszłym roku=y:-1|w tym roku=y:0"),
      Map.entry("nl", "eergisteren=d:-2|gisteren=d:-1|vandaag=d:0|morgen=d:1|vorige week=w:-1|deze week=w:0"
          + "|volgende week=w:1|vorig jaar=y:-1|dit jaar=y:0|volgend jaar=y:1"),
      Map.entry("ja", "一昨日=d:-2|おととい=d:-2|昨日=d:-1|きのう=d:-1|今日=d:0|本日=d:0|きょう=d:0|明日=d:1"
          + "|あす=d:1|あした=d:1|先週=w:-1|今週=w:0|来週=w:1|先月=m:-1|今月=m:0|来月=m:1|昨年=y:-1|去年=y:-1"
          + "|今年=y:0|来年=y:1"),
      Map.entry("zh", "前天=d:-2|昨天=d:-1|今天=d:0|明天=d:1|上周=w:-1|本周=w:0|下周=w:1|上个月=m:-1"
          + "|本月=m:0|下个月=m:1|去年=y:-1|今年=y:0|明年=y:1"));

  /** Words before a weekday that fix its direction, per language: past, next and this. */
  private static final Map<String, Pattern[]> WEEKDAY_CUES = cues(Map.of(
      "en", new String[] {"last|past", "next|coming", "this"},
      "fr", new String[] {"dernier", "prochain", "ce"},
      "de", new String[] {"letzten|vergangenen|vorigen", "nächsten|kommenden", "diesen"},
      "es", new String[] {"pasado", "próximo|que viene", "este"},
      "ru", new String[] {"прошл\\p{L}*", "следующ\\p{L}*|будущ\\p{L}*", "эт\\p{L}*"},
      "uk", new String[] {"минул\\p{L}*", "наступн\\p{L}*", "ц\\p{L}*"},
      "tr", new String[] {"geçen|geçtiğimiz", "gelecek|önümüzdeki", "bu"}));

  /** Each cue list compiled once, as {@link String#matches} would compile it on every call. */
  private static Map<String, Pattern[]> cues(Map<String, String[]> lists) {
    Map<String, Pattern[]> out = new HashMap<>();
    lists.forEach((lang, l) -> out.put(lang, new Pattern[] {Pattern.compile(l[0]), Pattern.compile(l[1]), Pattern.compile(l[2])}));
    return Map.copyOf(out);
  }

  private static final int CUE_FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

  /** Words that put a clause in the future, so a bare weekday means the coming one. */
  private static final Pattern FUTURE = Pattern.compile(
      "\\b(?:will|'ll|shall|is to|are to|going to|va|vont|sera|seront|wird|werden|será|serán|va a|van a|sarà|saranno"
          + "|vai|irá|будет|будут|состоится|буде|будуть|відбудеться|\\p{L}+(?:acak|ecek)\\p{L}*)\\b|予定", CUE_FLAGS);

  /** Plans and expectations: the future unless the clause is in the past ({@code war für Mittwoch geplant}). */
  private static final Pattern PLANNED = Pattern.compile(
      "\\b(?:set to|expected|plans? to|planned|scheduled|due to|doit|doivent|devrait|prévu\\p{L}*|soll|sollen|geplant"
          + "|prevé|previsto|dovrà|deverá|планирует\\p{L}*|намерен\\p{L}*|собирает\\p{L}*|планує|має намір)\\b|見通し|方針",
      CUE_FLAGS);

  /** Future and conditional verb endings per language ({@code se réunira}, {@code irán}, {@code potrebbe}, {@code діятимуть}). */
  private static final Map<String, Pattern> FUTURE_FORMS = Map.of(
      "fr", Pattern.compile("\\b\\p{Ll}{2,}(?:[eidt]ra|[eidt]ront|[eidt]rons)\\b", CUE_FLAGS),
      "es", Pattern.compile("\\b\\p{Ll}{2,}(?:rá|rán)\\b", CUE_FLAGS),
      "it", Pattern.compile("\\b\\p{Ll}{2,}(?:rà|ranno|rebbe|rebbero)\\b", CUE_FLAGS),
      "pt", Pattern.compile("\\b\\p{Ll}{2,}(?:rá|rão)\\b", CUE_FLAGS),
      "uk", Pattern.compile("\\b(?:\\p{L}+тим(?:е|уть|у|еш|емо)|може|можуть)\\b", CUE_FLAGS),
      "ru", Pattern.compile("\\b(?:может|могут)\\b", CUE_FLAGS));

  /** Past verb forms per language, besides the common {@link #PAST} cues ({@code a déclaré}, {@code afirmó}, {@code afirmou}). */
  private static final Map<String, Pattern> PAST_FORMS = Map.of(
      "fr", Pattern.compile("\\b(?:a|ont|avaient)\\b", CUE_FLAGS),
      "es", Pattern.compile("\\b\\p{Ll}{3,}(?:ó|aron|ieron)\\b", CUE_FLAGS),
      "pt", Pattern.compile("\\b\\p{Ll}{3,}(?:ou|aram|eram)\\b", CUE_FLAGS),
      "it", Pattern.compile("\\b(?:ha|hanno|aveva|avevano|era|erano)\\b", CUE_FLAGS),
      "tr", Pattern.compile("\\b\\p{L}+(?:dı|di|du|dü|tı|ti|tu|tü)\\b", CUE_FLAGS));

  /** Past-tense cues; without a future or past cue a bare weekday is the nearest such day. */
  private static final Pattern PAST = Pattern.compile(
      "\\b(?:was|were|had|did|said|\\p{Ll}{3,}ed|était|avait|hatte|war|wurde|sagte|fue|había|dijo"
          + "|\\p{IsCyrillic}{2,}(?:ла|ли|ло|лся|лась)|\\p{IsCyrillic}{3,}(?:ив|ав|ов))\\b",
      Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
  private static final Set<String> CYRILLIC_WEEKDAY_PREPOSITIONS = Set.of("в", "во", "у", "до", "к", "по", "с", "з", "от", "від",
      "на");
  private static final String NUM_DAY = "(?<day>[0-3]?\\d)";
  private static final String YEAR = "(?<year>(?:1[89]|20)\\d{2})";
  /** Space within one written date: never a line break (a paragraph's last number is no day of the next's month). */
  private static final String SPACE = "[^\\S\\n]+";
  /** A year joined to its day by a dash: November 27-2005. */
  private static final String DASH = "[^\\S\\n]?-[^\\S\\n]?";

  /** What may open a month expression ({@code mid-October}, {@code in February}); "" first: none. */
  private static final List<String> MONTH_EDGES = List.of("", "mid-", "mid ", "early ", "late ", "début ", "fin ",
      "mi-", "anfang ", "ende ", "mitte ", "principios de ", "finales de ", "mediados de ", "в начале ", "в конце ",
      "в середине ", "на початку ", "наприкінці ");
  private static final List<String> MONTH_PREPOSITIONS = List.of("", "in ", "since ", "until ", "by ", "from ",
      "during ", "between ", "and ", "before ", "after ", "en ", "depuis ", "à ", "de ", "dès ", "avant ", "après ",
      "im ", "seit ", "bis ", "zwischen ", "und ", "vor ", "nach ", "ab ", "desde ", "hasta ", "antes de ",
      "después de ", "a partir de ", "por ", "em ", "até ", "entro ", "prima di ", "fino a ", "a ", "di ", "в ", "во ",
      "у ", "з ", "с ", "до ", "по ");
  /** Month prepositions that look back ({@code desde marzo}) or ahead ({@code hasta marzo}) from the publication. */
  private static final Set<String> MONTH_SINCE = Set.of("since ", "depuis ", "seit ", "desde ", "с ", "з ", "after ",
      "après ", "después de ", "nach ");
  private static final Set<String> MONTH_UNTIL = Set.of("until ", "by ", "bis ", "hasta ", "до ", "before ", "avant ",
      "antes de ", "até ", "entro ", "prima di ", "fino a ", "dès ", "ab ", "a partir de ");
  /** Prepositions before a bare year ({@code in 2022}). */
  private static final List<String> YEAR_PREPOSITIONS = List.of("in", "since", "of", "until", "by", "from", "between",
      "en", "depuis", "im", "seit", "desde", "entre", "nel", "dal", "al", "entro", "em", "no", "até", "в", "у", "з", "с");
  /** Words after a year that name it as one ({@code 2026 года}, {@code 2023–2024 роках}, {@code 2025 yılında}). */
  private static final Pattern YEAR_WORDS = Pattern.compile(
      "\\s*(?:года|году|год|г\\.|року|роках|роки|рік|р\\.|roku|yılı|yılında|yıllarında|عام)(?![\\p{L}])",
      Pattern.UNICODE_CHARACTER_CLASS);
  /** Parts of the day a German weekday compounds with ({@code Montagmorgen}, {@code Samstagfrüh}). */
  private static final List<String> DAY_PARTS = List.of("morgen", "früh", "vormittag", "mittag", "nachmittag", "abend",
      "nacht");

  private static final Map<String, Vocabulary> VOCABULARIES = new ConcurrentHashMap<>();

  private DateFinder() {}

  private static final Set<String> CALENDAR_WORDS = calendarWords();

  private static Set<String> calendarWords() {
    Set<String> out = new java.util.HashSet<>();
    for (String lang : List.of("en", "fr", "de", "es", "it", "pt", "ru", "uk", "tr", "pl", "nl", "ar")) {
      DateFormatSymbols symbols = new DateFormatSymbols(ULocale.forLanguageTag(lang));
      for (String m : symbols.getMonths(DateFormatSymbols.FORMAT, DateFormatSymbols.WIDE)) out.add(Folding.fold(m));
      for (String m : symbols.getMonths(DateFormatSymbols.STANDALONE, DateFormatSymbols.WIDE)) out.add(Folding.fold(m));
      for (String m : symbols.getMonths(DateFormatSymbols.FORMAT, DateFormatSymbols.ABBREVIATED)) {
        String bare = m.replace(".", "");
        if (bare.length() >= 3) out.add(Folding.fold(bare)); // Nov, Dez
      }
      for (String d : symbols.getWeekdays(DateFormatSymbols.FORMAT, DateFormatSymbols.WIDE)) {
        if (!d.isEmpty()) out.add(Folding.fold(d));
      }
    }
    return Set.copyOf(out);
  }

  /** The one-word relative day expressions of a language ({@code вчора}, {@code учора}, {@code dzisiaj}), folded. */
  static Set<String> relativeDayWords(String language) {
    Set<String> out = new java.util.HashSet<>();
    for (String entry : RELATIVE.getOrDefault(language, "").split("\\|")) {
      int eq = entry.indexOf('=');
      if (eq > 0 && entry.indexOf(' ') < 0 && entry.startsWith("d:", eq + 1)) out.add(Folding.fold(entry.substring(0, eq)));
    }
    return out;
  }

  /**
   * Whether a capitalized word is a month or weekday name, which is a date, not a named thing; also a
   * weekday compound ({@code Montagmorgen}).
   */
  static boolean isCalendarWord(String word) {
    String f = Folding.fold(word);
    if (CALENDAR_WORDS.contains(f)) return true;
    for (String part : DAY_PARTS) {
      String p = Folding.fold(part);
      if (f.length() > p.length() + 4 && f.endsWith(p) && CALENDAR_WORDS.contains(f.substring(0, f.length() - p.length()))) {
        return true;
      }
    }
    return false;
  }

  /** The time expressions of {@code text}, in text order, non-overlapping. */
  static List<Found> find(String text, String language, @Nullable LocalDate published) {
    Vocabulary v = VOCABULARIES.computeIfAbsent(language.isEmpty() ? "en" : language, Vocabulary::new);
    List<Found> all = new ArrayList<>();
    for (Rule rule : v.rules) {
      if (!rule.possibleIn(text)) continue;
      MatchStarts.forEachMatch(rule.pattern, text, rule.starts, m -> {
        Found f = rule.resolve(m, text, v, published);
        if (f != null) all.add(f);
      });
    }
    all.sort(Comparator.comparingInt(Found::start).thenComparingInt(f -> -(f.end() - f.start())));
    List<Found> out = new ArrayList<>();
    int covered = -1;
    for (Found f : all) {
      if (f.start() >= covered) {
        out.add(f);
        covered = f.end();
      }
    }
    return out;
  }

  /**
   * One pattern and how a match becomes a date; {@code starts} says where a match can begin and
   * {@code needs} lists characters every match contains, so texts without them skip the pattern.
   */
  private record Rule(Pattern pattern, MatchStarts starts, String needs, Resolver resolver) {
    Rule(Pattern pattern, MatchStarts starts, Resolver resolver) {
      this(pattern, starts, "", resolver);
    }

    boolean possibleIn(String text) {
      for (int i = 0; i < needs.length(); i++) {
        if (text.indexOf(needs.charAt(i)) < 0) return false;
      }
      return true;
    }

    @Nullable Found resolve(Matcher m, String text, Vocabulary v, @Nullable LocalDate published) {
      return resolver.resolve(m, text, v, published);
    }
  }

  @FunctionalInterface
  private interface Resolver {
    @Nullable Found resolve(Matcher m, String text, Vocabulary v, @Nullable LocalDate published);
  }

  /** Month and weekday names of one language (plus English) and the rules built from them. */
  private static final class Vocabulary {
    final Map<String, Integer> months = new HashMap<>();
    final Map<String, Integer> weekdays = new HashMap<>();
    final Map<String, String> relative = new HashMap<>();
    final List<Rule> rules = new ArrayList<>();
    final boolean monthFirstNumeric;

    Vocabulary(String language) {
      monthFirstNumeric = language.equals("en");
      Set<String> monthAlternatives = new LinkedHashSet<>();
      Set<String> weekdayAlternatives = new LinkedHashSet<>();
      List<String> monthWords = new ArrayList<>(); // the literal start of each alternative
      List<String> weekdayWords = new ArrayList<>();
      for (String lang : language.equals("en") ? List.of("en") : List.of(language, "en")) {
        DateFormatSymbols symbols = new DateFormatSymbols(ULocale.forLanguageTag(lang));
        for (int ctx : new int[] {DateFormatSymbols.FORMAT, DateFormatSymbols.STANDALONE}) {
          for (int width : new int[] {DateFormatSymbols.WIDE, DateFormatSymbols.ABBREVIATED}) {
            String[] names = symbols.getMonths(ctx, width);
            for (int i = 0; i < 12 && i < names.length; i++) {
              addName(names[i], i + 1, months, monthAlternatives, monthWords, 2);
            }
          }
          String[] days = symbols.getWeekdays(ctx, DateFormatSymbols.WIDE);
          for (int i = 1; i < days.length; i++) {
            addName(days[i], i == 1 ? 7 : i - 1, weekdays, weekdayAlternatives, weekdayWords, 1);
          }
        }
        String rel = RELATIVE.get(lang);
        if (rel != null) {
          for (String entry : rel.split("\\|")) {
            int eq = entry.indexOf('=');
            relative.put(entry.substring(0, eq).toLowerCase(Locale.ROOT), entry.substring(eq + 1));
          }
        }
      }
      if (language.equals("en")) {
        months.put("sept", 9);
        monthAlternatives.add("sept");
        monthWords.add("sept");
      }
      MatchStarts atMonth = MatchStarts.caseInsensitive(monthWords);
      String month = "(?<month>" + alternation(monthAlternatives) + ")";
      String weekday = "(?<weekday>" + alternation(weekdayAlternatives) + ")";
      int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
      String l = "(?<![\\p{L}\\d])";
      String r = "(?![\\p{L}\\d])";

      rules.add(new Rule(Pattern.compile(l + YEAR + "-(?<m>[01]\\d)-(?<day>[0-3]\\d)" + r), MatchStarts.DIGIT,
          (m, t, v, p) -> day(m, Integer.parseInt(m.group("year")), Integer.parseInt(m.group("m")),
              Integer.parseInt(m.group("day")))));
      rules.add(new Rule(Pattern.compile(l + "(?<a>[0-3]?\\d)(?<sep>[./])(?<b>[0-3]?\\d)\\k<sep>" + YEAR + r),
          MatchStarts.DIGIT,
          (m, t, v, p) -> numericDay(m, v, Integer.parseInt(m.group("year")), m.group("sep").equals("/"))));
      // 11/28/05 · 04/02/07: the dateline of many web outlets, a two-digit year (slashes only: 6.1.05 may be a version)
      rules.add(new Rule(Pattern.compile(l + "(?<a>[0-3]?\\d)/(?<b>[0-3]?\\d)/(?<yy>\\d{2})(?![\\p{L}\\d/])"),
          MatchStarts.DIGIT, (m, t, v, p) -> numericDay(m, v, fullYear(Integer.parseInt(m.group("yy")), p), true)));
      rules.add(new Rule(Pattern.compile("(?:" + YEAR + "\\s?年\\s?)?(?<m>[01]?\\d)\\s?月\\s?(?<day>[0-3]?\\d)\\s?日"),
          MatchStarts.DIGIT, "月日", (m, t, v, p) -> m.group("year") != null
              ? day(m, Integer.parseInt(m.group("year")), Integer.parseInt(m.group("m")), Integer.parseInt(m.group("day")))
              : withYear(m, p, Integer.parseInt(m.group("m")), Integer.parseInt(m.group("day")))));
      rules.add(new Rule(Pattern.compile(YEAR + "\\s?年\\s?(?<m>[01]?\\d)\\s?月(?!\\s?\\d)"), MatchStarts.DIGIT, "年月",
          (m, t, v, p) -> month(m, Integer.parseInt(m.group("year")), Integer.parseInt(m.group("m")))));
      rules.add(new Rule(Pattern.compile(YEAR + "\\s?年(?!\\s?\\d)"), MatchStarts.DIGIT, "年",
          (m, t, v, p) -> new Found(m.start(), m.end(), m.group("year"), "year")));
      // Nov. 19, 2025 · November 19 · Nov 19th
      rules.add(new Rule(Pattern.compile(l + month + "\\.?" + SPACE + NUM_DAY + "(?:st|nd|rd|th)?(?:(?:,?" + SPACE + "|" + DASH + ")"
          + YEAR + ")?" + r, flags), atMonth, (m, t, v, p) -> writtenDay(m, t, v, p)));
      // 19 November 2025 · 19. November · 19 de noviembre de 2025 · 19 листопада 2025 року
      rules.add(new Rule(Pattern.compile(l + NUM_DAY + "(?:\\.|er|º|-?го)?" + SPACE + "(?:de" + SPACE + ")?" + month
          + "\\.?(?:,?" + SPACE + "(?:de" + SPACE + ")?" + YEAR + "(?:\\s+(?:года|року|г\\.|р\\.))?)?" + r, flags),
          MatchStarts.DIGIT, (m, t, v, p) -> writtenDay(m, t, v, p)));
      // in February 2022 · mid-October · early March · в ноябре 2024 (the preposition is read before the match)
      List<String> monthStarts = new ArrayList<>(); // how a month expression can begin: [edge] month
      for (String edge : MONTH_EDGES) {
        for (String w : monthWords) monthStarts.add(edge + w);
      }
      rules.add(new Rule(Pattern.compile(l + "(?<edge>" + String.join("|", MONTH_EDGES.subList(1, MONTH_EDGES.size()))
          + ")?" + month + "(?:\\s+(?:de\\s+|del\\s+)?" + YEAR + "(?:\\s+(?:года|року))?)?"
          + "(?<ay>\\s+ay(?:ı|ında|ından|ına|ının))?" + r, flags),
          MatchStarts.caseInsensitive(monthStarts), (m, t, v, p) -> monthExpression(m, t, v, p)));
      String dayPart = language.equals("de") ? "(?:" + String.join("|", DAY_PARTS) + ")?" : "";
      rules.add(new Rule(Pattern.compile(l + weekday + dayPart + r, flags), MatchStarts.caseInsensitive(weekdayWords),
          (m, t, v, p) -> weekdayExpression(m, t, v, p, language)));
      if (!relative.isEmpty()) {
        List<String> phrases = new ArrayList<>(relative.keySet());
        phrases.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alt = new StringBuilder();
        for (String ph : phrases) alt.append(alt.isEmpty() ? "" : "|").append(Pattern.quote(ph));
        boolean cjk = Folding.writtenWithoutSpaces(language);
        rules.add(new Rule(Pattern.compile((cjk ? "" : l) + "(?<rel>" + alt + ")" + (cjk ? "" : r), flags),
            MatchStarts.caseInsensitive(phrases), (m, t, v, p) -> relativeExpression(m, v, p)));
      }
      // a bare year after a preposition or before punctuation: in 2022, (2008), 2019.
      rules.add(new Rule(Pattern.compile(l + "(?<prep>(?:" + String.join("|", YEAR_PREPOSITIONS) + ")\\s+)?"
          + YEAR + r, flags), MatchStarts.DIGIT.or(MatchStarts.caseInsensitive(YEAR_PREPOSITIONS)), (m, t, v, p) -> {
            int e = m.end();
            while (e < t.length() && t.charAt(e) == ' ') e++;
            boolean followedByWord = e < t.length() && (Character.isLowerCase(t.charAt(e)) || "-–%".indexOf(t.charAt(e)) >= 0);
            boolean range = e + 1 < t.length() && "-–".indexOf(t.charAt(e)) >= 0 && Character.isDigit(t.charAt(e + 1));
            boolean named = YEAR_WORDS.matcher(t).region(m.end(), Math.min(t.length(), m.end() + 16)).lookingAt();
            if (m.group("prep") == null && followedByWord && !range && !named) return null;
            return new Found(m.start("year"), m.end(), m.group("year"), "year");
          }));
    }

    private static void addName(String name, int value, Map<String, Integer> into, Set<String> alternatives,
        List<String> literals, int maxSuffix) {
      String bare = name.replace(".", "").toLowerCase(Locale.ROOT);
      if (bare.length() < 3) return;
      into.putIfAbsent(bare, value);
      if (isCyrillic(bare) && bare.length() >= 4) {
        // inflected forms: ноября, ноябре; листопада; середу
        String stem = bare.substring(0, bare.length() - ("ьйаяеоиіу".indexOf(bare.charAt(bare.length() - 1)) >= 0 ? 1 : 0));
        into.putIfAbsent("stem:" + stem, value);
        alternatives.add(Pattern.quote(stem) + "\\p{L}{0," + maxSuffix + "}");
        literals.add(stem);
      } else {
        alternatives.add(Pattern.quote(bare));
        literals.add(bare);
      }
    }

    private static String alternation(Set<String> alternatives) {
      List<String> sorted = new ArrayList<>(alternatives);
      sorted.sort(Comparator.comparingInt(String::length).reversed());
      return String.join("|", sorted);
    }

    /** The number of a month or weekday name as written. */
    static int lookup(Map<String, Integer> names, String written) {
      String w = written.replace(".", "").toLowerCase(Locale.ROOT);
      Integer v = names.get(w);
      if (v != null) return v;
      for (int cut = 0; cut <= 3 && cut < w.length() - 2; cut++) {
        v = names.get("stem:" + w.substring(0, w.length() - cut));
        if (v != null) return v;
      }
      return -1;
    }
  }

  private static boolean isCyrillic(String s) {
    return !s.isEmpty() && Character.UnicodeScript.of(s.codePointAt(0)) == Character.UnicodeScript.CYRILLIC;
  }

  /** Month names in English (and German nouns) are capitalized; {@code may} the verb is not May. */
  private static boolean plausibleMonthWord(String written, int monthNumber) {
    if (Folding.isLatin(written) && written.equals(written.toLowerCase(Locale.ROOT))) {
      return !(written.equals("may") || written.equals("march") || written.equals("mar") || written.equals("jan"));
    }
    return true;
  }

  private static @Nullable Found writtenDay(Matcher m, String text, Vocabulary v, @Nullable LocalDate published) {
    String written = m.group("month");
    int month = Vocabulary.lookup(v.months, written);
    if (month < 0 || !plausibleMonthWord(written, month)) return null;
    if (written.length() <= 4 && !written.endsWith(".") && Folding.isLatin(written)
        && Character.isLowerCase(written.charAt(0)) && !v.months.containsKey(written.toLowerCase(Locale.ROOT))) {
      return null;
    }
    int day = Integer.parseInt(m.group("day"));
    if (m.group("year") != null) return day(m, Integer.parseInt(m.group("year")), month, day);
    return withYear(m, published, month, day);
  }

  private static @Nullable Found monthExpression(Matcher m, String text, Vocabulary v, @Nullable LocalDate published) {
    String written = m.group("month");
    int month = Vocabulary.lookup(v.months, written);
    if (month < 0) return null;
    boolean hasYear = m.group("year") != null;
    String prep = m.group("edge") == null ? prepositionBefore(text, m.start("month")) : "";
    boolean cued = m.group("edge") != null || !prep.isEmpty() || m.group("ay") != null;
    if (!hasYear && !cued) return null;
    if (written.length() < 4 && !hasYear) return null;
    if (Folding.isLatin(written) && Character.isLowerCase(written.charAt(0)) && !hasYear
        && !plausibleMonthWord(written, month)) {
      return null;
    }
    if (written.equalsIgnoreCase("may") && !hasYear && !Character.isUpperCase(written.charAt(0))) return null;
    int start = m.group("edge") != null ? m.start() : m.start("month");
    if (hasYear) {
      Found f = month(m, Integer.parseInt(m.group("year")), month);
      return f == null ? null : new Found(start, f.end(), f.value(), f.granularity());
    }
    if (published == null) return new Found(start, m.end(), "", "month");
    LocalDate d = nearest(published, LocalDate.of(published.getYear(), month, 1), 6, Unit.MONTH);
    LocalDate thisMonth = published.withDayOfMonth(1);
    if (MONTH_SINCE.contains(prep) && d.isAfter(thisMonth)) d = d.minusYears(1);
    if (MONTH_UNTIL.contains(prep) && d.isBefore(thisMonth)) d = d.plusYears(1);
    return new Found(start, m.end(), monthValue(d), "month");
  }

  /** The month preposition written just before {@code at} ({@code desde marzo}, {@code zwischen Mai}), lower case; else "". */
  private static String prepositionBefore(String text, int at) {
    String best = "";
    for (String p : MONTH_PREPOSITIONS) {
      int s = at - p.length();
      if (p.length() > best.length() && s >= 0 && text.regionMatches(true, s, p, 0, p.length())
          && (s == 0 || !Character.isLetter(text.charAt(s - 1)))) {
        best = p.toLowerCase(Locale.ROOT);
      }
    }
    return best;
  }

  private static @Nullable Found weekdayExpression(Matcher m, String text, Vocabulary v, @Nullable LocalDate published,
      String language) {
    String written = m.group("weekday");
    int dow = Vocabulary.lookup(v.weekdays, written);
    if (dow < 0) return null;
    if (Folding.isLatin(written) && language.equals("en") && Character.isLowerCase(written.charAt(0))) return null;
    int cueEnd = m.start();
    while (cueEnd > 0 && Character.isWhitespace(text.charAt(cueEnd - 1))) cueEnd--;
    int cueStart = cueEnd;
    while (cueStart > 0 && Character.isLetter(text.charAt(cueStart - 1))) cueStart--;
    String cue = cueEnd < m.start() ? text.substring(cueStart, cueEnd).toLowerCase(Locale.ROOT) : "";
    if (isCyrillic(written) && !v.weekdays.containsKey(written.toLowerCase(Locale.ROOT))
        && !CYRILLIC_WEEKDAY_PREPOSITIONS.contains(cue)) {
      return null; // an inflected weekday needs its preposition: в среду, у середу (not среди)
    }
    int direction = 0;
    boolean cueIsPart = false;
    for (String lang : List.of(language, "en")) {
      Pattern[] cues = WEEKDAY_CUES.get(lang);
      if (cues == null) continue;
      if (cues[0].matcher(cue).matches()) direction = -1;
      else if (cues[1].matcher(cue).matches()) direction = 1;
      else if (cues[2].matcher(cue).matches()) direction = 2;
      if (direction != 0) {
        cueIsPart = true;
        break;
      }
    }
    // a trailing cue (viernes pasado, пятницу прошлую) is rarer and left to the default rule
    int start = cueIsPart ? cueStart : m.start("weekday");
    if (published == null) return new Found(start, m.end(), "", "day");
    int today = published.getDayOfWeek().getValue();
    int delta = dow - today;
    if (direction == 0) direction = tense(text, m.start(), language);
    if (direction == 0) direction = delta > 0 && delta <= 3 || delta < -3 ? 1 : -1; // the nearest such day
    LocalDate d;
    if (direction == 2) {
      d = published.with(DayOfWeek.of(dow));
    } else if (direction > 0) {
      d = published.plusDays(delta >= 0 ? delta : delta + 7);
    } else {
      d = published.plusDays(delta <= 0 ? delta : delta - 7);
    }
    return new Found(start, m.end(), d.toString(), "day");
  }

  private static @Nullable Found relativeExpression(Matcher m, Vocabulary v, @Nullable LocalDate published) {
    String spec = v.relative.get(m.group("rel").toLowerCase(Locale.ROOT));
    if (spec == null) return null;
    char unit = spec.charAt(0);
    int offset = Integer.parseInt(spec.substring(2));
    String granularity = switch (unit) {
      case 'd' -> "day";
      case 'w' -> "week";
      case 'm' -> "month";
      default -> "year";
    };
    if (published == null) return new Found(m.start(), m.end(), "", granularity);
    String value = switch (unit) {
      case 'd' -> published.plusDays(offset).toString();
      case 'w' -> weekValue(published.plusWeeks(offset));
      case 'm' -> monthValue(published.plusMonths(offset));
      default -> String.valueOf(published.getYear() + offset);
    };
    return new Found(m.start(), m.end(), value, granularity);
  }

  /**
   * A date written in numbers, its fields {@code a} and {@code b}: month first where the language
   * writes it so with slashes (11/28/2005 in English) and the first field can be a month, or when the
   * second cannot be; day first otherwise (19.11.2024, 28/11/05 in French).
   */
  private static @Nullable Found numericDay(Matcher m, Vocabulary v, int year, boolean slash) {
    int a = Integer.parseInt(m.group("a"));
    int b = Integer.parseInt(m.group("b"));
    boolean monthFirst = v.monthFirstNumeric && slash && a <= 12 || b > 12;
    return day(m, year, monthFirst ? a : b, monthFirst ? b : a);
  }

  /**
   * The year a two-digit year stands for: the one nearest the publication date not more than a year
   * after it, or without one 2000–2049 and 1950–1999.
   */
  static int fullYear(int twoDigits, @Nullable LocalDate published) {
    if (published == null) return twoDigits < 50 ? 2000 + twoDigits : 1900 + twoDigits;
    int century = published.getYear() / 100 * 100;
    int year = century + twoDigits;
    return year > published.getYear() + 1 ? year - 100 : year;
  }

  private static @Nullable Found day(Matcher m, int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()) return null;
    return new Found(m.start(), m.end(), LocalDate.of(year, month, day).toString(), "day");
  }

  private static @Nullable Found month(Matcher m, int year, int month) {
    if (month < 1 || month > 12) return null;
    return new Found(m.start(), m.end(), monthValue(LocalDate.of(year, month, 1)), "month");
  }

  /** A day and month without a year: the year that puts it within six months of publication. */
  private static @Nullable Found withYear(Matcher m, @Nullable LocalDate published, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    if (published == null) return new Found(m.start(), m.end(), "", "day");
    int year = published.getYear();
    if (day > LocalDate.of(year, month, 1).lengthOfMonth()) return null;
    LocalDate d = nearest(published, LocalDate.of(year, month, day), 183, Unit.DAY);
    return new Found(m.start(), m.end(), d.toString(), "day");
  }

  private static LocalDate nearest(LocalDate published, LocalDate candidate, int limit, Unit unit) {
    long distance = unit == Unit.DAY
        ? java.time.temporal.ChronoUnit.DAYS.between(published, candidate)
        : java.time.temporal.ChronoUnit.MONTHS.between(published.withDayOfMonth(1), candidate);
    if (distance > limit) return candidate.minusYears(1);
    if (distance < -limit) return candidate.plusYears(1);
    return candidate;
  }

  private static String monthValue(LocalDate d) {
    return String.format(Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue());
  }

  private static String weekValue(LocalDate d) {
    LocalDate monday = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return String.format(Locale.ROOT, "%04d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
        monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /**
   * Whether the words around {@code at} speak of the future (1), the past (-1) or neither (0), judged
   * in its clause, else in its sentence: a future tense first ({@code said the talks will resume on
   * Friday}), then a past one, then a plan ({@code war für Mittwoch geplant} is past).
   */
  private static int tense(String text, int at, String language) {
    int s = at;
    while (s > 0 && at - s < 300 && ".!?。\n".indexOf(text.charAt(s - 1)) < 0) s--;
    int e = at;
    while (e < text.length() && e - at < 300 && ".!?。\n".indexOf(text.charAt(e)) < 0) e++;
    int cs = at;
    while (cs > s && ",;:—".indexOf(text.charAt(cs - 1)) < 0) cs--;
    int ce = at;
    while (ce < e && ",;:—".indexOf(text.charAt(ce)) < 0) ce++;
    int t = tenseIn(text, cs, ce, language);
    return t != 0 ? t : tenseIn(text, s, e, language);
  }

  private static int tenseIn(String text, int from, int to, String language) {
    if (finds(FUTURE, text, from, to) || finds(FUTURE_FORMS.get(language), text, from, to)) return 1;
    if (finds(PAST, text, from, to) || finds(PAST_FORMS.get(language), text, from, to)) return -1;
    return finds(PLANNED, text, from, to) ? 1 : 0;
  }

  private static boolean finds(@Nullable Pattern p, String text, int from, int to) {
    return p != null && p.matcher(text).region(from, to).find();
  }
}
