package news.panorama.flink;

import java.util.List;
import java.util.Optional;
import news.panorama.core.Annotated;
import news.panorama.core.Embedding;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Store;
import news.panorama.core.StoryAssignment;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.jspecify.annotations.Nullable;

/**
 * Keyed by article id: writes grouping's decisions through the storage stage ({@link Store#save},
 * {@link Store#reassign}), which is idempotent (an article is stored once per id or URL and its
 * content hash), so the records a restore replays change nothing. Passes each change on, light,
 * once it is stored (for the story-updates topic), and says which story is due for a briefing.
 * Runs at the job's parallelism; the changes of one article arrive in order from the one grouping task.
 */
final class StoreWriter extends KeyedProcessFunction<String, Change, Change> {
  private static final long serialVersionUID = 1L;
  /** Stories that gained, lost or changed an article, for the briefing operator. */
  static final OutputTag<Change> DUE = new OutputTag<>("stories-due") {};
  private final JobSettings settings;
  private transient PanoramaConfig config;
  private transient Store store;

  StoreWriter(JobSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext context) {
    config = settings.config();
    store = Stages.store(config);
  }

  @Override
  public void close() {
    if (store != null) Stages.release(config);
  }

  @Override
  public void processElement(Change c, Context ctx, Collector<Change> out) throws Exception {
    switch (c.kind) {
      case ASSIGNED -> {
        try {
          store.save(annotated(c), new StoryAssignment(c.article, c.story, c.created, c.similarity), embedding(c));
        } catch (IllegalArgumentException e) {
          ctx.output(Intake.DEAD_LETTERS, Intake.deadLetter(c.article, e.getMessage()));
          return;
        }
        out.collect(c.light());
        ctx.output(DUE, Change.due(c.story, c.time));
      }
      case MOVED -> {
        store.reassign(List.of(new StoryAssignment(c.article, c.story, false, c.similarity)));
        out.collect(c.light());
        ctx.output(DUE, Change.due(c.story, c.time));
      }
      case REVISED -> {
        Annotated a = annotated(c);
        Optional<Store.Known> stored = store.find(a.id(), a.article().url());
        if (stored.isEmpty()) {
          ctx.output(Intake.DEAD_LETTERS, Intake.deadLetter(c.article, "a revision of an article that is not stored"));
          return;
        }
        try {
          if (store.save(a, new StoryAssignment(stored.get().id(), stored.get().storyId(), false, 1.0), embedding(c))
              != Store.Saved.REVISED) return;
        } catch (IllegalArgumentException e) {
          ctx.output(Intake.DEAD_LETTERS, Intake.deadLetter(c.article, e.getMessage()));
          return;
        }
        c.story = stored.get().storyId();
        out.collect(c.light());
        ctx.output(DUE, Change.due(c.story, c.time));
      }
      default -> throw new IllegalStateException("the store is not given " + c.kind + " changes");
    }
  }

  private static Annotated annotated(Change c) {
    return Codec.annotated(c.annotated, c.article);
  }

  private @Nullable Embedding embedding(Change c) {
    return c.embedding == null ? null : Embedding.of(config.embedModel(), c.embedding);
  }
}
