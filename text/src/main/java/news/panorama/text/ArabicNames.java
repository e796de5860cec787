package news.panorama.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Names in Arabic script, which has no capitals to mark them: a person starts at a known given name
 * ({@code خالد منصور}, {@code محمد بن راشد}, {@code سامي عبد الفتاح}) or after a title and the adjectives
 * that qualify it ({@code الرئيس التركي رجب طيب أردوغان}, {@code المتحدث باسمه دميتري بيسكوف}); a surname
 * once found is a mention wherever it recurs, also with a preposition written onto it ({@code لأردوغان}).
 * Words carry their conjunction ({@code وأوكرانيا}, {@code ومدريد}), which is not part of the name, and
 * may carry a preposition ({@code بمصر}), which a name is also looked up without. One instance per article.
 */
final class ArabicNames {
  /** A name over tokens {@code [start, end)}; its text begins at {@code surfaceStart} (after a conjunction). */
  record Found(int start, int end, int surfaceStart, String key) {}

  private static final Set<String> TITLES = Set.of("الرئيس", "رئيس", "رئيسة", "الرئيسة", "وزير", "الوزير", "وزيرة",
      "المتحدث", "المتحدثة", "الناطق", "المبعوث", "مبعوث", "مدير", "المدير", "مديرة", "المديرة", "المحامي", "المرشح",
      "المرشحة", "نظيره", "نظيرته", "السيد", "السيدة", "الأمين", "الشيخ", "الملك", "الأمير", "الأميرة", "قائد",
      "سفير", "السفير", "النائب", "المستشار", "المستشارة", "العاهل", "الجنرال", "الدكتور", "المهندس", "القاضي",
      "القاضية", "النقيب", "الزعيم", "المفوض", "المدرب", "اللاعب", "الكاتب", "الصحفي", "رئيسها", "رئيسه");
  /** Words inside a name that pull the next word in: {@code بن}, {@code عبد}, {@code أبو}, {@code أيت}. */
  private static final Set<String> CONNECTORS = Set.of("بن", "ابن", "بنت", "عبد", "أبو", "ابو", "أبي", "آل", "أيت",
      "ولد", "أم");
  private static final int MAX_TITLE_QUALIFIERS = 3;

  private final Set<String> surnames = new HashSet<>();

  static boolean isArabic(String word) {
    return !word.isEmpty() && Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.ARABIC;
  }

  /**
   * The forms a word may be looked up by, each with how many leading letters are not part of its text:
   * as written, without a conjunction ({@code و}, {@code ف}), without a preposition ({@code ب}, {@code ل},
   * {@code ك}) that stays in its text, and without both.
   */
  static List<Form> forms(String word) {
    List<Form> out = new ArrayList<>(3);
    out.add(new Form(word, 0, false));
    boolean conjunction = word.length() > 3 && (word.charAt(0) == 'و' || word.charAt(0) == 'ف');
    String rest = conjunction ? word.substring(1) : word;
    if (conjunction) out.add(new Form(rest, 1, false));
    if (rest.length() > 3 && "بلك".indexOf(rest.charAt(0)) >= 0 && rest.charAt(1) != 'ل') {
      out.add(new Form(rest.substring(1), conjunction ? 1 : 0, true));
    }
    return out;
  }

  /** A word as looked up; {@code skip} leading letters are a conjunction, not part of the name's text. */
  record Form(String word, int skip, boolean preposition) {}

  /** The name starting at token {@code i}, if any. */
  @Nullable Found at(String text, List<Token> tokens, int i, String language) {
    String word = tokens.get(i).surface();
    if (!isArabic(word)) return null;
    for (Form form : forms(word)) {
      String w = form.word();
      if (surnames.contains(w)) return new Found(i, i + 1, tokens.get(i).start() + form.skip(), w);
      if (form.preposition()) continue; // a preposition does not start a full name
      if (NameFinder.GIVEN_NAMES.contains(w)) {
        Found f = person(text, tokens, i, form.skip(), language);
        if (f != null) return f;
      }
      if (TITLES.contains(w)) {
        int j = i + 1;
        while (j < tokens.size() && j - i <= MAX_TITLE_QUALIFIERS && isQualifier(tokens.get(j).surface())
            && adjacent(text, tokens.get(j - 1), tokens.get(j))) {
          j++;
        }
        if (j < tokens.size() && adjacent(text, tokens.get(j - 1), tokens.get(j))) {
          Found f = person(text, tokens, j, 0, language);
          if (f != null) return f;
        }
      }
    }
    return null;
  }

