package news.panorama.flink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import news.panorama.cli.Main;
import news.panorama.core.Article;
import news.panorama.core.JsonLines;
import news.panorama.core.Sample;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** What the job's tests share: the corpus, the single-machine result, a MiniCluster, reading a topic. */
final class JobHarness {
  private JobHarness() {}

  /** Articles resampled from the seed sample when the shared data is absent. */
  static final int RESAMPLED = 1200;

  /**
   * ECB+ (772 articles) where the shared data is present, else {@link #RESAMPLED} articles resampled
   * from the bundled seed sample: a stream long enough to interrupt mid-run.
   */
  static List<Article> corpus() throws IOException {
    Path ecb = Path.of("../../shared/data/ecbplus/articles.jsonl");
    if (Files.isRegularFile(ecb)) return JsonLines.readAll(ecb.toString()).articles();
    return resampledSeeds(RESAMPLED);
  }

  /**
   * Articles made of the seed documents' real lines: each takes its title and six lines, drawn with
   * a fixed seed, from one seed document, and its time from it plus a minute per article.
   */
  static List<Article> resampledSeeds(int n) {
    List<Article> seeds = Sample.articles();
    java.util.Random random = new java.util.Random(20251119);
    List<Article> out = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      Article seed = seeds.get(i % seeds.size());
      List<String> lines = java.util.Arrays.stream(seed.text().split("\n+")).filter(l -> !l.isBlank()).toList();
      StringBuilder text = new StringBuilder();
      for (int k = 0; k < 6; k++) text.append(lines.get(random.nextInt(lines.size()))).append("\n\n");
      java.time.Instant time = seed.published() == null ? null : seed.published().plusSeconds(60L * i);
      out.add(Article.of("resampled-" + i, "https://example.org/resampled/" + i, seed.source(), seed.country(),
          seed.language(), time, seed.title(), text.toString().strip()));
    }
    return out;
  }

  static Path write(Path dir, String name, List<Article> articles) throws IOException {
    Path file = dir.resolve(name);
    try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Article a : articles) JsonLines.write(w, a);
    }
    return file;
  }

  /**
   * Each article's story as the single-machine {@code panorama cluster} command writes it, given
   * the job's settings {@code set} (its data folder aside: the command has its own).
   */
  static Map<String, String> singleMachineStories(Path corpus, Path dir, Map<String, String> set) throws IOException {
    Path out = dir.resolve("cluster.tsv");
    List<String> args = new ArrayList<>(List.of("cluster", "--in", corpus.toString(), "--out", out.toString(),
        "--data", dir.resolve("cli-data").toString()));
    set.forEach((key, value) -> {
      if (!key.equals("data.dir")) args.addAll(List.of("--set", key + "=" + value));
    });
    int code = Main.run(args.toArray(String[]::new));
    if (code != 0) throw new IllegalStateException("panorama cluster exited with " + code);
    Map<String, String> storyOf = new LinkedHashMap<>();
    for (String line : Files.readAllLines(out)) {
      String[] f = line.split("\t");
      storyOf.put(f[0], f[1]);
    }
    return storyOf;
  }

  static MiniCluster miniCluster(int taskManagers, int slots) throws Exception {
    Configuration config = new Configuration();
    config.set(RestOptions.BIND_PORT, "0"); // any free port: two clusters in one class, other builds on the machine
    MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(config)
        .setNumTaskManagers(taskManagers).setNumSlotsPerTaskManager(slots).build());
    cluster.start();
    return cluster;
  }

  static JobClient submit(MiniCluster cluster, JobSettings settings) throws Exception {
    TestStreamEnvironment env = new TestStreamEnvironment(cluster, PanoramaJob.configuration(settings),
        settings.parallelism(), List.of(), List.of());
    PanoramaJob.build(env, settings);
    return env.executeAsync("panorama");
  }

  /** Every committed record of a topic now (read_committed), as text, in partition then offset order. */
  static List<String> readCommitted(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<String> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      for (PartitionInfo i : c.partitionsFor(topic)) parts.add(new TopicPartition(topic, i.partition()));
      parts.sort(java.util.Comparator.comparingInt(TopicPartition::partition));
      for (TopicPartition tp : parts) {
        c.assign(List.of(tp));
        c.seekToBeginning(List.of(tp));
        long end = c.endOffsets(List.of(tp)).get(tp);
        while (c.position(tp) < end) {
          for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
            out.add(new String(r.value(), StandardCharsets.UTF_8));
          }
        }
      }
    }
    return out;
  }

  static List<Change> updates(String bootstrap, String topic) {
    return readCommitted(bootstrap, topic).stream().map(Change::fromJson).toList();
  }
}
