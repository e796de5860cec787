package news.panorama.brief;

import static news.panorama.brief.SectionsTest.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import news.panorama.core.Annotated;
import news.panorama.core.Entity;
import news.panorama.core.Sample;
import news.panorama.core.StorySections.CountryTake;
import news.panorama.text.MultilingualAnalyzer;
import org.junit.jupiter.api.Test;

/** What the world's take shows: names and phrases in the articles' own words, not one article's style words. */
class WorldTakeTest {
  private static final MultilingualAnalyzer ANALYZER = new MultilingualAnalyzer();
  private static final List<Annotated> SEEDS = Sample.articles().stream().map(ANALYZER::analyze).toList();

  private static Map<String, CountryTake> takes(List<Annotated> story) {
    return WorldTake.of(story, new Usable()).stream().collect(Collectors.toMap(CountryTake::country, Function.identity()));
  }

  private static List<Annotated> of(List<Annotated> story, String country) {
    return story.stream().filter(a -> a.article().country().equalsIgnoreCase(country)).toList();
  }

  private static Set<String> names(List<Annotated> articles) {
    Set<String> out = new HashSet<>();
    for (Annotated a : articles) for (Entity e : a.entities()) out.add(e.name());
    return out;
  }

  @Test
  void seeds_oneArticleCountries_leadWithNamesAndPhrases_notStyleWords() {
    Map<String, CountryTake> takes = takes(SEEDS);
    assertThat(takes).containsOnlyKeys("TR", "UA", "US");
    for (CountryTake t : takes.values()) {
      List<Annotated> own = of(SEEDS, t.country());
      assertThat(own).hasSize(1);
      Set<String> names = names(own);
      // a name or a phrase says what the outlet stresses; a word of one article alone mostly its style
      List<String> placeable = t.terms().stream().filter(w -> names.contains(w) || w.contains(" ")).toList();
      assertThat(placeable).as(t.country() + " " + t.terms()).hasSizeGreaterThanOrEqualTo(t.terms().size() - 1);
      assertThat(placeable).as(t.country() + " " + t.terms()).anyMatch(w -> !names.contains(w));
      assertThat(t.terms().get(0)).as(t.country() + " " + t.terms()).isIn(placeable);
    }
  }

  @Test
  void aNewsAgencyCited_isAttribution_notFraming() {
    // the Turkish outlet's report says "told AFP": who reported, not what Turkey's media stress
    assertThat(of(SEEDS, "TR").get(0).article().text()).contains("told AFP");
    assertThat(takes(SEEDS).get("TR").terms()).doesNotContain("AFP");
  }

  @Test
  void seeds_phrasesAreShownAsTheArticleWritesThem() {
    for (CountryTake t : takes(SEEDS).values()) {
      Annotated own = of(SEEDS, t.country()).get(0);
      Set<String> names = names(List.of(own));
      for (String term : t.terms()) {
        assertThat(term).as(t.country()).doesNotMatch("\\p{N}+").isEqualTo(term.strip());
        if (names.contains(term) || !term.contains(" ")) continue;
        // inside a sentence, as written ("Ukrainian official", not "ukrainian official"), or lower-cased title words
        assertThat(own.article().text().contains(term)
            || own.article().title().toLowerCase(Locale.ROOT).contains(term)).as(t.country() + ": " + term).isTrue();
      }
    }
  }

  @Test
  void phrases_areAdjacentContentWords_neverAcrossStopWordsPunctuationNumbersOrNames() {
    List<String> shown = WorldTake.phrases("Rail workers walked out. Unions called the strike over pension reform, "
        + "and 40 trains stopped near Gare du Nord as U.S.-backed peace talks stalled", "en", Set.of("gare", "du", "nord", "u.s"))
        .stream().map(WorldTake.Phrase::surface).toList();
    assertThat(shown).contains("Rail workers", "workers walked", "Unions called", "pension reform", "trains stopped", "peace talks",
        "talks stalled");
    assertThat(shown).noneMatch(p -> p.contains(".") || p.contains(",")) // punctuation
        .doesNotContain("walked out", "out Unions", "reform and", "called the", "the strike") // across a sentence, stop words
        .noneMatch(p -> p.contains("40") || p.contains("Gare") || p.contains("Nord")) // numbers, names
        .doesNotContain("backed peace"); // "backed" belongs to "U.S.-backed"
  }

  @Test
  void aSpanishOutletAlone_showsItsPhrasesInSpanish_withoutStopWords() {
    // written for this test: a rail strike told by two British outlets and one Spanish
    List<Annotated> story = List.of(
        article("gb-1", "London Daily", "GB", "en", "Rail strike leaves passengers stranded",
            "A rail strike left thousands of passengers stranded across the country on Monday. "
                + "The union said the strike over pay would continue all week. "
                + "Passengers were told to avoid travelling unless necessary."),
        article("gb-2", "Channel News", "GB", "en", "Strike halts trains for a second day",
            "Trains stood still for a second day as the rail strike over pay continued. "
                + "The union and the operators have not met since Friday. "
                + "Commuters said the strike had ruined their week."),
        article("es-1", "Diario Ejemplo", "ES", "es", "La huelga ferroviaria deja a miles de viajeros sin tren",
            "La huelga ferroviaria dejó a miles de viajeros sin tren en todo el país. "
                + "Los viajeros españoles que iban a Londres buscaron vuelos alternativos, según las agencias de viajes. "
                + "Las agencias de viajes recomendaron vuelos alternativos a los viajeros con billetes de tren. "
                + "La huelga ferroviaria continuará toda la semana, según el sindicato."));
    CountryTake es = takes(story).get("ES");
    assertThat(es.terms()).contains("huelga ferroviaria", "vuelos alternativos");
    Set<String> stopWords = Set.of("la", "de", "a", "los", "las", "el", "en", "sin", "que", "con", "según", "todo");
    for (String term : es.terms()) {
      assertThat(term.split(" ")).as(term).noneMatch(w -> stopWords.contains(w.toLowerCase(Locale.ROOT)));
    }
    assertThat(es.quote().articleId()).isEqualTo("es-1");
  }

  @Test
  void chineseTerms_areNotPiecesOfNames() {
    // written for this test: one visit told by a Chinese outlet in the mainland and one in Taiwan
    List<Annotated> story = List.of(
        article("cn-1", "Example Daily", "CN", "zh", "习近平会见法国总统马克龙",
            "国家主席习近平19日在北京会见法国总统马克龙。双方就中法关系和共同关心的国际问题交换了意见。"
                + "外交部发言人毛宁表示，中方愿同法方加强合作。马克龙表示，法国愿同中国深化合作。"),
        article("tw-1", "Example Times", "TW", "zh", "马克龙访华 与习近平会谈",
            "法国总统马克龙19日在北京与国家主席习近平举行会谈。双方讨论了贸易和乌克兰问题。"
                + "马克龙说，法国希望中国在乌克兰问题上发挥作用。习近平表示，中方支持通过对话解决危机。"));
    for (CountryTake t : takes(story).values()) {
      // the word breaker cuts 习近平 into 习 近平 and 马克龙 into 马克 龙: a term is the whole name or holds no piece
      assertThat(t.terms()).as(t.country()).noneMatch(term -> term.contains("近平") && !term.equals("习近平")
          || term.contains("马克") && !term.equals("马克龙"));
    }
  }
}
