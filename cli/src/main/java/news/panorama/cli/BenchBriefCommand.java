package news.panorama.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import news.panorama.brief.ExtractiveBriefer;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Briefing;
import news.panorama.core.PanoramaConfig;
import news.panorama.text.MultilingualAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How long writing one large story's briefing takes (overview, world's take, timeline, quotes,
 * agreements, differences), against the text analysis of the same articles on one thread in the
 * same process: the briefing is redone each time a story changes, so it must stay small beside
 * the work every article costs anyway.
 */
@Command(name = "brief", mixinStandardHelpOptions = true,
    description = {"Brief the first N articles of a corpus as one story and print the time per briefing "
        + "(median and worst of --runs, after a warm-up) against analysing the same articles on one thread."})
final class BenchBriefCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, paramLabel = "FILE|-", description = "Articles as JSON Lines (- for stdin).")
  String in = "";

  @Option(names = "--articles", defaultValue = "200", paramLabel = "N", description = "Story size (default: ${DEFAULT-VALUE}).")
  int articles = 200;

  @Option(names = "--runs", defaultValue = "7", paramLabel = "N", description = "Timed briefings (default: ${DEFAULT-VALUE}).")
  int runs = 7;

  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() throws IOException {
    if (articles < 1 || runs < 1) throw new IllegalArgumentException("bench brief needs --articles >= 1 and --runs >= 1");
    PanoramaConfig config = options.load();
    List<Article> read = Inputs.read(in, "bench brief");
    if (read.isEmpty()) {
      System.err.println("panorama bench brief: no readable article in " + in);
      return 1;
    }
    List<Article> story = read.subList(0, Math.min(articles, read.size()));
    MultilingualAnalyzer analyzer = new MultilingualAnalyzer();
    story.subList(0, Math.min(10, story.size())).forEach(analyzer::analyze); // warm-up
    long t0 = System.nanoTime();
    List<Annotated> annotated = new ArrayList<>(story.size());
    try (Progress p = new Progress("analyze", story.size())) {
      for (Article a : story) {
        annotated.add(analyzer.analyze(a));
        p.step();
      }
    }
    double analysisMs = (System.nanoTime() - t0) / 1e6;

    ExtractiveBriefer briefer = new ExtractiveBriefer();
    int words = config.briefWords();
    for (int i = 0; i < 2; i++) briefer.brief("bench", annotated, words);
    double[] ms = new double[runs];
    Briefing last = null;
    for (int i = 0; i < runs; i++) {
      long s = System.nanoTime();
      last = briefer.brief("bench", annotated, words);
      ms[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(ms);
    double median = ms[runs / 2];
    int sentences = annotated.stream().mapToInt(a -> a.sentences().size()).sum();
    System.out.printf(Locale.ROOT, "Briefing benchmark: %d articles (%d sentences) from %s as one story, %d words; "
            + "%d cores, Java %s.%n", story.size(), sentences, in, words, Runtime.getRuntime().availableProcessors(), Runtime.version());
    System.out.printf(Locale.ROOT, "  briefing: median %.0f ms, worst %.0f ms over %d runs   goal < 1000 ms (%s)%n",
        median, ms[runs - 1], runs, ms[runs - 1] < 1000 ? "met" : "not met");
    System.out.printf(Locale.ROOT, "  baseline, text analysis of the same articles on one thread: %.0f ms; briefing = %.2f of it%n",
        analysisMs, median / analysisMs);
    var s = last.sections();
    System.out.printf(Locale.ROOT, "  produced: %d bullets, %d countries, %d timeline events, %d quotes, %d agreements, %d differences%n",
        last.overview().size(), s.countries().size(), s.timeline().size(), s.quotes().size(), s.agreements().size(),
        s.differences().size());
    return 0;
  }
}
