package news.panorama.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import news.panorama.core.Json;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * What a page says about itself in its head and structured data: title, date, authors, image,
 * language, site name, canonical URL. Read from the untouched document, before furniture is
 * removed. Immutable once read.
 */
record Metadata(
    String title,
    String subtitle,
    @Nullable OffsetDateTime published,
    @Nullable OffsetDateTime modified,
    List<String> authors,
    @Nullable LeadImage image,
    String language,
    String siteName,
    String canonical,
    String articleBody) {

  private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article",
      "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle",
      "blogposting", "liveblogposting", "report");
  private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
  private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:]{1,2}\\s+");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** Reads the metadata of {@code doc}; {@code knownSiteName} helps strip a title's site suffix. */
  static Metadata read(Document doc, String knownSiteName, @Nullable String contentLanguageHeader) {
    List<JsonNode> ld = jsonLd(doc);
    String siteName = first(meta(doc, "og:site_name"), ldSiteName(ld), meta(doc, "application-name"));
    String title = first(meta(doc, "og:title"), meta(doc, "twitter:title"),
        text(doc.selectFirst("h1")), doc.title());
    String host = host(doc.location());
    title = withoutSiteSuffix(title, List.of(knownSiteName, siteName, host));
    return new Metadata(title, subtitle(doc, ld, title), date(doc, ld, PUBLISHED_KEYS, "datePublished"),
        date(doc, ld, MODIFIED_KEYS, "dateModified"), authors(doc, ld), LeadImage.find(doc, ld),
        language(doc, contentLanguageHeader), siteName, canonical(doc), articleBody(ld));
  }

  /** The host of a URL without a leading "www.", or empty. */
  static String host(String url) {
    if (url.isBlank()) return "";
    try {
      String h = URI.create(url.trim()).getHost();
      if (h == null) return "";
      h = h.toLowerCase(Locale.ROOT);
      return h.startsWith("www.") ? h.substring(4) : h;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /**
   * Drops a trailing " | Site" or " - Site" when the part after the last separator names the site
   * (its name, or its host with or without the domain suffix).
   */
  static String withoutSiteSuffix(String title, List<String> siteNames) {
    var m = TITLE_SEPARATOR.matcher(title);
    int lastStart = -1;
    int lastEnd = -1;
    while (m.find()) {
      lastStart = m.start();
      lastEnd = m.end();
    }
    if (lastStart <= 0) return title;
    String suffix = normalize(title.substring(lastEnd));
    if (suffix.isEmpty()) return title;
    for (String name : siteNames) {
      String n = normalize(name);
      if (n.isEmpty()) continue;
      String hostLabel = name.contains(".") ? normalize(name.substring(0, name.lastIndexOf('.'))) : n;
      if (suffix.equals(n) || suffix.equals(hostLabel)) {
        return title.substring(0, lastStart).strip();
      }
    }
    return title;
  }

  private static String normalize(String s) {
    return NOT_ALNUM.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
  }

  private static final List<String> PUBLISHED_KEYS = List.of("article:published_time",
      "og:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date", "dcterms.created");
  private static final List<String> MODIFIED_KEYS = List.of("article:modified_time", "og:updated_time",
      "dateModified", "lastmod", "dcterms.modified");

  /**
   * A date from meta tags, microdata, JSON-LD (article nodes first) and, for publication,
   * {@code <time datetime>}; the page's own offset is kept, UTC when it gave none.
   */
  private static @Nullable OffsetDateTime date(Document doc, List<JsonNode> ld, List<String> keys, String prop) {
    List<@Nullable String> candidates = new ArrayList<>();
    for (String k : keys) candidates.add(meta(doc, k));
    for (Element e : doc.select("[itemprop=" + prop + "]")) {
      candidates.add(e.hasAttr("datetime") ? e.attr("datetime") : e.attr("content"));
    }
    for (JsonNode n : articleNodesFirst(ld)) candidates.add(n.path(prop).asText(""));
    if (prop.equals("datePublished")) {
      for (Element t : doc.select("time[datetime]")) candidates.add(t.attr("datetime"));
    }
    for (String c : candidates) {
      OffsetDateTime t = Dates.parseWithOffset(c);
      if (t != null) return t;
    }
    return null;
  }

  /** The standfirst: JSON-LD alternativeHeadline, a standfirst-named element, else the description. */
  private static String subtitle(Document doc, List<JsonNode> ld, String title) {
    for (JsonNode n : articleNodesFirst(ld)) {
      String alt = n.path("alternativeHeadline").asText("").strip();
      if (!alt.isEmpty() && !alt.equals(title)) return alt;
    }
    for (Element e : doc.select(STANDFIRST)) {
      String t = e.text().strip();
      if (t.length() >= 20 && t.length() <= 600 && !t.equals(title)) return t;
    }
    String d = first(meta(doc, "og:description"), meta(doc, "description"), meta(doc, "twitter:description"));
    return d.equals(title) ? "" : d;
  }

  private static final String STANDFIRST = "[itemprop=alternativeHeadline], "
      + "[class~=(?i)(^|[\\s_-])(standfirst|subtitle|sub-title|subheadline|subhead|dek|deck|lede|article-summary|summary)($|[\\s_-])]";

  /** The full text of an article node's articleBody, when the page gives one. */
  private static String articleBody(List<JsonNode> ld) {
    for (JsonNode n : ld) {
      if (isArticle(n) && n.path("articleBody").isTextual()) return n.path("articleBody").asText().strip();
    }
    return "";
  }

  private static @Nullable String ldSiteName(List<JsonNode> ld) {
    for (JsonNode n : ld) {
      JsonNode t = n.path("@type");
      if (t.asText("").equalsIgnoreCase("WebSite") && n.path("name").isTextual()) return n.path("name").asText();
    }
    for (JsonNode n : articleNodesFirst(ld)) {
      String p = n.path("publisher").path("name").asText("");
      if (!p.isBlank()) return p;
    }
    return null;
  }

  private static List<String> authors(Document doc, List<JsonNode> ld) {
    Set<String> authors = new LinkedHashSet<>();
    for (Element m : doc.select("meta[name=author], meta[property=article:author], meta[name=article:author]")) {
      String a = m.attr("content").strip();
      if (!a.isEmpty() && !a.startsWith("http://") && !a.startsWith("https://")) authors.add(a);
    }
    for (JsonNode n : articleNodesFirst(ld)) {
      JsonNode a = n.path("author");
      for (JsonNode one : a.isArray() ? a : List.of(a)) {
        String name = one.isTextual() ? one.asText() : one.path("name").asText("");
        if (!name.isBlank() && !name.startsWith("http")) authors.add(name.strip());
      }
      if (!authors.isEmpty()) break;
    }
    return List.copyOf(authors);
  }

  private static String language(Document doc, @Nullable String header) {
    Element html = doc.selectFirst("html");
    Element httpEquiv = doc.selectFirst("meta[http-equiv~=(?i)content-language]");
    for (String raw : new String[] {
        html == null ? "" : html.attr("lang"),
        nonNull(meta(doc, "og:locale")),
        httpEquiv == null ? "" : httpEquiv.attr("content"),
        header == null ? "" : header}) {
      String code = isoLanguage(raw);
      if (!code.isEmpty()) return code;
    }
    return "";
  }

  /** "en-GB", "pt_BR", "de" → the ISO 639-1 code; empty when it is not one. */
  static String isoLanguage(String raw) {
    String s = raw.strip().toLowerCase(Locale.ROOT);
    int cut = s.indexOf(',');
    if (cut >= 0) s = s.substring(0, cut).strip();
    String code = s.split("[-_]", 2)[0];
    if (code.equals("iw")) code = "he";
    if (code.equals("in")) code = "id";
    return code.length() == 2 && LANGUAGES.contains(code) ? code : "";
  }

  private static String canonical(Document doc) {
    Element link = doc.selectFirst("link[rel=canonical][href]");
    if (link == null) return "";
    String href = link.attr("href").strip();
    return href.startsWith("http://") || href.startsWith("https://") ? href : "";
  }

  /** The objects of every JSON-LD block, arrays and {@code @graph} flattened; bad blocks skipped. */
  static List<JsonNode> jsonLd(Document doc) {
    List<JsonNode> nodes = new ArrayList<>();
    for (Element s : doc.select("script[type=application/ld+json]")) {
      try {
        flatten(Json.mapper().readTree(s.data()), nodes, 0);
      } catch (java.io.IOException | RuntimeException e) {
        // malformed structured data is common; the page's other metadata still counts
      }
    }
    return nodes;
  }

  private static void flatten(@Nullable JsonNode n, List<JsonNode> out, int depth) {
    if (n == null || depth > 4) return;
    if (n.isArray()) {
      n.forEach(x -> flatten(x, out, depth + 1));
    } else if (n.isObject()) {
      out.add(n);
      flatten(n.get("@graph"), out, depth + 1);
    }
  }

  static List<JsonNode> articleNodesFirst(List<JsonNode> nodes) {
    List<JsonNode> ordered = new ArrayList<>();
    for (JsonNode n : nodes) if (isArticle(n)) ordered.add(n);
    for (JsonNode n : nodes) if (!isArticle(n)) ordered.add(n);
    return ordered;
  }

  private static boolean isArticle(JsonNode n) {
    JsonNode t = n.path("@type");
    for (JsonNode one : t.isArray() ? t : List.of(t)) {
      if (ARTICLE_TYPES.contains(one.asText("").toLowerCase(Locale.ROOT))) return true;
    }
    return false;
  }

  static @Nullable Element metaElement(Document doc, String key) {
    return doc.selectFirst("meta[property=\"" + key + "\"][content], meta[name=\"" + key + "\"][content], "
        + "meta[itemprop=\"" + key + "\"][content]");
  }

  private static @Nullable String meta(Document doc, String key) {
    Element m = metaElement(doc, key);
    if (m == null) return null;
    String v = m.attr("content").strip();
    return v.isEmpty() ? null : v;
  }

  private static @Nullable String text(@Nullable Element e) {
    return e == null ? null : e.text();
  }

  private static String nonNull(@Nullable String s) {
    return s == null ? "" : s;
  }

  private static String first(@Nullable String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) return v.strip();
    }
    return "";
  }
}