  /** An institution or a named place over tokens {@code [start, end)}, from {@code surfaceStart}; {@code place} or not. */
  record Institution(int end, int surfaceStart, String key, boolean place) {}

  /** Head nouns that open an organization's name with their complement ({@code وزارة الداخلية}). */
  private static final Set<String> ORG_HEADS = Set.of("وزارة", "مجلس", "هيئة", "الهيئة", "جامعة", "نقابة", "جهاز",
      "المعهد", "معهد", "محكمة", "المحكمة", "حزب", "منظمة", "وكالة", "بنك", "البنك", "مصرف", "صندوق", "الاتحاد",
      "اتحاد", "مؤسسة", "جمعية", "أكاديمية", "مستشفى", "بورصة", "شرطة", "مركز", "سوق", "نادي", "نادى");
  /** Head nouns that open a place's name ({@code البحر الأحمر}, {@code ميناء دمياط}). */
  private static final Set<String> PLACE_HEADS = Set.of("البحر", "بحر", "ميناء", "مطار", "نهر", "جبل", "خليج",
      "مضيق", "جزيرة", "قاعدة", "قناة", "بحيرة", "صحراء", "سد");
  /** Heads whose complement must be a proper name, not a noun with the article ({@code مركز الهزة}, {@code سوق العمل}). */
  private static final Set<String> NAMED_HEADS = Set.of("مركز", "سوق", "قاعدة", "سد", "نادي", "نادى");
  /**
   * Nouns that announce a name without being part of it ({@code شركة موانئ الخليج القابضة},
   * {@code إقليم الحوز}): a company's name needs two words, a place's is one.
   */
  private static final Set<String> ORG_CUES = Set.of("شركة", "الشركة");
  private static final Set<String> PLACE_CUES = Set.of("إقليم", "مدينة", "محافظة", "ولاية", "بلدة", "قرية");
  /** Institutions named by one word with the article. */
  private static final Set<String> SINGLE_INSTITUTIONS = Set.of("الكرملين", "البنتاغون", "الكنيست", "الكونغرس",
      "الفاتيكان", "الإليزيه", "الناتو", "اليونسكو", "اليونيسف", "الإنتربول");
  /** Words with the article that end a name: times of day, week and year. */
  private static final Set<String> TIME_WORDS = Set.of("اليوم", "الماضي", "الماضية", "المقبل", "المقبلة", "الجاري",
      "الحالي", "الحالية", "العام", "الأسبوع", "الشهر", "الليلة", "الصباح", "المساء", "الذي", "التي", "الذين");

  /** The institution or named place at token {@code i} ({@code وزارة الداخلية}, {@code والبحر المتوسط}), if any. */
  @Nullable Institution institution(String text, List<Token> tokens, int i, String language) {
    for (Form form : forms(tokens.get(i).surface())) {
      String w = form.word();
      int surfaceStart = tokens.get(i).start() + form.skip();
      if (SINGLE_INSTITUTIONS.contains(w)) return new Institution(i + 1, surfaceStart, w, false);
      boolean orgCue = ORG_CUES.contains(w);
      boolean placeCue = PLACE_CUES.contains(w);
      boolean place = PLACE_HEADS.contains(w) || placeCue;
      if (!place && !orgCue && !ORG_HEADS.contains(w)) continue;
      int k = i + 1;
      if (k >= tokens.size() || !adjacent(text, tokens.get(k - 1), tokens.get(k))) return null;
      String first = tokens.get(k).surface();
      if (!isNameWord(first, language) || TIME_WORDS.contains(first) || first.startsWith("لل")) return null;
      if (NAMED_HEADS.contains(w) && first.startsWith("ال")) return null;
      // a head with the article takes an adjective with the article (المعهد الوطني), never a genitive (المعهد مركز)
      if (w.startsWith("ال") && !first.startsWith("ال")) return null;
      Found person = NameFinder.GIVEN_NAMES.contains(first) ? person(text, tokens, k, 0, language) : null;
      k = person != null ? person.end() : k + 1;
      if (!placeCue) {
        for (int n = 0; n < 2 && inName(text, tokens, k, language) && tokens.get(k).surface().startsWith("ال"); n++) k++;
        if (k < tokens.size() && adjacent(text, tokens.get(k - 1), tokens.get(k))
            && tokens.get(k).surface().startsWith("لل") && tokens.get(k).surface().length() > 4) {
          k++;
          if (inName(text, tokens, k, language) && tokens.get(k).surface().startsWith("ال")) k++;
        }
      }
      int from = orgCue || placeCue ? i + 1 : i;
      if (orgCue && k - from < 2) return null;
      if (orgCue || placeCue) surfaceStart = tokens.get(from).start();
      StringBuilder key = new StringBuilder(orgCue || placeCue ? tokens.get(from).folded() : w);
      for (int m = from + 1; m < k; m++) key.append(' ').append(tokens.get(m).folded());
      return new Institution(k, surfaceStart, key.toString(), place);
    }
    return null;
  }

