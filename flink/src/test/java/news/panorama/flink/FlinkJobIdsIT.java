package news.panorama.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.panorama.core.Article;
import news.panorama.core.Sample;
import news.panorama.store.JdbcStore;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two different articles under one id (corpora reuse document numbers): the second goes on under an
 * id derived from its URL and is grouped once, however often it is sent; and a second job over the
 * same store (a rerun of the same input) groups none of them again, the renamed one included.
 */
class FlinkJobIdsIT {
  @TempDir static Path dir;
  @RegisterExtension static final KafkaBroker broker = new KafkaBroker();

  private static List<Change> assignedOn(String topic) {
    return JobHarness.updates(broker.bootstrap(), topic).stream().filter(c -> c.kind == Change.Kind.ASSIGNED).toList();
  }

  private static void run(String input, List<Article> articles, Map<String, String> set) throws Exception {
    broker.kafka().createTopics(Map.of(input, 1, input + ".stories", 1, input + ".dead", 1));
    try (TopicWriter w = new TopicWriter(broker.bootstrap(), input)) {
      w.articles(articles);
    }
    JobSettings settings = JobSettings.of(broker.bootstrap(), input, set)
        .withCheckpoints(Duration.ofMillis(500), dir.resolve("checkpoints-" + input).toUri().toString()).bounded(true);
    try (MiniCluster cluster = JobHarness.miniCluster(1, 1)) {
      JobHarness.submit(cluster, settings).getJobExecutionResult().get();
    }
  }

  @Test
  void anArticleUnderAnIdAnotherUrlHolds_isGroupedOnce_andNotAgainByASecondRun() throws Exception {
    List<Article> seeds = Sample.articles();
    Article first = seeds.get(0);
    Article clash = Article.of(first.id(), "https://example.org/another-page", "Other Wire", "", "en",
        first.published().plusSeconds(3600), "Farm ministers meet in Brussels",
        "Agriculture ministers of the European Union met in Brussels on Tuesday to discuss farm subsidies.");
    List<Article> input = new ArrayList<>(seeds);
    input.add(clash);
    input.add(clash); // sent twice
    Map<String, String> set = Map.of("data.dir", dir.resolve("data").toString(), "cluster.embedding-weight", "0");

    run("ids", input, set);
    List<Change> firstRun = assignedOn("ids.stories");
    List<String> ids = firstRun.stream().map(c -> c.article).toList();
    assertThat(ids).as("each article assigned once").doesNotHaveDuplicates().hasSize(seeds.size() + 1)
        .contains(first.id()).anyMatch(id -> id.startsWith(first.id() + "~"));
    try (JdbcStore store = JdbcStore.open(JobSettings.of(broker.bootstrap(), "ids", set).config().jdbcUrl())) {
      assertThat(store.articleCount()).isEqualTo(seeds.size() + 1);
    }

    run("ids-again", input, set);
    assertThat(assignedOn("ids-again.stories")).as("a rerun over the same store groups nothing again").isEmpty();
    try (JdbcStore store = JdbcStore.open(JobSettings.of(broker.bootstrap(), "ids", set).config().jdbcUrl())) {
      assertThat(store.articleCount()).isEqualTo(seeds.size() + 1);
    }
  }
}
