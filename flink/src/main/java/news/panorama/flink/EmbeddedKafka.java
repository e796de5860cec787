package news.panorama.flink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A one-node Kafka in this process, in KRaft mode (broker and controller in one, as Kafka's own
 * test kit runs it), on free loopback ports, for {@code panorama flink local} and the tests.
 * Transactions work (the exactly-once sink needs them) with a replication factor of one. Not for
 * production. Kafka's {@code KafkaClusterTestKit} is not used directly: it needs the
 * {@code kafka-clients} test jar, which is not published for 4.4.0.
 */
public final class EmbeddedKafka implements AutoCloseable {
  /** Records up to 32 MB are accepted, so that the job, not the broker, refuses the oversized ones. */
  static final int MAX_MESSAGE_BYTES = 32 << 20;
  /** The broker feature the exactly-once sink needs at level 1 (see docs/deploy.md). */
  public static final String TRANSACTION_VERSION = "transaction.version";
  private final KafkaRaftServer server;
  private final String bootstrap;

  private EmbeddedKafka(KafkaRaftServer server, String bootstrap) {
    this.server = server;
    this.bootstrap = bootstrap;
  }

  /** Formats a new log under {@code dir} and starts the node; returns once it answers requests. */
  public static EmbeddedKafka start(Path dir) throws Exception {
    return start(dir, Map.of());
  }

  /** As {@link #start(Path)}, with broker settings over the defaults (a test's retention checks, say). */
  static EmbeddedKafka start(Path dir, Map<String, String> settings) throws Exception {
    int brokerPort = freePort();
    int controllerPort = freePort();
    String logDir = dir.toAbsolutePath().toString();
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir);
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("num.partitions", "1");
    p.put("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
    p.putAll(settings);
    new Formatter().setNodeId(1).setClusterId(Uuid.randomUuid().toString())
        .setDirectories(List.of(logDir)).setMetadataLogDirectory(logDir)
        .setControllerListenerName("CONTROLLER").setReleaseVersion(MetadataVersion.latestProduction())
        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
        // Flink's Kafka sink resumes a checkpointed transaction by producer id and epoch; the second
        // transaction protocol (KIP-890, Kafka 4's default) bumps the epoch and the commit is fenced
        .setFeatureLevel(TRANSACTION_VERSION, (short) 1)
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream())).run();
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(p), Time.SYSTEM);
    server.startup();
    EmbeddedKafka kafka = new EmbeddedKafka(server, "127.0.0.1:" + brokerPort);
    try (Admin admin = kafka.admin()) {
      admin.describeCluster().nodes().get(); // the broker takes requests
    } catch (Exception e) {
      kafka.close();
      throw e;
    }
    return kafka;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(60).toMillis()));
  }

  public String bootstrap() {
    return bootstrap;
  }

  /**
   * Creates topics with the given numbers of partitions, kept without a time limit: a corpus's
   * records carry their publication time ({@link TopicWriter}), long past, and time retention
   * counts from a record's timestamp, so the broker's next retention check would delete them
   * (docs/deploy.md, "Kafka").
   */
  public void createTopics(Map<String, Integer> partitions) throws Exception {
    try (Admin admin = admin()) {
      List<NewTopic> topics = partitions.entrySet().stream()
          .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1)
              .configs(Map.of("max.message.bytes", String.valueOf(MAX_MESSAGE_BYTES), "retention.ms", "-1")))
          .toList();
      admin.createTopics(topics).all().get();
    }
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }
}
