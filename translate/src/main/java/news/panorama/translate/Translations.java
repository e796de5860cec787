package news.panorama.translate;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import news.panorama.core.Article;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Translation;
import news.panorama.core.TranslationException;
import news.panorama.core.Translator;
import news.panorama.core.Validate;
import org.jspecify.annotations.Nullable;

/**
 * What pages and commands call to show an article in the reader's language: its title or its text
 * through the configured translator, an article already in the target language as it is, a long
 * text in pieces of at most {@code translate.max-chars} split between paragraphs or sentences.
 * {@link #titleOrGloss} never fails: when the service does, an English reader gets the gloss,
 * labelled as such.
 *
 * <p>Thread-safe; one per process. Closing closes the translator (and its cache).
 */
public final class Translations implements AutoCloseable {
  private final Translator translator;
  private final @Nullable Gloss fallback;
  private final String target;
  private final int maxChars;

  /**
   * @param fallback the gloss used by {@link #titleOrGloss} when {@code translator} fails; null for none
   * @param target ISO 639-1 code of the reader's language
   * @param maxChars most characters sent to the translator at once
   */
  public Translations(Translator translator, @Nullable Gloss fallback, String target, int maxChars) {
    Validate.isTrue(maxChars >= 100, "translate.max-chars must be at least 100, got " + maxChars);
    this.translator = translator;
    this.fallback = fallback;
    this.target = Validate.notBlank(target, "target language");
    this.maxChars = maxChars;
  }

  /** The configured backend (see {@link Translators#open}), falling back on the gloss when it is a service. */
  public static Translations open(PanoramaConfig config) {
    Translator t = Translators.open(config);
    Gloss fallback = t instanceof Gloss ? null : Translators.gloss(config);
    return new Translations(t, fallback, config.translate().target(), config.translate().maxChars());
  }

  public String backend() {
    return translator.backend();
  }

  public String target() {
    return target;
  }

  /** The translator, for callers that translate other texts (quotes, search queries). */
  public Translator translator() {
    return translator;
  }

  /**
   * The article's title in the target language.
   *
   * @throws TranslationException naming the article and the backend's reason
   */
  public Translation title(Article a) {
    return translate(a, "title", a.title());
  }

  /**
   * The article's text in the target language, paragraphs kept.
   *
   * @throws TranslationException naming the article and the backend's reason
   */
  public Translation text(Article a) {
    return translate(a, "text", a.text());
  }

  /**
   * The title in the target language; when the service fails and the target is English, the gloss
   * (kind {@link Translation.Kind#GLOSS}); when even that is impossible, the title as written,
   * labelled as the original.
   */
  public Translation titleOrGloss(Article a) {
    try {
      return title(a);
    } catch (TranslationException e) {
      if (fallback != null && target.equals(Gloss.ENGLISH)) return fallback.translate(a.title(), a.language(), target);
      return new Translation(a.title(), a.language(), a.language().isEmpty() ? target : a.language(), translator.backend(),
          Translation.Kind.ORIGINAL);
    }
  }

  private Translation translate(Article a, String field, String text) {
    String from = a.language();
    if (from.equals(target) || text.isBlank()) return Translation.original(text, target, translator.backend());
    try {
      List<String> pieces = pieces(text, maxChars);
      if (pieces.size() == 1) return translator.translate(text, from, target);
      StringBuilder out = new StringBuilder(text.length() + text.length() / 4);
      Translation last = null;
      for (String piece : pieces) {
        String separator = piece.substring(piece.length() - trailingBreak(piece));
        Translation t = translator.translate(piece.strip(), from, target);
        out.append(t.text()).append(separator.isEmpty() ? " " : separator);
        last = t;
      }
      return new Translation(out.toString().strip(), last.sourceLanguage(), target, last.backend(), last.kind());
    } catch (TranslationException e) {
      throw new TranslationException(e.backend(), "article '" + a.id() + "', " + field + ": " + e.reason(), e);
    }
  }

  private static int trailingBreak(String s) {
    int n = 0;
    while (n < s.length() && Character.isWhitespace(s.charAt(s.length() - 1 - n))) n++;
    return n;
  }

  /**
   * The text in consecutive pieces of at most {@code maxChars}, cut after a paragraph where one
   * fits, else after a sentence, else after a word; the pieces joined give the text back.
   */
  static List<String> pieces(String text, int maxChars) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (text.length() - start > maxChars) {
      int limit = start + maxChars;
      int cut = text.lastIndexOf("\n\n", limit - 2);
      if (cut > start) {
        cut += 2;
      } else {
        cut = sentenceBefore(text, start, limit);
        if (cut <= start) {
          cut = text.lastIndexOf(' ', limit - 1) + 1;
          if (cut <= start) cut = limit;
        }
      }
      out.add(text.substring(start, cut));
      start = cut;
    }
    out.add(text.substring(start));
    return out;
  }

  private static int sentenceBefore(String text, int start, int limit) {
    BreakIterator sentences = BreakIterator.getSentenceInstance(ULocale.ROOT);
    sentences.setText(text.substring(start, limit));
    int end = sentences.preceding(limit - start);
    return end == BreakIterator.DONE || end <= 0 ? -1 : start + end;
  }

  @Override
  public void close() {
    translator.close();
    if (fallback != null) fallback.close();
  }
}
