package news.panorama.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Entity;
import news.panorama.core.Sample;
import news.panorama.core.Sentence;
import org.junit.jupiter.api.Test;

class MultilingualAnalyzerTest {
  private static final MultilingualAnalyzer ANALYZER = new MultilingualAnalyzer();
  private static final Instant NOV_19 = Instant.parse("2025-11-19T09:00:00Z");

  private static Annotated analyze(String language, String title, String text) {
    return ANALYZER.analyze(Article.of("t-" + language, "", "test", "", language, NOV_19, title, text));
  }

  private static Optional<Entity> entity(Annotated a, String key) {
    return a.entities().stream().filter(e -> e.key().equals(key)).findFirst();
  }

  private static List<String> allTerms(Annotated a) {
    return a.sentences().stream().flatMap(s -> s.terms().stream()).toList();
  }

  @Test
  void seedsAreEnglishWithSaneSentences_whenAnalyzed() {
    for (Article seed : Sample.articles()) {
      Annotated a = ANALYZER.analyze(seed);
      assertThat(a.language()).as(seed.id()).isEqualTo("en");
      assertThat(a.sentences()).as(seed.id()).hasSizeGreaterThan(8);
      for (Sentence s : a.sentences()) {
        assertThat(seed.text().substring(s.start(), s.end())).isEqualTo(s.text());
        assertThat(s.text()).doesNotContain("\n").isEqualTo(s.text().strip());
      }
      assertThat(a.titleTerms()).contains("zelensky");
    }
  }

  @Test
  void spellingVariantsShareOneKey_whenSeedsAreAnalyzed() {
    List<Annotated> seeds = Sample.articles().stream().map(ANALYZER::analyze).toList();
    Annotated zelenskyy = seeds.stream().filter(a -> a.article().text().contains("Zelenskyy")).findFirst().orElseThrow();
    Annotated zelensky = seeds.stream().filter(a -> a.article().title().startsWith("Zelensky Heads")).findFirst().orElseThrow();
    Entity fromYy = entity(zelenskyy, "volodymyr zelensky").orElseThrow();
    Entity fromY = entity(zelensky, "volodymyr zelensky").orElseThrow();
    assertThat(fromYy.spellings()).contains("Zelenskyy", "Volodymyr Zelenskyy");
    assertThat(fromY.spellings()).contains("Zelensky", "Volodymyr Zelensky");

    Annotated erdogan = seeds.stream().filter(a -> a.article().text().contains("Erdoğan")).findFirst().orElseThrow();
    Annotated erdogan2 = seeds.stream().filter(a -> a.article().text().contains("Tayyip Erdogan")).findFirst().orElseThrow();
    assertThat(entity(erdogan, "recep tayyip erdogan")).isPresent();
    assertThat(entity(erdogan2, "recep tayyip erdogan")).isPresent();

    Annotated turkiye = seeds.stream().filter(a -> a.article().title().contains("Turkiye")).findFirst().orElseThrow();
    Annotated turkey = seeds.stream().filter(a -> a.article().title().contains("Turkey")).findFirst().orElseThrow();
    assertThat(turkiye.titleTerms()).contains("turkiye");
    assertThat(turkey.titleTerms()).contains("turkiye");
    assertThat(entity(turkey, "turkiye").orElseThrow().type()).isEqualTo("PLACE");
  }

  @Test
  void abbreviationsDoNotEndSentences_whenTextHasUsAndNov() {
    String text = "U.S. President Donald Trump said on Nov. 19 that €140bn would not be enough. "
        + "Mr. Witkoff flew to Ankara! Talks start at 10 a.m. on Wednesday.";
    Annotated a = analyze("en", "Trump on aid", text);
    assertThat(a.sentences()).extracting(Sentence::text).containsExactly(
        "U.S. President Donald Trump said on Nov. 19 that €140bn would not be enough.",
        "Mr. Witkoff flew to Ankara!",
        "Talks start at 10 a.m. on Wednesday.");
    assertThat(a.sentences().get(0).terms()).contains("united_states", "trump", "19", "140bn");
    assertThat(entity(a, "donald trump")).isPresent();
  }

