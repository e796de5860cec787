package news.panorama.flink;

import java.util.Optional;
import news.panorama.core.Article;
import news.panorama.core.ArticleJson;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Store;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Keyed by article id, before the costly stages, as the single-machine pipeline does before its text
 * stage: an article this job has seen (in its state) with the same content ({@link
 * Article#contentHash()}) is dropped; with other content it goes on as a revision, stored in its
 * story and not grouped again; a different article under an id already taken by another URL (corpora
 * reuse document numbers) gets an id derived from its URL.
 *
 * <p>An article the store holds with the same content but this job's state does not know goes on,
 * marked {@link Item#stored}: the store is written outside Flink's checkpoints, so after a restore it
 * holds the articles stored since the checkpoint, which the restored grouping has not seen and must
 * group again (their updates were in the aborted Kafka transaction). {@link StoryAssigner} drops the
 * ones an earlier run stored (the grouper was warmed up with them).
 */
final class FirstSight extends KeyedProcessFunction<String, Item, Item> {
  private static final long serialVersionUID = 1L;
  private final JobSettings settings;
  private transient ValueState<String> seen;
  private transient PanoramaConfig config;
  private transient Store store;
  private transient Counter duplicates;

  FirstSight(JobSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext context) {
    seen = getRuntimeContext().getState(new ValueStateDescriptor<>("url-and-content-hash", Types.STRING));
    config = settings.config();
    store = Stages.store(config);
    duplicates = getRuntimeContext().getMetricGroup().counter("duplicates");
  }

  @Override
  public void close() {
    if (store != null) Stages.release(config);
  }

  @Override
  public void processElement(Item item, Context ctx, Collector<Item> out) throws Exception {
    Article a = item.article();
    String hash = a.contentHash();
    String known = seen.value();
    boolean inState = known != null;
    if (!inState) {
      Optional<Store.Known> stored = store.find(a.id(), a.url());
      known = stored.map(k -> store.article(k.id()).map(Article::url).orElse("") + "\n" + k.contentHash()).orElse(null);
    }
    if (known == null) {
      seen.update(a.url() + "\n" + hash);
      out.collect(item);
      return;
    }
    String url = known.substring(0, known.indexOf('\n'));
    if (!a.url().isEmpty() && !url.isEmpty() && !url.equals(a.url())) {
      out.collect(Item.of(a.withId(a.id() + "~" + ArticleJson.idForUrl(a.url()).substring(0, 8)), item.time, item.seq));
      return;
    }
    if (known.endsWith("\n" + hash)) {
      if (inState) {
        duplicates.inc();
        return;
      }
      seen.update(known);
      item.stored = true;
      out.collect(item);
      return;
    }
    seen.update(url + "\n" + hash);
    item.revision = true;
    out.collect(item);
  }
}