  private static boolean inName(String text, List<Token> tokens, int k, String language) {
    return k < tokens.size() && adjacent(text, tokens.get(k - 1), tokens.get(k))
        && isNameWord(tokens.get(k).surface(), language) && !TIME_WORDS.contains(tokens.get(k).surface());
  }

  /** A word qualifying a title before the name: an adjective with the article, or {@code باسم}. */
  private static boolean isQualifier(String word) {
    return word.startsWith("ال") && !NameFinder.GIVEN_NAMES.contains(word) || word.startsWith("باسم");
  }

  /**
   * A person's name from token {@code from}: given names and connectors, then one surname; a name that
   * starts with no known given name (after a title) needs two words.
   */
  private @Nullable Found person(String text, List<Token> tokens, int from, int skip, String language) {
    int j = from;
    boolean given = false;
    boolean connected = false;
    while (j < tokens.size() && (j == from || adjacent(text, tokens.get(j - 1), tokens.get(j)))) {
      String w = j == from ? tokens.get(j).surface().substring(skip) : tokens.get(j).surface();
      if (CONNECTORS.contains(w) && j + 1 < tokens.size() && isNameWord(tokens.get(j + 1).surface(), language)) {
        j += 2;
        connected = true;
      } else if (NameFinder.GIVEN_NAMES.contains(w)) {
        j++;
        given = true;
        connected = false;
      } else {
        break;
      }
    }
    int words = j - from;
    int limit = given ? 1 : 2;
    for (int k = 0; k < limit && !connected && j < tokens.size() && adjacent(text, tokens.get(j - 1), tokens.get(j))
        && isNameWord(tokens.get(j).surface(), language) && (given || !tokens.get(j).surface().startsWith("ال")); k++) {
      if (words >= 2 && !endsPhrase(text, tokens, j)) break; // خالد منصور بمنصب: two given names are a full name
      j++;
    }
    if (j - from < 2 || !given && j - from - words < 2) return null;
    String last = tokens.get(j - 1).surface();
    surnames.add(last);
    StringBuilder key = new StringBuilder(tokens.get(from).folded().substring(skip));
    for (int k = from + 1; k < j; k++) key.append(' ').append(tokens.get(k).folded());
    return new Found(from, j, tokens.get(from).start() + skip, key.toString());
  }

  /** A word that can be part of a name: Arabic, not a function word, not a preposition with the article. */
  private static boolean isNameWord(String w, String language) {
    return isArabic(w) && w.length() >= 2 && !StopWords.contains(language.isEmpty() ? "ar" : language, w)
        && !StopWords.contains("ar", w) && !TITLES.contains(w) && !w.startsWith("لل") && !w.startsWith("بال")
        && !w.startsWith("وال") && !w.startsWith("فال") && !w.startsWith("كال") && !DateFinder.isCalendarWord(w);
  }

  /** Whether token {@code k} is the last of its phrase: punctuation or a function word follows it. */
  private static boolean endsPhrase(String text, List<Token> tokens, int k) {
    return k + 1 >= tokens.size() || !adjacent(text, tokens.get(k), tokens.get(k + 1))
        || StopWords.contains("ar", tokens.get(k + 1).surface());
  }

  /** Tokens separated by spaces only. */
  private static boolean adjacent(String text, Token a, Token b) {
    for (int k = a.end(); k < b.start(); k++) {
      if (text.charAt(k) != ' ') return false;
    }
    return true;
  }
}
