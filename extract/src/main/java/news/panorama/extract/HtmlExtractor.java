package news.panorama.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
 * Turns an HTML page into a clean article: metadata from the head and JSON-LD, body text from the
 * densest block of paragraphs once menus, banners, share bars and comment forms are removed (see
 * {@link Boilerplate} for the rules). Stateless and safe to share across threads; one call parses
 * the page once, twice when the strict rules leave no article and the lenient ones are tried.
 * Pages larger than {@link #MAX_BYTES} are cut to that size, with a problem saying so.
 */
public final class HtmlExtractor implements Extractor {
  /** The largest body read, in bytes; the rest of a larger page is ignored. */
  public static final int MAX_BYTES = 10_000_000;
  /** Text of at least this many characters with {@link #MIN_SENTENCES} sentences is an article. */
  static final int MIN_TEXT_LENGTH = 200;
  static final int MIN_SENTENCES = 2;
  /** Text this long is an article even without sentence punctuation (Thai, for one, has none). */
  static final int LONG_TEXT_LENGTH = 600;

  private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([^\"';\\s]+)");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？।؟۔](\\s|$|[\"'”’»)])");

  public HtmlExtractor() {}

  @Override
  public Outcome<Article> extract(Page page) {
    String where = !page.url().isBlank() ? page.url() : page.file() != null ? page.file() : "an unnamed page";
    List<String> problems = new ArrayList<>();
    byte[] body = page.body();
    if (body.length > MAX_BYTES) {
      problems.add(where + " is " + body.length + " bytes, over the limit of " + MAX_BYTES
          + "; only the first " + MAX_BYTES + " were read");
      body = Arrays.copyOf(body, MAX_BYTES);
    }
    String charset = headerCharset(page.headers());
    Document doc;
    try {
      doc = parse(body, charset, page.url());
    } catch (IOException e) {
      return Outcome.failed("cannot parse " + where + ": " + e.getMessage());
    }
    Source source = page.source();
    Metadata meta = Metadata.read(doc, source == null ? "" : source.name(),
        header(page.headers(), "content-language"));

    String text = MainText.of(doc, Boilerplate::isFurniture);
    if (!isArticleText(text)) {
      try {
        String lenient = MainText.of(parse(body, charset, page.url()), Boilerplate.FURNITURE_TAGS);
        if (isArticleText(lenient)) text = lenient;
      } catch (IOException e) {
        // the first parse succeeded on the same bytes; nothing more to learn here
      }
    }
    String title = !meta.title().isBlank() ? meta.title()
        : page.feedTitle() != null ? page.feedTitle().strip() : "";
    if (title.isEmpty() || !isArticleText(text)) {
      return Outcome.failed("no article text found on " + where);
    }

    String url = !meta.canonical().isEmpty() ? meta.canonical() : page.url();
    String id = !url.isBlank() ? ArticleJson.idForUrl(url)
        : page.file() != null ? ArticleJson.idForUrl("file:" + page.file())
        : ArticleJson.idForUrl("text:" + text);
    String sourceName = source != null && !source.name().isBlank() ? source.name()
        : !meta.siteName().isEmpty() ? meta.siteName() : Metadata.host(page.url());
    String language = !meta.language().isEmpty() ? meta.language()
        : source != null && !source.languages().isEmpty() ? source.languages().get(0) : "";
    Article article = new Article(id, url, sourceName, source == null ? "" : source.country(),
        language, meta.published() != null ? meta.published() : page.feedPublished(), title, text,
        meta.authors(), meta.image(), null, page.file(), Map.of());
    return Outcome.of(article, problems);
  }

  /** Whether text is long enough, and sentence-like enough, to be an article rather than furniture. */
  static boolean isArticleText(String text) {
    int length = text.codePointCount(0, text.length());
    if (length >= LONG_TEXT_LENGTH) return true;
    if (length < MIN_TEXT_LENGTH) return false;
    Matcher m = SENTENCE_END.matcher(text);
    int sentences = 0;
    while (m.find() && sentences < MIN_SENTENCES) sentences++;
    return sentences >= MIN_SENTENCES;
  }

  private static Document parse(byte[] body, @Nullable String charset, String baseUri) throws IOException {
    // with a null charset jsoup uses the byte-order mark, then <meta charset>, then UTF-8
    return Jsoup.parse(new ByteArrayInputStream(body), charset, baseUri);
  }

  /** The charset named by the Content-Type header, when the JVM supports it. */
  static @Nullable String headerCharset(Map<String, List<String>> headers) {
    String type = header(headers, "content-type");
    if (type == null) return null;
    Matcher m = CHARSET.matcher(type);
    if (!m.find()) return null;
    String name = m.group(1);
    try {
      return Charset.isSupported(name) ? name : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static @Nullable String header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }
}
