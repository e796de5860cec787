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

    try (JdbcStore store = JdbcStore.open("jdbc:h2:file:" + data.toAbsolutePath().resolve("panorama"))) {
      assertThat(store.articleCount()).isEqualTo(8);
      Story top = store.topStories(1).get(0);
      assertThat(top.articleCount()).isEqualTo(6); // the five seeds and the page about the same trip
      assertThat(store.briefing(top.id())).isPresent();
    }
  }

  @Test
  void startFrom_reportsARecordItCannotStore_andStoresTheRest() throws Exception {
    Path corpus = Fixtures.seeds(dir);
    java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(corpus));
    lines.add(news.panorama.core.ArticleJson.write(news.panorama.core.Article.of("long-url",
        "https://example.org/" + "a".repeat(5000), "X", "", "en", null, "A title", "Some text.")));
    Files.write(corpus, lines);

    CliRun run = CliRun.of("start", "--once", "--data", dir.resolve("data").toString(), "--from", corpus.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.err()).contains("rejected url of article 'long-url' is 5020 characters long");
    assertThat(run.out()).contains("5 new, 0 already stored, 1 rejected");
  }

  @Test
  void startFrom_namesAMissingPath() {
    CliRun run = CliRun.of("start", "--once", "--data", dir.resolve("d").toString(), "--from", dir.resolve("nope").toString());
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains("nope");
  }
}
