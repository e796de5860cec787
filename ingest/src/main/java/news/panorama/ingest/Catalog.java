package news.panorama.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import news.panorama.core.Json;
import news.panorama.core.Source;

/**
 * The outlets Panorama follows, read from a JSON Lines file with one outlet per line and validated
 * as a whole: a bad catalog fails at start-up with every problem listed by line. Immutable and safe
 * to share; the bundled catalog ships in this module's resources.
 */
public final class Catalog {
  /** Where the bundled catalog lives on the class path. */
  public static final String BUNDLED = "/news/panorama/ingest/catalog.jsonl";
  private static final int MAX_ERRORS = 20;
  private static final Set<String> COUNTRIES = countries();
  private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

  private final String name;
  private final List<Source> sources;
  private final Map<String, Source> byId;
  /** Outlets by lower-cased name and by the host of their home page (without "www."), for attribution. */
  private final Map<String, Source> byNameOrHost;
  /** Country-code domains that are sold as generic names (.io, .tv, .co…) and say nothing of a country. */
  private static final Set<String> GENERIC_CC_DOMAINS =
      Set.of("io", "co", "tv", "me", "fm", "ai", "ly", "cc", "ws", "to", "gg", "am", "la", "nu", "tk", "eu", "su", "ac");

  private Catalog(String name, List<Source> sources) {
    this.name = name;
    this.sources = List.copyOf(sources);
    Map<String, Source> m = new LinkedHashMap<>();
    Map<String, Source> names = new java.util.HashMap<>();
    for (Source s : sources) {
      m.put(s.id(), s);
      names.putIfAbsent(s.id().toLowerCase(Locale.ROOT), s);
      names.putIfAbsent(s.name().strip().toLowerCase(Locale.ROOT), s);
      String host = host(s.homepage());
      if (!host.isEmpty()) names.putIfAbsent(host, s);
    }
    this.byId = Map.copyOf(m);
    this.byNameOrHost = Map.copyOf(names);
  }

  /**
   * The country of an article's outlet when the article does not say (JSON Lines from elsewhere
   * often do not): the catalog outlet whose id or name is the article's source (in any case), or on whose home
   * page's host the article's URL is; else the country of the URL's country-code domain (.fr →
   * FR, .uk → GB; not the ones sold as generic names, like .io or .tv). Empty when nothing tells.
   */
  public String countryOf(news.panorama.core.Article article) {
    if (!article.country().isEmpty()) return article.country();
    String source = article.source().strip();
    Source s = byId.get(source);
    if (s == null) s = byNameOrHost.get(source.toLowerCase(Locale.ROOT));
    String host = host(article.url());
    for (String h = host; s == null && h.contains("."); h = h.substring(h.indexOf('.') + 1)) {
      s = byNameOrHost.get(h);
    }
    if (s != null && !s.country().isEmpty()) return s.country();
    String tld = host.substring(host.lastIndexOf('.') + 1);
    if (tld.length() != 2 || GENERIC_CC_DOMAINS.contains(tld)) return "";
    String code = tld.equals("uk") ? "GB" : tld.toUpperCase(Locale.ROOT);
    return COUNTRIES.contains(code) ? code : "";
  }

