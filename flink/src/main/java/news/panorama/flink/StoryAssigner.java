package news.panorama.flink;

import java.util.ArrayList;
import java.util.List;
import news.panorama.cluster.StoryGrouper;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Store;
import news.panorama.core.StoryAssignment;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.jspecify.annotations.Nullable;

/**
 * Story assignment: the grouping stage ({@link StoryGrouper}, the same as {@code panorama cluster}
 * and the pipeline use) as one ordered keyed task. Articles wait in keyed state until the watermark
 * passes their event time, then are grouped in the order {@code panorama cluster} uses (event time,
 * then input position), so the stories are the single-machine ones. An article behind the watermark
 * (later than the allowed delay) is grouped at once, in arrival order: it still joins its story when
 * that story is open, and the {@code late} counter says how many came so.
 *
 * <p><b>State.</b> The grouper itself is written whole (Java serialization, {@link Codec#snapshot})
 * into keyed state every {@link JobSettings#snapshotEvery()} articles, and the articles grouped since
 * are kept in a list beside it; on restore the grouper is read back and those articles are grouped
 * again (same state, same order: same decisions, whose outputs were already committed). With the
 * RocksDB state backend both live in RocksDB and go into every checkpoint. A fresh job over a store
 * that already holds articles first replays them into the grouper, as {@code Pipeline.warmUp} does.
 */
final class StoryAssigner extends KeyedProcessFunction<Integer, Item, Change> {
  private static final long serialVersionUID = 1L;
  /** The one key: grouping is one decision over the whole stream. */
  static final int KEY = 0;

  private final JobSettings settings;
  private transient MapState<Long, List<Item>> waiting;
  private transient ValueState<byte[]> snapshot;
  private transient ListState<Item> sinceSnapshot;
  private transient @Nullable StoryGrouper grouper;
  private transient int sinceSnapshotCount;
  private transient PanoramaConfig config;
  private transient Counter late;
  private transient Counter grouped;

  StoryAssigner(JobSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext context) {
    TypeInformation<Item> item = TypeInformation.of(Item.class);
    waiting = getRuntimeContext().getMapState(new MapStateDescriptor<>("waiting-by-event-time", Types.LONG, Types.LIST(item)));
    snapshot = getRuntimeContext().getState(new ValueStateDescriptor<>("grouper", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    sinceSnapshot = getRuntimeContext().getListState(new ListStateDescriptor<>("grouped-since-snapshot", item));
    config = settings.config();
    late = getRuntimeContext().getMetricGroup().counter("late");
    grouped = getRuntimeContext().getMetricGroup().counter("grouped");
    grouper = null; // rebuilt from state on the first call that has the key
  }

  @Override
  public void processElement(Item item, Context ctx, Collector<Change> out) throws Exception {
    StoryGrouper g = grouper();
    if (item.time <= ctx.timerService().currentWatermark()) {
      late.inc();
      place(g, item, out);
      return;
    }
    List<Item> at = waiting.get(item.time);
    List<Item> list = at == null ? new ArrayList<>() : new ArrayList<>(at);
    list.add(item);
    waiting.put(item.time, list);
    ctx.timerService().registerEventTimeTimer(item.time);
  }

  @Override
  public void onTimer(long time, OnTimerContext ctx, Collector<Change> out) throws Exception {
    StoryGrouper g = grouper();
    List<Item> due = waiting.get(time);
    if (due == null) return;
    waiting.remove(time);
    List<Item> ordered = new ArrayList<>(due);
    ordered.sort(Item.ORDER);
    for (Item item : ordered) place(g, item, out);
  }

  private void place(StoryGrouper g, Item item, Collector<Change> out) throws Exception {
    if (item.revision) {
      Change c = Change.of(Change.Kind.REVISED, new StoryAssignment(item.id, "", false, 1.0), item.time);
      c.annotated = item.annotated;
      c.embedding = item.embedding;
      out.collect(c);
      return;
    }
    StoryAssignment s = g.assign(item.annotated(), item.embedding);
    List<StoryAssignment> moved = g.moved();
    Change c = Change.of(Change.Kind.ASSIGNED, s, item.time);
    c.annotated = item.annotated;
    c.embedding = item.embedding;
    out.collect(c);
    for (StoryAssignment m : moved) out.collect(Change.of(Change.Kind.MOVED, m, item.time));
    grouped.inc();
    if (++sinceSnapshotCount >= settings.snapshotEvery()) {
      writeSnapshot(g);
    } else {
      sinceSnapshot.add(item);
    }
  }

  private void writeSnapshot(StoryGrouper g) throws Exception {
    snapshot.update(Codec.snapshot(g));
    sinceSnapshot.clear();
    sinceSnapshotCount = 0;
  }

  /** The grouper in memory, rebuilt from state (or from the store, for a fresh job) after a start or a restore. */
  private StoryGrouper grouper() throws Exception {
    if (grouper != null) return grouper;
    byte[] bytes = snapshot.value();
    StoryGrouper g;
    if (bytes != null) {
      g = Codec.grouper(bytes);
    } else {
      g = StoryGrouper.of(config);
      warmUp(g);
      writeSnapshot(g); // from now on a restore starts from state, never from the store again
    }
    sinceSnapshotCount = 0;
    Iterable<Item> replay = sinceSnapshot.get();
    if (replay != null) {
      for (Item item : replay) {
        g.assign(item.annotated(), item.embedding);
        g.moved();
        sinceSnapshotCount++;
      }
    }
    grouper = g;
    return g;
  }

  /** Replays the stored assignments into a new grouper, in publication order; returns how many. */
  private long warmUp(StoryGrouper g) {
    Store store = Stages.store(config);
    try {
      long[] n = {0};
      store.forEachAssigned(a -> {
        boolean sameModel = a.embedding() != null && a.embedding().model().equals(config.embedModel());
        g.restore(a.article(), sameModel ? a.embedding().values() : null, a.storyId());
        n[0]++;
      });
      return n[0];
    } finally {
      Stages.release(config);
    }
  }
}
