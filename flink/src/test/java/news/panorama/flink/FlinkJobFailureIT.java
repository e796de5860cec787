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
 * (read committed), and stored once. On a bounded input the stories are the single-machine
 * command's; on an unbounded one, written while the job runs, through the kill and after the
 * restore and then pausing, every article (the last ones released by the bounded wait) is assigned.
 */
class FlinkJobFailureIT {
  @TempDir static Path dir;
  @RegisterExtension static final KafkaBroker broker = new KafkaBroker();

  private static int assigned(JobSettings s) {
    return (int) JobHarness.updates(broker.bootstrap(), s.updates()).stream().filter(c -> c.kind == Change.Kind.ASSIGNED).count();
  }

  /** The corpus a minute apart in file order, so that grouping advances with the watermark while the job runs. */
  private static List<Article> dated() throws java.io.IOException {
    List<Article> corpus = JobHarness.corpus();
    Instant t0 = Instant.parse("2026-01-05T06:00:00Z");
    List<Article> dated = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) dated.add(corpus.get(i).withPublished(t0.plus(Duration.ofMinutes(i))));
    return dated;
  }

  /** Each article assigned exactly once on the topic (read committed), and stored once, in its final story there. */
  private static Map<String, String> assertExactlyOnce(JobSettings settings, List<Article> articles) {
    List<Change> updates = JobHarness.updates(broker.bootstrap(), settings.updates());
    Map<String, Long> placements = updates.stream().filter(c -> c.kind == Change.Kind.ASSIGNED)
        .collect(Collectors.groupingBy(c -> c.article, Collectors.counting()));
    assertThat(placements.keySet()).containsExactlyInAnyOrderElementsOf(articles.stream().map(Article::id).toList());
    assertThat(placements.values()).as("each article assigned exactly once").allMatch(n -> n == 1);
    Map<String, String> finalStories = Change.finalStories(updates);
    try (JdbcStore store = JdbcStore.open(settings.config().jdbcUrl())) {
      assertThat(store.articleCount()).as("no duplicate in the store").isEqualTo(articles.size());
      Map<String, String> stored = finalStories.keySet().stream()
          .collect(Collectors.toMap(Function.identity(), id -> store.find(id, "").orElseThrow().storyId()));
      assertThat(stored).as("the store holds each article in its story on the topic").isEqualTo(finalStories);
    }
    return finalStories;
  }

  @Test
  void aKilledTaskManager_recoversWithoutLosingOrDuplicatingAnArticle() throws Exception {
    List<Article> dated = dated();
    Map<String, String> set = Map.of("data.dir", dir.resolve("data").toString(), "cluster.embedding-weight", "0");
    Map<String, String> expected = JobHarness.singleMachineStories(JobHarness.write(dir, "dated.jsonl", dated), dir, set);

    broker.kafka().createTopics(Map.of("in", 2, "in.stories", 2, "in.dead", 1));
    try (TopicWriter w = new TopicWriter(broker.bootstrap(), "in")) {
      w.articles(dated);
    }
    JobSettings settings = JobSettings.of(broker.bootstrap(), "in", set).withParallelism(2)
        .withCheckpoints(Duration.ofMillis(500), dir.resolve("checkpoints").toUri().toString())
        .withWatermarks(Duration.ZERO, Duration.ofSeconds(1)).withSnapshotEvery(40).bounded(true);

    // one slot per task manager: the killed one surely runs part of the job
    try (MiniCluster cluster = JobHarness.miniCluster(2, 1)) {
      JobClient job = JobHarness.submit(cluster, settings);
      int before = killATaskManagerAfterTheFirstCommit(cluster, settings);
      job.getJobExecutionResult().get();
      var graph = cluster.getArchivedExecutionGraph(job.getJobID()).get();
      boolean restarted = graph.getStatusTimestamp(JobStatus.RESTARTING) > 0;
      System.out.printf("failure: task manager killed after %d of %d articles were committed; restarted: %s%n",
          before, dated.size(), restarted);
      assertThat(before).as("killed mid-run").isLessThan(dated.size());
      assertThat(restarted).as("the job restarted").isTrue();
    }

    assertThat(assertExactlyOnce(settings, dated)).isEqualTo(expected);
  }

  @Test
  void aKilledTaskManager_onAnUnboundedInput_stillAssignsEveryArticleOnce_includingThoseWrittenAfterTheRestore()
      throws Exception {
    List<Article> dated = dated();
    int last = Math.min(100, dated.size() / 4); // written only once the restored job has committed again
    broker.kafka().createTopics(Map.of("live", 2, "live.stories", 2, "live.dead", 1));
    Map<String, String> set = Map.of("data.dir", dir.resolve("live-data").toString(), "cluster.embedding-weight", "0");
    JobSettings settings = JobSettings.of(broker.bootstrap(), "live", set).withParallelism(2)
        .withCheckpoints(Duration.ofMillis(500), dir.resolve("live-checkpoints").toUri().toString())
        .withWatermarks(Duration.ZERO, Duration.ofSeconds(1)).withMaxWait(Duration.ofSeconds(3)).withSnapshotEvery(40);

    try (MiniCluster cluster = JobHarness.miniCluster(2, 1); TopicWriter w = new TopicWriter(broker.bootstrap(), "live")) {
      JobClient job = JobHarness.submit(cluster, settings);
      // a live feed: the articles trickle in while the job runs and while it is killed and restored
      java.util.concurrent.atomic.AtomicBoolean restored = new java.util.concurrent.atomic.AtomicBoolean();
      Thread feed = new Thread(() -> {
        try {
          for (int from = 0; from < dated.size() - last; from += 20) {
            w.articles(dated.subList(from, Math.min(dated.size() - last, from + 20)));
            w.flush();
            Thread.sleep(250);
          }
          while (!restored.get()) Thread.sleep(100);
          w.articles(dated.subList(dated.size() - last, dated.size()));
          w.flush();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, "feed");
      feed.setDaemon(true);
      feed.start();
      int before = killATaskManagerAfterTheFirstCommit(cluster, settings);
      int committed = assigned(settings);
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (committed <= before || !isRestarted(cluster, job)) { // the restored job commits again
        assertThat(System.nanoTime()).as("the restored job commits again").isLessThan(deadline);
        Thread.sleep(200);
        committed = assigned(settings);
      }
      restored.set(true);
      feed.join(Duration.ofMinutes(1).toMillis());
      while (assigned(settings) < dated.size()) { // then the feed pauses: the last articles must not wait forever
        assertThat(System.nanoTime()).as("every article assigned in time (%d of %d)", assigned(settings), dated.size())
            .isLessThan(deadline);
        Thread.sleep(300);
      }
      Thread.sleep(2000); // two more checkpoints: a duplicate would be committed by now
      job.cancel().get();
      System.out.printf("unbounded failure: task manager killed after %d of %d articles were committed; %d committed "
          + "when the last %d were written after the restore%n", before, dated.size(), committed, last);
      assertThat(before).as("killed mid-run").isLessThan(dated.size() - last);
    }
    Map<String, String> stories = assertExactlyOnce(settings, dated);
    Map<String, String> expected = JobHarness.singleMachineStories(JobHarness.write(dir, "live.jsonl", dated),
        java.nio.file.Files.createDirectories(dir.resolve("live-cli")), set);
    System.out.printf("unbounded failure: %d stories (single machine: %d), equal: %s%n", stories.values().stream().distinct().count(),
        expected.values().stream().distinct().count(), stories.equals(expected));
  }

  /** Waits for the first commit (a checkpoint has completed, grouping is under way), then kills a task manager and starts another; returns how many articles were committed. */
  private static int killATaskManagerAfterTheFirstCommit(MiniCluster cluster, JobSettings settings) throws Exception {
    int before = 0;
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (before == 0) {
      assertThat(System.nanoTime()).as("a first commit within 3 minutes").isLessThan(deadline);
      Thread.sleep(100);
      before = assigned(settings);
    }
    cluster.terminateTaskManager(0).get();
    cluster.startTaskManager();
    return before;
  }

  private static boolean isRestarted(MiniCluster cluster, JobClient job) throws Exception {
    var graph = cluster.getExecutionGraph(job.getJobID()).get();
    return graph.getStatusTimestamp(JobStatus.RESTARTING) > 0 && graph.getState() == JobStatus.RUNNING;
  }
}
