package news.panorama.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.DateMention;
import news.panorama.core.Entity;
import news.panorama.core.Quantity;
import news.panorama.core.Quote;
import news.panorama.core.Sample;
import org.junit.jupiter.api.Test;

/** Dates, quotes, amounts and entities as the analyzer returns them, on snippets in several languages. */
class TextUnderstandingTest {
  private static final MultilingualAnalyzer ANALYZER = new MultilingualAnalyzer();
  private static final Instant TUESDAY = Instant.parse("2025-11-18T09:00:00Z");

  private static Annotated analyze(String language, String text) {
    return ANALYZER.analyze(Article.of("t-" + language, "", "test", "", language, TUESDAY, "", text));
  }

  /** The sentences the text stage finds, as cut from the text by their offsets. */
  private static List<String> sentences(String language, String text) {
    return analyze(language, text).sentences().stream().map(s -> text.substring(s.start(), s.end())).toList();
  }

  private static Optional<Entity> entity(Annotated a, String key) {
    return a.entities().stream().filter(e -> e.key().equals(key)).findFirst();
  }

  @Test
  void seedWednesdayResolvesToNovember19_andPeskovQuoteHasItsSpeaker() {
    List<Annotated> seeds = Sample.articles().stream().map(ANALYZER::analyze).toList();
    Annotated seed001 = seeds.stream().filter(a -> a.id().startsWith("seed-001")).findFirst().orElseThrow();
    DateMention wednesday = seed001.dates().stream().filter(d -> d.text().equals("Wednesday")).findFirst().orElseThrow();
    assertThat(wednesday.value()).isEqualTo("2025-11-19");
    assertThat(seed001.sentences().get(wednesday.sentence()).text()).contains("will travel to Turkey on Wednesday");

    for (String id : List.of("seed-001", "seed-002")) {
      Annotated a = seeds.stream().filter(x -> x.id().startsWith(id)).findFirst().orElseThrow();
      Quote peskov = a.quotes().stream().filter(q -> q.text().contains("discussed in Istanbul")).findFirst().orElseThrow();
      assertThat(peskov.speakerEntity()).as(id).isEqualTo("dmitry peskov");
      assertThat(a.article().text().substring(peskov.start(), peskov.end())).isEqualTo(peskov.text());
    }
  }

  @Test
  void peskovQuote_isOneQuoteWithTwoWordings_acrossTheSeeds_andOtherQuotesStayApart() {
    List<Annotated> seeds = Sample.articles().stream().map(ANALYZER::analyze).toList();
    EntityLinker entities = new EntityLinker();
    seeds.forEach(entities::add);
    QuoteLinker quotes = new QuoteLinker(entities.ids());
    seeds.forEach(quotes::add);
    Map<String, String> ids = quotes.ids();
    java.util.Set<String> peskovIds = new java.util.HashSet<>();
    java.util.Set<String> wordings = new java.util.HashSet<>();
    java.util.Set<String> allIds = new java.util.HashSet<>();
    for (Annotated a : seeds) {
      for (int i = 0; i < a.quotes().size(); i++) {
        String id = ids.get(QuoteLinker.key(a.id(), i));
        allIds.add(id);
        if (a.quotes().get(i).text().contains("discussed in Istanbul")) {
          peskovIds.add(id);
          wordings.add(a.quotes().get(i).text());
        }
      }
    }
    assertThat(wordings).as("two wordings of the quote").hasSizeGreaterThanOrEqualTo(2);
    assertThat(peskovIds).as("one id for them").hasSize(1);
    assertThat(allIds).as("other quotes keep their own ids").hasSizeGreaterThan(2);
  }

