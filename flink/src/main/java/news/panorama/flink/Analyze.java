package news.panorama.flink;

import java.util.List;
import news.panorama.core.Annotated;
import news.panorama.core.Embedder;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.TextAnalyzer;
import news.panorama.embed.Embedders;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.jspecify.annotations.Nullable;

/**
 * The text stage ({@link TextAnalyzer#analyze}) and, unless {@code cluster.embedding-weight} is 0,
 * the embedding stage ({@link Embedder#embedArticles}) on each article. Stateless, so it runs at the
 * job's parallelism: these are the costly stages. An article the text stage fails on becomes a dead
 * letter; when the model fails the article is grouped by its text alone, as in the pipeline.
 */
final class Analyze extends ProcessFunction<Item, Item> {
  private static final long serialVersionUID = 1L;
  private final JobSettings settings;
  private transient TextAnalyzer analyzer;
  private transient @Nullable Embedder embedder;

  Analyze(JobSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext context) {
    PanoramaConfig config = settings.config();
    analyzer = Stages.analyzer();
    embedder = config.clusterEmbeddingWeight() > 0 ? Embedders.open(config) : null;
  }

  @Override
  public void close() {
    if (embedder != null) embedder.close();
  }

  @Override
  public void processElement(Item item, Context ctx, Collector<Item> out) {
    Annotated a;
    try {
      a = analyzer.analyze(item.article());
    } catch (RuntimeException e) {
      ctx.output(Intake.DEAD_LETTERS, Intake.deadLetter(item.id, "the text stage failed: " + e));
      return;
    }
    float[] vector = null;
    if (embedder != null) {
      try {
        vector = embedder.embedArticles(List.of(a)).get(0);
      } catch (RuntimeException e) {
        vector = null; // grouped by text alone, as the pipeline does when the model fails
      }
    }
    out.collect(item.analyzed(a, vector));
  }
}
