package news.panorama.flink;

import java.util.List;
import news.panorama.brief.ExtractiveBriefer;
import news.panorama.core.Annotated;
import news.panorama.core.Briefer;
import news.panorama.core.Briefing;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Store;
import news.panorama.llm.RewritingBriefer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by story id: a story due for a briefing is briefed ({@link Briefer#brief}, the briefing stage
 * the pipeline uses) from its stored articles once the watermark passes the article that made it
 * due, so the articles of one watermark step cost one briefing; the briefing is saved through the
 * store and announced on the story-updates topic. Runs at the job's parallelism.
 */
final class Briefings extends KeyedProcessFunction<String, Change, Change> {
  private static final long serialVersionUID = 1L;
  private final JobSettings settings;
  private transient ValueState<Boolean> pending;
  private transient PanoramaConfig config;
  private transient Store store;
  private transient Briefer briefer;

  Briefings(JobSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext context) {
    pending = getRuntimeContext().getState(new ValueStateDescriptor<>("briefing-pending", Types.BOOLEAN));
    config = settings.config();
    store = Stages.store(config);
    briefer = RewritingBriefer.of(config, new ExtractiveBriefer());
  }

  @Override
  public void close() {
    if (store != null) Stages.release(config);
  }

  @Override
  public void processElement(Change due, Context ctx, Collector<Change> out) throws Exception {
    if (Boolean.TRUE.equals(pending.value())) return;
    pending.update(true);
    ctx.timerService().registerEventTimeTimer(due.time);
  }

  @Override
  public void onTimer(long time, OnTimerContext ctx, Collector<Change> out) throws Exception {
    pending.clear();
    String story = ctx.getCurrentKey();
    List<Annotated> articles = store.annotated(story);
    if (articles.isEmpty()) return; // merged into another story meanwhile
    Briefing b = briefer.brief(story, articles, config.briefWords());
    store.saveBriefing(b);
    Change c = Change.due(story, time);
    c.kind = Change.Kind.BRIEFED;
    c.headline = b.headline();
    c.articles = articles.size();
    out.collect(c);
  }
}