  @Test
  void headingLinesAreTheirOwnSentences_whenPageHasBanners() {
    String text = "Download on the App Store\nZelensky in Ankara\nZelensky met Erdogan in Ankara on Wednesday. They spoke for two hours.";
    Annotated a = analyze("en", "", text);
    assertThat(a.sentences()).extracting(Sentence::text).containsExactly(
        "Download on the App Store", "Zelensky in Ankara",
        "Zelensky met Erdogan in Ankara on Wednesday.", "They spoke for two hours.");
  }

  @Test
  void frenchIsDetectedAndFolded_whenDeclaredLanguageIsMissing() {
    Annotated a = analyze("", "Zelensky se rend en Turquie pour relancer les négociations",
        "Le président ukrainien Volodymyr Zelensky est arrivé mercredi à Ankara. "
            + "Il doit y rencontrer l'émissaire américain Steve Witkoff et le président turc Recep Tayyip Erdoğan.");
    assertThat(a.language()).isEqualTo("fr");
    assertThat(a.sentences()).hasSize(2);
    assertThat(a.titleTerms()).contains("zelensky", "turkiye", "negociation").doesNotContain("les", "pour");
    assertThat(allTerms(a)).contains("emissaire", "erdogan", "ankara").doesNotContain("le", "il", "l");
    assertThat(entity(a, "recep tayyip erdogan")).isPresent();
  }

  @Test
  void ukrainianIsDetectedAndCountriesMeetInAnyCase_whenDeclaredLanguageIsWrong() {
    Annotated a = analyze("ru", "Зеленський прибув до Туреччини",
        "Президент України Володимир Зеленський прибув до Туреччини. "
            + "Він зустрінеться з президентом Туреччини Реджепом Ердоганом і спецпосланцем США.");
    assertThat(a.language()).isEqualTo("uk");
    assertThat(a.sentences()).hasSize(2);
    assertThat(a.titleTerms()).contains("turkiye", "зеленський");
    assertThat(allTerms(a)).contains("ukraine", "turkiye", "united_states").doesNotContain("до", "з", "і");
  }

  @Test
  void japaneseGetsDictionaryWordsAndSentences_whenTextIsJapanese() {
    Annotated a = analyze("", "ゼレンスキー大統領がトルコを訪問",
        "ウクライナのゼレンスキー大統領は19日、トルコの首都アンカラを訪問した。エルドアン大統領と会談する予定だ。");
    assertThat(a.language()).isEqualTo("ja");
    assertThat(a.sentences()).hasSize(2);
    assertThat(a.titleTerms()).contains("ゼレンスキー", "大統領", "turkiye").doesNotContain("が", "を");
    assertThat(allTerms(a)).contains("ukraine", "アンカラ", "訪問");
  }

  /**
   * Japanese particles, auxiliaries and inflections (による, について, the かけ of 呼びかけ) are hiragana
   * runs no short list covers, and dates and counts are written with unit characters (年, 月, 日, 人):
   * none of them tells one story from another, and as terms they made every Japanese article
   * somewhat like every other. Each word the test rules out was a term before.
   */
  @Test
  void japaneseHiraganaRunsAndUnitCharacters_areNotTerms() {
    Annotated a = analyze("ja", "台風14号、奄美大島近海を通過",
        "気象庁によると、台風14号は2005年9月5日に奄美大島の近海を通過し、住民3人が負傷したという。"
            + "同庁は台風について引き続き警戒を呼びかけている。");
    List<String> terms = allTerms(a);
    assertThat(terms).contains("台風", "奄美", "気象", "警戒", "負傷", "住民");
    assertThat(terms).doesNotContain("による", "という", "について", "かけ", "年", "月", "日", "人");
  }

