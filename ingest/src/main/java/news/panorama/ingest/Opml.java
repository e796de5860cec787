package news.panorama.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import news.panorama.core.Source;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * OPML 2.0, the feed-list format readers exchange: catalog outlets out, subscription lists in.
 * OPML knows no country, language or owner: exports keep them in {@code panorama:*} attributes so a
 * round trip loses nothing, and imports take them from there or from the caller's defaults.
 * Stateless; DOCTYPEs are refused.
 */
public final class Opml {
  private static final String NS = "https://panorama.news/opml";

  private Opml() {}

  /** One {@code outline} per outlet, its feeds as {@code xmlUrl} (first) and nested outlines (others). */
  public static String write(List<Source> sources) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\" xmlns:panorama=\"")
        .append(NS).append("\">\n<head><title>Panorama sources</title></head>\n<body>\n");
    for (Source s : sources) {
      List<String> urls = s.feeds().isEmpty() ? s.sitemaps() : s.feeds();
      for (String url : urls) {
        b.append("  <outline type=\"rss\" text=\"").append(esc(s.name())).append("\" title=\"").append(esc(s.name()))
            .append("\" xmlUrl=\"").append(esc(url)).append("\" htmlUrl=\"").append(esc(s.homepage()))
            .append("\" panorama:id=\"").append(esc(s.id())).append("\" panorama:country=\"").append(esc(s.country()))
            .append("\" panorama:languages=\"").append(esc(String.join(",", s.languages())))
            .append("\" panorama:owner=\"").append(s.ownerType().name().toLowerCase(Locale.ROOT))
            .append(s.feeds().isEmpty() ? "\" panorama:sitemap=\"true" : "")
            .append("\"/>\n");
      }
    }
    return b.append("</body>\n</opml>\n").toString();
  }

  /**
   * The outlets of an OPML file: every outline with an {@code xmlUrl}, grouped by
   * {@code panorama:id} when present. Each outlet is validated like a catalog line.
   *
   * @param country used when an outline has no {@code panorama:country} ("" = international)
   * @param language used when an outline has no {@code panorama:languages}
   * @throws IllegalArgumentException when the file is not OPML or an outline is invalid, naming it
   */
  public static List<Source> read(byte[] opml, String country, String language) {
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setNamespaceAware(true);
      f.setExpandEntityReferences(false);
      doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(opml));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalArgumentException("not an OPML file: " + e.getMessage());
    }
    if (!doc.getDocumentElement().getLocalName().equals("opml")) {
      throw new IllegalArgumentException("not an OPML file: the root element is <" + doc.getDocumentElement().getLocalName() + ">");
    }
    Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
    Set<String> ids = new HashSet<>();
    NodeList outlines = doc.getElementsByTagName("outline");
    for (int i = 0; i < outlines.getLength(); i++) {
      Element o = (Element) outlines.item(i);
      String xmlUrl = o.getAttribute("xmlUrl").trim();
      if (xmlUrl.isEmpty()) continue;
      String name = o.getAttribute("title").isBlank() ? o.getAttribute("text").strip() : o.getAttribute("title").strip();
      if (name.isEmpty()) name = xmlUrl;
      String id = o.getAttributeNS(NS, "id").strip();
      if (id.isEmpty()) {
        id = slug(name);
        String base = id;
        for (int n = 2; ids.contains(id); n++) id = base + "-" + n;
      }
      ids.add(id);
      boolean sitemap = o.getAttributeNS(NS, "sitemap").equals("true");
      String homepage = o.getAttribute("htmlUrl").isBlank() ? homepageOf(xmlUrl) : o.getAttribute("htmlUrl").strip();
      String c = o.hasAttributeNS(NS, "country") ? o.getAttributeNS(NS, "country").strip() : country;
      String langs = o.hasAttributeNS(NS, "languages") ? o.getAttributeNS(NS, "languages").strip() : language;
      String owner = o.getAttributeNS(NS, "owner").strip();
      Map<String, Object> m = byId.computeIfAbsent(id, k -> new LinkedHashMap<>());
      if (m.isEmpty()) {
        m.put("id", id);
        m.put("name", name);
        m.put("homepage", homepage);
        m.put("feeds", new ArrayList<String>());
        m.put("sitemaps", new ArrayList<String>());
        m.put("country", c);
        m.put("languages", langs.isEmpty() ? List.of() : List.of(langs.split("\\s*,\\s*")));
        m.put("owner_type", owner.isEmpty() ? "unknown" : owner);
        m.put("notes", "");
      }
      @SuppressWarnings("unchecked")
      List<String> list = (List<String>) m.get(sitemap ? "sitemaps" : "feeds");
      list.add(xmlUrl);
    }
    List<Source> out = new ArrayList<>();
    for (Map<String, Object> m : byId.values()) {
      try {
        out.add(Catalog.parseSource(news.panorama.core.Json.mapper().writeValueAsString(m)));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("OPML outline '" + m.get("name") + "': " + e.getMessage());
      }
    }
    return out;
  }

  private static String homepageOf(String url) {
    try {
      java.net.URI u = java.net.URI.create(url);
      return u.getScheme() + "://" + u.getRawAuthority() + "/";
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  static String slug(String name) {
    String t = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (t.length() > 40) t = t.substring(0, 40).replaceAll("-+$", "");
    return t.isEmpty() ? "outlet" : t;
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;").replace(">", "&gt;");
  }
}
