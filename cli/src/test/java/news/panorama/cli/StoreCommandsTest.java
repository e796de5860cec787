package news.panorama.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import news.panorama.core.ArticleJson;
import news.panorama.core.Json;
import news.panorama.store.JdbcStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** search, export and migrate on a data folder filled by `start --from` with the seed sample. */
class StoreCommandsTest {
  @TempDir Path dir;
  private String data;

  @BeforeEach
  void fill() throws Exception {
    data = dir.resolve("data").toString();
    CliRun run = CliRun.of("start", "--once", "--data", data, "--from", Fixtures.storyWithNoise(dir).toString());
    assertThat(run.exit()).as(run.err()).isZero();
  }

  @Test
  void search_findsStoredArticles_withFilters() throws Exception {
    CliRun run = CliRun.of("search", "--data", data, "--format", "json", "--mode", "keyword", "Witkoff", "Ankara");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode result = Json.mapper().readTree(run.out());
    assertThat(result.get("total").asLong()).isPositive();
    result.get("hits").forEach(h -> assertThat(h.get("articleId").asText()).startsWith("seed-"));

    // by default words and meaning together: `start` stored the seeds' vectors, so the query is embedded too
    JsonNode hybrid = Json.mapper().readTree(CliRun.of("search", "--data", data, "--format", "json", "Witkoff", "Ankara").out());
    assertThat(hybrid.get("mode").asText()).isEqualTo("HYBRID");
    int found = result.get("hits").size();
    for (int i = 0; i < found; i++) assertThat(hybrid.get("hits").get(i).get("articleId").asText()).startsWith("seed-");

    CliRun lira = CliRun.of("search", "--data", data, "--country", "GB", "lira");
    assertThat(lira.out()).startsWith("1 article found").contains("Turkish lira slips").contains("*lira*");

    CliRun bad = CliRun.of("search", "--data", data, "--from", "last week", "lira");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--from must be an ISO 8601 date");
  }

  @Test
  void export_writesEveryArticleWithItsStory() throws Exception {
    Path out = dir.resolve("export.jsonl");
    CliRun run = CliRun.of("export", "--data", data, "--out", out.toString());
    assertThat(run.exit()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(7);
    var seeds = lines.stream().map(ArticleJson::parse).filter(a -> a.id().startsWith("seed-")).toList();
    assertThat(seeds).hasSize(5);
    assertThat(seeds.stream().map(a -> a.extra().get("story")).distinct()).hasSize(1);
  }

  @Test
  void migrate_copiesEverything_andAgainCopiesNothing() throws Exception {
    String target = "jdbc:h2:file:" + dir.resolve("target").toAbsolutePath().resolve("panorama");
    CliRun first = CliRun.of("migrate", "--data", data, "--to", target);
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("Copied 7 articles (0 were already there)");
    CliRun again = CliRun.of("migrate", "--data", data, "--to", target);
    assertThat(again.out()).contains("Copied 0 articles (7 were already there)");
    try (JdbcStore copy = JdbcStore.open(target)) {
      assertThat(copy.articleCount()).isEqualTo(7);
      assertThat(copy.storiesDueForBriefing()).isEmpty();
    }
  }

  @Test
  void prune_dropsTheTextOfOldArticles_keepingTheirTitlesSearchable() throws Exception {
    CliRun help = CliRun.of("prune", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("--older-than-days").contains("store.full-text-days");
    CliRun noLimit = CliRun.of("prune", "--data", data);
    assertThat(noLimit.exit()).isEqualTo(2);
    assertThat(noLimit.err()).contains("prune needs an age limit: --older-than-days N");

    CliRun recent = CliRun.of("prune", "--data", data, "--older-than-days", "100000");
    assertThat(recent.out()).startsWith("Dropped the full text of 0 articles published before");
    CliRun run = CliRun.of("prune", "--data", data, "--older-than-days", "30");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Dropped the full text of 7 articles published before")
        .contains("titles, stories and briefings stay");
    assertThat(CliRun.of("prune", "--data", data, "--set", "store.full-text-days=30").out())
        .startsWith("Dropped the full text of 0 articles");

    String lira = "--format=json";
    JsonNode byTitle = Json.mapper().readTree(CliRun.of("search", "--data", data, lira, "--mode", "keyword", "lira").out());
    assertThat(byTitle.get("total").asLong()).isEqualTo(1);
    JsonNode byText = Json.mapper().readTree(CliRun.of("search", "--data", data, lira, "--mode", "keyword", "basis", "points").out());
    assertThat(byText.get("total").asLong()).isZero();
    try (JdbcStore store = JdbcStore.open("jdbc:h2:file:" + Path.of(data).toAbsolutePath().resolve("panorama"))) {
      assertThat(store.article("other-lira").orElseThrow().text()).isEmpty();
      assertThat(store.storiesDueForBriefing()).isEmpty();
      assertThat(store.topStories(10)).allSatisfy(story -> assertThat(store.briefing(story.id())).isPresent());
    }
  }
}