  @Test
  void quoteLinker_keepsApartTheSameWordsFromDifferentSpeakers() {
    Annotated a = ANALYZER.analyze(Article.of("q-a", "", "test", "", "en", TUESDAY, "", "Kremlin spokesman Dmitry Peskov said: \"We will wait for information about the talks in Istanbul.\""));
    Annotated b = ANALYZER.analyze(Article.of("q-b", "", "test", "", "en", TUESDAY, "", "Ukrainian President Volodymyr Zelensky said: \"We will wait for information about the talks in Istanbul.\""));
    Annotated c = ANALYZER.analyze(Article.of("q-c", "", "test", "", "en", TUESDAY, "", "Kremlin spokesman Peskov told reporters: \"We will await information about what the talks in Istanbul bring.\""));
    EntityLinker entities = new EntityLinker();
    List.of(a, b, c).forEach(entities::add);
    QuoteLinker quotes = new QuoteLinker(entities.ids());
    List.of(a, b, c).forEach(quotes::add);
    Map<String, String> ids = quotes.ids();
    assertThat(a.quotes()).hasSize(1);
    assertThat(ids.get(QuoteLinker.key(a.id(), 0))).isNotEqualTo(ids.get(QuoteLinker.key(b.id(), 0)));
    assertThat(ids.get(QuoteLinker.key(a.id(), 0))).isEqualTo(ids.get(QuoteLinker.key(c.id(), 0)));
  }

  @Test
  void seedEntitiesMergeAcrossAllFiveDocuments() {
    EntityLinker linker = new EntityLinker();
    List<Annotated> seeds = Sample.articles().stream().map(ANALYZER::analyze).toList();
    seeds.forEach(linker::add);
    Map<String, String> ids = linker.ids();
    for (String name : List.of("Zelensky", "Erdogan", "Witkoff", "Peskov", "Turkey", "Ankara")) {
      java.util.Set<String> found = new java.util.HashSet<>();
      for (Annotated a : seeds) {
        for (Entity e : a.entities()) {
          if (e.spellings().stream().anyMatch(s -> Folding.fold(s).contains(Folding.fold(name).substring(0, 5)))) {
            found.add(ids.get(e.key()));
          }
        }
      }
      assertThat(found).as(name).hasSize(1);
    }
    Entity turkey = seeds.get(1).entities().stream().filter(e -> e.key().equals("turkiye")).findFirst().orElseThrow();
    assertThat(turkey.type()).isEqualTo("PLACE");
    assertThat(turkey.country()).isEqualTo("TR");
  }

  @Test
  void ukrainianAndRussianNamesMeetTheirEnglishSpellings() {
    Annotated en = analyze("en", "Ukrainian President Volodymyr Zelensky met Turkish President Recep Tayyip Erdoğan "
        + "and U.S. envoy Steve Witkoff in Kyiv. Kremlin spokesman Dmitry Peskov said Moscow was not invited.");
    Annotated uk = analyze("uk", "Президент України Володимир Зеленський у середу прибуде до Києва. Він зустрінеться "
        + "з президентом Туреччини Реджепом Ердоганом і спецпосланцем США Стівом Віткоффом.");
    Annotated ru = analyze("ru", "Президент Украины Владимир Зеленский в среду встретится в Киеве с Реджепом Тайипом "
        + "Эрдоганом. Пресс-секретарь Кремля Дмитрий Песков заявил, что Москва не участвует.");
    assertThat(entity(uk, "volodymyr zelensky").orElseThrow().type()).isEqualTo("PERSON");
    assertThat(entity(ru, "dmitry peskov")).isPresent();
    assertThat(entity(en, "dmitry peskov")).isPresent();
    assertThat(entity(uk, "turkiye").orElseThrow().country()).isEqualTo("TR");
    assertThat(entity(ru, "kyiv").orElseThrow().country()).isEqualTo("UA");

    EntityLinker linker = new EntityLinker();
    List.of(en, uk, ru).forEach(linker::add);
    Map<String, String> ids = linker.ids();
    String zelensky = ids.get("volodymyr zelensky");
    assertThat(ru.entities()).filteredOn(e -> e.spellings().contains("Владимир Зеленский"))
        .extracting(e -> ids.get(e.key())).containsExactly(ids.get("vladimir zelensky"));
    assertThat(ids.get("redzhep erdogan")).isEqualTo(ids.get("recep tayyip erdogan"));
    assertThat(ids.get("stiv vitkoff")).isEqualTo(ids.get("steve witkoff"));
    assertThat(zelensky).isEqualTo("volodymyr zelensky");
  }

