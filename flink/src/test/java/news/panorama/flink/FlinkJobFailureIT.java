package news.panorama.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import news.panorama.core.Article;
import news.panorama.store.JdbcStore;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task manager killed mid-run: the job restarts from its last checkpoint (RocksDB state: the
 * grouper's snapshot and the articles since, the articles waiting for the watermark, the input
 * offsets) and, in the end, every article is assigned exactly once on the story-updates topic
 * (read committed), into the stories of the single-machine command, and stored once.
 */
class FlinkJobFailureIT {
  @TempDir static Path dir;
  @RegisterExtension static final KafkaBroker broker = new KafkaBroker();

  private static int assigned(JobSettings s) {
    return (int) JobHarness.updates(broker.bootstrap(), s.updates()).stream().filter(c -> c.kind == Change.Kind.ASSIGNED).count();
  }

  @Test
  void aKilledTaskManager_recoversWithoutLosingOrDuplicatingAnArticle() throws Exception {
    // a minute apart in file order, so that grouping advances with the watermark while the job runs
    List<Article> corpus = JobHarness.corpus();
    Instant t0 = Instant.parse("2026-01-05T06:00:00Z");
    List<Article> dated = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) dated.add(corpus.get(i).withPublished(t0.plus(Duration.ofMinutes(i))));
    Map<String, String> expected = JobHarness.singleMachineStories(JobHarness.write(dir, "dated.jsonl", dated), dir);

    broker.kafka().createTopics(Map.of("in", 2, "in.stories", 2, "in.dead", 1));
    try (TopicWriter w = new TopicWriter(broker.bootstrap(), "in")) {
      w.articles(dated);
    }
    Map<String, String> set = Map.of("data.dir", dir.resolve("data").toString(), "cluster.embedding-weight", "0");
    JobSettings settings = JobSettings.of(broker.bootstrap(), "in", set).withParallelism(2)
        .withCheckpoints(Duration.ofMillis(500), dir.resolve("checkpoints").toUri().toString())
        .withWatermarks(Duration.ZERO, Duration.ofSeconds(1)).withSnapshotEvery(40).bounded(true);

    // one slot per task manager: the killed one surely runs part of the job
    try (MiniCluster cluster = JobHarness.miniCluster(2, 1)) {
      JobClient job = JobHarness.submit(cluster, settings);
      int before = 0;
      while (before == 0) { // the first commit: a checkpoint has completed, grouping is under way
        Thread.sleep(100);
        before = assigned(settings);
      }
      cluster.terminateTaskManager(0).get();
      cluster.startTaskManager();
      job.getJobExecutionResult().get();
      var graph = cluster.getArchivedExecutionGraph(job.getJobID()).get();
      boolean restarted = graph.getStatusTimestamp(JobStatus.RESTARTING) > 0;
      System.out.printf("failure: task manager killed after %d of %d articles were committed; restarted: %s%n",
          before, dated.size(), restarted);
      assertThat(before).as("killed mid-run").isLessThan(dated.size());
      assertThat(restarted).as("the job restarted").isTrue();
    }

    List<Change> updates = JobHarness.updates(broker.bootstrap(), "in.stories");
    Map<String, Long> placements = updates.stream().filter(c -> c.kind == Change.Kind.ASSIGNED)
        .collect(Collectors.groupingBy(c -> c.article, Collectors.counting()));
    assertThat(placements.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    assertThat(placements.values()).as("each article assigned exactly once").allMatch(n -> n == 1);
    assertThat(Change.finalStories(updates)).isEqualTo(expected);
    try (JdbcStore store = JdbcStore.open(settings.config().jdbcUrl())) {
      assertThat(store.articleCount()).as("no duplicate in the store").isEqualTo(dated.size());
      Map<String, String> stored = expected.keySet().stream()
          .collect(Collectors.toMap(Function.identity(), id -> store.find(id, "").orElseThrow().storyId()));
      assertThat(stored).isEqualTo(expected);
    }
  }
}
