package news.panorama.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Mention;
import org.junit.jupiter.api.Test;

/** Names in the oblique cases of Slavic languages get the keys of their nominatives (see {@link SlavicCases}). */
class SlavicNamesTest {
  private static final MultilingualAnalyzer ANALYZER = new MultilingualAnalyzer();
  private static final Instant TUESDAY = Instant.parse("2025-11-18T09:00:00Z");

  private static Annotated analyze(String language, String text) {
    return ANALYZER.analyze(Article.of("t-" + language, "", "test", "", language, TUESDAY, "", text));
  }

  private static List<String> keys(Annotated a) {
    return a.mentions().stream().map(Mention::entity).toList();
  }

  private static List<String> names(Annotated a) {
    return a.mentions().stream().map(Mention::text).toList();
  }

  private static String keyOf(Annotated a, String surface) {
    return a.mentions().stream().filter(m -> m.text().equals(surface)).findFirst().map(Mention::entity).orElse("none");
  }

  @Test
  void ukrainianObliqueFormsGetTheNominativeKey() {
    Annotated uk = analyze("uk", "Прем'єр Польщі прибув до Анкари. Переговори з Ердоганом тривали три години. "
        + "Делегація поїде до Стамбулі. Пізніше Ердогану подзвонив канцлер.");
    assertThat(keyOf(uk, "Анкари")).isEqualTo("ankara");
    assertThat(keyOf(uk, "Ердоганом")).isEqualTo("erdogan");
    assertThat(keyOf(uk, "Ердогану")).isEqualTo("erdogan");
    assertThat(keyOf(uk, "Стамбулі")).isEqualTo("istanbul");
    assertThat(uk.entities()).filteredOn(e -> e.key().equals("ankara")).singleElement()
        .satisfies(e -> assertThat(e.country()).isEqualTo("TR"));
  }

  @Test
  void russianObliqueFormsGivenNamesAndAdjectivalSurnames() {
    Annotated ru = analyze("ru", "Делегация прибыла в Анкару. Встреча Владимира Путина с Эрдоганом прошла в закрытом режиме. "
        + "Журналисты спросили о Зеленском.");
    assertThat(keyOf(ru, "Анкару")).isEqualTo("ankara");
    assertThat(keyOf(ru, "Владимира Путина")).isEqualTo("vladimir putin");
    assertThat(keyOf(ru, "Эрдоганом")).isEqualTo("erdogan");
    assertThat(keyOf(ru, "Зеленском")).isEqualTo("zelensky");
  }

  @Test
  void aSentenceInitialWordBeforeAVerbIsANameUnlessTheArticleWritesItInLowerCase() {
    Annotated uk = analyze("uk", "Ердоган заявив, що Туреччина готова приймати переговори. Президент України також "
        + "прибув до Анкари, де його зустріли міністри. Делегації сьогодні зустрілися в палаці, делегації задоволені.");
    assertThat(uk.language()).isEqualTo("uk");
    assertThat(keys(uk)).contains("erdogan");
    Annotated ru = analyze("ru", "Эрдогану позвонил канцлер. Делегации встретились во дворце, делегации довольны. "
        + "Делегация прибыла утром. Журналисты спросили о сроках.");
    assertThat(keys(ru)).containsExactly("erdogan");
  }

  @Test
  void aCapitalizedCommonWordOpeningASentenceIsNotPartOfTheName() {
    Annotated ru = analyze("ru", "Переговоры продолжаются. Визит Зеленского в Анкару продлится два дня.");
    assertThat(names(ru)).contains("Зеленского").doesNotContain("Визит Зеленского");
    assertThat(keyOf(ru, "Зеленского")).isEqualTo("zelensky");
    Annotated uk = analyze("uk", "Переговори тривають. Візит Зеленського до Анкари триватиме два дні.");
    assertThat(keyOf(uk, "Зеленського")).isEqualTo("zelensky");
    Annotated pl = analyze("pl", "Rozmowy trwają. Wizyta Zełenskiego potrwa dwa dni.");
    assertThat(names(pl)).contains("Zełenskiego").doesNotContain("Wizyta Zełenskiego");
    assertThat(keyOf(pl, "Zełenskiego")).isEqualTo("zelenski");
  }

