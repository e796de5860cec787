package news.panorama.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One spelling per article address, so that the same article found through two feeds, with
 * tracking parameters or under its canonical link, is fetched and stored once. Stateless.
 */
public final class UrlNormalizer {
  private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid",
      "igshid", "yclid", "_hsenc", "_hsmi", "mkt_tok", "ref_src", "cmpid", "ocid", "ito", "at_medium",
      "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4", "xtor", "ns_mchannel",
      "ns_campaign", "ns_source", "ns_linkname", "ns_fee", "icid", "smid", "s_cid",
      "__twitter_impression", "ftag", "wt_mc");
  private static final Pattern CANONICAL = Pattern.compile(
      "<link\\b[^>]*\\brel\\s*=\\s*[\"']?canonical[\"']?[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern HREF = Pattern.compile("\\bhref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
      Pattern.CASE_INSENSITIVE);

  private UrlNormalizer() {}

  /**
   * The address with scheme and host in lower case, default port, fragment and tracking parameters
   * ({@code utm_*} and known click ids) removed; other parameters keep their order. An address that
   * cannot be parsed is returned as given.
   */
  public static String normalize(String url) {
    URI u;
    try {
      u = new URI(url.trim());
    } catch (URISyntaxException e) {
      return url;
    }
    if (u.getScheme() == null || u.getHost() == null) return url;
    String scheme = u.getScheme().toLowerCase(Locale.ROOT);
    int port = u.getPort();
    if (scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443) port = -1;
    String query = u.getRawQuery();
    String kept = null;
    if (query != null) {
      List<String> parts = new ArrayList<>();
      for (String p : query.split("&")) {
        if (p.isEmpty()) continue;
        String name = p.split("=", 2)[0].toLowerCase(Locale.ROOT);
        if (name.startsWith("utm_") || TRACKING.contains(name)) continue;
        parts.add(p);
      }
      kept = parts.isEmpty() ? null : String.join("&", parts);
    }
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port) + path
        + (kept == null ? "" : "?" + kept);
  }

  /**
   * The page's {@code <link rel="canonical">} made absolute and normalized, when the page declares
   * one on the same site (a canonical link to another registrable host is ignored: it would let a
   * page claim another outlet's address). Reads only the first 64 KiB of the page.
   */
  public static @Nullable String canonical(byte[] html, String pageUrl) {
    String head = new String(html, 0, Math.min(html.length, 65_536), java.nio.charset.StandardCharsets.ISO_8859_1);
    Matcher m = CANONICAL.matcher(head);
    if (!m.find()) return null;
    Matcher h = HREF.matcher(m.group());
    if (!h.find()) return null;
    String href = h.group(1) != null ? h.group(1) : h.group(2) != null ? h.group(2) : h.group(3);
    try {
      URI base = new URI(pageUrl);
      URI c = base.resolve(href.trim());
      if (c.getHost() == null || base.getHost() == null) return null;
      if (!site(c.getHost()).equals(site(base.getHost()))) return null;
      return normalize(c.toString());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String site(String host) {
    String[] l = host.toLowerCase(Locale.ROOT).split("\\.");
    return l.length <= 2 ? host.toLowerCase(Locale.ROOT) : l[l.length - 2] + "." + l[l.length - 1];
  }
}
