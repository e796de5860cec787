package news.panorama.flink;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import news.panorama.core.Article;
import news.panorama.core.ArticleJson;
import news.panorama.core.Page;
import news.panorama.pipeline.PublishedOrder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

/**
 * Writes a corpus into the input topic the way the job reads it best: articles in publication
 * order ({@link PublishedOrder}, as {@code panorama cluster} takes them), each record stamped with
 * its event time (an undated article with the time of the article before it) and numbered in the
 * {@value InputRecord#SEQ_HEADER} header, so that the job groups them in exactly that order; pages
 * as page records stamped with the time they are written (their fetch time). Idempotent producer,
 * all replicas acknowledge.
 */
public final class TopicWriter implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;
  private final String bootstrap;
  /** The topic's retention.ms, read on the first write of articles. */
  private @Nullable Long retentionMs;
  private long seq;
  private final List<Future<RecordMetadata>> inFlight = new ArrayList<>();

  public TopicWriter(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(EmbeddedKafka.MAX_MESSAGE_BYTES));
    p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    this.topic = topic;
    this.bootstrap = bootstrap;
    // numbers keep growing across runs of the writer, so a later run's records come after
    this.seq = System.currentTimeMillis() << 20;
  }

  /**
   * Writes articles in publication order; returns how many. Refuses (before writing anything) when
   * the topic's time retention would delete some of them at once: see {@link #checkRetention}.
   */
  public int articles(List<Article> articles) {
    List<Article> ordered = PublishedOrder.sort(articles);
    long first = ordered.stream().filter(a -> a.published() != null).findFirst()
        .map(a -> a.published().toEpochMilli()).orElse(System.currentTimeMillis());
    if (!ordered.isEmpty()) checkRetention(first);
    long time = first;
    for (Article a : ordered) {
      if (a.published() != null) time = a.published().toEpochMilli();
      write(ArticleJson.write(a).getBytes(StandardCharsets.UTF_8), time, a.id());
    }
    return ordered.size();
  }

  /**
   * A record's timestamp here is its article's publication time, and time retention counts from
   * it: on a topic with {@code retention.ms} set, records older than that are deleted at the
   * broker's next retention check (a restored job then finds its offsets gone and skips to the
   * end). So this throws, naming the topic, its retention and the oldest article, when the oldest
   * record would be within an hour of expiring (the setting is read once per writer).
   */
  private void checkRetention(long oldest) {
    if (retentionMs == null) retentionMs = readRetention();
    long retention = retentionMs;
    long margin = Duration.ofHours(1).toMillis();
    if (retention >= 0 && oldest < System.currentTimeMillis() - retention + margin) {
      throw new IllegalStateException(String.format("topic %s deletes records %s after their timestamp (retention.ms=%d) "
          + "and the oldest article was published %s: the broker would delete it at its next retention check. "
          + "Keep the input topic by size: kafka-configs.sh --alter --entity-type topics --entity-name %s "
          + "--add-config retention.ms=-1 (docs/deploy.md)", topic, Duration.ofMillis(retention), retention,
          Instant.ofEpochMilli(oldest), topic));
    }
  }

  /** The topic's {@code retention.ms} (-1: no time limit). */
  private long readRetention() {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config config = admin.describeConfigs(List.of(resource)).all().get(1, TimeUnit.MINUTES).get(resource);
      ConfigEntry entry = config == null ? null : config.get(TopicConfig.RETENTION_MS_CONFIG);
      return entry == null || entry.value() == null ? -1 : Long.parseLong(entry.value());
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the settings of topic " + topic + " (create it first, as "
          + "docs/deploy.md says): " + e.getCause().getMessage(), e);
    } catch (InterruptedException | TimeoutException e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      throw new IllegalStateException("cannot read the settings of topic " + topic + ": " + e, e);
    }
  }

  /** Writes a fetched page as a page record (its bytes in base64) stamped with {@code fetched}. */
  public void page(Page page, Instant fetched) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("url", page.url().isEmpty() && page.file() != null ? "file:" + page.file() : page.url());
    m.put("body", Base64.getEncoder().encodeToString(page.body()));
    page.headers().getOrDefault("content-type", List.of()).stream().findFirst().ifPresent(t -> m.put("content_type", t));
    write(Codec.json(m).getBytes(StandardCharsets.UTF_8), fetched.toEpochMilli(), page.url());
  }

  /** Writes any bytes (a test's bad record, say) stamped with {@code time}. */
  public void raw(byte[] value, long time) {
    write(value, time, "");
  }

  private void write(byte[] value, long time, String key) {
    ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, null, time,
        key.isEmpty() ? null : key.getBytes(StandardCharsets.UTF_8), value);
    r.headers().add(InputRecord.SEQ_HEADER, ByteBuffer.allocate(Long.BYTES).putLong(seq++).array());
    inFlight.add(producer.send(r));
    if (inFlight.size() >= 10_000) {
      try {
        flush();
      } catch (ExecutionException | InterruptedException e) {
        if (e instanceof InterruptedException) Thread.currentThread().interrupt();
        throw new IllegalStateException("cannot write to topic " + topic + ": " + e.getMessage(), e);
      }
    }
  }

  /** Waits until every record written so far is acknowledged; throws if one failed. */
  public void flush() throws ExecutionException, InterruptedException {
    producer.flush();
    for (Future<RecordMetadata> f : inFlight) f.get();
    inFlight.clear();
  }

  @Override
  public void close() throws Exception {
    try {
      flush();
    } finally {
      producer.close();
    }
  }
}
