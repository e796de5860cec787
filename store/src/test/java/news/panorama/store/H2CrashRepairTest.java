package news.panorama.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.StoryAssignment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash repair leaves healthy databases alone: it looks for transactions no session owns, and
 * a cleanly closed database, a missing one and a server database have none. (The state it repairs,
 * a commit interrupted by SIGKILL at the moment H2 wrote its file, was caught by CrashRecoveryIT; the
 * repair was checked on that database, see the class's comment.)
 */
class H2CrashRepairTest {
  @TempDir Path dir;

  @Test
  void leavesHealthyAndAbsentDatabasesAlone() throws Exception {
    String url = JdbcStore.h2Url(dir);
    assertThat(H2CrashRepair.repairIfNeeded(url)).as("no file yet").isFalse();
    assertThat(Files.exists(dir.resolve("panorama.mv.db"))).isFalse();
    try (JdbcStore store = JdbcStore.open(url)) {
      Article a = Article.of("a1", "https://example.org/1", "Example", "GB", "en", null, "Title", "Text.");
      store.save(new Annotated(a, "en", List.of(), List.of(), List.of(), List.of()), new StoryAssignment("a1", "s1", true, 1.0));
    }
    long size = Files.size(dir.resolve("panorama.mv.db"));
    assertThat(H2CrashRepair.repairIfNeeded(url)).isFalse();
    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(H2CrashRepair.stuckTransactions(c)).isZero();
    }
    assertThat(H2CrashRepair.repairIfNeeded("jdbc:postgresql://localhost/none")).isFalse();
    try (JdbcStore store = JdbcStore.open(url)) {
      assertThat(store.articleCount()).isEqualTo(1);
    }
    assertThat(Files.size(dir.resolve("panorama.mv.db"))).as("not compacted").isGreaterThanOrEqualTo(size / 2);
  }
}
