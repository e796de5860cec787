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
 *
 * <p>In the Slavic languages that decline names, keys are nominative where {@link SlavicCases} can
 * tell it ({@code Ердоганом}, {@code Эрдогану}, {@code Erdoğanem} → {@code erdogan}); a one-word place in an
 * oblique case is looked up by its nominative forms ({@code Анкари}, {@code w Ankarze} → {@code ankara});
 * a sentence-initial word followed by a finite verb is a name unless the article writes it in lower
 * case ({@code Ердоган заявив}); and a capitalized common word opening a sentence is left out of the
 * name after it ({@code Визит Зеленского} → {@code Зеленского}).
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
      "envoy", "spokesman", "spokeswoman", "spokesperson", "chancellor", "king", "queen", "prince", "commissioner",
      "affairs", "princess", "pope", "mr", "mrs", "ms", "dr", "sir", "general", "gen", "sen", "senator", "rep",
      "gov", "governor", "mayor", "judge", "justice", "chief", "ceo", "chairman", "chairwoman", "leader",
      "deputy", "premier", "commander", "ambassador", "aide", "adviser", "advisor", "colonel", "captain",
      "lieutenant", "sergeant", "professor", "rev", "saint", "lord", "lady", "madame", "monsieur",
      "président", "présidente", "ministre", "präsident", "präsidentin", "kanzler",
      "bundeskanzler", "herr", "frau", "presidente", "ministro", "ministra", "señor", "señora",
      "президент", "премьер", "министр", "глава", "прем'єр", "міністр", "речник", "cumhurbaşkanı",
      "bakan", "bakanı", "başbakan", "sayın", "секретарь", "секретар", "пресс-секретарь", "прес-секретар", "спикер",
      "спікер", "посол", "очільник", "генсек", "канцлер", "король", "мэр", "мер", "губернатор",
      "m", "mme", "mlle", "porte-parole", "secrétaire", "directeur", "directrice", "maire", "juge", "émissaire",
      "portavoz", "director", "directora", "consejero", "consejera", "alcalde", "alcaldesa", "presidenta",
      "secretario", "secretaria", "juez", "jueza", "sr", "sra", "don", "doña", "segretario", "segretaria",
      "portavoce", "direttore", "direttrice", "sindaco", "dott", "sig", "juiz", "juíza", "porta-voz", "diretor",
      "diretora", "secretário", "secretária", "prefeito", "staatschef", "regierungschef", "sprecherin",
      "директор", "председатель", "начальник", "адвокат", "космонавт", "астронавт", "заместитель", "голова",
      "заступник", "керівник", "командувач", "başkan", "başkanı", "sözcüsü", "müdürü", "temsilcisi", "valisi",
      "vali", "devlet", "belediye", "içişleri", "dışişleri", "genel", "yardımcısı", "kurucusu"));
  /**
   * Last parts of German role compounds ({@code Regierungschef}, {@code Verhandlungsführerin},
   * {@code Missionsleiterin}, {@code Sondergesandte}), folded: such a word before a name is a title.
   */
  private static final List<String> ROLE_HEADS = List.of("chef", "chefin", "fuhrer", "fuhrerin", "leiter", "leiterin",
      "sprecher", "sprecherin", "minister", "ministerin", "prasident", "prasidentin", "prasidenten", "direktor",
      "direktorin", "kanzler", "kanzlerin", "gesandte", "gesandter", "gesandten", "vorsitzende", "vorsitzender",
      "richter", "richterin", "beauftragte", "beauftragter", "sekretar", "sekretarin", "trainer", "trainerin",
      "anwalt", "anwaltin", "vorstand", "manager", "managerin", "burgermeister", "burgermeisterin");
  private static final List<String> DEMONYM_ENDINGS = List.of("ian", "ians", "eans", "cans", "ish", "ese", "ern");
  /** Given names in many languages and scripts, folded (see {@code given-names.txt}). */
  static final Set<String> GIVEN_NAMES = givenNames();
  /** Stems of Slavic titles whose inflection changes the stem ({@code спецпосланцем}, {@code представителя}). */
  private static final List<String> TITLE_STEMS = List.of("спецпосланц", "посланц", "посланник", "представител",
      "представник", "спецпредставител", "помощник", "помічник", "советник", "радник");
  private static final Set<String> CONNECTORS = Set.of(
      "de", "da", "di", "del", "della", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le",
      "du", "dos", "das", "ben", "abu", "y");
  /**
   * Two particles in a row inside a name: {@code Hans van den Broek}, {@code Ursula von der Leyen},
   * {@code Servicio … de la Armada}; not in German, which capitalises its nouns ({@code von der Oberstufe}).
   */
  private static final Set<String> DOUBLE_PARTICLES = Set.of("van den", "van der", "van de", "von der", "von dem",
      "de la", "de las", "de los", "de le", "du la");
  /**
   * In German, where every noun is capitalized, articles and {@code von} mostly join a noun to a name
   * ({@code Beschäftigten der Bodenverkehrsdienste}, {@code Aktie von Nordlicht}): only foreign particles
   * join.
   */
  private static final Set<String> GERMAN_CONNECTORS = Set.of("de", "da", "di", "del", "van", "bin", "ibn", "al");
  /** German words after which a capitalized word is a common noun: articles, determiners, possessives. */
  private static final Set<String> GERMAN_DETERMINERS = fold(Set.of("der", "die", "das", "den", "dem", "des", "ein",
      "eine", "einer", "eines", "einem", "einen", "kein", "keine", "keinen", "keinem", "keiner", "keines", "mein",
      "meine", "meinen", "meinem", "meiner", "sein", "seine", "seinen", "seinem", "seiner", "seines", "ihr", "ihre",
      "ihren", "ihrem", "ihrer", "ihres", "unser", "unsere", "unseren", "unserem", "unserer", "euer", "eure",
      "dieser", "diese", "dieses", "diesem", "diesen", "jeder", "jede", "jedes", "jedem", "jeden", "welche",
      "welcher", "welchen", "mehrere", "einige", "viele", "vielen", "alle", "allen", "beide", "beiden", "andere",
      "anderen", "weitere", "weiteren", "im", "am", "zum", "zur", "vom", "beim", "ins", "ans", "aufs", "rund",
      "etwa", "mehr", "weniger", "insgesamt", "knapp", "erste", "ersten", "letzte", "letzten", "nächste", "nächsten",
      "zweite", "zweiten", "dritte", "dritten", "vierte", "vierten", "zwei", "drei", "vier", "fünf", "sechs",
      "sieben", "acht", "neun", "zehn", "elf", "zwölf", "zwanzig", "hundert", "tausend"));
  /** Heads of German federal and state institutions after {@code Bundes-} or {@code Landes-}, folded. */
  private static final List<String> GERMAN_INSTITUTION_HEADS = List.of("amt", "gericht", "gerichtshof", "ministerium",
      "tag", "rat", "bank", "agentur", "anstalt", "behorde", "regierung", "polizei", "wehr", "verband", "kriminalamt");
  /** German prepositions after which a plural noun stands without an article ({@code nach Angaben}, {@code seit Jahren}). */
  private static final Set<String> GERMAN_PREPOSITIONS = fold(Set.of("nach", "aus", "seit", "von", "mit", "auf", "für",
      "zu", "bei", "über", "unter", "vor", "gegen", "ohne", "um", "durch", "zwischen", "trotz", "wegen"));
  /** Endings of German common nouns that names seldom have, folded. */
  private static final List<String> GERMAN_NOUN_ENDINGS = List.of("ung", "ungen", "heit", "heiten", "keit", "keiten",
      "schaft", "schaften", "tion", "tionen", "ionen", "itat", "itaten", "nisse", "ismus", "innen", "ierung");

  private final String language;
  private final Set<String> lowercaseWords;
  private final Gazetteer gazetteer = Gazetteer.get();
  private final ArabicNames arabic = new ArabicNames();
  private final JapaneseNames japanese = new JapaneseNames();
  private final List<Mention> raw = new ArrayList<>();
  /** The kind each raw mention's context suggests (PERSON, ORG, PLACE or NAME), by raw index. */
  private final List<String> signals = new ArrayList<>();
  /**
   * By raw index: the key a one-word name would have if its genitive-looking ending were a case ending
   * ({@code Пескова} → {@code peskov}), taken only when the article names that key too; else empty.
   */
  private final List<String> alternatives = new ArrayList<>();
  private final Map<String, String> countries = new HashMap<>();

  /** @param lowercaseWords folded forms of every word written in lower case in the article */
  NameFinder(String language, Set<String> lowercaseWords) {
    this.language = language;
    this.lowercaseWords = lowercaseWords;
  }

  private static Set<String> givenNames() {
    Set<String> out = new HashSet<>();
    try (var in = NameFinder.class.getResourceAsStream("given-names.txt")) {
      String all = new String(java.util.Objects.requireNonNull(in, "given-names.txt").readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
      for (String line : all.split("\n")) {
        if (line.startsWith("#")) continue;
        for (String w : line.trim().split("\\s+")) {
          if (!w.isEmpty()) out.add(Folding.fold(w));
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return Set.copyOf(out);
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
    int sentenceMentions = raw.size();
    int i = 0;
    while (i < tokens.size()) {
      int quoted = quotedNameEnd(text, tokens, i);
      if (quoted > i) {
        if (!startsWithAny(tokens.get(i - 1).surface(), WORK_NOUNS)) addPhrase(text, sentence, tokens, i, quoted, ORG);
        i = quoted;
        continue;
      }
      var hit = gazetteer.match(folded, surface, i);
      if (hit.isPresent() && hit.get().tokens() == 1 && startsPersonName(text, tokens, i)) hit = java.util.Optional.empty();
      if (hit.isPresent()) {
        i = addPlace(text, sentence, tokens, i, hit.get(), countryTerms);
        continue;
      }
      if (ArabicNames.isArabic(tokens.get(i).surface())) {
        i = arabicName(text, sentence, tokens, i, countryTerms);
        continue;
      }
      if (!isNameWord(tokens.get(i))) {
        i++;
        continue;
      }
      int institution = slavicInstitutionEnd(text, tokens, i);
      if (institution > i) {
        String head = institutionHead(tokens, i, institution);
        addPhrase(text, sentence, tokens, i, institution, startsWithAny(head, SLAVIC_PLACE_HEADS) ? PLACE : ORG);
        i = institution;
        continue;
      }
      int j = i + 1;
      while (j < tokens.size()) {
        if (!adjacent(text, tokens.get(j - 1), tokens.get(j))) break;
        if (!GIVEN_NAMES.contains(folded.get(j - 1)) && gazetteer.match(folded, surface, j).isPresent()) break;
        if (isNameWord(tokens.get(j))) {
          j++;
        } else if (connectors().contains(tokens.get(j).surface()) && j + 1 < tokens.size()
            && isNameWord(tokens.get(j + 1)) && adjacent(text, tokens.get(j), tokens.get(j + 1))) {
          j += 2;
        } else if (!language.equals("de") && j + 2 < tokens.size()
            && DOUBLE_PARTICLES.contains(tokens.get(j).surface() + " " + tokens.get(j + 1).surface())
            && isNameWord(tokens.get(j + 2))
            && adjacent(text, tokens.get(j), tokens.get(j + 1)) && adjacent(text, tokens.get(j + 1), tokens.get(j + 2))) {
          j += 3; // two particles: Hans van den Broek, Ursula von der Leyen
        } else {
          break;
        }
      }
      var inflected = j == i + 1 ? inflectedPlace(tokens.get(i)) : java.util.Optional.<Gazetteer.Hit>empty();
      if (inflected.isPresent()) {
        i = addPlace(text, sentence, tokens, i, inflected.get(), countryTerms);
        continue;
      }
      addName(text, sentence, tokens, i, j, heading);
      i = j;
    }
    if (!tokens.isEmpty() && Folding.writtenWithoutSpaces(language)) {
      int from = tokens.get(0).start();
      int to = tokens.get(tokens.size() - 1).end();
      addSpans(text, sentence, language.equals("ja") ? japanese.find(text, from, to) : ChineseNames.find(text, from, to),
          sentenceMentions);
    }
  }

  /**
   * The names a finder for a script without capitals found in a sentence ({@link JapaneseNames},
   * {@link ChineseNames}) that do not overlap a place the gazetteer found in it from
   * {@code sentenceMentions} on (a country's CLDR name keeps its country).
   */
  private void addSpans(String text, int sentence, List<NameSpan> spans, int sentenceMentions) {
    List<Mention> found = List.copyOf(raw.subList(sentenceMentions, raw.size()));
    for (NameSpan f : spans) {
      boolean overlaps = false;
      for (Mention m : found) overlaps |= f.start() < m.end() && m.start() < f.end();
      if (overlaps) continue;
      String type = f.kind().equals(PLACE) ? PLACE : NAME;
      raw.add(new Mention(text.substring(f.start(), f.end()), type, f.start(), f.end(), sentence, f.key()));
      signals.add(f.kind());
      alternatives.add("");
      if (!f.country().isEmpty()) countries.putIfAbsent(f.key(), f.country());
    }
  }

  /** Records the place {@code hit} found at token {@code i}; returns the next token to scan. */
  private int addPlace(String text, int sentence, List<Token> tokens, int i, Gazetteer.Hit hit,
      Map<Integer, String> countryTerms) {
    int n = hit.tokens();
    Token first = tokens.get(i);
    Token last = tokens.get(i + n - 1);
    raw.add(new Mention(text.substring(first.start(), last.end()), PLACE, first.start(), last.end(), sentence, hit.term()));
    signals.add(PLACE);
    alternatives.add("");
    String code = gazetteer.country(hit);
    if (!code.isEmpty()) countries.putIfAbsent(hit.term(), code);
    countryTerms.put(i, hit.term());
    for (int k = 1; k < n; k++) countryTerms.put(i + k, "");
    return i + n;
  }

  /**
   * A one-word name that is a place in an oblique case of a Slavic language ({@code до Анкари},
   * {@code w Ankarze}); given names are left to the person rules.
   */
  private java.util.Optional<Gazetteer.Hit> inflectedPlace(Token t) {
    if (!SlavicCases.declines(language) || isAcronym(t.surface()) || givenName(t.folded()) != null) {
      return java.util.Optional.empty();
    }
    return gazetteer.matchInflected(t.surface(), language);
  }

  /** The nominative of a given name, as written or in an oblique case ({@code Реджепом} → {@code реджеп}), or {@code null}. */
  private String givenName(String folded) {
    if (GIVEN_NAMES.contains(folded)) return folded;
    if (!SlavicCases.declines(language)) return null;
    for (String form : SlavicCases.lookupForms(folded, language)) {
      if (GIVEN_NAMES.contains(form)) return form;
    }
    return null;
  }

  /**
   * A name in Arabic script at token {@code i}: a place written with a conjunction or preposition
   * ({@code وأوكرانيا}, {@code بمصر}), else a person (see {@link ArabicNames}). Returns the next token to scan.
   */
  private int arabicName(String text, int sentence, List<Token> tokens, int i, Map<Integer, String> countryTerms) {
    Token t = tokens.get(i);
    for (ArabicNames.Form form : ArabicNames.forms(t.surface())) {
      if (form.skip() == 0 && !form.preposition()) continue; // as written: the gazetteer has had it
      var hit = gazetteer.match(List.of(form.word()), List.of(form.word()), 0);
      if (hit.isPresent()) {
        int start = t.start() + form.skip();
        raw.add(new Mention(text.substring(start, t.end()), PLACE, start, t.end(), sentence, hit.get().term()));
        signals.add(PLACE);
        alternatives.add("");
        String code = gazetteer.country(hit.get());
        if (!code.isEmpty()) countries.putIfAbsent(hit.get().term(), code);
        countryTerms.put(i, hit.get().term());
        return i + 1;
      }
    }
    ArabicNames.Institution inst = arabic.institution(text, tokens, i, language);
    if (inst != null) {
      int end = tokens.get(inst.end() - 1).end();
      raw.add(new Mention(text.substring(inst.surfaceStart(), end), NAME, inst.surfaceStart(), end, sentence, inst.key()));
      signals.add(inst.place() ? PLACE : ORG);
      alternatives.add("");
      return inst.end();
    }
    ArabicNames.Found f = arabic.at(text, tokens, i, language);
    if (f == null) return i + 1;
    int end = tokens.get(f.end() - 1).end();
    raw.add(new Mention(text.substring(f.surfaceStart(), end), NAME, f.surfaceStart(), end, sentence, f.key()));
    signals.add(PERSON);
    alternatives.add("");
    return f.end();
  }

  private void addName(String text, int sentence, List<Token> tokens, int runStart, int runEnd, boolean heading) {
    List<Token> run = tokens.subList(runStart, runEnd);
    boolean sentenceStart = runStart == 0 || opensClause(text, tokens.get(runStart).start());
    int from = 0;
    if (run.size() >= 3 && runStart > 0 && isTitle(tokens.get(runStart - 1).folded()) && personStart(run, 0) == 0
        && !Folding.isLatin(run.get(0).surface()) && "аяиыуі".indexOf(run.get(0).folded().charAt(run.get(0).folded().length() - 1)) >= 0) {
      from = 1; // пресс-секретарь Кремля Дмитрий Песков: the genitive word belongs to the title
    }
    int firstTitle = -1;
    for (int k = from; k < run.size() - 1; k++) {
      if (isTitle(run.get(k).folded())) {
        if (firstTitle < 0) firstTitle = k;
        from = k + 1;
      }
    }
    if (firstTitle > 0 && (language.equals("tr") || language.equals("az"))) {
      // Galatasaray Başkanı Dursun Özbek, Kremlin Sözcüsü Dmitriy Peskov: the role's owner is named first
      addSegment(text, sentence, tokens, runStart, 0, firstTitle, heading, sentenceStart);
    }
    while (from < run.size() - 1 && lowercaseWords.contains(run.get(from).folded())) from++;
    if (from == 0 && sentenceStart && leadsWithCommonWord(run)) from = 1; // Визит Зеленского
    int split = personStart(run, from);
    if (split > from) {
      // ministro dei Trasporti Matteo Salvini, НАСА Кристофер Уильямс: a person's name starts at a given name
      addSegment(text, sentence, tokens, runStart, from, split, heading, sentenceStart && from == 0);
      from = split;
    }
    addSegment(text, sentence, tokens, runStart, from, run.size(), heading, sentenceStart);
  }

  /**
   * Whether a run opening a sentence of a Slavic language starts with a capitalized common word
   * rather than the name's first word ({@code Визит Зеленского}, {@code Wizyta Zełenskiego}): the first
   * word is no given name, title nor acronym, and it is a day word ({@code Вчора Ердоган}), the article
   * writes it in lower case elsewhere, or
   * the second word is in an oblique case the first does not share (see
   * {@link SlavicCases#caseDisagrees}).
   */
  private boolean leadsWithCommonWord(List<Token> run) {
    if (run.size() < 2 || !SlavicCases.declines(language)) return false;
    Token first = run.get(0);
    if (givenName(first.folded()) != null || isTitle(first.folded()) || isAcronym(first.surface())) return false;
    return SlavicCases.isDayWord(first.folded(), language) || writtenInLowerCase(first.folded())
        || SlavicCases.caseDisagrees(first.folded(), run.get(1).folded(), language);
  }

  /**
   * Where a person's name starts inside {@code run[from..]}: at a given name (also in a Slavic oblique
   * case, {@code Встреча Владимира Путина}) after another word
   * (not after a title nor another given name, {@code Maria José}), with a surname after it; else
   * {@code from}.
   */
  private int personStart(List<Token> run, int from) {
    for (int k = from + 1; k < run.size() - 1; k++) {
      String f = run.get(k).folded();
      String before = run.get(k - 1).folded();
      if (givenName(f) != null && givenName(before) == null && !CONNECTORS.contains(run.get(k - 1).surface())) {
        return k;
      }
    }
    return from;
  }

  /** Whether token {@code i} is a given name followed by another name word: a person, not a country. */
  private boolean startsPersonName(String text, List<Token> tokens, int i) {
    return GIVEN_NAMES.contains(tokens.get(i).folded()) && i + 1 < tokens.size() && isNameWord(tokens.get(i + 1))
        && adjacent(text, tokens.get(i), tokens.get(i + 1));
  }

  private Set<String> connectors() {
    return language.equals("de") ? GERMAN_CONNECTORS : CONNECTORS;
  }

  /** Records {@code run[from, to)} (run starting at token {@code runStart}) as a name. */
  private void addSegment(String text, int sentence, List<Token> tokens, int runStart, int from, int to,
      boolean heading, boolean sentenceStart) {
    if (to - from >= 3 && isAcronym(tokens.get(runStart + to - 1).surface())
        && !ORG_WORDS.contains(tokens.get(runStart + to - 1).folded())
        && !isAcronym(tokens.get(runStart + to - 2).surface())) {
      // Europäische Weltraumorganisation ESA: the name and its acronym, each on its own
      addSegment(text, sentence, tokens, runStart, from, to - 1, heading, sentenceStart);
      addSegment(text, sentence, tokens, runStart, to - 1, to, heading, false);
      return;
    }
    boolean germanNoun = false;
    if (language.equals("de")) {
      int at = runStart + from;
      boolean nounContext = at > 0 && adjacent(text, tokens.get(at - 1), tokens.get(at))
          && (germanNounCue(tokens.get(at - 1)) || at > 1 && tokens.get(at - 2).number()); // 140 Milliarden Euro
      if (to - from >= 2 && nounContext && !isGermanAdjective(tokens.get(at).folded()) && !isAcronym(tokens.get(at).surface())) {
        from++; // die Gewerkschaft Verdi, des Betreibers Fraport: a common noun, then the name in apposition
        nounContext = false;
        at++;
      }
      if (to - from == 1) {
        Token t = tokens.get(at);
        String f = t.folded();
        boolean pluralAfterPreposition = at > 0 && GERMAN_PREPOSITIONS.contains(tokens.get(at - 1).folded())
            && (f.endsWith("en") || f.endsWith("rn"));
        germanNoun = !isAcronym(t.surface()) && !isGermanInstitution(f)
            && (nounContext || hasGermanNounEnding(f) || pluralAfterPreposition);
      }
    }
    List<Token> name = tokens.subList(runStart + from, runStart + to);
    if (name.isEmpty()) return;
    boolean single = name.size() == 1;
    if (single && isTitle(name.get(0).folded())) return;
    boolean dateline = sentence == 0 && runStart + from == 0 && isDateline(text, name.get(0).end());
    boolean weak = !dateline && (heading || germanNoun || single && isDemonym(name.get(0))
        || single && sentenceStart && from == 0 && !namesBeforeVerb(text, tokens, runStart + from)
        || single && lowercaseWords.contains(name.get(0).folded()));
    int start = name.get(0).start();
    int end = name.get(name.size() - 1).end();
    String signal = dateline ? PLACE : signal(tokens, runStart, from, name);
    if (signal.equals("CALENDAR")) return;
    raw.add(new Mention(text.substring(start, end), weak ? "?" : NAME, start, end, sentence, nominativeKey(name)));
    signals.add(signal);
    String genitive = single ? SlavicCases.genitiveNominative(name.get(0).folded(), language) : null;
    alternatives.add(genitive == null ? "" : Folding.nameKey(genitive, language));
  }

  /**
   * The key of a name, each word in its nominative where {@link SlavicCases} can tell it: given
   * names by the list ({@code Реджепом} → {@code redzhep}), other words by the adjective and noun
   * rules ({@code Ердоганом} → {@code erdogan}, {@code Зеленського} → {@code zelensky}), and by the
   * genitive rule too when an oblique given name decides the case ({@code Владимира Путина} →
   * {@code vladimir putin}). In languages without rules, the words as written.
   */
  private String nominativeKey(List<Token> name) {
    StringBuilder key = new StringBuilder();
    boolean declines = SlavicCases.declines(language) && !isAcronym(name.get(name.size() - 1).surface());
    String given = declines ? givenName(name.get(0).folded()) : null;
    boolean decided = name.size() >= 2 && given != null && !given.equals(name.get(0).folded());
    for (int k = 0; k < name.size(); k++) {
      Token t = name.get(k);
      String word = t.surface();
      if (k == 0 && given != null) word = given;
      else if (declines && !GIVEN_NAMES.contains(t.folded())) word = SlavicCases.nominative(t.folded(), language, decided);
      key.append(key.isEmpty() ? "" : " ").append(Folding.nameKey(word, language));
    }
    return key.toString();
  }

  /**
   * Whether a capitalized word opening a sentence of a Slavic language is a name because a finite
   * verb follows it ({@code Ердоган заявив}, {@code Эрдогану позвонил Путин}): only when the article
   * never writes the word (nor a form of it) in lower case, and it is no title, day word
   * ({@code Сьогодні}, {@code Вчера}, {@code Dzisiaj}), infinitive or reflexive verb, abstract or
   * collective noun ({@code Делегация}) nor plural noun before a plural verb ({@code Власти заявили}).
   */
  private boolean namesBeforeVerb(String text, List<Token> tokens, int at) {
    if (!SlavicCases.declines(language) || at + 1 >= tokens.size()) return false;
    Token word = tokens.get(at);
    Token next = tokens.get(at + 1);
    if (!adjacent(text, word, next) || !Folding.hasCase(next.surface()) || Folding.isCapitalized(next.surface())
        || !SlavicCases.looksLikeVerb(next.folded(), language)) {
      return false;
    }
    String f = word.folded();
    if (pluralSubject(f, next.folded()) || SlavicCases.looksLikeCommonNoun(f) && givenName(f) == null) return false;
    return f.codePointCount(0, f.length()) >= 4 && !isTitle(f) && !SlavicCases.isDayWord(f, language)
        && !SlavicCases.looksLikeVerbForm(f) && !writtenInLowerCase(f);
  }

  /** A Cyrillic plural noun before a plural verb ({@code Власти заявили}, {@code Журналисты спросили}): no name. */
  private static boolean pluralSubject(String word, String verb) {
    boolean pluralNoun = word.endsWith("ы") || word.endsWith("и") || word.endsWith("і") || word.endsWith("ї");
    return pluralNoun && (verb.endsWith("ли") || verb.endsWith("ют") || verb.endsWith("ят") || verb.endsWith("ут")
        || verb.endsWith("ать") || verb.endsWith("ять") || verb.endsWith("ються") || verb.endsWith("ются"));
  }

  /**
   * Whether the article writes a folded word in lower case, as it is or in another case: the word,
   * one of its nominative forms, or a lower-case word that starts with its stem (the word without
   * its last vowels, four letters at least) and is at most three letters longer.
   */
  private boolean writtenInLowerCase(String folded) {
    if (lowercaseWords.contains(folded)) return true;
    for (String form : SlavicCases.lookupForms(folded, language)) {
      if (lowercaseWords.contains(form)) return true;
    }
    int end = folded.length();
    while (end > 4 && "аеёиоуыэюяіїєьйaeiouy".indexOf(folded.charAt(end - 1)) >= 0) end--;
    if (end < 4) return false;
    String stem = folded.substring(0, end);
    for (String w : lowercaseWords) {
      if (w.startsWith(stem) && w.length() <= stem.length() + 3) return true;
    }
    return false;
  }

  /**
   * Where a name written in guillemets or low-high quotes ends ({@code компании «Северстрой»},
   * {@code сети аптек «Здоровье рядом»}, {@code „Шахтарю“}, {@code «Союз МС-28»}): up to four words that open with a capital
   * and run to the closing mark, after a word of the same sentence (a quote after a colon or at a
   * sentence start is speech). Else {@code i}.
   */
  private int quotedNameEnd(String text, List<Token> tokens, int i) {
    if (i == 0) return i;
    Token t = tokens.get(i);
    int k = t.start() - 1;
    while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\u00a0')) k--;
    if (k < 0) return i;
    char open = text.charAt(k);
    char close = open == '«' ? '»' : open == '„' ? '“' : 0;
    if (close == 0 || !isNameWord(t) || !Folding.hasCase(t.surface())) return i;
    Token before = tokens.get(i - 1);
    for (int b = before.end(); b < k; b++) {
      if (text.charAt(b) != ' ' && text.charAt(b) != '\u00a0') return i; // opens a clause: speech
    }
    for (int j = i; j < Math.min(tokens.size(), i + 4); j++) {
      Token w = tokens.get(j);
      if (j > i && !adjacent(text, tokens.get(j - 1), w)) return i;
      int e = w.end();
      while (e < text.length() && (text.charAt(e) == ' ' || text.charAt(e) == '\u00a0')) e++;
      if (e < text.length() && text.charAt(e) == close) return j + 1;
    }
    return i;
  }

  /**
   * Beginnings of nouns that put a quoted name on a vehicle, a work or an operation ({@code корабль
   * «Союз»}, {@code фильм «Брат»}), not on an organization: such names are not entities.
   */
  private static final List<String> WORK_NOUNS = List.of("ракет", "корабл", "корабел", "кораблик", "судн", "самолет",
      "самолёт", "літак", "спутник", "супутник", "аппарат", "апарат", "фильм", "фільм", "книг", "роман", "песн",
      "пісн", "альбом", "спектакл", "сериал", "серіал", "операци", "операці", "программ", "програм", "проект",
      "проєкт", "модул", "миссия", "місія", "носител", "носій", "носія", "поезд", "потяг", "film", "livre", "roman", "navire", "fusée",
      "opération", "programme", "album", "chanson", "série", "película", "libro", "novela", "cohete", "operación",
      "canción", "serie", "romanzo", "razzo", "operazione", "canzone", "foguete", "operação", "música");

  /** Heads of Russian and Ukrainian institution names, as word beginnings (any case ending). */
  private static final List<String> SLAVIC_HEADS = List.of("суд", "служб", "прокуратур", "сил", "бирж", "біржі",
      "біржа", "біржу", "штаб", "комитет", "комітет", "совет", "рад", "банк", "министерств", "міністерств",
      "агентств", "агенці", "управлени", "управлінн", "инспекци", "інспекці", "комисси", "комісі", "палат", "дум",
      "собрани", "фонд", "университет", "університет", "академи", "академі", "институт", "інститут", "парти",
      "парті", "бюро", "гварди", "гварді", "флот", "округ", "област", "облас", "край", "краю", "республик",
      "республік", "федераци", "федераці", "союз", "полици", "поліці", "арми", "армі", "войск", "військ",
      "департамент", "центр", "корпораци", "корпораці", "церк", "партнер");
  /** Heads among {@link #SLAVIC_HEADS} that name places ({@code Харківської області}). */
  private static final List<String> SLAVIC_PLACE_HEADS = List.of("област", "облас", "край", "краю", "округ",
      "республик", "республік");
  /** Capitalized heads that take a lower-case complement ({@code Министерство обороны}, {@code Міністерство закордонних справ}). */
  private static final List<String> SLAVIC_LEADING_HEADS = List.of("министерств", "міністерств", "комитет",
      "комітет", "управлени", "управлінн");
  private static final List<String> SLAVIC_ADJECTIVE_ENDINGS = List.of("ый", "ий", "ой", "ая", "яя", "ое", "ее",
      "ые", "ие", "ого", "его", "ому", "ему", "ым", "им", "ых", "их", "ую", "юю", "ою", "ею", "ої", "ій", "ська",
      "цька", "зька", "ське", "цьке", "ні", "на", "не");

  /**
   * Where a Russian or Ukrainian institution name starting at capitalized token {@code i} ends: a
   * capitalized adjective, lower-case adjectives and a head noun ({@code Арбитражный суд},
   * {@code Спеціалізованою антикорупційною прокуратурою}, {@code Збройних сил}), or a capitalized head
   * and its lower-case complement ({@code Министерства обороны}); then one capitalized word or acronym in
   * the genitive ({@code Москвы}, {@code РАН}, {@code ЗСУ}). Else {@code i}.
   */
  private int slavicInstitutionEnd(String text, List<Token> tokens, int i) {
    Token first = tokens.get(i);
    if (!language.equals("ru") && !language.equals("uk") || !Folding.hasCase(first.surface())
        || Folding.isLatin(first.folded()) || isAcronym(first.surface())) return i;
    String f = first.surface().toLowerCase(java.util.Locale.ROOT);
    int k = i + 1;
    if (startsWithAny(f, SLAVIC_LEADING_HEADS)) {
      while (k < i + 3 && k < tokens.size() && isLowerSlavic(text, tokens, k) && isSlavicAdjective(tokens.get(k))) k++;
      if (k >= tokens.size() || !isLowerSlavic(text, tokens, k) || tokens.get(k).surface().length() < 3) return i;
      k++;
    } else if (isSlavicAdjective(first)) {
      while (k < i + 4 && k < tokens.size() && isLowerSlavic(text, tokens, k) && isSlavicAdjective(tokens.get(k))
          && !startsWithAny(tokens.get(k).surface(), SLAVIC_HEADS)) {
        k++;
      }
      if (k >= tokens.size() || !isLowerSlavic(text, tokens, k)
          || !startsWithAny(tokens.get(k).surface(), SLAVIC_HEADS)) return i;
      k++;
    } else {
      return i;
    }
    if (k < tokens.size() && adjacent(text, tokens.get(k - 1), tokens.get(k)) && isNameWord(tokens.get(k))
        && !GIVEN_NAMES.contains(tokens.get(k).folded()) && !isTitle(tokens.get(k).folded())) {
      k++;
    }
    return k;
  }

  private String institutionHead(List<Token> tokens, int from, int to) {
    for (int k = from; k < to; k++) {
      String s = tokens.get(k).surface().toLowerCase(java.util.Locale.ROOT);
      if (startsWithAny(s, SLAVIC_HEADS) && !isSlavicAdjective(tokens.get(k))) return s;
    }
    return "";
  }

  private boolean isLowerSlavic(String text, List<Token> tokens, int k) {
    Token t = tokens.get(k);
    return adjacent(text, tokens.get(k - 1), t) && !t.number() && Folding.hasCase(t.surface())
        && !Folding.isCapitalized(t.surface()) && !Folding.isLatin(t.folded()) && !StopWords.contains(language, t.folded());
  }

  private static boolean isSlavicAdjective(Token t) {
    String s = t.surface().toLowerCase(java.util.Locale.ROOT);
    if (s.length() < 5) return false;
    for (String e : SLAVIC_ADJECTIVE_ENDINGS) {
      if (s.endsWith(e)) return true;
    }
    return false;
  }

  private static boolean startsWithAny(String s, List<String> prefixes) {
    String l = s.toLowerCase(java.util.Locale.ROOT);
    for (String p : prefixes) {
      if (l.startsWith(p)) return true;
    }
    return false;
  }

  /** Records tokens {@code [from, to)} as one name of the given kind. */
  private void addPhrase(String text, int sentence, List<Token> tokens, int from, int to, String kind) {
    int start = tokens.get(from).start();
    int end = tokens.get(to - 1).end();
    StringBuilder key = new StringBuilder();
    for (int k = from; k < to; k++) {
      key.append(key.isEmpty() ? "" : " ").append(Folding.nameKey(tokens.get(k).surface(), language));
    }
    raw.add(new Mention(text.substring(start, end), NAME, start, end, sentence, key.toString()));
    signals.add(kind);
    alternatives.add("");
  }

  /** What the words around a name say it is: a title before it, an organization word, a place preposition. */
  private String signal(List<Token> tokens, int runStart, int titleWords, List<Token> name) {
    Token last = name.get(name.size() - 1);
    if (ORG_WORDS.contains(last.folded())) return ORG;
    if (name.size() == 1 && isAcronym(last.surface())) return ORG;
    if (language.equals("de") && isGermanInstitution(last.folded())) return ORG;
    if (titleWords > 0 && isTitle(tokens.get(runStart + titleWords - 1).folded())) return PERSON;
    if (name.size() >= 2 && GIVEN_NAMES.contains(name.get(0).folded())) return PERSON;
    for (int k = runStart - 1; k >= Math.max(0, runStart - 3); k--) {
      String f = tokens.get(k).folded();
      if (isTitle(f)) return PERSON;
      // ministre des Transports, director general de Altamira: a title's institution, not its holder
      if (CONNECTORS.contains(f) || StopWords.contains(language, f)) break;
    }
    if (name.size() == 1 && DateFinder.isCalendarWord(last.surface())) return "CALENDAR";
    if (runStart > 0 && PLACE_PREPOSITIONS.contains(tokens.get(runStart - 1).folded())) return PLACE;
    return NAME;
  }

  /**
   * An English nationality or regional adjective ({@code Russian}, {@code Turkish}, {@code Americans},
   * {@code Western}), which names no one; given names with such endings ({@code Christian}) excepted.
   */
  private boolean isDemonym(Token t) {
    if (!language.equals("en") || GIVEN_NAMES.contains(t.folded())) return false;
    for (String ending : DEMONYM_ENDINGS) {
      if (t.folded().endsWith(ending) && t.folded().length() > ending.length() + 2) return true;
    }
    return false;
  }

  /** A dateline: the place an article opens with, then a dash ({@code Düsseldorf – Der Konzern…}). */
  private static boolean isDateline(String text, int end) {
    int k = end;
    while (k < text.length() && text.charAt(k) == ' ') k++;
    return k + 1 < text.length() && "–—-".indexOf(text.charAt(k)) >= 0 && text.charAt(k + 1) == ' ';
  }

  /** Whether the text just before {@code at} opens a clause: a quote mark, a colon or a dash. */
  private static boolean opensClause(String text, int at) {
    int k = at - 1;
    while (k >= 0 && text.charAt(k) == ' ') k--;
    return k >= 0 && "«“\"„‘'「:—–(".indexOf(text.charAt(k)) >= 0;
  }

  /** A title, also inflected in Slavic languages ({@code президентом}, {@code міністра}). */
  private boolean isTitle(String folded) {
    if (TITLES.contains(folded)) return true;
    if (language.equals("de") && Folding.isLatin(folded)) return isGermanRole(folded);
    if (folded.length() < 6 || Folding.isLatin(folded)) return false;
    for (String stem : TITLE_STEMS) {
      if (folded.startsWith(stem) && folded.length() - stem.length() <= 3) return true;
    }
    for (int cut = 1; cut <= 3; cut++) {
      if (TITLES.contains(folded.substring(0, folded.length() - cut))) return true;
    }
    return false;
  }

  /**
   * A word after which a German capitalized word is a common noun: an article or determiner, a
   * number, or an adjective in lower case ({@code neue Verhandlungen}, {@code russischer Vertreter}).
   */
  private static boolean germanNounCue(Token t) {
    String f = t.folded();
    if (t.number() || GERMAN_DETERMINERS.contains(f)) return true;
    if (Folding.isCapitalized(t.surface()) || f.length() < 4 || StopWords.contains("de", f)) return false;
    boolean participle = f.startsWith("ge") && f.endsWith("en"); // gespeicherten, geplante
    boolean pastTense = f.endsWith("te") || f.endsWith("ten"); // sagte Vogel, hatten
    return participle || !pastTense && (f.endsWith("e") || f.endsWith("en") || f.endsWith("er") || f.endsWith("es")
        || f.endsWith("em"));
  }

  /** {@code Bundestag}, {@code Bundeskartellamt}, {@code Landesregierung}: names, though built like nouns. */
  private static boolean isGermanInstitution(String folded) {
    if (!folded.startsWith("bundes") && !folded.startsWith("landes")) return false;
    for (String head : GERMAN_INSTITUTION_HEADS) {
      if (folded.endsWith(head)) return true;
    }
    return false;
  }

  /** A capitalized German adjective, which starts a name ({@code Europäische Union}, {@code Deutsche Bank}). */
  private static boolean isGermanAdjective(String folded) {
    return folded.matches(".*isch(e|en|er|es|em)?");
  }

  private static boolean hasGermanNounEnding(String folded) {
    for (String ending : GERMAN_NOUN_ENDINGS) {
      if (folded.endsWith(ending) && folded.length() > ending.length() + 2) return true;
    }
    return false;
  }

  /** A German role noun, inflected or compound: {@code Präsidenten}, {@code Regierungschef}, {@code Missionsleiterin}. */
  private static boolean isGermanRole(String folded) {
    for (String head : ROLE_HEADS) {
      if (folded.endsWith(head)) return true;
    }
    for (String ending : List.of("en", "in", "n", "s")) {
      if (folded.endsWith(ending) && TITLES.contains(folded.substring(0, folded.length() - ending.length()))) return true;
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

  /**
   * Two tokens separated by a space or a hyphen (no other punctuation, no line break); tokens that
   * touch are parts of a glued word ({@code PutinTrump}), each a name of its own.
   */
  private static boolean adjacent(String text, Token a, Token b) {
    for (int k = a.end(); k < b.start(); k++) {
      char c = text.charAt(k);
      if (c != ' ' && c != '\u00a0' && c != '-') return false;
    }
    return b.start() > a.end() && b.start() - a.end() <= 2;
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
    if (k >= text.length()) return false;
    // a long line ending with a colon introduces what follows (a quotation, a list): headings are short
    return ".!?。".indexOf(text.charAt(k)) >= 0 || text.charAt(k) == ':' && tokens.size() >= INTRODUCTION_MIN_TOKENS;
  }

  /** The fewest words of a line ending with a colon that is taken for a sentence, not a heading. */
  private static final int INTRODUCTION_MIN_TOKENS = 10;

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
    List<Mention> raw = withGenitivesResolved();
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

  /**
   * The raw mentions, a one-word name in a genitive-looking form ({@code Пескова}) keyed as its
   * nominative when the article names that nominative too, alone or as a full name's last word.
   */
  private List<Mention> withGenitivesResolved() {
    Set<String> keys = new HashSet<>();
    for (Mention m : raw) {
      if (m.type().equals("?")) continue;
      keys.add(m.entity());
      int space = m.entity().lastIndexOf(' ');
      if (space > 0) keys.add(m.entity().substring(space + 1));
    }
    List<Mention> out = new ArrayList<>(raw.size());
    for (int r = 0; r < raw.size(); r++) {
      Mention m = raw.get(r);
      String alt = alternatives.get(r);
      boolean resolve = !alt.isEmpty() && !alt.equals(m.entity()) && keys.contains(alt);
      out.add(resolve ? new Mention(m.text(), m.type(), m.start(), m.end(), m.sentence(), alt) : m);
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
