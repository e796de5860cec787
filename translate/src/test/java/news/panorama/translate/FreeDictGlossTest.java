package news.panorama.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import news.panorama.core.Article;
import news.panorama.core.JsonLines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gloss with Debian's FreeDict dictionaries, read from where Debian installs them (CI installs
 * them, see .ci/run). Without them the tests are skipped, unless {@code PANORAMA_REQUIRE_FREEDICT=1}
 * (as in CI), where that is a failure.
 */
class FreeDictGlossTest {
  /** The packages .ci/run installs: into English, and from English (read backwards). */
  static final List<String> PAIRS = List.of("fra-eng", "deu-eng", "spa-eng", "ita-eng", "por-eng", "tur-eng", "ara-eng",
      "jpn-eng", "eng-rus", "eng-tur", "eng-fra", "eng-spa", "eng-ita", "eng-por", "eng-ara");
  private static Gloss gloss;

  @BeforeAll
  static void requireDictionaries() {
    List<String> missing = new ArrayList<>();
    for (String pair : PAIRS) {
      if (!Files.isRegularFile(FreeDict.DEBIAN.resolve("freedict-" + pair + ".index"))) missing.add("dict-freedict-" + pair);
    }
    if (!missing.isEmpty()) {
      String why = "FreeDict dictionaries not installed in " + FreeDict.DEBIAN + ": apt install " + String.join(" ", missing);
      if ("1".equals(System.getenv("PANORAMA_REQUIRE_FREEDICT"))) throw new IllegalStateException(why);
      assumeTrue(false, why);
    }
    gloss = Gloss.withDebianDictionaries();
  }

  @AfterAll
  static void close() {
    if (gloss != null) gloss.close();
  }

  private static String en(String text, String language) {
    return gloss.translate(text, language, "en").text();
  }

  @Test
  void dictionariesIntoEnglish_glossTheWordsCldrDoesNotName() {
    assertThat(en("Mali : des citoyens appellent à libérer le nord du pays", "fr"))
        .startsWith("Mali: citizen").contains("release").contains("north");
    assertThat(en("Erdbeben erschüttert Osten der Türkei", "de")).containsIgnoringCase("quake").endsWith("East Turkey");
    assertThat(en("Verdi ruft zu Warnstreik an deutschen Flughäfen auf", "de"))
        .as("the adjective, not the noun of the same letters").contains("German airports");
    assertThat(en("Huelga de metro en Barcelona", "es")).startsWith("Strike of").endsWith("in Barcelona");
    assertThat(en("Greve de médicos em Portugal", "pt")).startsWith("Strike of doctor").endsWith("in Portugal");
    assertThat(en("Kourou : Vega-C place en orbite un satellite d'observation italien", "fr"))
        .as("of the senses, the cognate").contains("satellite of observation");
  }

  @Test
  void japanese_isSegmentedAndGlossed_namesReadFromTheDictionary() {
    assertThat(en("鳥取県議会、人権救済条例を可決", "ja")).startsWith("Tottori prefecture").contains("human rights");
    assertThat(en("ピノチェト・元チリ大統領死去", "ja")).startsWith("Pinocheto · former Chile president");
    assertThat(en("タイ南部・タクバイ事件から1年、遺族に賠償を求める動き", "ja"))
        .startsWith("Thailand southern part · Takubai").contains("bereaved family");
  }

  @Test
  void dictionariesFromEnglish_readBackwards_coverLanguagesWithoutOne() {
    assertThat(en("Balıkesir'de 5,1 büyüklüğünde deprem", "tr")).startsWith("In Balıkesir 5.1").endsWith("earthquake");
    assertThat(en("В Петербурге открыли новую станцию метро", "ru")).contains("new station");
    assertThat(en("زيلينسكي يصل إلى تركيا", "ar")).as("the dictionary's capitals dropped")
        .startsWith("Zylynsky").contains("arrives").endsWith("to Turkey");
  }

  @Test
  void theTextGoldTitles_areMostlyGlossed() throws IOException {
    List<Article> gold = JsonLines.readAll(Path.of("..", "eval", "text-gold", "articles.jsonl").toString()).articles();
    int words = 0;
    int glossed = 0;
    for (Article a : gold) {
      if (a.language().equals("en")) continue;
      Gloss.Glossed g = gloss.gloss(a.title(), a.language());
      words += g.words();
      glossed += g.glossed();
    }
    assertThat(words).isGreaterThan(300);
    assertThat(glossed / (double) words).as("share of title words given English").isGreaterThan(0.5);
  }
}
