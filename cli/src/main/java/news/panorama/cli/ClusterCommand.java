package news.panorama.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import news.panorama.cluster.StoryGrouper;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.JsonLines;
import news.panorama.core.PanoramaConfig;
import news.panorama.pipeline.PublishedOrder;
import news.panorama.core.StoryClusterer;
import news.panorama.text.MultilingualAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Interchange lines → {@code article_id<TAB>story_id}, grouping online in publication order. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = {"Group articles into stories, online, in `published` order (articles without a date "
        + "keep their input order), with the sentence-embedding model when cluster.embedding-weight is above 0 "
        + "(as `panorama start` and `eval clustering` do; --set cluster.embedding-weight=0 groups by words alone).",
        "Writes one line per article: article_id<TAB>story_id."})
final class ClusterCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, paramLabel = "FILE|-", description = "Articles as JSON Lines (- for stdin).")
  String in = "";

  @Option(names = "--out", defaultValue = "-", paramLabel = "FILE|-", description = "Assignments TSV (default: stdout).")
  String out = "-";

  @Mixin ConfigOptions config = new ConfigOptions();

  @Override
  public Integer call() throws IOException {
    PanoramaConfig c = config.load();
    List<Article> articles = PublishedOrder.sort(Inputs.read(in, "cluster"));
    if (articles.isEmpty()) {
      System.err.println("panorama cluster: no readable article in " + in);
      return 1;
    }
    List<Annotated> annotated = Inputs.analyze(new MultilingualAnalyzer(), articles, "analyze");
    List<float[]> embeddings = Inputs.embed(c, annotated);
    StoryClusterer clusterer = StoryGrouper.of(c);
    // stories merge and split as articles arrive: the final story of each article is written at the end
    Map<String, String> storyOf;
    try (Progress p = new Progress("group", annotated.size())) {
      storyOf = StoryClusterer.groupAll(clusterer, annotated, embeddings, p::step);
    }
    try (Writer w = JsonLines.create(out)) {
      for (Map.Entry<String, String> e : storyOf.entrySet()) w.write(e.getKey() + "\t" + e.getValue() + "\n");
      w.flush();
    }
    return 0;
  }
}
