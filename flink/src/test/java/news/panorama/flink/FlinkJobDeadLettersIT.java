package news.panorama.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import news.panorama.core.Article;
import news.panorama.core.Json;
import news.panorama.core.Sample;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad records (bytes that are not UTF-8, not JSON, an article without title or text, a record over
 * the size limit) go to the dead-letter topic with their reason while the job goes on; a fetched
 * page is extracted into an article; and an article that arrives after the watermark has passed its
 * time still joins its story.
 */
class FlinkJobDeadLettersIT {
  @TempDir static Path dir;
  @RegisterExtension static final KafkaBroker broker = new KafkaBroker();

  @Test
  void badRecordsBecomeDeadLetters_andALateArticleStillJoinsItsStory() throws Exception {
    broker.kafka().createTopics(Map.of("feed", 1, "feed.stories", 1, "feed.dead", 1));
    List<Article> seeds = Sample.articles();
    Instant later = Instant.parse("2025-11-25T09:00:00Z");
    String page = "<html><head><title>Airbus wins order for 40 jets from IndiGo</title></head><body><article>"
        + "<h1>Airbus wins order for 40 jets from IndiGo</h1><p>" + "Airbus said on Tuesday that the Indian airline IndiGo "
        + "ordered 40 more wide-body jets, its largest order this year, with deliveries from 2027. ".repeat(6)
        + "</p></article></body></html>";
    try (TopicWriter w = new TopicWriter(broker.bootstrap(), "feed")) {
      w.articles(seeds);
      w.raw("{not json".getBytes(StandardCharsets.UTF_8), later.toEpochMilli());
      w.raw(new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}, later.toEpochMilli());
      w.raw("{\"id\":\"empty\",\"url\":\"https://example.org/empty\"}".getBytes(StandardCharsets.UTF_8), later.toEpochMilli());
      byte[] huge = new byte[2_000_000];
      Arrays.fill(huge, (byte) 'x');
      w.raw(huge, later.toEpochMilli());
      w.raw(Json.mapper().writeValueAsBytes(Map.of("url", "https://example.org/airbus-indigo", "html", page)), later.toEpochMilli());
      w.articles(List.of(Article.of("filler", "https://example.org/filler", "Test", "", "en", later.plusSeconds(3600),
          "Farm ministers meet in Brussels", "Agriculture ministers met in Brussels on Tuesday to discuss subsidies.")));
    }
    Map<String, String> set = Map.of("data.dir", dir.resolve("data").toString(), "cluster.embedding-weight", "0");
    JobSettings settings = JobSettings.of(broker.bootstrap(), "feed", set)
        .withCheckpoints(Duration.ofMillis(500), dir.resolve("checkpoints").toUri().toString())
        .withWatermarks(Duration.ZERO, Duration.ofSeconds(1)).withMaxRecordBytes(1_000_000);

    try (MiniCluster cluster = JobHarness.miniCluster(1, 1)) {
      JobClient job = JobHarness.submit(cluster, settings);
      waitFor(() -> assigned().keySet().containsAll(seeds.stream().map(Article::id).toList()));
      // the watermark has passed the seeds' time: a new take on their story, published then, is late
      Article seed = seeds.get(0);
      Article late = Article.of("late-take", "https://example.org/late-take", "Late Wire", "", "en", seed.published(),
          seed.title(), seed.text());
      try (TopicWriter w = new TopicWriter(broker.bootstrap(), "feed")) {
        w.articles(List.of(late));
      }
      waitFor(() -> assigned().containsKey("late-take"));
      job.cancel().get();
    }

    Map<String, String> storyOf = assigned();
    String seedStory = storyOf.get(seeds.get(0).id());
    assertThat(seeds).allSatisfy(a -> assertThat(storyOf.get(a.id())).isEqualTo(seedStory));
    assertThat(storyOf.get("late-take")).as("the late article joins its story").isEqualTo(seedStory);
    assertThat(storyOf.keySet()).as("the page was extracted and grouped").hasSize(seeds.size() + 2)
        .anyMatch(id -> !id.equals("late-take") && !id.equals("filler") && seeds.stream().noneMatch(s -> s.id().equals(id)));

    List<String> reasons = JobHarness.readCommitted(broker.bootstrap(), "feed.dead").stream()
        .map(FlinkJobDeadLettersIT::reason).toList();
    System.out.println("dead letters: " + reasons);
    assertThat(reasons).hasSize(4);
    assertThat(String.join("\n", reasons)).contains("not valid JSON", "not valid UTF-8", "neither 'title' nor 'text'",
        "2000000 bytes is over the limit of 1000000");
  }

  private static String reason(String deadLetter) {
    try {
      return Json.mapper().readTree(deadLetter).path("reason").asText();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError("a dead letter is not JSON: " + deadLetter, e);
    }
  }

  private static Map<String, String> assigned() {
    return Change.finalStories(JobHarness.updates(broker.bootstrap(), "feed.stories").stream().toList())
        .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out");
      Thread.sleep(300);
    }
  }
}
