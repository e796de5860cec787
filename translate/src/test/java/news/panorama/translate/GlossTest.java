package news.panorama.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import news.panorama.core.Article;
import news.panorama.core.Sample;
import news.panorama.core.Translation;
import news.panorama.core.TranslationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline gloss with no dictionary installed (an empty dictionary folder): what CLDR names,
 * transliteration, the function-word lists and the number rules give on their own.
 */
class GlossTest {
  @TempDir static Path noDictionaries;
  private static Gloss gloss;

  @BeforeAll
  static void open() {
    gloss = new Gloss(List.of(noDictionaries));
  }

  @AfterAll
  static void close() {
    gloss.close();
  }

  private static String en(String text, String language) {
    return gloss.translate(text, language, "en").text();
  }

  @Test
  void countryNames_inEveryLanguageAndScript_becomeTheirEnglishName() {
    assertThat(en("Turquie", "fr")).isEqualTo("Turkey");
    assertThat(en("トルコ", "ja")).isEqualTo("Turkey");
    assertThat(en("Туреччина", "uk")).isEqualTo("Turkey");
    assertThat(en("تركيا", "ar")).isEqualTo("Turkey");
    assertThat(en("Türkei", "de")).isEqualTo("Turkey");
    assertThat(en("Estados Unidos", "es")).isEqualTo("United States");
    assertThat(en("Etats-Unis", "fr")).as("without its accent").isEqualTo("United States");
    assertThat(en("Ankara'da", "tr")).isEqualTo("In Ankara");
  }

  @Test
  void inflectedNames_meetTheirDictionaryForm() {
    assertThat(en("Зеленський їде до Туреччини", "uk")).isEqualTo("Zelenskyy yide to Turkey");
    assertThat(en("Песков: Россия не будет участвовать во встрече в Турции", "ru"))
        .startsWith("Peskov: Russia not will").endsWith("in Turkey");
  }

  @Test
  void namesInOtherScripts_areRomanizedAsEnglishNewsWritesThem() {
    assertThat(en("Зеленский", "ru")).isEqualTo("Zelenskiy");
    assertThat(en("Зеленський", "uk")).isEqualTo("Zelenskyy");
    assertThat(en("Μητσοτάκης", "el")).isEqualTo("Mitsotakis");
    assertThat(en("Αθήνα", "el")).as("a city CLDR names").isEqualTo("Athens");
    assertThat(en("トランプ", "ja")).isEqualTo("Toranpu");
    assertThat(en("ウェンディーズ", "ja")).isEqualTo("Wendizu");
    assertThat(en("زيلينسكي يصل إلى تركيا", "ar")).isEqualTo("Zylynsky Ysl to Turkey");
  }

  @Test
  void functionWords_areDroppedOrGlossed_andArticlesInANameStay() {
    assertThat(en("Grève à la SNCF", "fr")).isEqualTo("Grève in SNCF");
    assertThat(en("Jean-Marie Le Pen", "fr")).isEqualTo("Jean-Marie Le Pen");
    assertThat(en("日本のトルコ大使館", "ja")).startsWith("Japan's Turkey");
    assertThat(en("Zelenskiy yarın Türkiye'de", "tr")).isEqualTo("Zelenskiy tomorrow in Turkey");
  }

  @Test
  void numbersAndDates_areWrittenTheEnglishWay() {
    assertThat(en("1,2 milliard", "fr")).isEqualTo("1.2 billion");
    assertThat(en("9.800 millones", "es")).isEqualTo("9,800 million");
    assertThat(en("version 12.10", "fr")).as("not a French number").isEqualTo("version 12.10");
    assertThat(en("2,5 млрд рублей", "ru")).isEqualTo("2.5 billion rubles");
    assertThat(en("8,000万バーツ", "ja")).startsWith("80 million");
    assertThat(en("10月25日", "ja")).isEqualTo("October 25");
    assertThat(en("第94回", "ja")).isEqualTo("94th");
    assertThat(en("18 novembre", "fr")).isEqualTo("18 November");
  }

  @Test
  void theSeedDocuments_areEnglish_andComeBackUnchanged() {
    List<Article> seeds = Sample.articles();
    assertThat(seeds).hasSize(5);
    for (Article a : seeds) {
      Translation t = gloss.translate(a.title(), a.language(), "en");
      assertThat(t.kind()).isEqualTo(Translation.Kind.ORIGINAL);
      assertThat(t.text()).isEqualTo(a.title());
      assertThat(gloss.translate(a.text(), a.language(), "en").text()).isEqualTo(a.text());
    }
  }

  @Test
  void aGloss_isLabelledAsSuch() {
    Translation t = gloss.translate("Zelensky attendu à Ankara", "fr", "en");
    assertThat(t.kind()).isEqualTo(Translation.Kind.GLOSS);
    assertThat(t.isGloss()).isTrue();
    assertThat(t.backend()).isEqualTo("gloss");
    assertThat(t.sourceLanguage()).isEqualTo("fr");
    assertThatThrownBy(() -> gloss.translate("Zelensky attendu à Ankara", "fr", "de"))
        .isInstanceOf(TranslationException.class).hasMessageContaining("only into English");
  }

  @Test
  void anUnknownLanguage_isGuessedFromTheScript() {
    Gloss.Glossed g = gloss.gloss("Зеленський їде до Туреччини", "");
    assertThat(g.language()).isEqualTo("uk");
    assertThat(g.text()).isEqualTo("Zelenskyy yide to Turkey");
    assertThat(gloss.gloss("Зеленский прибыл в Турцию", "").language()).isEqualTo("ru");
    assertThat(gloss.gloss("トルコ", "").language()).isEqualTo("ja");
    assertThat(gloss.gloss("تركيا", "").language()).isEqualTo("ar");
    assertThat(gloss.gloss("Turquie", "").text()).as("Latin letters of an unknown language stay").isEqualTo("Turquie");
  }

  @Test
  void linesAndPunctuation_areKept() {
    assertThat(en("Égypte : « Turquie » ?\n\nMali", "fr")).isEqualTo("Egypt: \"Turkey\"?\n\nMali");
    Gloss.Glossed g = gloss.gloss("Зеленський прибув до Туреччини", "uk");
    assertThat(g.words()).isEqualTo(4);
    assertThat(g.glossed()).isEqualTo(2);
    assertThat(g.names()).isEqualTo(2);
  }
}
