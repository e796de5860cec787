package news.panorama.flink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The Flink job: the input topic → {@link Intake} (parse, validate, extract pages) → event time and
 * watermarks → {@link FirstSight} (duplicates and revisions, keyed by article id) → {@link Analyze}
 * (text stage, embeddings) → {@link StoryAssigner} (grouping: one ordered keyed task) → {@link
 * StoreWriter} (the store, keyed by article id) → {@link Briefings} (keyed by story) → the
 * story-updates topic, exactly once; refused records from every step → the dead-letter topic.
 * Every step but grouping runs at the job's parallelism.
 */
public final class PanoramaJob {
  private PanoramaJob() {}

  /**
   * The configuration a job environment is created with: RocksDB state, checkpoints to {@code
   * checkpointDir} (when set), unaligned, restarts with a fixed delay, and no Kryo fallback (every
   * record type is a POJO).
   */
  public static Configuration configuration(JobSettings s) {
    Configuration c = new Configuration();
    c.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
    if (s.checkpointDir() != null) {
      c.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      c.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, s.checkpointDir());
    }
    c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 10);
    c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
    c.set(PipelineOptions.GENERIC_TYPES, false);
    // the text stage is slow next to reading Kafka: barriers overtake the queued records, so that
    // checkpoints (and the sink's commits) keep their pace under backpressure
    c.set(CheckpointingOptions.ENABLE_UNALIGNED, true);
    return c;
  }

  /** Adds the job to {@code env}; run it with {@code env.execute("panorama")}. */
  public static void build(StreamExecutionEnvironment env, JobSettings s) {
    env.setParallelism(s.parallelism());
    env.enableCheckpointing(s.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);

    KafkaSourceBuilder<InputRecord> source = KafkaSource.<InputRecord>builder()
        .setBootstrapServers(s.bootstrap())
        .setTopics(s.input())
        .setGroupId(s.groupId())
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(new InputRecord.Deserializer(s.maxRecordBytes()))
        .setProperty("isolation.level", "read_committed");
    if (s.bounded()) source.setBounded(OffsetsInitializer.latest());

    SingleOutputStreamOperator<Item> articles = env
        .fromSource(source.build(), WatermarkStrategy.noWatermarks(), "input topic").uid("input")
        .process(new Intake(s.maxRecordBytes())).name("extract").uid("extract");
    WatermarkStrategy<Item> eventTime = WatermarkStrategy.<Item>forBoundedOutOfOrderness(s.maxDelay())
        .withTimestampAssigner((item, recordTime) -> item.time);
    // a bounded job's partitions all end, and the end releases every waiting article in order; a
    // partition it declared idle (a reader slow to start after a restore, a stall) would instead let
    // the others' watermark pass its articles, which would then be grouped late, out of order
    if (!s.bounded()) eventTime = eventTime.withIdleness(s.idleTimeout());
    SingleOutputStreamOperator<Item> analyzed = articles
        .assignTimestampsAndWatermarks(eventTime)
        .name("event time").uid("event-time")
        .keyBy(item -> item.id)
        .process(new FirstSight(s)).name("first sight").uid("first-sight")
        .process(new Analyze(s)).name("analyze").uid("analyze");
    SingleOutputStreamOperator<Change> assigned = analyzed
        .keyBy(item -> StoryAssigner.KEY)
        .process(new StoryAssigner(s)).name("story assignment").uid("story-assignment")
        .setParallelism(1);
    SingleOutputStreamOperator<Change> stored = assigned
        .keyBy(change -> change.article)
        .process(new StoreWriter(s)).name("store").uid("store");
    SingleOutputStreamOperator<Change> briefed = stored.getSideOutput(StoreWriter.DUE)
        .keyBy(change -> change.story)
        .process(new Briefings(s)).name("briefings").uid("briefings");

    stored.union(briefed).sinkTo(KafkaSink.<Change>builder()
        .setBootstrapServers(s.bootstrap())
        .setRecordSerializer(new UpdateRecords(s.updates()))
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(s.groupId() + "-stories")
        .setProperty("transaction.timeout.ms", String.valueOf(Duration.ofMinutes(15).toMillis()))
        .build()).name("story updates").uid("story-updates");

    DataStream<String> dead = articles.getSideOutput(Intake.DEAD_LETTERS)
        .union(analyzed.getSideOutput(Intake.DEAD_LETTERS), stored.getSideOutput(Intake.DEAD_LETTERS));
    dead.sinkTo(KafkaSink.<String>builder()
        .setBootstrapServers(s.bootstrap())
        .setRecordSerializer(new DeadLetterRecords(s.deadLetters()))
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(s.groupId() + "-dead")
        .setProperty("transaction.timeout.ms", String.valueOf(Duration.ofMinutes(15).toMillis()))
        .build()).name("dead letters").uid("dead-letters");
  }

  /** Story updates keyed by article (by story for a briefing), so one article's updates keep their order. */
  private record UpdateRecords(String topic) implements KafkaRecordSerializationSchema<Change> {
    @Override
    public ProducerRecord<byte[], byte[]> serialize(Change c, KafkaSinkContext context, Long timestamp) {
      String key = c.article.isEmpty() ? c.story : c.article;
      return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), c.toJson().getBytes(StandardCharsets.UTF_8));
    }
  }

  private record DeadLetterRecords(String topic) implements KafkaRecordSerializationSchema<String> {
    @Override
    public ProducerRecord<byte[], byte[]> serialize(String line, KafkaSinkContext context, Long timestamp) {
      return new ProducerRecord<>(topic, line.getBytes(StandardCharsets.UTF_8));
    }
  }
}
