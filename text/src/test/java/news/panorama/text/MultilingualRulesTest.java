package news.panorama.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.List;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.DateMention;
import news.panorama.core.Mention;
import news.panorama.core.Quantity;
import news.panorama.core.Quote;
import org.junit.jupiter.api.Test;

/** The language rules of names, speakers, dates and amounts, each on snippets in several languages. */
class MultilingualRulesTest {
  private static final MultilingualAnalyzer ANALYZER = new MultilingualAnalyzer();
  /** A Tuesday. */
  private static final Instant TUESDAY = Instant.parse("2025-11-18T09:00:00Z");

  private static Annotated analyze(String language, String text) {
    return analyze(language, "", text);
  }

  private static Annotated analyze(String language, String country, String text) {
    return ANALYZER.analyze(Article.of("t-" + language, "", "test", country, language, TUESDAY, "", text));
  }

  private static List<String> names(Annotated a) {
    return a.mentions().stream().map(Mention::text).toList();
  }

  private static String dateOf(Annotated a, String text) {
    return a.dates().stream().filter(d -> d.text().contains(text)).findFirst().map(DateMention::value).orElse("none");
  }

  @Test
  void cliticsAndCaseEndingsAfterAnApostropheAreStripped() {
    assertThat(Folding.stripClitics("İzmir'de")).isEqualTo("İzmir");
    assertThat(Folding.stripClitics("Erdoğan'ın")).isEqualTo("Erdoğan");
    assertThat(Folding.stripClitics("Ankara'ya")).isEqualTo("Ankara");
    assertThat(Folding.stripClitics("dell'Italia")).isEqualTo("Italia");
    assertThat(Folding.stripClitics("l'Ukraine")).isEqualTo("Ukraine");
    assertThat(Folding.stripClitics("Об'єднаних")).isEqualTo("Об'єднаних");
    assertThat(Folding.stripClitics("Hawai'i")).isEqualTo("Hawai'i");
    assertThat(Folding.stripClitics("Don't")).isEqualTo("Don't");
    Annotated tr = analyze("tr", "Zelenskiy dün Ankara'ya geldi. Görüşme İstanbul'da değil, Ankara'da yapıldı.");
    assertThat(tr.mentions()).extracting(Mention::entity).contains("ankara", "istanbul").doesNotContain("ankara'da");
  }

  @Test
  void germanCommonNounsAreNotNamesButNamesInAppositionAre() {
    Annotated de = analyze("de", "Reisende müssen mit Ausfällen rechnen. Die Gewerkschaft Verdi hat das Bodenpersonal zu einem "
        + "ganztägigen Warnstreik aufgerufen. Nach Angaben des Betreibers Fraport fallen rund 900 Flüge aus. "
        + "Das Bundesverfassungsgericht prüft die Speicherung der Verbindungsdaten.");
    assertThat(names(de)).contains("Verdi", "Fraport", "Bundesverfassungsgericht")
        .doesNotContain("Bodenpersonal", "Warnstreik", "Angaben", "Flüge", "Speicherung", "Verbindungsdaten",
            "Gewerkschaft Verdi", "Betreibers Fraport");
    Annotated person = analyze("de", "Dabei traf er den türkischen Staatschef Recep Tayyip Erdoğan. „Wir bereiten uns vor“, "
        + "sagte Verhandlungsführerin Sabine Kröger.");
    assertThat(names(person)).contains("Recep Tayyip Erdoğan", "Sabine Kröger")
        .doesNotContain("Staatschef Recep Tayyip Erdoğan", "Verhandlungsführerin Sabine Kröger");
  }

  @Test
  void titlesAndTheOrganizationsTheyBelongToAreSplitFromNames() {
    Annotated tr = analyze("tr", "Transferin ardından konuşan Galatasaray Başkanı Dursun Özbek açıklama yaptı.");
    assertThat(names(tr)).contains("Galatasaray", "Dursun Özbek");
    Annotated it = analyze("it", "Il ministro dei Trasporti Matteo Salvini ha definito la protesta inutile.");
    assertThat(names(it)).contains("Matteo Salvini").doesNotContain("Trasporti Matteo Salvini");
    Annotated ru = analyze("ru", "Об этом сказал пресс-секретарь Владимира Путина Дмитрий Песков.");
    assertThat(names(ru)).contains("Владимира Путина", "Дмитрий Песков");
    Annotated uk = analyze("uk", "Про це повідомив секретар РНБО Рустем Умєров.");
    assertThat(names(uk)).contains("Рустем Умєров");
  }

