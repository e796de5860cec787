package news.panorama.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import news.panorama.core.Article;
import news.panorama.core.ArticleJson;
import news.panorama.core.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An English query finds articles written in other languages and scripts: through their titles
 * glossed into English at indexing (place and country names from CLDR, words from the FreeDict
 * dictionaries when installed) and through their entities' canonical keys (one Latin spelling for
 * every script). Articles written for this test; stored and searched by the real commands.
 */
class CrossLanguageSearchTest {
  @TempDir Path dir;
  private String data;

  @BeforeEach
  void fill() throws Exception {
    Instant t = Instant.parse("2025-11-19T10:00:00Z");
    List<String> lines = new ArrayList<>();
    lines.add(ArticleJson.write(Article.of("ja-bundestag", "https://example.jp/1", "example.jp", "JP", "ja", t,
        "ドイツ連邦議会を解散、大統領が決定",
        "ケーラー大統領は21日、連邦議会の解散を命じた。総選挙は9月に行われる見通しだ。")));
    lines.add(ArticleJson.write(Article.of("uk-talks", "https://example.com.ua/2", "example.com.ua", "UA", "uk", t,
        "Зеленський прибув до Анкари на переговори з Ердоганом",
        "Президент України Володимир Зеленський у середу прибув до Анкари, де зустрівся з президентом Туреччини "
            + "Реджепом Тайїпом Ердоганом. Зеленський заявив, що Туреччина може стати майданчиком для переговорів.")));
    lines.add(ArticleJson.write(Article.of("fr-seisme", "https://example.fr/3", "example.fr", "FR", "fr", t,
        "Un violent séisme frappe le sud de l'Italie",
        "Un séisme de magnitude 6,1 a frappé mercredi le sud de l'Italie, selon l'institut de géophysique. "
            + "Aucune victime n'a été signalée dans l'immédiat.")));
    lines.add(ArticleJson.write(Article.of("en-other", "https://example.co.uk/4", "example.co.uk", "GB", "en", t,
        "Bank of England holds interest rates",
        "The Bank of England kept its main interest rate unchanged on Wednesday, citing sticky inflation.")));
    Path in = dir.resolve("articles.jsonl");
    Files.write(in, lines);
    data = dir.resolve("data").toString();
    CliRun run = CliRun.of("start", "--once", "--data", data, "--from", in.toString());
    assertThat(run.exit()).as(run.err()).isZero();
  }

  private List<String> found(String... words) throws Exception {
    List<String> args = new ArrayList<>(List.of("search", "--data", data, "--format", "json", "--mode", "keyword"));
    args.addAll(List.of(words));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode result = Json.mapper().readTree(run.out());
    List<String> ids = new ArrayList<>();
    result.get("hits").forEach(h -> ids.add(h.get("articleId").asText()));
    return ids;
  }

  @Test
  void englishWordsFindArticlesInOtherScripts_byGlossedTitlesAndEntityKeys() throws Exception {
    // CLDR: ドイツ is Germany, Італія/Italie is Italy; no dictionary needed
    assertThat(found("Germany")).containsExactly("ja-bundestag");
    assertThat(found("Italy")).containsExactly("fr-seisme");
    // the Ukrainian spelling and the English one share the entity's key
    assertThat(found("Zelensky")).containsExactly("uk-talks");
    assertThat(found("Zelensky", "Ukraine")).containsExactly("uk-talks");
    // every word must still match somewhere: no cross-language match by one word alone
    assertThat(found("Germany", "Italy")).isEmpty();
    assertThat(found("interest", "rates")).containsExactly("en-other");

    CliRun text = CliRun.of("search", "--data", data, "--mode", "keyword", "Germany");
    assertThat(text.out()).contains("ドイツ連邦議会を解散");
  }

  @Test
  void dictionaryWordsFindArticlesInOtherLanguages_whenTheDictionariesAreInstalled() throws Exception {
    boolean installed = Files.isRegularFile(Path.of("/usr/share/dictd/freedict-fra-eng.index"))
        && Files.isRegularFile(Path.of("/usr/share/dictd/freedict-jpn-eng.index"));
    if (!installed && "1".equals(System.getenv("PANORAMA_REQUIRE_FREEDICT"))) {
      throw new IllegalStateException("FreeDict fra-eng and jpn-eng are required (PANORAMA_REQUIRE_FREEDICT=1)");
    }
    assumeTrue(installed, "FreeDict fra-eng and jpn-eng not installed");
    assertThat(found("earthquake")).containsExactly("fr-seisme");
    assertThat(found("Germany", "parliament")).containsExactly("ja-bundestag");
  }
}
