package news.panorama.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.panorama.core.Article;
import news.panorama.core.ArticleJson;
import news.panorama.core.Extractor;
import news.panorama.core.Outcome;
import news.panorama.core.Page;
import news.panorama.core.Source;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * Turns an HTML page into a clean article: metadata from JSON-LD, OpenGraph, Twitter cards, meta
 * tags, microdata and {@code <time>} ({@link Metadata}, {@link LeadImage}); the body from the DOM
 * ({@link MainText}: the container whose blocks weigh most as prose, without furniture, captions
 * and link lists). Bytes are decoded as {@link Charsets} decides. {@link #extractFull} gives the
 * whole {@link Extraction}; {@link #extract} gives the interchange {@link Article}, with the fields it
 * does not model in {@link Article#extra()} under the {@code EXTRA_*} keys.
 *
 * <p>Stateless and safe to share across threads; one call parses the page once. Pages larger than
 * {@link #MAX_BYTES} are cut to that size, with a problem saying so. Malformed HTML is parsed as
 * browsers do; a page without article text gives an empty outcome saying "no article found".
 */
public final class HtmlExtractor implements Extractor {
  /** The largest body read, in bytes; the rest of a larger page is ignored. */
  public static final int MAX_BYTES = 10_000_000;
  /** Text of at least this many characters with {@link #MIN_SENTENCES} sentences is an article. */
  static final int MIN_TEXT_LENGTH = 200;
  static final int MIN_SENTENCES = 2;
  /** Text this long is an article even without sentence punctuation (Thai, for one, has none). */
  static final int LONG_TEXT_LENGTH = 600;

  /** {@link Article#extra()} keys; each is present only when the page gives a value. */
  public static final String EXTRA_SUBTITLE = "subtitle";
  public static final String EXTRA_PUBLISHED_TIME = "published_time";
  public static final String EXTRA_MODIFIED_TIME = "modified_time";
  public static final String EXTRA_SITE_NAME = "site_name";
  public static final String EXTRA_CANONICAL_URL = "canonical_url";
  public static final String EXTRA_IMAGE_CAPTION = "image_caption";
  public static final String EXTRA_IMAGE_CREDIT = "image_credit";

  private static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？।؟۔](\\s|$|[\"'”’»)])");

  public HtmlExtractor() {}

  @Override
  public Outcome<Article> extract(Page page) {
    Outcome<Extraction> full = extractFull(page);
    Extraction x = full.value();
    if (x == null) return new Outcome<>(null, full.problems());
    return Outcome.of(toArticle(page, x), full.problems());
  }

  /** The page's full extraction, or the reason there is none ("no article found on …"). */
  public Outcome<Extraction> extractFull(Page page) {
    String where = !page.url().isBlank() ? page.url() : page.file() != null ? page.file() : "an unnamed page";
    List<String> problems = new ArrayList<>();
    byte[] body = page.body();
    if (body.length > MAX_BYTES) {
      problems.add(where + " is " + body.length + " bytes, over the limit of " + MAX_BYTES
          + "; only the first " + MAX_BYTES + " were read");
      body = Arrays.copyOf(body, MAX_BYTES);
    }
    Charsets.Decision charset = Charsets.decide(body, page.headers());
    Document doc = parse(body, charset.charset(), charset.skip(), page.url());
    Source source = page.source();
    Metadata meta = Metadata.read(doc, source == null ? "" : source.name(),
        header(page.headers(), "content-language"));
    List<Block> blocks = MainText.of(doc.body(), meta.subtitle());
    String text = join(blocks);
    if (!isArticleText(text) && isArticleText(meta.articleBody())) {
      // the DOM hides the text (rendered by scripts), the structured data has it
      blocks = paragraphs(meta.articleBody());
      text = join(blocks);
    }
    String title = !meta.title().isBlank() ? meta.title()
        : page.feedTitle() != null ? page.feedTitle().strip() : "";
    if (!isArticleText(text)) {
      problems.add(0, "no article found on " + where + (text.isEmpty() ? ": no prose on the page"
          : ": the prose found is only " + text.codePointCount(0, text.length()) + " characters"));
      return new Outcome<>(null, problems);
    }
    return Outcome.of(new Extraction(title, meta.subtitle(), meta.authors(), meta.published(),
        meta.modified(), meta.language(), meta.siteName(), meta.canonical(), meta.image(), blocks), problems);
  }

  private static Article toArticle(Page page, Extraction x) {
    String url = !x.canonicalUrl().isEmpty() ? x.canonicalUrl() : page.url();
    String text = x.text();
    String id = !url.isBlank() ? ArticleJson.idForUrl(url)
        : page.file() != null ? ArticleJson.idForUrl("file:" + page.file())
        : ArticleJson.idForUrl("text:" + text);
    Source source = page.source();
    String sourceName = source != null && !source.name().isBlank() ? source.name()
        : !x.siteName().isEmpty() ? x.siteName() : Metadata.host(page.url());
    String language = !x.language().isEmpty() ? x.language()
        : source != null && !source.languages().isEmpty() ? source.languages().get(0) : "";
    Map<String, Object> extra = new LinkedHashMap<>();
    put(extra, EXTRA_SUBTITLE, x.subtitle());
    if (x.published() != null) put(extra, EXTRA_PUBLISHED_TIME, x.published().toString());
    if (x.modified() != null) put(extra, EXTRA_MODIFIED_TIME, x.modified().toString());
    put(extra, EXTRA_SITE_NAME, x.siteName());
    put(extra, EXTRA_CANONICAL_URL, x.canonicalUrl());
    if (x.image() != null) {
      put(extra, EXTRA_IMAGE_CAPTION, x.image().caption());
      put(extra, EXTRA_IMAGE_CREDIT, x.image().credit());
    }
    return new Article(id, url, sourceName, source == null ? "" : source.country(), language,
        x.published() != null ? x.published().toInstant() : page.feedPublished(), x.title(), text,
        x.authors(), x.image() == null ? null : x.image().url(), null, page.file(), extra);
  }

  private static void put(Map<String, Object> extra, String key, String value) {
    if (!value.isBlank()) extra.put(key, value);
  }

  private static String join(List<Block> blocks) {
    StringBuilder sb = new StringBuilder();
    for (Block b : blocks) {
      if (!sb.isEmpty()) sb.append("\n\n");
      sb.append(b.text());
    }
    return sb.toString();
  }

  /** Structured-data body text as paragraphs: split at line breaks. */
  private static List<Block> paragraphs(String text) {
    List<Block> out = new ArrayList<>();
    for (String line : text.split("\\s*\\n\\s*")) {
      if (!line.isBlank()) out.add(new Block(Block.Kind.PARAGRAPH, line.strip()));
    }
    return out;
  }

  /**
   * Whether text is long enough, and sentence-like enough, to be an article rather than furniture.
   * Length is weighted: an ideograph or kana counts as two characters, as it carries about a word.
   */
  static boolean isArticleText(String text) {
    int length = text.codePointCount(0, text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x3040 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF) length++;
    }
    if (length >= LONG_TEXT_LENGTH) return true;
    if (length < MIN_TEXT_LENGTH) return false;
    Matcher m = SENTENCE_END.matcher(text);
    int sentences = 0;
    while (m.find() && sentences < MIN_SENTENCES) sentences++;
    return sentences >= MIN_SENTENCES;
  }

  private static Document parse(byte[] body, Charset charset, int skip, String baseUri) {
    try {
      return Jsoup.parse(new ByteArrayInputStream(body, skip, body.length - skip), charset.name(), baseUri);
    } catch (IOException e) {
      // reading from memory does not fail
      throw new UncheckedIOException(e);
    }
  }

  private static @Nullable String header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return e.getValue().get(0);
    }
    return null;
  }
}