  @Test
  void aGivenNameBeforeASurnameIsAPersonNotACountry() {
    Annotated it = analyze("it", "A Roma la premier Giorgia Meloni ha ricevuto il segretario Maurizio Landini.");
    assertThat(it.mentions()).extracting(Mention::text, Mention::type)
        .contains(tuple("Giorgia Meloni", "PERSON"), tuple("Maurizio Landini", "PERSON"));
    assertThat(it.mentions()).extracting(Mention::entity).doesNotContain("georgia", "mauritius");
    Annotated pt = analyze("pt", "O primeiro-ministro Luís Montenegro reuniu-se com a juíza Helena Matos.");
    assertThat(names(pt)).contains("Luís Montenegro", "Helena Matos");
  }

  @Test
  void gluedWordsFromBadScrapingAreSplitWhenTheArticleWritesTheParts() {
    Annotated en = analyze("en", "Putin met envoys in Moscow. Trump spoke on Friday. Peskov says a future PutinTrump summit "
        + "remains possible. YouTube carried the speech.");
    assertThat(names(en)).contains("Putin", "Trump").doesNotContain("PutinTrump", "You", "Tube");
  }

  @Test
  void arabicNamesPlacesAndSpeakersAreFound() {
    Annotated ar = analyze("ar", "استقبل الرئيس التركي رجب طيب أردوغان أمس في العاصمة نظيره الأوكراني فولوديمير زيلينسكي. "
        + "وقال أردوغان في مؤتمر صحفي: «تركيا مستعدة لاستضافة جولة جديدة من المفاوضات». وشكر زيلينسكي لأردوغان جهوده، "
        + "ويقدر التبادل بين تركيا وأوكرانيا بنحو 7 مليارات دولار.");
    assertThat(names(ar)).contains("رجب طيب أردوغان", "فولوديمير زيلينسكي", "أردوغان", "لأردوغان", "أوكرانيا");
    assertThat(ar.quotes()).extracting(Quote::speaker).containsExactly("أردوغان");
    assertThat(ar.quotes().get(0).speakerEntity()).isEqualTo("رجب طيب أردوغان");
    assertThat(dateOf(ar, "أمس")).isEqualTo("2025-11-17");
    assertThat(ar.quantities()).extracting(Quantity::value, Quantity::unit).containsExactly(tuple(7e9, "USD"));
  }

  @Test
  void namesWithTwoParticles_areOneName_andARoleBeforeThemIsNoPart() {
    Annotated en = analyze("en", "In a statement, EU Foreign Affairs Commissioner Hans van den Broek said the union was "
        + "concerned. Van den Broek will visit Moscow.");
    assertThat(en.entities()).extracting(e -> e.key(), e -> e.type()).contains(tuple("hans van den broek", "PERSON"))
        .noneMatch(t -> t.toList().get(0).toString().contains("commissioner"));
    Annotated es = analyze("es", "El Servicio Hidrográfico y Oceanográfico de la Armada emitió una alerta de tsunami.");
    assertThat(es.mentions()).extracting(Mention::text).contains("Servicio Hidrográfico y Oceanográfico de la Armada");
    Annotated de = analyze("de", "Die Schüler von der Oberstufe besuchten am Montag das Rathaus der Stadt.");
    assertThat(de.mentions()).extracting(Mention::text).noneMatch(t -> t.contains("von der"));
  }

