package news.panorama.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import news.panorama.core.Story;
import news.panorama.store.JdbcStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartReplayTest {
  @TempDir Path dir;

  @Test
  void startFrom_replaysFilesAndFolders_andIsIdempotent() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Fixtures.storyWithNoise(corpus);
    Files.writeString(corpus.resolve("page.html"), Fixtures.ARTICLE_PAGE);
    Path data = dir.resolve("data");

    CliRun first = CliRun.of("start", "--once", "--data", data.toString(), "--from", corpus.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("8 new");

    CliRun again = CliRun.of("start", "--once", "--data", data.toString(), "--from", corpus.toString());
    assertThat(again.exit()).isZero();
    assertThat(again.out()).contains("0 new").contains("8 already stored");

    news.panorama.core.Article seed = news.panorama.core.Sample.articles().get(0);
    news.panorama.core.Article edited = news.panorama.core.Article.of(seed.id(), seed.url(), seed.source(), seed.country(),
        seed.language(), seed.published(), seed.title(), seed.text() + " This article was updated with a correction.");
    Path update = Files.writeString(dir.resolve("update.jsonl"), news.panorama.core.ArticleJson.write(edited) + "\n");
    CliRun third = CliRun.of("start", "--once", "--data", data.toString(), "--from", update.toString());
    assertThat(third.out()).contains("0 new, 0 already stored, 1 revised, 0 rejected");

    try (JdbcStore store = JdbcStore.open("jdbc:h2:file:" + data.toAbsolutePath().resolve("panorama"))) {
      assertThat(store.articleCount()).isEqualTo(8);
      Story top = store.topStories(1).get(0);
      assertThat(top.articleCount()).isEqualTo(6); // the five seeds and the page about the same trip
      assertThat(store.briefing(top.id())).isPresent();
      assertThat(store.article(seed.id())).contains(edited);
      assertThat(store.revisions(seed.id())).hasSize(1);
    }
  }

  @Test
  void startFrom_reportsARecordItCannotStore_andStoresTheRest() throws Exception {
    Path corpus = Fixtures.seeds(dir);
    java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(corpus));
    lines.add(news.panorama.core.ArticleJson.write(news.panorama.core.Article.of("long-url",
        "https://example.org/" + "a".repeat(5000), "X", "", "en", null, "A title", "Some text.")));
    lines.add("{\"id\":\"surrogate\",\"title\":\"Broken\",\"text\":\"A lone \\ud800 surrogate.\"}");
    lines.add("{\"id\":\"nul\",\"title\":\"Nul\",\"text\":\"A NUL \\u0000 escaped in JSON.\"}");
    Files.write(corpus, lines);
    Files.write(corpus, "{\"id\":\"latin1\",\"title\":\"Caf\u00e9\"}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
        java.nio.file.StandardOpenOption.APPEND);

    CliRun run = CliRun.of("start", "--once", "--data", dir.resolve("data").toString(), "--from", corpus.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.err()).contains("rejected url of article 'long-url' is 5020 bytes long in UTF-8, more than the 2048 allowed")
        .contains("rejected text of article 'surrogate' is not valid Unicode: an unpaired surrogate U+D800 at character 8")
        .contains("skipped " + corpus + ":9: not valid UTF-8");
    assertThat(run.out()).contains("6 new, 0 already stored, 0 revised, 2 rejected");
  }

  @Test
  void startFrom_namesAMissingPath() {
    CliRun run = CliRun.of("start", "--once", "--data", dir.resolve("d").toString(), "--from", dir.resolve("nope").toString());
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains("nope");
  }
}
