package news.panorama.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.panorama.core.Article;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Old articles on the input topic: their records carry their publication time, so time retention
 * would delete them at once (the broker here checks every second). The topics Panorama creates keep
 * them; a topic with time retention is refused before anything is written.
 */
class TopicWriterIT {
  @RegisterExtension static final KafkaBroker broker = new KafkaBroker();

  private static List<Article> lastYear() {
    Instant t = Instant.parse("2025-11-19T08:00:00Z");
    return List.of(
        Article.of("old-1", "https://example.org/1", "Example", "GB", "en", t, "Talks in Ankara", "Talks opened in Ankara."),
        Article.of("old-2", "https://example.org/2", "Example", "GB", "en", t.plusSeconds(60), "Talks go on", "Talks went on."),
        Article.of("old-3", "https://example.org/3", "Example", "GB", "en", null, "Undated", "An undated report."));
  }

  @Test
  void oldArticles_stayOnATopicPanoramaCreated_throughTheBrokersRetentionChecks() throws Exception {
    broker.kafka().createTopics(Map.of("kept", 1));
    try (TopicWriter w = new TopicWriter(broker.bootstrap(), "kept")) {
      assertThat(w.articles(lastYear())).isEqualTo(3);
    }
    Thread.sleep(3_000); // three retention checks
    assertThat(JobHarness.readCommitted(broker.bootstrap(), "kept")).hasSize(3)
        .anySatisfy(line -> assertThat(line).contains("\"id\":\"old-1\""));
  }

  @Test
  void aTopicWithTimeRetention_isRefusedBeforeAnythingIsWritten_namingTheTopicAndTheOldestArticle() throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
      admin.createTopics(List.of(new NewTopic("weekly", 1, (short) 1).configs(Map.of("retention.ms", "604800000"))))
          .all().get();
    }
    try (TopicWriter w = new TopicWriter(broker.bootstrap(), "weekly")) {
      assertThatThrownBy(() -> w.articles(lastYear())).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("topic weekly").hasMessageContaining("retention.ms=604800000")
          .hasMessageContaining("2025-11-19T08:00:00Z").hasMessageContaining("retention.ms=-1");
      // recent articles are fine on the same topic
      Instant now = Instant.now();
      assertThat(w.articles(List.of(Article.of("new-1", "https://example.org/n", "Example", "GB", "en", now,
          "Today", "Today's report.")))).isEqualTo(1);
      assertThatThrownBy(() -> w.articles(lastYear())).as("and old ones stay refused").isInstanceOf(IllegalStateException.class);
    }
    assertThat(JobHarness.readCommitted(broker.bootstrap(), "weekly")).hasSize(1)
        .allSatisfy(line -> assertThat(line).contains("\"id\":\"new-1\""));
  }

  @Test
  void aMissingTopic_isAClearError() {
    try (TopicWriter w = new TopicWriter(broker.bootstrap(), "nowhere")) {
      assertThatThrownBy(() -> w.articles(lastYear())).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("topic nowhere").hasMessageContaining("docs/deploy.md");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
