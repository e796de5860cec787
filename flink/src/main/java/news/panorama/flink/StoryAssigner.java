package news.panorama.flink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
import org.apache.flink.streaming.api.TimeDomain;
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
 * <p><b>Bounded wait.</b> A live stream trickles and pauses, and the watermark only moves when later
 * articles arrive, so in a job that runs on (not {@link JobSettings#bounded()}) no article waits for
 * it longer than {@link JobSettings#maxWait()} of wall-clock time from its arrival here: a
 * processing-time timer then releases it together with every waiting article of the same or an
 * earlier event time, in the same order (event time, then input position), and articles that arrive
 * later for an event time so released are grouped at once, as late ones. A bounded job (a backfill,
 * the equivalence test) never uses the fallback: the end of its input releases everything in order.
 *
 * <p><b>Stored articles.</b> An article {@link FirstSight} found in the store but not in its state
 * ({@link Item#stored}) is dropped as a duplicate when a fresh job warmed the grouper up with it
 * (an earlier run stored it); otherwise this job stored it after the checkpoint it was restored
 * from, and it is grouped again, as the killed run grouped it.
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
  /** When the first article of each waiting event time arrived here (processing time), for the bounded wait. */
  private transient MapState<Long, Long> arrived;
  /** The event time up to which the bounded wait has released articles (late behind it, as behind the watermark). */
  private transient ValueState<Long> releasedThrough;
  /** The ids a fresh job's grouper was warmed up with from the store. */
  private transient MapState<String, Boolean> storedBefore;
  private transient ValueState<byte[]> snapshot;
  private transient ListState<Item> sinceSnapshot;
  private transient @Nullable StoryGrouper grouper;
  private transient int sinceSnapshotCount;
  private transient PanoramaConfig config;
  private transient Counter late;
  private transient Counter grouped;
  private transient Counter duplicates;
  private transient Counter waitedOut;

  StoryAssigner(JobSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext context) {
    TypeInformation<Item> item = TypeInformation.of(Item.class);
    waiting = getRuntimeContext().getMapState(new MapStateDescriptor<>("waiting-by-event-time", Types.LONG, Types.LIST(item)));
    snapshot = getRuntimeContext().getState(new ValueStateDescriptor<>("grouper", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    sinceSnapshot = getRuntimeContext().getListState(new ListStateDescriptor<>("grouped-since-snapshot", item));
    arrived = getRuntimeContext().getMapState(new MapStateDescriptor<>("first-arrival-by-event-time", Types.LONG, Types.LONG));
    releasedThrough = getRuntimeContext().getState(new ValueStateDescriptor<>("released-through", Types.LONG));
    storedBefore = getRuntimeContext().getMapState(new MapStateDescriptor<>("stored-before-start", Types.STRING, Types.BOOLEAN));
    config = settings.config();
    late = getRuntimeContext().getMetricGroup().counter("late");
    grouped = getRuntimeContext().getMetricGroup().counter("grouped");
    duplicates = getRuntimeContext().getMetricGroup().counter("duplicates");
    waitedOut = getRuntimeContext().getMetricGroup().counter("waited-out");
    grouper = null; // rebuilt from state on the first call that has the key
  }

  @Override
  public void processElement(Item item, Context ctx, Collector<Change> out) throws Exception {
    StoryGrouper g = grouper();
    if (item.stored && storedBefore.contains(item.id)) {
      duplicates.inc();
      return;
    }
    Long released = releasedThrough.value();
    if (item.time <= Math.max(ctx.timerService().currentWatermark(), released == null ? Long.MIN_VALUE : released)) {
      late.inc();
      place(g, item, out);
      return;
    }
    List<Item> at = waiting.get(item.time);
    List<Item> list = at == null ? new ArrayList<>() : new ArrayList<>(at);
    list.add(item);
    waiting.put(item.time, list);
    ctx.timerService().registerEventTimeTimer(item.time);
    if (at == null && !settings.bounded()) {
      long now = ctx.timerService().currentProcessingTime();
      arrived.put(item.time, now);
      long second = 1000; // one timer a second at most, however many event times wait
      ctx.timerService().registerProcessingTimeTimer((now + settings.maxWait().toMillis() + second - 1) / second * second);
    }
  }

  @Override
  public void onTimer(long time, OnTimerContext ctx, Collector<Change> out) throws Exception {
    StoryGrouper g = grouper();
    if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
      release(g, time, out);
      return;
    }
    // the bounded wait: the latest event time whose first article has waited long enough, and all before it
    long due = Long.MIN_VALUE;
    for (Map.Entry<Long, Long> e : arrived.entries()) {
      if (e.getValue() + settings.maxWait().toMillis() <= time) due = Math.max(due, e.getKey());
    }
    if (due == Long.MIN_VALUE) return;
    List<Long> times = new ArrayList<>();
    for (Long t : waiting.keys()) {
      if (t <= due) times.add(t);
    }
    Collections.sort(times);
    for (long t : times) {
      waitedOut.inc(release(g, t, out));
      ctx.timerService().deleteEventTimeTimer(t);
    }
    Long released = releasedThrough.value();
    if (released == null || released < due) releasedThrough.update(due);
  }

  /** Groups the articles waiting at event time {@code time}, by input position; returns how many. */
  private int release(StoryGrouper g, long time, Collector<Change> out) throws Exception {
    List<Item> due = waiting.get(time);
    arrived.remove(time);
    if (due == null) return 0;
    waiting.remove(time);
    List<Item> ordered = new ArrayList<>(due);
    ordered.sort(Item.ORDER);
    for (Item item : ordered) place(g, item, out);
    return ordered.size();
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
  private long warmUp(StoryGrouper g) throws Exception {
    Store store = Stages.store(config);
    try {
      List<String> ids = new ArrayList<>();
      store.forEachAssigned(a -> {
        boolean sameModel = a.embedding() != null && a.embedding().model().equals(config.embedModel());
        g.restore(a.article(), sameModel ? a.embedding().values() : null, a.storyId());
        ids.add(a.article().id());
      });
      for (String id : ids) storedBefore.put(id, true);
      return ids.size();
    } finally {
      Stages.release(config);
    }
  }
}
