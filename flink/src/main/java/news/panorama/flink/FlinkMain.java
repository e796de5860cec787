package news.panorama.flink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import news.panorama.cluster.StoryGrouper;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Page;
import news.panorama.core.PanoramaConfig;
import news.panorama.ingest.Replay;
import news.panorama.pipeline.Pipeline;
import news.panorama.store.JdbcStore;
import news.panorama.text.MultilingualAnalyzer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code panorama flink}: the scale-out job's own command line, a separate entry point so that the
 * default build and {@code panorama} need no Flink ({@code ./panorama flink …} builds this module
 * and runs this class).
 */
@Command(name = "panorama flink", mixinStandardHelpOptions = true,
    description = "Run Panorama's stages as an Apache Flink job fed by Apache Kafka (see docs/deploy.md).",
    subcommands = {FlinkMain.Run.class, FlinkMain.Local.class, FlinkMain.Produce.class, FlinkMain.Bench.class,
        CommandLine.HelpCommand.class})
public final class FlinkMain implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    CommandLine cl = new CommandLine(new FlinkMain());
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof IllegalArgumentException) {
        line.getErr().println("panorama flink: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    System.exit(cl.execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options every job-running command shares. */
  static class JobOptions {
    @Option(names = "--topic", defaultValue = "panorama.pages", description = "Input topic (default: ${DEFAULT-VALUE}); "
        + "story updates go to TOPIC.stories, dead letters to TOPIC.dead.")
    String topic = "panorama.pages";

    @Option(names = {"-p", "--parallelism"}, defaultValue = "1", description = "Parallelism of every step but grouping (default: ${DEFAULT-VALUE}).")
    int parallelism = 1;

    @Option(names = "--checkpoint-interval", defaultValue = "PT10S", description = "Checkpoint (and Kafka commit) interval, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval = Duration.ofSeconds(10);

    @Option(names = "--checkpoint-dir", description = "Checkpoint storage URI, e.g. s3://bucket/panorama or file:///var/panorama/checkpoints.")
    @Nullable String checkpointDir;

    @Option(names = "--max-delay", defaultValue = "PT10M", description = "How late an article may arrive and still be grouped in event-time order (default: ${DEFAULT-VALUE}).")
    Duration maxDelay = Duration.ofMinutes(10);

    @Option(names = "--max-wait", defaultValue = "PT2M", description = "How long an article waits for the watermark "
        + "(wall-clock time) before it is grouped anyway, with every waiting article of the same or an earlier event "
        + "time, in order; only in a job that runs on (default: ${DEFAULT-VALUE}).")
    Duration maxWait = JobSettings.DEFAULT_MAX_WAIT;

    @Option(names = "--max-record-bytes", description = "Records over this size go to the dead-letter topic (default: 16 MiB).")
    int maxRecordBytes = JobSettings.DEFAULT_MAX_RECORD_BYTES;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE", description = "A Panorama setting, e.g. --set store.jdbc-url=jdbc:postgresql://db/panorama.")
    Map<String, String> settings = new LinkedHashMap<>();

    JobSettings settings(String bootstrap, Duration idle) {
      return JobSettings.of(bootstrap, topic, settings).withParallelism(parallelism)
          .withCheckpoints(checkpointInterval, checkpointDir).withWatermarks(maxDelay, idle).withMaxWait(maxWait)
          .withMaxRecordBytes(maxRecordBytes);
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Submit the job to a running Flink cluster, reading the input topic of a Kafka cluster.")
  static final class Run extends JobOptions implements Callable<Integer> {
    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrap = "";

    @Option(names = "--jobmanager", defaultValue = "localhost:8081", paramLabel = "HOST:PORT",
        description = "The Flink cluster's REST endpoint (default: ${DEFAULT-VALUE}).")
    String jobManager = "localhost:8081";

    @Override
    public Integer call() throws Exception {
      JobSettings s = settings(bootstrap, Duration.ofSeconds(30));
      String[] hostPort = jobManager.split(":", 2);
      if (hostPort.length != 2) throw new IllegalArgumentException("--jobmanager must be HOST:PORT, got " + jobManager);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(hostPort[0],
          Integer.parseInt(hostPort[1]), PanoramaJob.configuration(s), shippedJars());
      PanoramaJob.build(env, s);
      JobClient job = env.executeAsync("panorama");
      System.out.println("submitted job " + job.getJobID() + " to " + jobManager + ": " + s.input() + " → "
          + s.updates() + " (dead letters: " + s.deadLetters() + ")");
      return 0;
    }

    /** This module's jar and its libraries, without Flink's own (the cluster has them). */
    private static String[] shippedJars() throws IOException {
      Path self = Path.of(FlinkMain.class.getProtectionDomain().getCodeSource().getLocation().getPath());
      List<String> jars = new ArrayList<>(List.of(self.toString()));
      Path lib = self.resolveSibling("lib");
      if (Files.isDirectory(lib)) {
        try (Stream<Path> files = Files.list(lib)) {
          files.map(Path::toString).filter(f -> f.endsWith(".jar"))
              .filter(f -> { String n = Path.of(f).getFileName().toString(); return !n.startsWith("flink-") || n.startsWith("flink-connector"); })
              .sorted().forEach(jars::add);
        }
      }
      return jars.toArray(String[]::new);
    }
  }

  @Command(name = "local", mixinStandardHelpOptions = true,
      description = {"Try the job on one machine: an embedded Kafka broker (KRaft) and Flink's MiniCluster; the inputs "
          + "are written to the topic (articles in publication order), the job runs to their end and prints a summary.",
          "Stored articles and briefings go to the data folder's store, as with `panorama start`."})
  static final class Local extends JobOptions implements Callable<Integer> {
    @Option(names = "--from", required = true, arity = "1..*", paramLabel = "PATH",
        description = "JSON Lines, HTML pages, WARC files or folders of them.")
    List<Path> from = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      Path work = Files.createTempDirectory("panorama-flink-");
      try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"))) {
        JobSettings s = settings(kafka.bootstrap(), Duration.ofSeconds(1)).bounded(true);
        if (s.checkpointDir() == null) s = s.withCheckpoints(s.checkpointInterval(), work.resolve("checkpoints").toUri().toString());
        Report r = LocalRun.run(kafka, s, from);
        System.out.println(r);
        return r.assigned() > 0 ? 0 : 1;
      }
    }
  }

  @Command(name = "produce", mixinStandardHelpOptions = true,
      description = {"Write a corpus into the input topic: articles (JSON Lines) in publication order, each stamped with its "
          + "event time and numbered, pages (HTML, WARC) as page records. How a backfill is replayed (docs/deploy.md)."})
  static final class Produce implements Callable<Integer> {
    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrap = "";

    @Option(names = "--topic", defaultValue = "panorama.pages", description = "Input topic (default: ${DEFAULT-VALUE}).")
    String topic = "panorama.pages";

    @Option(names = "--from", required = true, arity = "1..*", paramLabel = "PATH", description = "Files or folders.")
    List<Path> from = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      try (TopicWriter w = new TopicWriter(bootstrap, topic)) {
        int[] n = LocalRun.write(w, from);
        System.out.printf("wrote %d articles and %d pages to %s%n", n[0], n[1], topic);
        return n[0] + n[1] > 0 ? 0 : 1;
      }
    }
  }

  @Command(name = "bench", mixinStandardHelpOptions = true,
      description = {"Throughput of the job on MiniCluster + embedded Kafka at each parallelism, against the single-machine "
          + "pipeline on the same input in this process; and the per-article cost and state size of grouping, "
          + "the one serial step (figures for docs/benchmarks.md)."})
  static final class Bench implements Callable<Integer> {
    @Option(names = "--in", required = true, arity = "1..*", paramLabel = "FILE", description = "JSON Lines corpora.")
    List<Path> in = new ArrayList<>();

    @Option(names = "--parallelism", split = ",", defaultValue = "1,2", description = "Parallelisms to run (default: ${DEFAULT-VALUE}).")
    List<Integer> parallelism = List.of(1, 2);

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE", description = "A Panorama setting for every run.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
      List<Article> articles = new ArrayList<>();
      for (Path p : in) articles.addAll(news.panorama.core.JsonLines.readAll(p.toString()).articles());
      Path work = Files.createTempDirectory("panorama-flink-bench-");
      System.out.printf(Locale.ROOT, "input: %d articles, %d cores%n", articles.size(), Runtime.getRuntime().availableProcessors());

      Map<String, String> base = new LinkedHashMap<>(settings);
      base.put("data.dir", work.resolve("pipeline").toString());
      PanoramaConfig config = PanoramaConfig.load(null, System.getenv(), base);
      Files.createDirectories(config.dataDir());
      long t = System.nanoTime();
      try (JdbcStore store = JdbcStore.open(config.jdbcUrl()); Pipeline pipeline = Pipeline.create(config, store)) {
        List<Article> ordered = news.panorama.pipeline.PublishedOrder.sort(articles);
        for (int from = 0; from < ordered.size(); from += 512) {
          pipeline.acceptAll(ordered.subList(from, Math.min(ordered.size(), from + 512)));
          pipeline.flush();
        }
      }
      double pipelineSeconds = (System.nanoTime() - t) / 1e9;
      System.out.printf(Locale.ROOT, "single-machine pipeline: %.1f s, %.1f articles/s%n", pipelineSeconds, articles.size() / pipelineSeconds);

      try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"))) {
        for (int p : parallelism) {
          Path dir = work.resolve("job-" + p);
          Map<String, String> set = new LinkedHashMap<>(settings);
          set.put("data.dir", dir.resolve("data").toString());
          JobSettings s = JobSettings.of(kafka.bootstrap(), "bench-p" + p, set).withParallelism(p)
              .withCheckpoints(Duration.ofSeconds(5), dir.resolve("checkpoints").toUri().toString()).bounded(true);
          Report r = LocalRun.run(kafka, s, in);
          System.out.printf(Locale.ROOT, "flink job, parallelism %d: %s; %.2f× the pipeline%n", p, r,
              r.perSecond() / (articles.size() / pipelineSeconds));
        }
      }

      List<Annotated> annotated = articles.parallelStream().map(new MultilingualAnalyzer()::analyze).toList();
      StoryGrouper grouper = StoryGrouper.of(config);
      for (int round = 0; round < 2; round++) { // the first round warms the JIT
        grouper = StoryGrouper.of(config);
        t = System.nanoTime();
        for (Annotated a : news.panorama.pipeline.PublishedOrder.sort(articles).stream()
            .map(a -> annotated.get(articles.indexOf(a))).toList()) {
          grouper.assign(a);
          grouper.moved();
        }
      }
      double groupMicros = (System.nanoTime() - t) / 1e3 / articles.size();
      t = System.nanoTime();
      byte[] snapshot = Codec.snapshot(grouper);
      double snapshotMillis = (System.nanoTime() - t) / 1e6;
      System.out.printf(Locale.ROOT, "grouping alone (text features): %.0f µs/article; grouper state %d bytes "
          + "(%.0f bytes/article, %d stories open), written in %.1f ms%n", groupMicros, snapshot.length,
          (double) snapshot.length / articles.size(), grouper.openStories(), snapshotMillis);
      return 0;
    }
  }

  /**
   * What a local run did.
   *
   * @param storedBefore articles the data folder's store held before the run (an earlier run's: not grouped again)
   */
  record Report(int written, int assigned, int stories, int briefings, int deadLetters, double seconds, long storedBefore) {
    double perSecond() {
      return assigned / seconds;
    }

    @Override
    public String toString() {
      String summary = String.format(Locale.ROOT, "%d records in, %d articles assigned to %d stories, %d briefings, "
          + "%d dead letters, %.1f s, %.1f articles/s", written, assigned, stories, briefings, deadLetters, seconds, perSecond());
      return storedBefore == 0 ? summary : summary + String.format(Locale.ROOT, "%nthe store already held %d articles "
          + "(an earlier run's): those among the records were not grouped again; a fresh --data folder groups them all",
          storedBefore);
    }
  }

  /** Runs the job on a MiniCluster over an embedded broker, with progress on stderr. */
  static final class LocalRun {
    private LocalRun() {}

    static int[] write(TopicWriter w, List<Path> inputs) throws Exception {
      List<Article> articles = new ArrayList<>();
      int[] pages = {0};
      Instant now = Instant.now();
      Replay.replay(inputs, Map.of(), articles::add, (Page page) -> { w.page(page, now); pages[0]++; },
          problem -> System.err.println("panorama flink: skipped " + problem));
      int n = w.articles(articles);
      w.flush();
      return new int[] {n, pages[0]};
    }

    static Report run(EmbeddedKafka kafka, JobSettings s, List<Path> inputs) throws Exception {
      long storedBefore;
      Files.createDirectories(s.config().dataDir());
      try (JdbcStore store = JdbcStore.open(s.config().jdbcUrl())) {
        storedBefore = store.articleCount();
      }
      kafka.createTopics(Map.of(s.input(), Math.max(1, s.parallelism()), s.updates(), Math.max(1, s.parallelism()), s.deadLetters(), 1));
      int written;
      try (TopicWriter w = new TopicWriter(kafka.bootstrap(), s.input())) {
        int[] n = write(w, inputs);
        written = n[0] + n[1];
      }
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(s.parallelism(), PanoramaJob.configuration(s));
      PanoramaJob.build(env, s);
      long t = System.nanoTime();
      JobClient job = env.executeAsync("panorama");
      Counts counts = new Counts();
      try (KafkaConsumer<byte[], byte[]> updates = consumer(kafka.bootstrap(), s.updates());
          KafkaConsumer<byte[], byte[]> dead = consumer(kafka.bootstrap(), s.deadLetters())) {
        var result = job.getJobExecutionResult();
        long lastPrint = 0;
        while (!result.isDone()) {
          counts.add(updates.poll(Duration.ofMillis(500)));
          counts.deadLetters += dead.poll(Duration.ofMillis(10)).count();
          if (System.nanoTime() - lastPrint > 5e9) {
            lastPrint = System.nanoTime();
            System.err.printf(Locale.ROOT, "flink: %d/%d assigned, %d dead letters, %.0f s%n", counts.assigned, written,
                counts.deadLetters, (lastPrint - t) / 1e9);
          }
        }
        result.get();
        double seconds = (System.nanoTime() - t) / 1e9;
        for (int quiet = 0; quiet < 3; ) {
          int before = counts.assigned + counts.briefings + counts.deadLetters;
          counts.add(updates.poll(Duration.ofMillis(300)));
          counts.deadLetters += dead.poll(Duration.ofMillis(50)).count();
          quiet = counts.assigned + counts.briefings + counts.deadLetters == before ? quiet + 1 : 0;
        }
        return new Report(written, counts.assigned, counts.storyOf.values().stream().distinct().toList().size(),
            counts.briefings, counts.deadLetters, seconds, storedBefore);
      }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String topic) {
      Properties p = new Properties();
      p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
      KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
      List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      return c;
    }

    private static final class Counts {
      final Map<String, String> storyOf = new LinkedHashMap<>();
      int assigned;
      int briefings;
      int deadLetters;

      void add(Iterable<ConsumerRecord<byte[], byte[]>> records) {
        for (ConsumerRecord<byte[], byte[]> r : records) {
          Change c = Change.fromJson(new String(r.value(), StandardCharsets.UTF_8));
          switch (c.kind) {
            case ASSIGNED -> { assigned++; storyOf.put(c.article, c.story); }
            case MOVED -> storyOf.put(c.article, c.story);
            case BRIEFED -> briefings++;
            default -> { }
          }
        }
      }
    }
  }

}