  @Test
  void speakersAfterTheQuoteBeforeItAndByPronoun() {
    Annotated fr = analyze("fr", "« La Turquie fera tout ce qui est en son pouvoir », a affirmé M. Erdogan.");
    assertThat(fr.quotes()).extracting(Quote::speaker).containsExactly("Erdogan");
    Annotated es = analyze("es", "“Llevamos dos años negociando sin respuesta”, lamentó Jordi Puigvert, portavoz del comité.");
    assertThat(es.quotes()).extracting(Quote::speaker).containsExactly("Jordi Puigvert");
    // the person, not the company named nearer the verb in the speaker's title
    Annotated role = analyze("es", "Grupo Altamira comprará Salud Plus. “Queremos una farmacia a menos de diez minutos de "
        + "cada casa”, afirmó el director general de Altamira, Héctor Villarreal, en una conferencia.");
    assertThat(role.quotes()).extracting(Quote::speaker).containsExactly("Héctor Villarreal");
    Annotated tr = analyze("tr", "Cumhurbaşkanı Recep Tayyip Erdoğan, basın toplantısında, \"Türkiye barış için her "
        + "sorumluluğu almaya hazırdır\" dedi.");
    assertThat(tr.quotes()).extracting(Quote::speakerEntity).containsExactly("recep tayyip erdogan");
    Annotated en = analyze("en", "Kremlin spokesperson Dmitry Peskov said there were no plans for President Vladimir Putin "
        + "to meet Witkoff, though he stated Putin remains 'of course open to a conversation.' Volodymyr Zelensky was in Madrid.\n"
        + "\"The priority is peace,\" Zelensky said on Tuesday. \"We are preparing to reinvigorate negotiations.\"");
    assertThat(en.quotes()).extracting(Quote::speakerEntity)
        .containsExactly("dmitry peskov", "volodymyr zelensky", "volodymyr zelensky");
    // the seed's own sentence: its subject stands more than the clause window before the quotation
    Annotated seed = analyze("en", "Kremlin spokesperson Dmitry Peskov confirmed there were no immediate plans for President "
        + "Vladimir Putin to engage with either the Turkish side or Witkoff, though he stated Putin remains 'of course open "
        + "to a conversation.'");
    assertThat(seed.quotes()).extracting(Quote::speakerEntity).containsExactly("dmitry peskov");
    // the reporting clause closes the sentence; a quotation in a paragraph of its own after a colon
    Annotated closing = analyze("en", "Witkoff “had no idea about Russia” or Vladimir Putin and “wasn’t too interested” when "
        + "he first began negotiating with the Kremlin, Trump said in mid-October.\n\nGuy Faulconbridge, the agency's "
        + "bureau chief, wrote on X that Zelensky will meet Witkoff:\n\n“US special envoy Witkoff to visit Turkey on "
        + "Wednesday, Turkish source says.”\n\nWitkoff called the talks “a real chance for peace” in Ankara.");
    assertThat(closing.quotes()).extracting(Quote::speaker)
        .containsExactly("Trump", "Trump", "Guy Faulconbridge", "Witkoff");
    Annotated ticks = analyze("en", "The king declined to chair the summit. ``Papa will not preside over any summit meeting,'' "
        + "Sihanouk wrote in a letter to Ranariddh, who met Sihanouk in Beijing. "
        + "Hun Sen accused them of trying to ``internationalize'' the crisis. ``We are ready to talk,'' said Sam Rainsy.");
    assertThat(ticks.quotes()).extracting(Quote::text, Quote::speaker).containsExactly(
        tuple("Papa will not preside over any summit meeting", "Sihanouk"),
        tuple("We are ready to talk", "Sam Rainsy"));
    // "he added" is the previous quotation's speaker, not a person the clause names after the verb,
    // unless a sentence between them opens with another name
    Annotated added = analyze("en", "``Hunger is apparent in the capital,'' said Chia Yew Boon, an analyst in Singapore. "
        + "``There is no way the likes of Clinton are going to muzzle him,'' he added, referring to President Jiang Zemin. "
        + "Mahathir Mohamad disagreed. ``We will decide for ourselves,'' he said.");
    assertThat(added.quotes()).extracting(Quote::speaker).containsExactly("Chia Yew Boon", "Chia Yew Boon", "Mahathir Mohamad");
    // the clause's opening name, not a person it names later; a statement that speaks names nobody
    Annotated statement = analyze("en", "The Sam Rainsy Party, in a statement released Friday, accused Hun Sen of being "
        + "``unwilling to make any compromise'' on the talks. ``A meeting outside Cambodia could place all parties on more "
        + "equal footing,'' said the statement.");
    assertThat(statement.quotes()).extracting(Quote::speaker).containsExactly("Sam Rainsy Party", "Sam Rainsy Party");
    Annotated officials = analyze("en", "Hun Sen rejected the demands on Friday. ``Every meeting must be held at home,'' "
        + "officials said.");
    assertThat(officials.quotes()).extracting(Quote::speaker).containsExactly("");
    // a name qualifying the describing noun is not who spoke, and a described speaker is not the
    // previous quotation's; a dateline's place speaks for nobody; a name before an adverb still speaks
    Annotated described = analyze("en", "BRUSSELS, Belgium (AP) - The European Union on Friday voiced its ``deep concern'' "
        + "over the arrest. ``The EU urges the authorities to ensure correct treatment in custody,'' a statement by the 15 "
        + "EU countries said. ``The last thing we need is another delay,'' said a senior White House official who spoke "
        + "on condition of anonymity. ``Whatever the efforts to besmirch our struggle,'' the congress said in a statement. "
        + "``We will not be rushed,'' Mahathir Mohamad later said.");
    assertThat(described.quotes()).extracting(Quote::speaker)
        .containsExactly("European Union", "European Union", "", "", "Mahathir Mohamad");
    // a quotation that ends its sentence is not reported by the next sentence's verb, unless right after
    // its subject; "responded" reports too
    Annotated next = analyze("en", "Rep. Dick Armey of Texas, the majority leader, said, ``The president lied under oath.'' "
        + "Rep. Nancy Johnson of Connecticut said: ``There can be no double standard.'' The lawyer asked whether the "
        + "talks would go on. ``Yes, for another year,'' Franklin Warren responded.");
    assertThat(next.quotes()).extracting(Quote::speaker).containsExactly("Dick Armey", "Nancy Johnson", "Franklin Warren");
    // a name written as a possessive qualifies what follows it and does not speak
    Annotated possessive = analyze("en", "Rep. Henry Hyde, who chairs the committee, said after Robert Livingston's "
        + "resignation: ``This is a sad day for the House.''");
    assertThat(possessive.quotes()).extracting(Quote::speaker).containsExactly("Henry Hyde");
    // a role the clause gives is the person named earlier with every word of it
    Annotated titled = analyze("en", "Lebanese Prime Minister Rafik Hariri met Lebanese Foreign Minister Faris Bweiz and "
        + "Cambodian leader Hun Sen in Beirut on Sunday. ``We agreed on everything,'' the Lebanese prime minister said "
        + "after the talks. ``We were not consulted,'' the opposition leader said.");
    assertThat(titled.quotes()).extracting(Quote::speaker).containsExactly("Rafik Hariri", "");
    // a Japanese text citing English sources: Latin names come after the dictionary's, out of text
    // order, and a quotation among them must neither fail nor take a name that stands after it
    // Japanese and Chinese speakers come from their reporting constructions, and from nothing else
    Annotated ja = analyze("ja", "ベルリンで会談があった。「これは和解に向けたメッセージだ」とメルケル首相は語った。"
        + "山田太郎首相は「改革を進める」と述べた。北朝鮮の『長い冬の記録』。中日新聞、2006年2月15日。");
    assertThat(ja.quotes()).extracting(Quote::text, Quote::speaker).containsExactly(
        tuple("これは和解に向けたメッセージだ", "メルケル"), tuple("改革を進める", "山田太郎"), tuple("長い冬の記録", ""));
    Annotated zh = analyze("zh", "外交部发言人毛宁表示，“中方愿同法方加强合作”。北京的“长城论坛”明天开幕。");
    assertThat(zh.quotes()).extracting(Quote::speaker).containsExactly("毛宁", "");
    // names may nest (Japanese) or come out of text order from two finders: no search may fail on them
    String nested = "Tokyo Shimbun \"Talks resume in the capital\" ran on its front page.";
    List<Mention> names = List.of(
        new Mention("Shimbun", NameFinder.NAME, 6, 13, 0, "shimbun"),
        new Mention("Tokyo Shimbun", NameFinder.ORG, 0, 13, 0, "tokyo shimbun"));
    assertThat(QuoteFinder.find(nested, names, offset -> 0)).extracting(Quote::speaker).containsExactly("Tokyo Shimbun");
    Annotated doubled = analyze("en", "''This is very painful for our family,'' a tearful Lucia Pinochet told reporters.");
    assertThat(doubled.quotes()).extracting(Quote::text, Quote::speaker)
        .containsExactly(tuple("This is very painful for our family", "Lucia Pinochet"));
    Annotated ru = analyze("ru", "«Без участия российской стороны такие встречи не могут дать результата», — сказал "
        + "пресс-секретарь Владимира Путина Дмитрий Песков.");
    assertThat(ru.quotes()).extracting(Quote::speaker).containsExactly("Дмитрий Песков");
    Annotated de = analyze("de", "Präsident Wolodymyr Selenskyj reist nach Ankara. "
        + "Selenskyj hatte in Madrid den Regierungschef Pedro Sánchez getroffen. „Wir bereiten uns "
        + "auf Verhandlungen vor“, schrieb er auf Telegram.");
    assertThat(de.quotes()).extracting(Quote::speaker).containsExactly("Selenskyj");
  }