  @Test
  void quotesInEveryStyleGetTheirSpeakers() {
    Annotated fr = analyze("fr", "Le porte-parole Dmitri Peskov a déclaré : « Pour l'instant, ces contacts ont lieu sans la Russie. »");
    assertThat(fr.quotes()).extracting(Quote::speakerEntity).containsExactly("dmitri peskov");
    Annotated de = analyze("de", "„Wir sind zu Verhandlungen bereit“, sagte Präsident Wolodymyr Selenskyj in Ankara.");
    assertThat(de.quotes()).extracting(Quote::text).containsExactly("Wir sind zu Verhandlungen bereit");
    assertThat(de.quotes().get(0).speaker()).isEqualTo("Wolodymyr Selenskyj");
    Annotated en = analyze("en", "Steve Witkoff arrived on Tuesday. \"We will wait for information about the talks,\" he said. "
        + "Zelensky's 'main goal' is peace.");
    assertThat(en.quotes()).extracting(Quote::text, Quote::speakerEntity).containsExactly(
        org.assertj.core.groups.Tuple.tuple("We will wait for information about the talks", "steve witkoff"),
        org.assertj.core.groups.Tuple.tuple("main goal", null));
    // the one told is not the speaker: "told AFP" leaves the quotation to the sentence's subject
    Annotated told = analyze("en", "Kyiv is entering the talks.\nA Ukrainian official told AFP that support remains "
        + "essential: \u201cAmericans are discussing a new wave of pressure, so it is logical to negotiate now.\u201d");
    assertThat(told.quotes()).extracting(Quote::text).containsExactly(
        "Americans are discussing a new wave of pressure, so it is logical to negotiate now.");
    assertThat(told.quotes().get(0).speaker()).isNotEqualTo("AFP");
    // nor is a name inside what was told: the teller is unnamed, so the quotation has no speaker
    Annotated unnamed = analyze("en", "Kyiv is entering the talks.\nA Ukrainian official told AFP that U.S. military and "
        + "financial support remains essential: \u201cAmericans are discussing a new wave of pressure.\u201d");
    assertThat(unnamed.quotes()).hasSize(1);
    assertThat(unnamed.quotes().get(0).speaker()).isEmpty();
    Annotated named = analyze("en", "Dmitry Peskov told reporters that Moscow was ready: \u201cWe will wait for information.\u201d");
    assertThat(named.quotes().get(0).speaker()).isEqualTo("Dmitry Peskov");
    Annotated ja = analyze("ja", "ゼレンスキー大統領は「交渉の準備はできている」と述べた。");
    assertThat(ja.quotes()).extracting(Quote::text).containsExactly("交渉の準備はできている");
  }

  @Test
  void dottedInitialisms_keepTheirLastPeriod_andTheSentenceStillEnds() {
    String text = "The envoy met the U.N. The U.S. and the U.N. said talks would go on.";
    Annotated a = analyze("en", text);
    assertThat(a.sentences()).hasSize(2);
    Entity un = entity(a, "un").orElseThrow();
    assertThat(un.name()).isEqualTo("U.N.");
    assertThat(entity(a, "united_states").orElseThrow().name()).isEqualTo("U.S.");
    for (var m : a.mentions()) assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
    assertThat(a.mentions()).filteredOn(m -> m.entity().equals("un")).hasSize(2);
  }

  @Test
  void aQuotationEndingInAnExclamation_doesNotEndTheSentenceThatGoesOn() {
    String text = "Democrats shouted \u201cResign now!\u201d at the Speaker when he spoke. \u201cWhy?\u201d he asked. "
        + "The vote was held! iPhone sales were not discussed.";
    assertThat(sentences("en", text)).containsExactly(
        "Democrats shouted \u201cResign now!\u201d at the Speaker when he spoke.", "\u201cWhy?\u201d he asked.",
        "The vote was held!", "iPhone sales were not discussed.");
  }