  @Test
  void polishAndCzechCasesMeetTheEnglishKeys() {
    Annotated pl = analyze("pl", "Prezydent Ukrainy rozmawiał w Ankarze z Erdoğanem. Wcześniej Zełenskiego przyjął premier.");
    assertThat(keyOf(pl, "Ankarze")).isEqualTo("ankara");
    assertThat(keyOf(pl, "Erdoğanem")).isEqualTo("erdogan");
    assertThat(keyOf(pl, "Zełenskiego")).isEqualTo("zelenski");
    Annotated cs = analyze("cs", "Prezident jednal v Ankaře s Erdoğanem. Pak odletěl do Prahy, kde se sešel se Zelenským.");
    assertThat(keyOf(cs, "Ankaře")).isEqualTo("ankara");
    assertThat(keyOf(cs, "Erdoğanem")).isEqualTo("erdogan");
    assertThat(keyOf(cs, "Zelenským")).isEqualTo("zelensky");
    Annotated en = analyze("en", "Turkish President Recep Tayyip Erdogan met Volodymyr Zelensky in Ankara.");
    assertThat(keys(en)).contains("recep tayyip erdogan", "ankara");
  }

  @Test
  void sentenceInitialCommonWordsAreNotNames() {
    assertThat(names(analyze("uk", "Сьогодні відбулася зустріч делегацій. Вчора говорили про мир."))).isEmpty();
    assertThat(names(analyze("ru", "Вчера прибыла делегация. Сегодня начались переговоры."))).isEmpty();
    assertThat(names(analyze("pl", "Dzisiaj rozpoczęły się rozmowy. Wczoraj przyleciała delegacja."))).isEmpty();
    assertThat(names(analyze("ru", "Вчера Эрдоган заявил, что готов к переговорам."))).containsExactly("Эрдоган");
  }

  @Test
  void nominativesThatEndLikeACaseKeepTheirKeys() {
    Annotated ru = analyze("ru", "Москва и Варшава обменялись нотами. Об этом рассказал бывший президент США Барак Обама. "
        + "Позже Обама встретился с послом. Официальный представитель МИД Мария Захарова ответила журналистам.");
    assertThat(keyOf(ru, "Москва")).isEqualTo("moscow");
    assertThat(keyOf(ru, "Варшава")).isEqualTo("warsaw");
    assertThat(keys(ru)).contains("barak obama").doesNotContain("barak obam", "obam");
    assertThat(keyOf(ru, "Мария Захарова")).isEqualTo("mariya zakharova");
    Annotated pl = analyze("pl", "Warszawa i Moskwa wymieniły noty. Barack Obama przyjechał do Krakowa.");
    assertThat(keyOf(pl, "Warszawa")).isEqualTo("warsaw");
    assertThat(keyOf(pl, "Barack Obama")).isEqualTo("barack obama");
  }

  @Test
  void aGenitiveJoinsItsNominativeOnlyWhenTheArticleWritesIt() {
    Annotated both = analyze("ru", "Песков ответил журналистам. В тот же день слова Пескова процитировали агентства.");
    assertThat(both.mentions()).filteredOn(m -> m.text().startsWith("Песков")).extracting(Mention::entity)
        .containsOnly("peskov");
    Annotated alone = analyze("ru", "Агентства процитировали слова Пескова о встрече.");
    assertThat(keyOf(alone, "Пескова")).isEqualTo("peskova");
  }

  @Test
  void endingRulesKeepShortStemsAndNeedAnAdjectivalStem() {
    assertThat(SlavicCases.nominative("ердоганом", "uk", false)).isEqualTo("ердоган");
    assertThat(SlavicCases.nominative("зеленського", "uk", false)).isEqualTo("зеленський");
    assertThat(SlavicCases.nominative("zelenskiego", "pl", false)).isEqualTo("zelenski");
    assertThat(SlavicCases.nominative("обама", "ru", false)).isEqualTo("обама");
    assertThat(SlavicCases.nominative("пескова", "ru", false)).isEqualTo("пескова");
    assertThat(SlavicCases.nominative("пескова", "ru", true)).isEqualTo("песков");
    assertThat(SlavicCases.nominative("ивом", "ru", false)).isEqualTo("ивом"); // stem of three letters
    assertThat(SlavicCases.nominative("карима", "ru", false)).isEqualTo("карима");
    assertThat(SlavicCases.nominative("erdogan", "en", false)).isEqualTo("erdogan");
    assertThat(Folding.nameKey("Ердоган", "uk")).isEqualTo(Folding.nameKey("Эрдоган", "ru")).isEqualTo(Folding.fold("Erdoğan"));
  }
}
