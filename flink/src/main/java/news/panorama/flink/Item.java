package news.panorama.flink;

import java.util.Comparator;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.ArticleJson;
import org.jspecify.annotations.Nullable;

/**
 * One article on its way to grouping: as interchange JSON, then as the text stage's annotation,
 * with its event time and its position in the input. A Flink POJO (public fields, a no-argument
 * constructor) so that Flink serializes it without Kryo.
 */
public final class Item {
  /** The order grouping sees articles in: event time, then input position, then id. */
  static final Comparator<Item> ORDER = Comparator.<Item>comparingLong(i -> i.time)
      .thenComparingLong(i -> i.seq).thenComparing(i -> i.id);

  public String id = "";
  /** Event time, epoch milliseconds: the publication time, else the record's (fetch or replay) time. */
  public long time;
  /** Position in the input: the producer's sequence header, else derived from partition and offset. */
  public long seq;
  /** The article as an interchange line, until it is analyzed. */
  public @Nullable String article;
  /** The text stage's annotation (JSON), once analyzed. */
  public @Nullable String annotated;
  /** The sentence embedding, when the configuration groups with one and the model reads the language. */
  public float @Nullable [] embedding;
  /** Already stored (or seen) with other content: stored as a revision in its story, not grouped again. */
  public boolean revision;
  /**
   * Found in the store with the same content, and not in this job's state: stored by an earlier run,
   * or by this job after the checkpoint it was restored from (grouping tells which).
   */
  public boolean stored;

  public Item() {}

  static Item of(Article a, long time, long seq) {
    Item i = new Item();
    i.id = a.id();
    i.time = time;
    i.seq = seq;
    i.article = ArticleJson.write(a);
    return i;
  }

  Article article() {
    return ArticleJson.parse(java.util.Objects.requireNonNull(article, "item " + id + " carries no article"));
  }

  Annotated annotated() {
    return Codec.annotated(annotated, id);
  }

  Item analyzed(Annotated a, float @Nullable [] vector) {
    Item i = new Item();
    i.id = id;
    i.time = time;
    i.seq = seq;
    i.revision = revision;
    i.stored = stored;
    i.annotated = Codec.json(a);
    i.embedding = vector;
    return i;
  }
}