  @Test
  void weekdaysFollowTheTenseOfTheirClause() {
    // published on Tuesday 18 November 2025
    assertThat(dateOf(analyze("fr", "Le nouveau conseil se réunira vendredi pour élire la maire."), "vendredi"))
        .isEqualTo("2025-11-21");
    assertThat(dateOf(analyze("es", "Los trabajadores irán a la huelga el viernes."), "viernes")).isEqualTo("2025-11-21");
    assertThat(dateOf(analyze("de", "Der Start war ursprünglich für Mittwoch geplant, wurde aber verschoben."), "Mittwoch"))
        .isEqualTo("2025-11-12");
    assertThat(dateOf(analyze("en", "Umerov said on Saturday the talks aim to revive the agreements."), "Saturday"))
        .isEqualTo("2025-11-15");
    assertThat(dateOf(analyze("en", "The president added that Wednesday's meetings will focus on prisoners."), "Wednesday"))
        .isEqualTo("2025-11-19");
    assertThat(dateOf(analyze("uk", "В «Укренерго» заявили, що в суботу діятимуть графіки відключень."), "суботу"))
        .isEqualTo("2025-11-22");
    assertThat(dateOf(analyze("de", "Ein Erdbeben hat am frühen Montagmorgen die Provinz erschüttert."), "Montagmorgen"))
        .isEqualTo("2025-11-17");
  }

