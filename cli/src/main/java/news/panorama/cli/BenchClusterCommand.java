package news.panorama.cli;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import news.panorama.cluster.StoryGrouper;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.PanoramaConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The grouping step's speed as the archive grows: real articles, analyzed once, are replayed as a
 * long stream (copy k of the corpus re-dated and re-numbered) at a set number of articles per day,
 * and the rate of each slice of the stream is printed, so the last slice (with the whole stream
 * already grouped) is compared with the first in the same process.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = {"Measure story grouping's rate (text analysis and embedding excluded) over a long replayed stream.",
        "Articles from FILE are analyzed once, then fed again and again, re-dated at --per-day articles a day "
            + "and renamed, until --articles have been grouped; prints articles/s per slice and the last slice "
            + "against the first. Articles are embedded once beforehand (unless cluster.embedding-weight is 0), so the "
            + "grouping step compares vectors as it does live."})
final class BenchClusterCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, arity = "1..*", paramLabel = "FILE", description = "Articles as JSON Lines.")
  List<String> in = List.of();

  @Option(names = "--articles", defaultValue = "1000000", paramLabel = "N", description = "Articles to group (default: ${DEFAULT-VALUE}).")
  int articles;

  @Option(names = "--per-day", defaultValue = "20000", paramLabel = "R", description = "Articles published a day in the replayed stream (default: ${DEFAULT-VALUE}).")
  int perDay;

  @Option(names = "--slices", defaultValue = "10", paramLabel = "K", description = "Report the rate in K slices (default: ${DEFAULT-VALUE}).")
  int slices;

  @Mixin ConfigOptions config = new ConfigOptions();

  @Override
  public Integer call() throws IOException {
    PanoramaConfig c = config.load();
    List<Article> corpus = new ArrayList<>();
    for (String f : in) corpus.addAll(Inputs.read(f, "bench cluster"));
    if (corpus.isEmpty() || articles < slices || perDay < 1 || slices < 1) {
      System.err.println("panorama bench cluster: need articles, --articles ≥ --slices ≥ 1 and --per-day ≥ 1");
      return 2;
    }
    List<Annotated> analyzed = Inputs.analyze(new news.panorama.text.MultilingualAnalyzer(), corpus, "analyze");
    List<float[]> vectors = Inputs.embed(c, analyzed);
    StoryGrouper grouper = StoryGrouper.of(c);
    Instant start = Instant.parse("2020-01-01T00:00:00Z");
    long nanosPerArticle = Duration.ofDays(1).toNanos() / perDay;
    int perSlice = articles / slices;
    double first = 0;
    double last = 0;
    int done = 0;
    try (Progress p = new Progress("group", articles)) {
      for (int slice = 0; slice < slices; slice++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < perSlice; i++, done++) {
          int k = done % analyzed.size();
          Annotated a = analyzed.get(k);
          Article re = a.article().withId(done + "-" + a.id()).withPublished(start.plusNanos(done * nanosPerArticle));
          grouper.assign(a.withArticle(re), vectors == null ? null : vectors.get(k));
          grouper.moved();
          p.step();
        }
        double rate = perSlice / ((System.nanoTime() - t0) / 1e9);
        if (slice == 0) first = rate;
        last = rate;
        System.err.printf("%nslice %d: %,d articles grouped before it, %.0f articles/s, %d stories open%n",
            slice + 1, slice * (long) perSlice, rate, grouper.openStories());
      }
    }
    System.out.printf("grouping  first slice %.0f articles/s, last slice %.0f articles/s (%.2fx) with %,d articles "
        + "grouped before it; %d stories open at the end; stream of %,d articles/day, window %s; embeddings %s%n",
        first, last, last / first, (slices - 1) * (long) perSlice, grouper.openStories(), perDay, c.clusterWindow(),
        vectors == null ? "off" : "on (embedded once, not timed)");
    return 0;
  }
}
