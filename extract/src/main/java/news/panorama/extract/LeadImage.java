package news.panorama.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The picture that leads an article: its absolute URL, its caption and its credit (either may be
 * empty). Found from OpenGraph/Twitter/JSON-LD image metadata, then matched to the page's
 * {@code <figure>} to read the caption the body leaves out. Immutable.
 */
public record LeadImage(String url, String caption, String credit) {

  /** The lead image of a page, or null when it declares none and shows no figure. */
  static @Nullable LeadImage find(Document doc, List<JsonNode> ld) {
    String url = "";
    for (String key : List.of("og:image", "og:image:url", "og:image:secure_url", "twitter:image")) {
      Element m = Metadata.metaElement(doc, key);
      if (m == null) continue;
      String abs = m.absUrl("content");
      if (abs.isEmpty()) abs = m.attr("content").strip();
      if (abs.startsWith("http://") || abs.startsWith("https://")) {
        url = abs;
        break;
      }
    }
    String caption = "";
    String credit = "";
    for (JsonNode n : Metadata.articleNodesFirst(ld)) {
      JsonNode img = n.path("image");
      if (img.isArray() && !img.isEmpty()) img = img.get(0);
      if (img.isObject()) {
        if (url.isEmpty()) url = img.path("url").asText("");
        caption = img.path("caption").asText("").strip();
        credit = firstText(img.path("creditText"), img.path("copyrightHolder").path("name"),
            img.path("author").path("name"), img.path("copyrightHolder"));
        break;
      }
      if (url.isEmpty() && img.isTextual()) url = img.asText();
    }
    Element figure = figureOf(doc, url);
    if (figure != null) {
      if (url.isEmpty()) {
        Element img = figure.selectFirst("img[src]");
        if (img != null) url = img.absUrl("src");
      }
      Element creditElement = figure.selectFirst(
          "[class~=(?i)(credit|copyright|photographer|byline|source)], small, cite");
      if (creditElement != null && credit.isEmpty()) credit = creditElement.text().strip();
      Element cap = figure.selectFirst("figcaption, [class~=(?i)caption]");
      if (cap != null && caption.isEmpty()) {
        String text = cap.text().strip();
        if (!credit.isEmpty() && text.endsWith(credit)) text = text.substring(0, text.length() - credit.length()).strip();
        caption = text;
      }
    }
    if (url.isEmpty()) return null;
    return new LeadImage(url, caption, credit);
  }

  /** The figure showing the image at {@code url} (matched by file name), else the first figure with a caption. */
  private static @Nullable Element figureOf(Document doc, String url) {
    String file = fileName(url);
    if (!file.isEmpty()) {
      for (Element img : doc.select("figure img, [class~=(?i)(figure|image|photo|media)] img")) {
        String src = img.attr("src") + " " + img.attr("data-src") + " " + img.attr("srcset");
        if (src.toLowerCase(Locale.ROOT).contains(file)) {
          Element f = img.closest("figure, [class~=(?i)(figure|image|photo|media)]");
          if (f != null) return f;
        }
      }
    }
    return url.isEmpty() ? doc.selectFirst("figure:has(img):has(figcaption)") : null;
  }

  private static String fileName(String url) {
    String path = url.toLowerCase(Locale.ROOT);
    int q = path.indexOf('?');
    if (q >= 0) path = path.substring(0, q);
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return stem.length() >= 6 ? stem : "";
  }

  private static String firstText(JsonNode... nodes) {
    for (JsonNode n : nodes) {
      if (n.isTextual() && !n.asText().isBlank()) return n.asText().strip();
    }
    return "";
  }
}
