package news.panorama.core;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Turns texts into sentence embeddings: one vector per text, of length {@link #dimensions()} and
 * L2 norm 1, so that the dot product of two vectors is their cosine similarity. Texts that say the
 * same thing in other words get nearby vectors; that is what lets the grouping stage see that two
 * differently worded reports tell one story.
 *
 * <p>Implementations are thread-safe and meant to be shared: one per process and model. They hold
 * a model in native memory and a thread pool, so {@link #close()} them when done. Embedding costs
 * milliseconds of CPU per text; implementations may cache vectors by content.
 */
public interface Embedder extends AutoCloseable {
  /**
   * Characters {@link #textOf(Article)} keeps of an article. About 90 tokens of English, well
   * inside every shipped model's limit (128 tokens for MiniLM, 512 for E5 and BGE): on the ECB+
   * event corpus longer texts cost time in proportion and gave the shipped model no better
   * nearest neighbours (see docs/benchmarks.md, "Embeddings").
   */
  int TEXT_CHARS = 400;

  /** The model's name, as {@code embed.model} and {@code panorama models list} spell it. */
  String model();

  /** Length of every vector. */
  int dimensions();

  /**
   * Whether the model was trained on text in this language (ISO 639-1): an English-only model's
   * vectors for Japanese say little and cost several times more (one token per character), so
   * callers skip texts the model does not read. True for every language by default.
   */
  default boolean reads(String language) {
    return true;
  }

  /**
   * One vector per text, in the order given. A blank text gets the zero vector (similarity 0 with
   * everything) rather than an exception, so one empty article never stops a batch. The returned
   * arrays belong to the caller.
   *
   * @throws IllegalStateException when the model itself fails (broken machinery, not bad input)
   */
  List<float[]> embed(List<String> texts);

  /**
   * Embeds, in one call, the articles whose language this model reads ({@link #textOf} of each);
   * the result keeps the articles' positions, with null for an article that is null or in a language
   * the model does not read.
   */
  default List<float @Nullable []> embedArticles(List<? extends @Nullable Annotated> articles) {
    List<Integer> at = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      Annotated a = articles.get(i);
      if (a == null || !reads(a.language())) continue;
      at.add(i);
      texts.add(textOf(a.article()));
    }
    List<float @Nullable []> out = new ArrayList<>(Collections.nCopies(articles.size(), (float[]) null));
    if (texts.isEmpty()) return out;
    List<float[]> vectors = embed(texts);
    for (int k = 0; k < at.size(); k++) out.set(at.get(k), vectors.get(k));
    return out;
  }

  /** One text; see {@link #embed(List)}. */
  default float[] embed(String text) {
    return embed(List.of(text)).get(0);
  }

  /** Releases the model and the threads. */
  @Override
  void close();

  /**
   * What is embedded for an article: its title, then the first sentences of its text, up to
   * {@link #TEXT_CHARS} characters. A lede carries the who, what, where and when that decide which
   * story an article belongs to; later paragraphs add background shared with other stories.
   */
  static String textOf(Article a) {
    return textOf(a, TEXT_CHARS);
  }

  /**
   * Title plus whole sentences of the text while they fit in {@code maxChars}; a first sentence
   * too long to fit is cut at a word. A text that opens with the title (as many extractors and
   * corpora write it) does not repeat it. Whitespace runs become one space.
   */
  static String textOf(Article a, int maxChars) {
    Validate.isTrue(maxChars > 0, "textOf needs maxChars > 0, got " + maxChars);
    String title = oneLine(a.title());
    String body = a.text().strip();
    if (!title.isEmpty()) body = dropLeading(body, title);
    StringBuilder out = new StringBuilder(Math.min(maxChars, title.length() + body.length() + 1));
    append(out, title, maxChars);
    if (out.length() >= maxChars || body.isEmpty()) return out.toString();
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
    sentences.setText(body);
    boolean any = false;
    for (int start = sentences.first(), end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
      String s = oneLine(body.substring(start, end));
      if (s.isEmpty()) continue;
      int needed = (out.isEmpty() ? 0 : 1) + s.length();
      if (out.length() + needed > maxChars) {
        if (!any) append(out, s, maxChars);
        break;
      }
      if (!out.isEmpty()) out.append(' ');
      out.append(s);
      any = true;
    }
    return out.toString();
  }

  /** Appends as much of {@code s} as fits, cut after a whole word when there is one. */
  private static void append(StringBuilder out, String s, int maxChars) {
    if (s.isEmpty()) return;
    int room = maxChars - out.length() - (out.isEmpty() ? 0 : 1);
    if (room <= 0) return;
    if (!out.isEmpty()) out.append(' ');
    if (s.length() <= room) {
      out.append(s);
      return;
    }
    int cut = s.lastIndexOf(' ', room);
    out.append(s, 0, cut > 0 ? cut : room);
  }

  private static String oneLine(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }

  /** The body without a leading copy of the title (compared with whitespace collapsed), else the body. */
  private static String dropLeading(String body, String title) {
    int t = 0;
    int i = 0;
    while (i < body.length() && t < title.length()) {
      char c = body.charAt(i);
      if (Character.isWhitespace(c)) {
        if (t > 0 && title.charAt(t) == ' ') t++;
        i++;
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) i++;
        continue;
      }
      if (c != title.charAt(t)) return body;
      t++;
      i++;
    }
    boolean wholeTitle = t == title.length() && (i == body.length() || !Character.isLetterOrDigit(body.charAt(i)));
    return wholeTitle ? body.substring(i).strip() : body;
  }
}
