package news.panorama.text;

import com.ibm.icu.text.RelativeDateTimeFormatter;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Case endings of names in the Slavic languages that decline them (Russian, Ukrainian, Belarusian,
 * Polish, Czech, Slovak, Croatian, Serbian, Bosnian, Slovene), so that a name the article writes
 * only in an oblique case gets the key of its nominative: {@code Ердоганом}, {@code Эрдогану},
 * {@code Erdoğanem} → {@code erdogan}; {@code Зеленського}, {@code Zelenského} → {@code zelensky};
 * {@code Анкари}, {@code w Ankarze} → {@code ankara}. Words are compared folded ({@link Folding#fold}:
 * lower case, Latin diacritics stripped, so {@code ého} is written {@code eho}). Stateless and
 * thread-safe.
 *
 * <p>Each language has a table of rules {@code ending → replacement} of four kinds:
 * <ul>
 *   <li><b>adjective</b>: the oblique endings of adjectival surnames, only after a stem ending in
 *       {@code ск/цк/зк} ({@code sk/ck/dzk} in Latin script): {@code Зеленского} → {@code Зеленский},
 *       {@code Zełenskiego} → {@code Zełenski};</li>
 *   <li><b>noun</b>: instrumental and dative endings that a nominative seldom has ({@code -ом, -ем,
 *       -ым, -у, -ю}, Ukrainian {@code -ові}, Polish {@code -owi, -em}, Czech {@code -ovi, -em}), only
 *       after a stem of at least four letters that ends in a consonant;</li>
 *   <li><b>decided</b>: the genitive {@code -а/-я} ({@code Пескова}), which is also the nominative of
 *       many names ({@code Обама}, {@code Захарова}, {@code Москва}): applied only when something else
 *       decides the case, a given name in the same case before it ({@code Владимира Путина}) or the
 *       nominative written elsewhere in the article;</li>
 *   <li><b>lookup</b>: further endings tried only to find a word in a list (given names, the
 *       gazetteer's places): {@code Анкари → Анкара}, {@code Марії → Марія}, Polish and Czech
 *       locatives with their consonant changes ({@code Ankarze → Ankara}, {@code Praze → Praha}).</li>
 * </ul>
 *
 * <p>Limits: surnames that end like a dative in the nominative ({@code Шойгу}, {@code Нетаньяху})
 * lose that vowel when no nominative position decides otherwise ({@link EntityLinker} still joins
 * them to their other spellings, whose last words differ by a case ending); feminine surnames in an
 * oblique case ({@code Захаровой}) keep their ending; soft stems in {@code -й} ({@code Андреем})
 * are only recovered by the given-name list; Bulgarian and Macedonian do not decline names and have
 * no rules.
 */
final class SlavicCases {
  private enum Kind { ADJECTIVE, NOUN, DECIDED, LOOKUP }

  private record Rule(String ending, String replacement, Kind kind) {}

  private static final String RU = "ого>ий:A ому>ий:A им>ий:A ом>ий:A ом>:N ем>:N ым>:N у>:N ю>:N а>:D я>:D"
      + " я>й:L ю>й:L ем>й:L е>й:L ем>ь:L я>ь:L ю>ь:L е>ь:L е>:L и>я:L ы>а:L и>а:L е>а:L у>а:L ой>а:L ою>а:L"
      + " ю>я:L ей>я:L е>я:L";
  private static final String UK = "ого>ий:A ому>ий:A им>ий:A ім>ий:A ом>:N ем>:N ові>:N еві>:N у>:N ю>:N а>:D я>:D"
      + " я>й:L ю>й:L єм>й:L ї>й:L ем>ь:L я>ь:L ю>ь:L і>:L і>а:L и>а:L у>а:L ою>а:L ї>я:L і>я:L ю>я:L ею>я:L";
  private static final String BE = "ага>і:A аму>і:A ім>і:A ам>:N ем>:N у>:N ю>:N а>:D я>:D ы>а:L і>а:L е>а:L у>а:L";
  private static final String PL = "iego>i:A iemu>i:A im>i:A em>:N owi>:N a>:D"
      + " rze>ra:L dze>ga:L ce>ka:L le>la:L nie>na:L wie>wa:L sie>sa:L cie>ta:L dzie>da:L mie>ma:L pie>pa:L"
      + " bie>ba:L ie>:L u>:L y>a:L i>a:L e>a:L";
  private static final String CS = "eho>y:A emu>y:A ym>y:A em>:N ovi>:N a>:D"
      + " ze>ha:L ce>ka:L e>a:L y>a:L u>a:L ou>a:L i>a:L e>:L u>:L";
  private static final String SK = "eho>y:A emu>y:A ym>y:A om>:N ovi>:N a>:D"
      + " e>a:L y>a:L u>a:L ou>a:L i>a:L e>:L u>:L";
  private static final String HR = "om>:N em>:N u>:N a>:D i>a:L e>a:L u>a:L om>a:L i>:L e>:L";
  private static final String SR_CYRILLIC = "ом>:N ем>:N у>:N а>:D и>а:L е>а:L у>а:L ом>а:L и>:L е>:L";

  private static final Map<String, List<Rule>> RULES = Map.of("ru", parse(RU), "uk", parse(UK), "be", parse(BE),
      "pl", parse(PL), "cs", parse(CS), "sk", parse(SK), "hr", parse(HR), "bs", parse(HR), "sl", parse(HR),
      "sr", parse(HR + " " + SR_CYRILLIC));

  /** Endings of finite verbs after which a sentence-initial word is a subject or an object, by language. */
  private static final Map<String, List<String>> VERB_ENDINGS = Map.of(
      "ru", List.of("л", "ла", "ло", "ли", "лся", "лась", "лось", "лись", "ет", "ёт", "ит", "ют", "ят", "ется", "ится"),
      "uk", List.of("ив", "ав", "ув", "ла", "ло", "ли", "вся", "лася", "лося", "лися", "є", "ить", "ать", "ять", "ють",
          "уть", "ється", "иться"),
      "be", List.of("ў", "ла", "ло", "лі", "е", "іць", "аць", "юць"),
      "pl", List.of("ł", "ła", "ło", "li", "ły", "uje"),
      "cs", List.of("l", "la", "lo", "li", "ly", "uje"),
      "sk", List.of("l", "la", "lo", "li", "ly", "uje"),
      "hr", List.of("ao", "io", "la", "li", "lo"),
      "bs", List.of("ao", "io", "la", "li", "lo"),
      "sl", List.of("al", "il", "la", "li", "lo"),
      "sr", List.of("ao", "io", "la", "li", "lo", "ао", "ио", "ла", "ли", "ло"));
  /** Auxiliaries that open a South Slavic predicate ({@code Erdogan je rekao}). */
  private static final Set<String> AUXILIARIES = Set.of("je", "su", "је", "су");
  /** Endings of infinitives and reflexive verbs, which a name does not have. */
  private static final List<String> VERB_FORMS = List.of("ся", "сь", "ть", "ти", "чь", "ться");
  /**
   * Endings only oblique forms have, whatever the stem ({@code Навального}, {@code Zełenskiego},
   * {@code Zelenského}), for telling a common word before a name apart from the name's first word.
   */
  private static final List<String> OBLIQUE_ONLY = List.of("ого", "его", "ому", "ему", "ові", "ego", "emu", "eho",
      "owi", "ovi");
  /** Endings of abstract and collective nouns, which open sentences as subjects but are seldom names. */
  private static final List<String> COMMON_NOUN_ENDINGS = List.of("ия", "ія", "ство", "ства", "ние",
      "ния", "ння", "тие", "ття", "ы", "ость", "ість", "тель", "ление", "cja", "stwo", "stwa", "nie", "osc", "stvi", "ost", "ni");
  private static final String CYRILLIC_VOWELS = "аеёиоуыэюяіїєьъў";
  private static final String LATIN_VOWELS = "aeiouy";
  private static final Map<String, Set<String>> DAY_WORDS = new ConcurrentHashMap<>();

  private SlavicCases() {}

  private static List<Rule> parse(String spec) {
    List<Rule> out = new ArrayList<>();
    for (String r : spec.trim().split("\\s+")) {
      int gt = r.indexOf('>');
      int colon = r.lastIndexOf(':');
      Kind kind = switch (r.charAt(colon + 1)) {
        case 'A' -> Kind.ADJECTIVE;
        case 'N' -> Kind.NOUN;
        case 'D' -> Kind.DECIDED;
        default -> Kind.LOOKUP;
      };
      out.add(new Rule(r.substring(0, gt), r.substring(gt + 1, colon), kind));
    }
    out.sort((a, b) -> Integer.compare(b.ending().length(), a.ending().length()));
    return List.copyOf(out);
  }

  /** Whether {@code language} declines names and has rules here. */
  static boolean declines(String language) {
    return RULES.containsKey(language);
  }

  /**
   * Every form a folded word could have in the nominative by any rule (the word itself excluded),
   * longest ending first, for looking it up in a list of names or places; stems of three letters
   * at least.
   */
  static List<String> lookupForms(String folded, String language) {
    List<String> out = new ArrayList<>();
    for (Rule r : RULES.getOrDefault(language, List.of())) {
      String stem = stemOf(folded, r);
      if (stem != null && stem.length() >= 3) out.add(stem + r.replacement());
    }
    return out;
  }

  /**
   * The nominative of a word already judged part of a person's or organization's name, by the
   * adjective and noun rules (and the genitive rule when {@code decided}); the word itself when none
   * applies.
   */
  static String nominative(String folded, String language, boolean decided) {
    for (Rule r : RULES.getOrDefault(language, List.of())) {
      if (r.kind() == Kind.LOOKUP || r.kind() == Kind.DECIDED && !decided) continue;
      String stem = stemOf(folded, r);
      if (stem != null && fits(stem, r.kind())) return stem + r.replacement();
    }
    return folded;
  }

  /** The nominative by the genitive rule alone ({@code пескова} → {@code песков}), or {@code null}. */
  static String genitiveNominative(String folded, String language) {
    for (Rule r : RULES.getOrDefault(language, List.of())) {
      if (r.kind() != Kind.DECIDED) continue;
      String stem = stemOf(folded, r);
      if (stem != null && fits(stem, Kind.NOUN)) return stem + r.replacement();
    }
    return null;
  }

  /**
   * Whether a name's second word is in an oblique case its first word does not share ({@code Визит
   * Зеленского}, {@code Wizyta Zełenskiego}): the first is then a common word before the name. The
   * second word must end in an ending only oblique forms have or one of the adjective and noun rules';
   * the genitive {@code -а/-я} is not enough ({@code Барак Обама}, {@code Анна Петрова}), so
   * {@code Визит Путина} stays one name.
   */
  static boolean caseDisagrees(String first, String second, String language) {
    String ending = obliqueEnding(second, language, false);
    return ending != null && !first.endsWith(ending);
  }

  /** Whether a folded word ends like a Slavic abstract or collective noun ({@code Делегация}, {@code Агентства}). */
  static boolean looksLikeCommonNoun(String folded) {
    for (String e : COMMON_NOUN_ENDINGS) {
      if (folded.endsWith(e) && folded.length() >= e.length() + 3) return true;
    }
    return false;
  }

  /**
   * The case ending of a folded word that marks it oblique: one only oblique forms have, else that of
   * the adjective or noun rule that applies, else (when {@code genitive}) the genitive {@code -а/-я};
   * {@code null} for a word that looks nominative.
   */
  private static String obliqueEnding(String folded, String language, boolean genitive) {
    if (!declines(language)) return null;
    for (String e : OBLIQUE_ONLY) {
      if (folded.endsWith(e) && folded.length() >= e.length() + 3) return e;
    }
    for (Rule r : RULES.get(language)) {
      if (r.kind() == Kind.LOOKUP || r.kind() == Kind.DECIDED && !genitive) continue;
      String stem = stemOf(folded, r);
      if (stem != null && fits(stem, r.kind() == Kind.DECIDED ? Kind.NOUN : r.kind())) return r.ending();
    }
    return null;
  }

  /** Whether a folded lower-case word looks like a finite verb of {@code language} ({@code заявив}, {@code позвонил}). */
  static boolean looksLikeVerb(String folded, String language) {
    if (AUXILIARIES.contains(folded) && List.of("hr", "bs", "sr", "sl").contains(language)) return true;
    if (folded.length() < 3) return false;
    // Russian and Ukrainian are told apart on short texts less surely: either's verbs count for both
    List<String> languages = language.equals("ru") || language.equals("uk") ? List.of("ru", "uk") : List.of(language);
    for (String l : languages) {
      for (String e : VERB_ENDINGS.getOrDefault(l, List.of())) {
        if (folded.endsWith(e) && folded.length() > e.length() + 1) return true;
      }
    }
    return false;
  }

  /** Whether a folded word has the ending of an infinitive or a reflexive verb ({@code Сообщается}). */
  static boolean looksLikeVerbForm(String folded) {
    for (String e : VERB_FORMS) {
      if (folded.endsWith(e)) return true;
    }
    return false;
  }

  /**
   * Whether a folded word is the language's yesterday, today, tomorrow or now (from CLDR through ICU,
   * and {@link DateFinder}'s relative days).
   */
  static boolean isDayWord(String folded, String language) {
    return DAY_WORDS.computeIfAbsent(language, SlavicCases::dayWords).contains(folded);
  }

  private static Set<String> dayWords(String language) {
    Set<String> out = new HashSet<>(DateFinder.relativeDayWords(language));
    RelativeDateTimeFormatter f = RelativeDateTimeFormatter.getInstance(ULocale.forLanguageTag(language));
    RelativeDateTimeFormatter.Direction[] days = {RelativeDateTimeFormatter.Direction.LAST_2,
        RelativeDateTimeFormatter.Direction.LAST, RelativeDateTimeFormatter.Direction.THIS,
        RelativeDateTimeFormatter.Direction.NEXT, RelativeDateTimeFormatter.Direction.NEXT_2};
    for (RelativeDateTimeFormatter.Direction d : days) {
      addWord(out, f.format(d, RelativeDateTimeFormatter.AbsoluteUnit.DAY));
    }
    addWord(out, f.format(RelativeDateTimeFormatter.Direction.PLAIN, RelativeDateTimeFormatter.AbsoluteUnit.NOW));
    return Set.copyOf(out);
  }

  private static void addWord(Set<String> out, String phrase) {
    if (phrase != null && !phrase.isBlank() && phrase.indexOf(' ') < 0) out.add(Folding.fold(phrase));
  }

  /** The stem left when {@code r}'s ending is removed, or {@code null} if the word lacks it. */
  private static String stemOf(String folded, Rule r) {
    if (!folded.endsWith(r.ending()) || folded.length() <= r.ending().length()) return null;
    return folded.substring(0, folded.length() - r.ending().length());
  }

  private static boolean fits(String stem, Kind kind) {
    if (stem.codePointCount(0, stem.length()) < 4) return false;
    if (kind == Kind.ADJECTIVE) {
      return stem.endsWith("ск") || stem.endsWith("цк") || stem.endsWith("зк") || stem.endsWith("ськ")
          || stem.endsWith("цьк") || stem.endsWith("зьк") || stem.endsWith("sk") || stem.endsWith("ck")
          || stem.endsWith("dzk");
    }
    return !isVowel(stem.charAt(stem.length() - 1));
  }

  private static boolean isVowel(char c) {
    return CYRILLIC_VOWELS.indexOf(c) >= 0 || LATIN_VOWELS.indexOf(c) >= 0;
  }
}