  /**
   * Japanese writes names without capitals or spaces: the dictionary's proper nouns are the names, a
   * surname alone is the person named in full before, katakana words joined by ・ or cut by the
   * dictionary (アリ カンテ) are one foreign name, a katakana word the dictionary does not have is one
   * too (メルケル) and a loanword it has is not (サッカー),
   * and a country keeps its language-independent key from the gazetteer, also when written with one
   * character (日米: Japan and the United States).
   */
  @Test
  void japaneseNames_comeFromTheDictionarysProperNouns() {
    Annotated a = analyze("ja", "小泉首相、ポーランドのカチンスキ次期大統領と会談",
        "小泉純一郎首相は25日、東京都内でポーランドのレフ・カチンスキ次期大統領と会談した。"
            + "宮城県の知事も同席した。小泉首相は両国の協力を強調した。日米首脳会談は来月開かれる。スペインのアリカンテにも寄る。メルケル首相とも会う。サッカーも見る。");
    Map<String, Entity> byKey = new java.util.HashMap<>();
    for (Entity e : a.entities()) byKey.put(e.key(), e);
    assertThat(byKey).containsKeys("小泉純一郎", "東京", "宮城県", "レフ・カチンスキ", "poland", "アリカンテ", "メルケル");
    assertThat(byKey.get("小泉純一郎").type()).isEqualTo("PERSON");
    assertThat(byKey.get("小泉純一郎").count()).as("the surname alone later").isEqualTo(2);
    assertThat(byKey.get("宮城県").type()).isEqualTo("PLACE");
    assertThat(byKey.get("poland").country()).isEqualTo("PL");
    assertThat(byKey).doesNotContainKeys("首相", "小泉", "知事", "協力", "日米", "アリ", "サッカー");
    // two countries written with one character each
    assertThat(byKey.get("japan").country()).isEqualTo("JP");
    assertThat(byKey.get("united_states").country()).isEqualTo("US");
    // the short forms news writes for two countries, which CLDR does not list
    Map<String, String> shortForms = new java.util.HashMap<>();
    for (Entity e : analyze("ja", "米英の特使", "米国の特使と英国の外相がアンカラに到着した。").entities()) {
      shortForms.put(e.name(), e.key());
    }
    assertThat(shortForms).containsEntry("米国", "united_states").containsEntry("英国", "united_kingdom");
    // the dictionary takes every Latin word for an organisation: a web address, a unit, a month are none
    Map<String, Entity> cited = new java.util.HashMap<>();
    for (Entity e : analyze("ja", "JR東日本の列車が脱線", "JR東日本の列車が脱線し、約3 kmにわたり運転を見合わせた。"
        + "朝日新聞(asahi.com)、October 5、2005年。").entities()) {
      cited.put(e.key(), e);
    }
    assertThat(cited).containsKey("朝日新聞").doesNotContainKeys("com", "asahi", "km", "october");
  }

  /** Chinese has no capitals either: HanLP's role tagging finds its people, places and organisations. */
  @Test
  void chineseNames_comeFromTheSegmentersNameRoles() {
    Annotated a = analyze("zh", "习近平会见法国总统马克龙",
        "国家主席习近平19日在北京会见法国总统马克龙。外交部发言人毛宁表示，中方愿同法方加强合作。");
    Map<String, Entity> byKey = new java.util.HashMap<>();
    for (Entity e : a.entities()) byKey.put(e.key(), e);
    assertThat(byKey).containsKeys("习近平", "马克龙", "北京", "外交部", "毛宁", "france");
    assertThat(byKey.get("习近平").type()).isEqualTo("PERSON");
    assertThat(byKey.get("北京").type()).isEqualTo("PLACE");
    assertThat(byKey.get("外交部").type()).isEqualTo("ORG");
    assertThat(byKey.get("france").country()).isEqualTo("FR");
    assertThat(byKey).doesNotContainKeys("总统", "发言人", "合作");
  }

  @Test
  void declaredLanguageIsKept_whenTextIsTooShortToTell() {
    assertThat(analyze("de", "Ankara", "Gespräche.").language()).isEqualTo("de");
  }
}