  @Test
  void aDecimalWrittenWithASpaceAfterItsPoint_orARankAbbreviated_doesNotEndTheSentence() {
    assertThat(sentences("en", "Thieves took jewels worth $2. 6 million on Monday. The vote was 7 to 2. Police came."))
        .containsExactly("Thieves took jewels worth $2. 6 million on Monday.", "The vote was 7 to 2.", "Police came.");
    assertThat(sentences("en", "He wrote to the chairman, Brig. Gen. Fayez Zeidan. Maj. Gen. Amos Gilad agreed."))
        .containsExactly("He wrote to the chairman, Brig. Gen. Fayez Zeidan.", "Maj. Gen. Amos Gilad agreed.");
    assertThat(sentences("ja", "当選者と次点の候補者との票差が0. 226票差だった。市は再点検を行った。"))
        .containsExactly("当選者と次点の候補者との票差が0. 226票差だった。", "市は再点検を行った。");
  }

  @Test
  void aQuotationOfTwoSentences_staysOneSentenceWithItsSpeaker() {
    // DUC 2004 (APW19981016.0240); a quotation that goes on to the next paragraph is not joined.
    String text = "Hun Sen, however, rejected that. ``No-one should internationalize Cambodian affairs. It is detrimental "
        + "to the sovereignty of Cambodia,'' he said. ``I'm accompanying my Christian friends. "
        + "Nobody else came.\n``They were scared,'' he said.";
    assertThat(sentences("en", text)).containsExactly(
        "Hun Sen, however, rejected that.",
        "``No-one should internationalize Cambodian affairs. It is detrimental to the sovereignty of Cambodia,'' he said.",
        "``I'm accompanying my Christian friends.", "Nobody else came.", "``They were scared,'' he said.");
    String ja = "\u4e2d\u6751\u76e3\u7763\u304c\u300c\u96fb\u8a71\u304c\u5fd8\u308c\u3089\u308c\u306a\u304b\u3063\u305f\u3002"
        + "\u6765\u5e74\u306f\u5f14\u3044\u306e\u5e74\u306b\u3057\u305f\u3044\u300d\u3068\u8a9e\u3063\u305f\u3002";
    assertThat(analyze("ja", ja).sentences()).hasSize(1);
  }

  @Test
  void aLowerCaseWordRightAfterAJapaneseFullStop_startsTheNextSentence() {
    // Wikinews ja: a source line, then the site's name in lower case and the cited headline
    assertThat(sentences("ja", "読売新聞、2005年12月27日。asahi.com『女性の遺体収容』。次の文です。")).containsExactly(
        "読売新聞、2005年12月27日。", "asahi.com『女性の遺体収容』。", "次の文です。");
  }

  @Test
  void anOpeningBracketRightAfterAFullStop_startsTheNextSentence() {
    // Wikinews ja: a source line, and a quotation written right after the full stop.
    String text = "\u8aad\u58f2\u65b0\u805e\u30012006\u5e748\u670811\u65e5\u3002\u300e\u30da\u30c3\u30c8\u30dc\u30c8\u30eb\u306b\u7206\u767a\u7269\u300f\u3002"
        + "\u8a18\u9332\u306e\u958b\u793a\u304c\u9045\u308c\u305f\u3002\u300c\u8a3c\u62e0\u958b\u793a\u306b\u5bfe\u3059\u308b\u610f\u8b58\u306f\u4f4e\u3044\u300d\u3068\u3057\u305f\u3002";
    assertThat(sentences("ja", text)).containsExactly(
        "\u8aad\u58f2\u65b0\u805e\u30012006\u5e748\u670811\u65e5\u3002", "\u300e\u30da\u30c3\u30c8\u30dc\u30c8\u30eb\u306b\u7206\u767a\u7269\u300f\u3002",
        "\u8a18\u9332\u306e\u958b\u793a\u304c\u9045\u308c\u305f\u3002", "\u300c\u8a3c\u62e0\u958b\u793a\u306b\u5bfe\u3059\u308b\u610f\u8b58\u306f\u4f4e\u3044\u300d\u3068\u3057\u305f\u3002");
  }

