package news.panorama.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Story;
import news.panorama.server.WebServer;
import news.panorama.store.JdbcStore;
import news.panorama.store.LuceneIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The web server under a steady load on loopback: an open-loop generator sends requests at a fixed
 * rate whatever the answers' speed (latency is counted from when each request was due, so a slow
 * server cannot hide its queue), over the top stories' pages and API answers of a stored archive,
 * and prints p50/p99 and errors per kind of request. The baseline, in the same process and at the
 * same rate, is {@code /healthz}, which touches nothing.
 */
@Command(name = "web", mixinStandardHelpOptions = true,
    description = {"Serve the archive in the data folder on loopback and load it at a fixed rate: story pages, "
        + "the stories API and a story's API answer; print p50/p99 latency and errors against /healthz at the same rate.",
        "Run it on an archive filled by `panorama start --once --from FILES` (not while `panorama start` serves it)."})
final class BenchWebCommand implements Callable<Integer> {
  @Option(names = "--rate", defaultValue = "200", paramLabel = "N", description = "Requests per second (default: ${DEFAULT-VALUE}).")
  int rate = 200;

  @Option(names = "--seconds", defaultValue = "30", paramLabel = "S", description = "Seconds of load per phase (default: ${DEFAULT-VALUE}).")
  int seconds = 30;

  @Option(names = "--stories", defaultValue = "50", paramLabel = "N", description = "Top stories whose pages are requested (default: ${DEFAULT-VALUE}).")
  int stories = 50;

  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() throws Exception {
    if (rate < 1 || seconds < 1 || stories < 1) throw new IllegalArgumentException("bench web needs --rate, --seconds and --stories >= 1");
    PanoramaConfig config = options.load();
    try (JdbcStore store = Stores.open(config); LuceneIndex index = Stores.index(config);
        WebServer server = WebServer.start(store, index, "127.0.0.1", 0, () -> "", Clock.systemUTC())) {
      List<Story> top = store.topStories(stories);
      if (top.isEmpty()) {
        System.err.println("panorama bench web: no story is stored in " + config.dataDir()
            + "; fill it first, e.g. panorama start --once --from FILE");
        return 1;
      }
      Map<String, List<String>> kinds = new LinkedHashMap<>();
      kinds.put("story page", top.stream().map(s -> "stories/" + encode(s.id())).toList());
      kinds.put("API story", top.stream().map(s -> "api/v1/stories/" + encode(s.id())).toList());
      kinds.put("API top stories", List.of("api/v1/stories", "api/v1/stories?limit=10&offset=10"));
      System.out.printf(Locale.ROOT, "Web benchmark: %d stories (%d articles) in %s; %d requests/s for %d s per phase; "
          + "%d cores, Java %s.%n", store.storyCount(), store.articleCount(), config.dataDir(), rate, seconds,
          Runtime.getRuntime().availableProcessors(), Runtime.version());
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
      load(http, server.url(), Map.of("warm-up", List.of("healthz")), Math.max(1, seconds / 3), false);
      load(http, server.url(), kinds, Math.max(1, seconds / 3), false); // warm the JIT and the caches
      Map<String, Result> baseline = load(http, server.url(), Map.of("/healthz (baseline)", List.of("healthz")), seconds, true);
      Map<String, Result> measured = load(http, server.url(), kinds, seconds, true);
      Result b = baseline.values().iterator().next();
      double base = b.p99();
      System.out.printf(Locale.ROOT, "  %-16s %6d requests  p50 %6.1f ms  p99 %6.1f ms  errors %d%n", "/healthz (baseline)",
          b.count(), b.p50(), b.p99(), b.errors());
      boolean met = true;
      int errors = 0;
      for (Map.Entry<String, Result> e : measured.entrySet()) {
        met &= e.getValue().p99() < 50;
        errors += e.getValue().errors();
        System.out.printf(Locale.ROOT, "  %-16s %6d requests  p50 %6.1f ms  p99 %6.1f ms  (%.1f× the baseline's p99)  errors %d%n",
            e.getKey(), e.getValue().count(), e.getValue().p50(), e.getValue().p99(), e.getValue().p99() / base, e.getValue().errors());
      }
      System.out.printf(Locale.ROOT, "  goal: p99 < 50 ms at %d requests/s with zero errors: %s%n", rate,
          met && errors == 0 ? "met" : "not met");
      return 0;
    }
  }

  record Result(int count, double p50, double p99, int errors) {}

  /**
   * Sends {@code rate} requests a second for {@code seconds}, cycling through the kinds' paths, and
   * returns each kind's latencies, counted from when each request was due.
   */
  private Map<String, Result> load(HttpClient http, String base, Map<String, List<String>> kinds, int seconds, boolean show)
      throws InterruptedException {
    List<String[]> plan = new ArrayList<>();
    int longest = kinds.values().stream().mapToInt(List::size).max().orElse(1);
    for (int i = 0; i < longest; i++) {
      for (Map.Entry<String, List<String>> k : kinds.entrySet()) {
        plan.add(new String[] {k.getKey(), k.getValue().get(i % k.getValue().size())});
      }
    }
    int total = rate * seconds;
    Map<String, ConcurrentLinkedQueue<Double>> latencies = new LinkedHashMap<>();
    Map<String, AtomicInteger> errors = new LinkedHashMap<>();
    kinds.keySet().forEach(k -> {
      latencies.put(k, new ConcurrentLinkedQueue<>());
      errors.put(k, new AtomicInteger());
    });
    CountDownLatch done = new CountDownLatch(total);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    long start = System.nanoTime();
    long periodNanos = 1_000_000_000L / rate;
    AtomicInteger sent = new AtomicInteger();
    try (Progress progress = show ? new Progress("load " + String.join(", ", kinds.keySet()), total) : null) {
      ticker.scheduleAtFixedRate(() -> {
        // catch up on every request that fell due since the last tick: the rate holds even when a tick is late
        long due = (System.nanoTime() - start) / periodNanos + 1;
        while (sent.get() < Math.min(due, total)) {
          int n = sent.getAndIncrement();
          String[] step = plan.get(n % plan.size());
          long intended = start + n * periodNanos;
          http.sendAsync(HttpRequest.newBuilder(URI.create(base + step[1])).timeout(Duration.ofSeconds(10)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .whenComplete((r, e) -> {
                latencies.get(step[0]).add((System.nanoTime() - intended) / 1e6);
                if (e != null || r.statusCode() >= 400) errors.get(step[0]).incrementAndGet();
                if (progress != null) progress.step();
                done.countDown();
              });
        }
      }, 0, Math.max(1, periodNanos / 2), TimeUnit.NANOSECONDS);
      if (!done.await(seconds + 60L, TimeUnit.SECONDS)) {
        System.err.println("panorama bench web: " + done.getCount() + " requests had no answer a minute after the load ended");
      }
    } finally {
      ticker.shutdownNow();
    }
    Map<String, Result> out = new LinkedHashMap<>();
    latencies.forEach((kind, queue) -> {
      double[] ms = queue.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      out.put(kind, new Result(ms.length, percentile(ms, 0.50), percentile(ms, 0.99), errors.get(kind).get()));
    });
    return out;
  }

  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) return Double.NaN;
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static String encode(String id) {
    return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }
}
