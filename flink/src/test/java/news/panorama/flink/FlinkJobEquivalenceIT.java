package news.panorama.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import news.panorama.core.Article;
import news.panorama.core.PanoramaConfig;
import news.panorama.store.JdbcStore;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a real MiniCluster at parallelism 2, fed by a real KRaft broker, groups the corpus
 * (ECB+, or articles resampled from the bundled sample where the shared data is absent) into exactly the stories of the
 * single-machine {@code panorama cluster} command, and stores every article once, in its story.
 */
class FlinkJobEquivalenceIT {
  @TempDir static Path dir;
  @RegisterExtension static final KafkaBroker broker = new KafkaBroker();

  @Test
  void storiesEqualTheSingleMachineClusterCommand_atParallelismTwo() throws Exception {
    List<Article> corpus = JobHarness.corpus();
    Path file = JobHarness.write(dir, "corpus.jsonl", corpus);
    // the job and `panorama cluster` with the same settings: by words alone (embedding weight 0), so
    // that both read no model and their stories can be compared one for one
    Map<String, String> set = Map.of("data.dir", dir.resolve("data").toString(), "cluster.embedding-weight", "0");
    Map<String, String> expected = JobHarness.singleMachineStories(file, dir, set);

    broker.kafka().createTopics(Map.of("pages", 2, "pages.stories", 2, "pages.dead", 1));
    try (TopicWriter w = new TopicWriter(broker.bootstrap(), "pages")) {
      w.articles(corpus);
    }
    JobSettings settings = JobSettings.of(broker.bootstrap(), "pages", set).withParallelism(2)
        .withCheckpoints(Duration.ofSeconds(1), dir.resolve("checkpoints").toUri().toString()).bounded(true);
    try (MiniCluster cluster = JobHarness.miniCluster(1, 2)) {
      JobHarness.submit(cluster, settings).getJobExecutionResult().get();
    }

    List<Change> updates = JobHarness.updates(broker.bootstrap(), "pages.stories");
    Map<String, String> actual = Change.finalStories(updates);
    System.out.printf("equivalence: %d articles, %d stories single-machine, %d in the job; equal: %s%n",
        expected.size(), expected.values().stream().distinct().count(), actual.values().stream().distinct().count(),
        actual.equals(expected));
    assertThat(actual).hasSize(corpus.size()).isEqualTo(expected);
    assertThat(updates.stream().filter(c -> c.kind == Change.Kind.BRIEFED).map(c -> c.story).collect(Collectors.toSet()))
        .as("every story is briefed").containsAll(expected.values());

    PanoramaConfig config = settings.config();
    try (JdbcStore store = JdbcStore.open(config.jdbcUrl())) {
      assertThat(store.articleCount()).isEqualTo(corpus.size());
      for (Map.Entry<String, String> e : expected.entrySet()) {
        assertThat(store.find(e.getKey(), "").orElseThrow().storyId()).as(e.getKey()).isEqualTo(e.getValue());
      }
    }
  }
}