  @Test
  void monthsYearsAndRelativeYearsInMoreLanguages() {
    assertThat(dateOf(analyze("es", "Es la tercera huelga desde marzo."), "marzo")).isEqualTo("2025-03");
    assertThat(dateOf(analyze("de", "Die Gespräche fanden zwischen Mai und Juli statt."), "Juli")).isEqualTo("2025-07");
    assertThat(dateOf(analyze("tr", "Anlaşma ekim ayında imzalandı."), "ekim")).isEqualTo("2025-10");
    assertThat(dateOf(analyze("ru", "Закрытие ожидается в начале 2026 года."), "2026")).isEqualTo("2026");
    assertThat(dateOf(analyze("ru", "Её выручка за прошлый год превысила 61 млрд рублей."), "прошлый год")).isEqualTo("2024");
    assertThat(dateOf(analyze("pt", "A empresa quer abrir lojas no ano que vem."), "ano que vem")).isEqualTo("2026");
    assertThat(dateOf(analyze("ar", "وارتفعت الإيرادات العام الماضي وتتوقع الشركة نموا الأسبوع المقبل."), "العام الماضي"))
        .isEqualTo("2024");
  }

  @Test
  void amountsInArabicItalianAndPortugueseAndNotMagnitudesOrIdentifiers() {
    Annotated it = analyze("it", "Il club pagherà 30 milioni di euro e 2 milioni di lavoratori sciopereranno.");
    assertThat(it.quantities()).extracting(Quantity::value, Quantity::unit)
        .containsExactly(tuple(3e7, "EUR"), tuple(2e6, ""));
    Annotated pt = analyze("pt", "O negócio vale R$ 2,4 bilhões.");
    assertThat(pt.quantities()).extracting(Quantity::value, Quantity::unit).containsExactly(tuple(2.4e9, "BRL"));
    Annotated ma = analyze("ar", "MA", "وخصصت الحكومة 120 مليار درهم ونصبت 150 خيمة، وارتفع السهم بنسبة 3.1%.");
    assertThat(ma.quantities()).extracting(Quantity::value, Quantity::unit)
        .containsExactly(tuple(1.2e11, "MAD"), tuple(150.0, ""), tuple(3.1, "%"));
    Annotated ae = analyze("ar", "AE", "وبلغت تكلفة المشروع نحو 550 مليون درهم.");
    assertThat(ae.quantities()).extracting(Quantity::unit).containsExactly("AED");
    Annotated es = analyze("es", "Un sismo de magnitud 6,8 sacudió la región; un tir d'Ariane 6 programmé.");
    assertThat(es.quantities()).isEmpty();
    Annotated tr = analyze("tr", "Sındırgı'da 6,1 büyüklüğünde deprem oldu, 24 yaşındaki futbolcu 7,5 milyar dolar aldı.");
    assertThat(tr.quantities()).extracting(Quantity::value, Quantity::unit).containsExactly(tuple(7.5e9, "USD"));
  }

