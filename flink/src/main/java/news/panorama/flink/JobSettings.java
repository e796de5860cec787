package news.panorama.flink;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Validate;
import org.jspecify.annotations.Nullable;

/**
 * Everything the job needs, validated when built and shipped to every task: the Kafka topics, the
 * Flink knobs and Panorama's own settings ({@code --set key=value}, read again on each task manager
 * with its environment, as {@link PanoramaConfig#load} reads them).
 *
 * @param bootstrap Kafka's bootstrap servers, {@code host:port[,host:port…]}
 * @param input the topic of pages or interchange articles
 * @param updates the topic the story updates go to (exactly once)
 * @param deadLetters the topic refused records go to, each with its reason
 * @param parallelism of every operator but grouping, which is one ordered task
 * @param checkpointInterval how often state is checkpointed and Kafka transactions commit
 * @param checkpointDir where checkpoints go ({@code file:///…}, {@code s3://…}); null keeps Flink's setting
 * @param maxDelay how late (in event time) an article may arrive and still be grouped in order
 * @param idleTimeout after how long a partition without records stops holding the watermark back (in a
 *     job that runs on; a bounded one waits for every partition, each of which ends)
 * @param maxWait how long (wall-clock time, from its arrival at grouping) an article waits for the
 *     watermark in a job that runs on (not {@code bounded}); then it is grouped anyway, with every
 *     article waiting at or before its event time, in order (see {@link StoryAssigner})
 * @param maxRecordBytes records larger than this go to the dead-letter topic unread
 * @param snapshotEvery the grouping state is written whole to Flink state every so many articles
 *     (between two such writes the articles since the last one are kept and replayed on restore)
 * @param bounded stop at the input's end offsets at start (a backfill, the tests) instead of running on
 * @param settings Panorama settings, as {@code --set} takes them
 */
public record JobSettings(String bootstrap, String input, String updates, String deadLetters, String groupId,
    int parallelism, Duration checkpointInterval, @Nullable String checkpointDir, Duration maxDelay,
    Duration idleTimeout, Duration maxWait, int maxRecordBytes, int snapshotEvery, boolean bounded, Map<String, String> settings)
    implements Serializable {

  /** Records over 16 MB are refused: pages are capped at 10 MB by replay, and JSON adds a third for base64. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 16 << 20;
  /** An article waits at most this long for the watermark (a live stream that pauses still moves on). */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(2);

  public JobSettings {
    Validate.notBlank(bootstrap, "Kafka bootstrap servers (--bootstrap)");
    Validate.notBlank(input, "input topic");
    Validate.notBlank(updates, "story-updates topic");
    Validate.notBlank(deadLetters, "dead-letter topic");
    Validate.isTrue(parallelism >= 1, "parallelism must be at least 1, got " + parallelism);
    Validate.isTrue(!checkpointInterval.isNegative() && checkpointInterval.toMillis() >= 10,
        "checkpoint interval must be at least 10 ms, got " + checkpointInterval);
    Validate.isTrue(!maxDelay.isNegative(), "max delay must not be negative, got " + maxDelay);
    Validate.isTrue(maxWait.toMillis() >= 1, "max wait must be at least 1 ms, got " + maxWait);
    Validate.isTrue(maxRecordBytes > InputRecord.EXCERPT_BYTES, "max record bytes must be over " + InputRecord.EXCERPT_BYTES);
    Validate.isTrue(snapshotEvery >= 1, "snapshot interval must be at least 1 article, got " + snapshotEvery);
    settings = Map.copyOf(settings);
    config(settings); // a bad setting fails here, on the client, with its sentence
  }

  /** Defaults for the topics and knobs, reading {@code input} from {@code bootstrap}. */
  public static JobSettings of(String bootstrap, String input, Map<String, String> settings) {
    return new JobSettings(bootstrap, input, input + ".stories", input + ".dead", "panorama-flink", 1,
        Duration.ofSeconds(10), null, Duration.ofMinutes(10), Duration.ofSeconds(30), DEFAULT_MAX_WAIT, DEFAULT_MAX_RECORD_BYTES,
        1000, false, settings);
  }

  public JobSettings withParallelism(int p) {
    return with(k -> k.parallelism = p);
  }

  public JobSettings withCheckpoints(Duration interval, @Nullable String dir) {
    return with(k -> {
      k.checkpointInterval = interval;
      k.checkpointDir = dir;
    });
  }

  public JobSettings withWatermarks(Duration delay, Duration idle) {
    return with(k -> {
      k.maxDelay = delay;
      k.idleTimeout = idle;
    });
  }

  /** How long an article may wait for the watermark before it is grouped anyway (jobs that run on). */
  public JobSettings withMaxWait(Duration wait) {
    return with(k -> k.maxWait = wait);
  }

  public JobSettings withMaxRecordBytes(int bytes) {
    return with(k -> k.maxRecordBytes = bytes);
  }

  public JobSettings withSnapshotEvery(int articles) {
    return with(k -> k.snapshotEvery = articles);
  }

  public JobSettings bounded(boolean stopAtEnd) {
    return with(k -> k.bounded = stopAtEnd);
  }

  /** A copy with some of the job's knobs changed (validated again, as any settings are). */
  private JobSettings with(Consumer<Knobs> change) {
    Knobs k = new Knobs(this);
    change.accept(k);
    return new JobSettings(bootstrap, input, updates, deadLetters, groupId, k.parallelism, k.checkpointInterval,
        k.checkpointDir, k.maxDelay, k.idleTimeout, k.maxWait, k.maxRecordBytes, k.snapshotEvery, k.bounded, settings);
  }

  /** The knobs the withers change, copied from settings to be changed and built into new ones. */
  private static final class Knobs {
    int parallelism;
    Duration checkpointInterval;
    @Nullable String checkpointDir;
    Duration maxDelay;
    Duration idleTimeout;
    Duration maxWait;
    int maxRecordBytes;
    int snapshotEvery;
    boolean bounded;

    Knobs(JobSettings s) {
      parallelism = s.parallelism;
      checkpointInterval = s.checkpointInterval;
      checkpointDir = s.checkpointDir;
      maxDelay = s.maxDelay;
      idleTimeout = s.idleTimeout;
      maxWait = s.maxWait;
      maxRecordBytes = s.maxRecordBytes;
      snapshotEvery = s.snapshotEvery;
      bounded = s.bounded;
    }
  }

  /** Panorama's configuration from these settings and this process's environment. */
  PanoramaConfig config() {
    return config(settings);
  }

  private static PanoramaConfig config(Map<String, String> settings) {
    return PanoramaConfig.load(null, System.getenv(), settings);
  }
}