  private static String host(String url) {
    try {
      String host = java.net.URI.create(url.strip()).getHost();
      if (host == null) return "";
      host = host.toLowerCase(Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** The catalog that ships with Panorama. */
  public static Catalog bundled() {
    InputStream in = Catalog.class.getResourceAsStream(BUNDLED);
    if (in == null) throw new IllegalStateException("bundled catalog " + BUNDLED + " is missing from the class path");
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse(r, "bundled catalog.jsonl");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled catalog", e);
    }
  }

  /** Reads a catalog file; a missing or unreadable file fails with a sentence naming it. */
  public static Catalog load(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read catalog " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses a catalog, one JSON object per line (blank lines are skipped).
   *
   * @param name how errors name the input, e.g. its file name
   * @throws IllegalArgumentException listing every invalid line (up to 20) with its reason
   */
  public static Catalog parse(Reader reader, String name) {
    List<Source> sources = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    int n = 0;
    try {
      for (String line; (line = r.readLine()) != null; ) {
        n++;
        if (line.isBlank()) continue;
        try {
          Source s = source(line);
          if (!ids.add(s.id())) throw new IllegalArgumentException("duplicate id '" + s.id() + "'");
          sources.add(s);
        } catch (IllegalArgumentException e) {
          errors.add(name + ":" + n + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalog " + name + " after line " + n, e);
    }
    if (!errors.isEmpty()) {
      int more = errors.size() - MAX_ERRORS;
      List<String> shown = errors.subList(0, Math.min(errors.size(), MAX_ERRORS));
      throw new IllegalArgumentException("invalid catalog " + name + ":\n  " + String.join("\n  ", shown)
          + (more > 0 ? "\n  … and " + more + " more" : ""));
    }
    return new Catalog(name, sources);
  }

  /** The name of the user's editable catalog in the data folder. */
  public static final String USER_FILE = "catalog.jsonl";

  /**
   * The catalog in effect: the {@code ingest.catalog} file when set, else {@code catalog.jsonl} in
   * the data folder when a {@code sources} edit made one, else the bundled catalog.
   */
  public static Catalog effective(news.panorama.core.PanoramaConfig config) {
    if (config.catalog() != null) return load(config.catalog());
    Path user = config.dataDir().resolve(USER_FILE);
    return Files.isRegularFile(user) ? load(user) : bundled();
  }

  /**
   * The file {@code sources add/remove/import-opml} edit: {@code ingest.catalog} when set, else
   * {@code catalog.jsonl} in the data folder, which is created as a copy of the bundled catalog on
   * the first edit.
   */
  public static Path editableFile(news.panorama.core.PanoramaConfig config) {
    if (config.catalog() != null) return config.catalog();
    Path user = config.dataDir().resolve(USER_FILE);
    if (!Files.isRegularFile(user)) bundled().write(user);
    return user;
  }

  /** Parses and validates one outlet as a catalog line (JSON object). */
  public static Source parseSource(String jsonLine) {
    return source(jsonLine);
  }

  /** This catalog plus an outlet; a duplicate id fails with a sentence. */
  public Catalog with(Source s) {
    if (byId.containsKey(s.id())) {
      throw new IllegalArgumentException("an outlet with id '" + s.id() + "' is already in " + name);
    }
    List<Source> all = new ArrayList<>(sources);
    all.add(s);
    return new Catalog(name, all);
  }

  /** This catalog without the outlet {@code id}; an unknown id fails with a sentence. */
  public Catalog without(String id) {
    if (!byId.containsKey(id)) throw new IllegalArgumentException("no outlet with id '" + id + "' in " + name);
    return new Catalog(name, sources.stream().filter(s -> !s.id().equals(id)).toList());
  }

  /** Writes one JSON object per outlet, via a temporary file so a crash never leaves half a catalog. */
  public void write(Path file) {
    try {
      if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      StringBuilder b = new StringBuilder();
      for (Source s : sources) b.append(toJson(s)).append('\n');
      Files.writeString(tmp, b, StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write catalog " + file, e);
    }
  }

  /** One outlet as a catalog line, with the catalog's field names. */
  public static String toJson(Source s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("name", s.name());
    m.put("homepage", s.homepage());
    m.put("feeds", s.feeds());
    m.put("sitemaps", s.sitemaps());
    m.put("country", s.country());
    m.put("languages", s.languages());
    m.put("owner_type", s.ownerType().name().toLowerCase(Locale.ROOT));
    m.put("notes", s.notes());
    try {
      return Json.mapper().writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The outlets in file order. */
  public List<Source> sources() {
    return sources;
  }

  public Optional<Source> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** How errors and logs name this catalog. */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return "Catalog[" + name + ", " + sources.size() + " outlets]";
  }

  private static Source source(String line) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) throw new IllegalArgumentException("expected a JSON object");
    String id = text(node, "id", true);
    if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
      throw new IllegalArgumentException("id '" + id + "' must be lower-case letters, digits, '.', '_' or '-'");
    }
    String what = "outlet '" + id + "'";
    String outletName = text(node, "name", true);
    String homepage = text(node, "homepage", true);
    checkUrl(homepage, what + " homepage");
    List<String> feeds = list(node, "feeds", what);
    List<String> sitemaps = list(node, "sitemaps", what);
    for (String f : feeds) checkUrl(f, what + " feed");
    for (String s : sitemaps) checkUrl(s, what + " sitemap");
    if (feeds.isEmpty() && sitemaps.isEmpty()) {
      throw new IllegalArgumentException(what + " has no feed and no sitemap");
    }
    String country = text(node, "country", false).trim();
    if (!country.isEmpty() && !COUNTRIES.contains(country)) {
      throw new IllegalArgumentException(what + ": unknown country code '" + country
          + "' (expected ISO 3166-1 alpha-2 in upper case, XK, or empty for international)");
    }
    List<String> languages = list(node, "languages", what);
    if (languages.isEmpty()) throw new IllegalArgumentException(what + " has no language");
    for (String l : languages) {
      if (!LANGUAGES.contains(l)) {
        throw new IllegalArgumentException(what + ": unknown language code '" + l
            + "' (expected ISO 639-1 in lower case)");
      }
    }
    String owner = text(node, "owner_type", false).trim();
    Source.OwnerType ownerType;
    try {
      ownerType = owner.isEmpty() ? Source.OwnerType.UNKNOWN
          : Source.OwnerType.valueOf(owner.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + ": unknown owner_type '" + owner + "' (expected one of "
          + String.join(", ", ownerTypeNames()) + ")");
    }
    return new Source(id, outletName, homepage, feeds, sitemaps, country, languages, ownerType,
        text(node, "notes", false));
  }

  private static void checkUrl(String url, String what) {
    URI u;
    try {
      u = new URI(url);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(what + " '" + url + "' is not a valid URL: " + e.getReason());
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!u.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
      throw new IllegalArgumentException(what + " '" + url + "' must be an absolute http or https URL");
    }
  }

  private static String text(JsonNode node, String field, boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) throw new IllegalArgumentException("field '" + field + "' is missing");
      return "";
    }
    if (!v.isTextual()) throw new IllegalArgumentException("field '" + field + "' must be a string");
    if (required && v.asText().isBlank()) throw new IllegalArgumentException("field '" + field + "' is blank");
    return v.asText();
  }

  private static List<String> list(JsonNode node, String field, String what) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) return List.of();
    if (!v.isArray()) throw new IllegalArgumentException(what + ": field '" + field + "' must be an array of strings");
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isTextual() || e.asText().isBlank()) {
        throw new IllegalArgumentException(what + ": field '" + field + "' must hold only non-blank strings");
      }
      out.add(e.asText().trim());
    }
    return out;
  }

  private static List<String> ownerTypeNames() {
    List<String> names = new ArrayList<>();
    for (Source.OwnerType t : Source.OwnerType.values()) names.add(t.name().toLowerCase(Locale.ROOT));
    return names;
  }

  private static Set<String> countries() {
    Set<String> c = new HashSet<>(Set.of(Locale.getISOCountries()));
    c.add("XK");
    return Set.copyOf(c);
  }
}