  @Test
  void initialsWrittenApart_doNotEndASentence() {
    // Wikinews ja source lines: "U." ended a sentence because "S" folds to a stop word.
    String text = "\u5171\u540c= U. S. Frontline\u30012005\u5e749\u670827\u65e5\u3002\u8a18\u9332\u306e\u958b\u793a\u304c\u9045\u308c\u305f\u3002";
    assertThat(sentences("ja", text)).containsExactly(
        "\u5171\u540c= U. S. Frontline\u30012005\u5e749\u670827\u65e5\u3002", "\u8a18\u9332\u306e\u958b\u793a\u304c\u9045\u308c\u305f\u3002");
  }

  @Test
  void amountsAreNormalizedWithUnitsAndWhatTheyCount() {
    Annotated en = analyze("en", "The EU pledged €140bn and $100M; 1,200 prisoners and 100 fighter jets; inflation hit 12.5%.");
    assertThat(en.quantities()).extracting(Quantity::text, Quantity::value, Quantity::unit, Quantity::counts).containsExactly(
        org.assertj.core.groups.Tuple.tuple("€140bn", 1.4e11, "EUR", ""),
        org.assertj.core.groups.Tuple.tuple("$100M", 1e8, "USD", ""),
        org.assertj.core.groups.Tuple.tuple("1,200 prisoners", 1200.0, "", "prisoners"),
        org.assertj.core.groups.Tuple.tuple("100 fighter jets", 100.0, "", "fighter jets"),
        org.assertj.core.groups.Tuple.tuple("12.5%", 12.5, "%", ""));
    Annotated de = analyze("de", "Die EU stellt 140 Milliarden Euro bereit, 2.500 Gefangene kamen frei, ein Plus von 2,5 Prozent.");
    assertThat(de.quantities()).extracting(Quantity::value, Quantity::unit)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1.4e11, "EUR"), org.assertj.core.groups.Tuple.tuple(2500.0, ""),
            org.assertj.core.groups.Tuple.tuple(2.5, "%"));
    Annotated ru = analyze("ru", "Франция поставит 100 истребителей на 5 млрд евро.");
    assertThat(ru.quantities()).extracting(Quantity::value, Quantity::unit)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(100.0, ""), org.assertj.core.groups.Tuple.tuple(5e9, "EUR"));
    // Chinese and Japanese write the number against the words around it; a count of people, money, a
    // share; not a magnitude, a date, nor the rest of a number after 万
    Annotated ja = analyze("ja", "マグニチュード6.1の地震で少なくとも12人が死亡し、10日までに3万人が避難した。被害は5億円、1万2000人が停電。");
    assertThat(ja.quantities()).extracting(Quantity::value, Quantity::unit, Quantity::counts).containsExactly(
        org.assertj.core.groups.Tuple.tuple(12.0, "", "人"), org.assertj.core.groups.Tuple.tuple(30000.0, "", "人"),
        org.assertj.core.groups.Tuple.tuple(5e8, "JPY", ""));
    Annotated zh = analyze("zh", "土耳其发生6.1级地震，至少12人死亡，300多人受伤，通胀率为12.5%。");
    assertThat(zh.quantities()).extracting(Quantity::value, Quantity::unit).containsExactly(
        org.assertj.core.groups.Tuple.tuple(12.0, ""), org.assertj.core.groups.Tuple.tuple(300.0, ""),
        org.assertj.core.groups.Tuple.tuple(12.5, "%"));
  }

  @Test
  void badInputGivesEmptyAnnotationsInBoundedTime() {
    assertThat(analyze("en", "").dates()).isEmpty();
    java.util.Random random = new java.util.Random(42);
    StringBuilder junk = new StringBuilder();
    for (int i = 0; i < 20_000; i++) junk.append((char) random.nextInt(0x3000));
    Annotated a = analyze("", junk.toString());
    assertThat(a.quotes()).allSatisfy(q -> assertThat(q.end()).isGreaterThanOrEqualTo(q.start()));
    String sentence = "On Wednesday, \"Zelensky said talks with Erdoğan in Ankara cost €140bn,\" he said yesterday. «Oui» „Ja“ 「はい」 ";
    String big = sentence.repeat(5_000_000 / sentence.length());
    long t0 = System.nanoTime();
    Annotated huge = analyze("en", big);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
    assertThat(huge.dates()).isNotEmpty();
  }
}
