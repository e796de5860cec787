package news.panorama.flink;

import java.util.Optional;
import news.panorama.core.Article;
import news.panorama.core.ArticleJson;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Store;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.jspecify.annotations.Nullable;

/**
 * Keyed by article id, before the costly stages, as the single-machine pipeline does before its text
 * stage: an article this job has seen (in its state) with the same content ({@link
 * Article#contentHash()}) is dropped; with other content it goes on as a revision, stored in its
 * story and not grouped again; a different article under an id already taken by another URL (corpora
 * reuse document numbers) gets an id derived from its URL, and is then looked at in the same way
 * under that id (what this key has seen of its URL, else the store): sent twice, or again by a later
 * run, it is not grouped twice.
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
  /** The URL and content hash of the article holding this id. */
  private transient ValueState<String> seen;
  /** The same of the other articles sent under this id, by URL (each goes on under an id of its own). */
  private transient MapState<String, String> others;
  private transient PanoramaConfig config;
  private transient Store store;
  private transient Counter duplicates;

  FirstSight(JobSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext context) {
    seen = getRuntimeContext().getState(new ValueStateDescriptor<>("url-and-content-hash", Types.STRING));
    others = getRuntimeContext().getMapState(new MapStateDescriptor<>("other-urls", Types.STRING, Types.STRING));
    config = settings.config();
    store = Stages.store(config);
    duplicates = getRuntimeContext().getMetricGroup().counter("duplicates");
  }

  @Override
  public void close() {
    if (store != null) Stages.release(config);
  }

  /** How a state remembers an article: its URL and content hash. */
  private interface Remember {
    void put(String urlAndHash) throws Exception;
  }

  @Override
  public void processElement(Item item, Context ctx, Collector<Item> out) throws Exception {
    Article a = item.article();
    String known = seen.value();
    boolean inState = known != null;
    if (!inState) known = stored(a);
    if (known != null && !a.url().isEmpty()) {
      String url = known.substring(0, known.indexOf('\n'));
      if (!url.isEmpty() && !url.equals(a.url())) {
        Article renamed = a.withId(a.id() + "~" + ArticleJson.idForUrl(a.url()).substring(0, 8));
        String other = others.get(a.url());
        boolean otherInState = other != null;
        if (!otherInState) other = stored(renamed);
        decide(Item.of(renamed, item.time, item.seq), a.url(), renamed.contentHash(), other, otherInState,
            v -> others.put(a.url(), v), out);
        return;
      }
    }
    decide(item, a.url(), a.contentHash(), known, inState, seen::update, out);
  }

  /** The URL and content hash of the article the store holds under this article's id or URL; null if none. */
  private @Nullable String stored(Article a) {
    Optional<Store.Known> k = store.find(a.id(), a.url());
    return k.map(x -> store.article(x.id()).map(Article::url).orElse("") + "\n" + x.contentHash()).orElse(null);
  }

  /**
   * New (nothing known): goes on. Known with the same content: dropped when this job has seen it,
   * else goes on marked stored. Known with other content: goes on as a revision.
   */
  private void decide(Item item, String url, String hash, @Nullable String known, boolean inState, Remember remember,
      Collector<Item> out) throws Exception {
    if (known == null) {
      remember.put(url + "\n" + hash);
      out.collect(item);
      return;
    }
    if (known.endsWith("\n" + hash)) {
      if (inState) {
        duplicates.inc();
        return;
      }
      remember.put(known);
      item.stored = true;
      out.collect(item);
      return;
    }
    remember.put(known.substring(0, known.indexOf('\n')) + "\n" + hash);
    item.revision = true;
    out.collect(item);
  }
}
