package news.panorama.flink;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import news.panorama.core.Article;
import news.panorama.core.ArticleJson;
import news.panorama.core.Page;
import news.panorama.pipeline.PublishedOrder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

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
    // numbers keep growing across runs of the writer, so a later run's records come after
    this.seq = System.currentTimeMillis() << 20;
  }

  /** Writes articles in publication order; returns how many. */
  public int articles(List<Article> articles) {
    List<Article> ordered = PublishedOrder.sort(articles);
    long first = ordered.stream().filter(a -> a.published() != null).findFirst()
        .map(a -> a.published().toEpochMilli()).orElse(System.currentTimeMillis());
    long time = first;
    for (Article a : ordered) {
      if (a.published() != null) time = a.published().toEpochMilli();
      write(ArticleJson.write(a).getBytes(StandardCharsets.UTF_8), time, a.id());
    }
    return ordered.size();
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