  @Test
  void namesInGuillemetsAreOrganizationsUnlessAVehicleOrAWorkIsNamed() {
    Annotated ru = analyze("ru", "Банк договорился с холдингом «Восток Инвест» о продаже акций. Сделку одобрил совет "
        + "директоров банка «Заря». Позже стартовал корабль «Витязь», а театр показал спектакль «Чайка».");
    assertThat(ru.mentions()).extracting(Mention::text, Mention::type)
        .contains(tuple("Восток Инвест", "ORG"), tuple("Заря", "ORG"));
    assertThat(names(ru)).doesNotContain("Витязь", "Чайка");
    Annotated uk = analyze("uk", "Нападник перейшов до львівських „Карпат“ з харківського «Металіста».");
    assertThat(names(uk)).contains("Карпат", "Металіста");
    Annotated speech = analyze("ru", "Министр сказал: «Нет». Потом добавил: «Посмотрим»."); // speech, not names
    assertThat(names(speech)).doesNotContain("Нет", "Посмотрим");
  }

  @Test
  void russianAndUkrainianInstitutionNamesKeepTheirLowerCaseWords() {
    Annotated ru = analyze("ru", "Иск рассмотрит Верховный суд Татарстана. Об этом сообщила Федеральная налоговая "
        + "служба, а вчера заявление опубликовало пресс-бюро Министерства иностранных дел.");
    assertThat(ru.mentions()).extracting(Mention::text, Mention::type).contains(
        tuple("Верховный суд Татарстана", "ORG"), tuple("Федеральная налоговая служба", "ORG"),
        tuple("Министерства иностранных дел", "ORG"));
    assertThat(names(ru)).doesNotContain("Верховный", "Федеральная", "Татарстана");
    Annotated uk = analyze("uk", "Удару завдано по Дніпропетровській області, повідомила Національна поліція. "
        + "Справу передано до Офісу Генерального прокурора.");
    assertThat(uk.mentions()).extracting(Mention::text, Mention::type)
        .contains(tuple("Дніпропетровській області", "PLACE"), tuple("Національна поліція", "ORG"));
  }

  @Test
  void arabicInstitutionsAndPlacesWithTheirComplement() {
    Annotated ar = analyze("ar", "أعلنت وزارة الصحة العراقية أمس أن جامعة بغداد ستستقبل المرضى، فيما قالت "
        + "شركة الخطوط الجوية الوطنية إن الرحلات فوق البحر الأسود ستتوقف. وحدد المعهد مركز الزلزال.");
    assertThat(ar.mentions()).extracting(Mention::text, Mention::type).contains(
        tuple("وزارة الصحة العراقية", "ORG"), tuple("جامعة بغداد", "ORG"),
        tuple("الخطوط الجوية الوطنية", "ORG"), tuple("البحر الأسود", "PLACE"));
    assertThat(names(ar)).doesNotContain("المعهد مركز الزلزال", "مركز الزلزال", "وزارة الصحة العراقية أمس");
    Annotated kremlin = analyze("ar", "وقال الكرملين إن المحادثات ستستمر.");
    assertThat(names(kremlin)).contains("الكرملين");
  }
}
