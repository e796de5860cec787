package news.panorama.core;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * All of Panorama's settings in one immutable, validated object, built from defaults that work
 * offline, then a properties file, then environment variables ({@code PANORAMA_SERVER_PORT} sets
 * {@code server.port}), then command-line flags. An unknown key or a bad value fails at start-up with
 * a sentence naming the key, where it came from and the reason.
 */
public record PanoramaConfig(
    Path dataDir,
    String jdbcUrl,
    int port,
    @Nullable Path catalog,
    String userAgent,
    Duration crawlInterval,
    Duration perHostDelay,
    Duration fetchTimeout,
    long maxPageBytes,
    int maxItemsPerFeed,
    int maxRedirects,
    int parallelSources,
    double clusterThreshold,
    Duration clusterWindow,
    int briefWords,
    long maxDecompressedBytes,
    Duration maxFetchTime,
    List<String> allowNetworks,
    int sourceErrorBudget,
    Duration parkDuration,
    Duration minPoll,
    Duration maxPoll,
    @Nullable Path warcDir,
    String embedModel,
    int embedThreads,
    int embedBatch,
    int embedCacheSize,
    double clusterEmbeddingWeight,
    double clusterEmbeddingFloor,
    int fullTextDays,
    Translate translate) {

  public PanoramaConfig {
    allowNetworks = List.copyOf(allowNetworks);
  }

  /**
   * How texts are put into English (settings {@code translate.*} and {@code brief.rewrite}).
   *
   * @param backend {@code gloss} (offline, the default), {@code libretranslate} or {@code openai}
   * @param target ISO 639-1 code of the language texts are translated into
   * @param openAiModel empty unless set; required when the backend is {@code openai} or {@code rewrite} is on
   * @param maxChars most characters sent in one request; longer texts go in several
   * @param rewrite whether briefings' headlines and bullets are rewritten through the OpenAI-compatible endpoint
   */
  public record Translate(
      String backend,
      String target,
      URI libreTranslateUrl,
      Secret libreTranslateKey,
      URI openAiBaseUrl,
      String openAiModel,
      Secret openAiKey,
      Duration timeout,
      int retries,
      int concurrency,
      Duration maxRetryAfter,
      int maxChars,
      List<Path> dictionaryDirs,
      boolean rewrite) {
    public Translate {
      dictionaryDirs = List.copyOf(dictionaryDirs);
    }
  }

  /** A credential read from the environment; never printed. */
  public record Secret(String value) {
    public static final Secret NONE = new Secret("");

    public boolean isSet() {
      return !value.isEmpty();
    }

    @Override
    public String toString() {
      return isSet() ? "(set)" : "(none)";
    }
  }

  /** Every key with its default and meaning; the single source of truth for `--help` and docs. */
  public static final Map<String, String[]> KEYS = keys();

  private static Map<String, String[]> keys() {
    Map<String, String[]> k = new TreeMap<>();
    k.put("data.dir", new String[] {"data", "folder for the embedded database and caches"});
    k.put("store.jdbc-url", new String[] {"", "JDBC URL of the database; empty = embedded H2 under data.dir"});
    k.put("store.full-text-days", new String[] {"0", "days after publication an article's full text is kept; older articles keep title, metadata, entities and story (see `panorama prune`); 0 = forever"});
    k.put("server.port", new String[] {"8080", "HTTP port of the web UI and API"});
    k.put("ingest.catalog", new String[] {"", "outlet catalog file; empty = the bundled catalog"});
    k.put("ingest.user-agent", new String[] {"PanoramaBot/0.1 (+https://github.com/panorama-news/panorama)", "User-Agent sent to outlets and matched in robots.txt"});
    k.put("ingest.interval-minutes", new String[] {"15", "minutes between crawl rounds"});
    k.put("ingest.per-host-delay-ms", new String[] {"2000", "minimum milliseconds between two requests to one host"});
    k.put("ingest.timeout-seconds", new String[] {"20", "connect and read timeout of one request"});
    k.put("ingest.max-page-bytes", new String[] {"5000000", "largest response body read, in bytes"});
    k.put("ingest.max-items-per-feed", new String[] {"30", "newest feed items fetched per feed and round"});
    k.put("ingest.max-redirects", new String[] {"5", "redirects followed per request"});
    k.put("ingest.parallel-sources", new String[] {"8", "outlets crawled at the same time (each host still waits its delay)"});
    k.put("ingest.max-decompressed-bytes", new String[] {"20000000", "largest response body after gzip/deflate decoding, in bytes"});
    k.put("ingest.max-fetch-seconds", new String[] {"60", "most time one request may take from sending to the body's last byte"});
    k.put("ingest.allow-networks", new String[] {"", "comma-separated address ranges (CIDR, e.g. 127.0.0.0/8) the crawler may fetch although private, loopback or link-local; empty = none"});
    k.put("ingest.source-error-budget", new String[] {"5", "consecutive failed rounds after which an outlet is parked"});
    k.put("ingest.park-hours", new String[] {"24", "hours a parked outlet is left alone before it is tried again"});
    k.put("ingest.min-poll-minutes", new String[] {"5", "shortest interval between two polls of one feed (busy feeds)"});
    k.put("ingest.max-poll-minutes", new String[] {"360", "longest interval between two polls of one feed (quiet feeds)"});
    k.put("ingest.warc-dir", new String[] {"", "folder to record every fetched response to as WARC files; empty = no recording"});
    k.put("cluster.threshold", new String[] {"0.1", "minimum similarity for an article to join a story"});
    k.put("cluster.window-hours", new String[] {"336", "an article joins only stories with an article within this many hours of it"});
    k.put("cluster.embedding-weight", new String[] {"0.25", "share of sentence-embedding similarity in an article's similarity to a story; 0 = group without embeddings (no model loaded)"});
    k.put("cluster.embedding-floor", new String[] {"0.88", "embedding cosine that counts as no similarity at all (the model's baseline between unrelated texts)"});
    k.put("brief.words", new String[] {"120", "cap on a briefing overview's length in words"});
    k.put("embed.model", new String[] {"e5-small-v2-q", "sentence-embedding model: the shipped one, or one pulled with `panorama models pull NAME`"});
    k.put("embed.threads", new String[] {"0", "texts embedded at the same time; 0 = one per available processor"});
    k.put("embed.batch", new String[] {"32", "most texts one embedding thread takes at a time"});
    k.put("embed.cache-size", new String[] {"10000", "embedding vectors kept in memory by content hash (about 1.6 KB each); 0 = no cache"});
    k.put("translate.backend", new String[] {"gloss", "how non-English titles and texts become English: gloss (offline, word by word, labelled as a gloss), libretranslate, or openai (any OpenAI-compatible chat endpoint)"});
    k.put("translate.target", new String[] {"en", "language texts are translated into (ISO 639-1)"});
    k.put("translate.libretranslate-url", new String[] {"http://localhost:5000", "base URL of a LibreTranslate server"});
    k.put("translate.libretranslate-key-env", new String[] {"LIBRETRANSLATE_API_KEY", "environment variable holding the LibreTranslate API key, if the server wants one"});
    k.put("translate.openai-base-url", new String[] {"http://localhost:11434/v1", "base URL of an OpenAI-compatible API (…/v1); the default is a local Ollama"});
    k.put("translate.openai-model", new String[] {"", "model name sent to the OpenAI-compatible API; required with translate.backend=openai or brief.rewrite=true"});
    k.put("translate.openai-key-env", new String[] {"OPENAI_API_KEY", "environment variable holding the OpenAI-compatible API key (sent as a Bearer token; none is sent when it is unset)"});
    k.put("translate.timeout-seconds", new String[] {"30", "connect and answer timeout of one translation request"});
    k.put("translate.retries", new String[] {"3", "retries of a translation request after a timeout, a refused connection, 429 or 5xx (waits double each time, or as Retry-After says)"});
    k.put("translate.concurrency", new String[] {"4", "translation requests in flight at the same time"});
    k.put("translate.max-retry-after-seconds", new String[] {"120", "longest Retry-After a translation service may ask for; a longer one fails the request"});
    k.put("translate.max-chars", new String[] {"4000", "most characters sent in one translation request; longer texts are split between paragraphs or sentences"});
    k.put("translate.dictionary-dirs", new String[] {"/usr/share/dictd", "comma-separated folders where the gloss looks for FreeDict dictionaries (freedict-fra-eng.index…; Debian: apt install dict-freedict-fra-eng…)"});
    k.put("brief.rewrite", new String[] {"false", "rewrite briefing headlines and bullets through the OpenAI-compatible endpoint (translate.openai-*); a rewrite that fails the faithfulness check is discarded"});
    return Map.copyOf(k);
  }

  /** The defaults alone. */
  public static PanoramaConfig defaults() {
    return load(null, Map.of(), Map.of());
  }

  /**
   * @param file a properties file, or null for none
   * @param env the environment (only {@code PANORAMA_*} variables are read)
   * @param flags settings given on the command line, by key
   */
  public static PanoramaConfig load(@Nullable Path file, Map<String, String> env, Map<String, String> flags) {
    Map<String, String> values = new TreeMap<>();
    Map<String, String> origin = new TreeMap<>();
    KEYS.forEach((key, d) -> { values.put(key, d[0]); origin.put(key, "default"); });
    if (file != null) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read configuration file " + file + ": " + e.getMessage());
      }
      for (String key : p.stringPropertyNames()) {
        put(values, origin, key, p.getProperty(key).trim(), "file " + file);
      }
    }
    env.forEach((name, value) -> {
      if (name.startsWith("PANORAMA_") && !name.equals("PANORAMA_HOME") && !name.startsWith("PANORAMA_JAVA")) {
        String key = envKey(name);
        if (key != null) put(values, origin, key, value.trim(), "environment variable " + name);
      }
    });
    flags.forEach((key, value) -> put(values, origin, key, value.trim(), "flag"));
    return build(values, origin, env);
  }

  /** {@code PANORAMA_SERVER_PORT} → {@code server.port}; unknown names give null (other tools' variables). */
  private static @Nullable String envKey(String name) {
    String rest = name.substring("PANORAMA_".length()).toLowerCase(Locale.ROOT);
    int dot = rest.indexOf('_');
    if (dot < 0) return null;
    String key = rest.substring(0, dot) + "." + rest.substring(dot + 1).replace('_', '-');
    return KEYS.containsKey(key) ? key : null;
  }

  private static void put(Map<String, String> values, Map<String, String> origin, String key, String value, String from) {
    if (!KEYS.containsKey(key)) {
      throw new IllegalArgumentException("unknown setting '" + key + "' in " + from + "; known settings: " + String.join(", ", KEYS.keySet()));
    }
    values.put(key, value);
    origin.put(key, from);
  }

  private static PanoramaConfig build(Map<String, String> v, Map<String, String> origin, Map<String, String> env) {
    Path dataDir = Path.of(v.get("data.dir"));
    String jdbc = v.get("store.jdbc-url");
    if (jdbc.isEmpty()) {
      jdbc = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("panorama");
    }
    String catalog = v.get("ingest.catalog");
    return new PanoramaConfig(
        dataDir,
        jdbc,
        intIn(v, origin, "server.port", 0, 65535),
        catalog.isEmpty() ? null : Path.of(catalog),
        v.get("ingest.user-agent"),
        Duration.ofMinutes(intIn(v, origin, "ingest.interval-minutes", 1, 7 * 24 * 60)),
        Duration.ofMillis(intIn(v, origin, "ingest.per-host-delay-ms", 0, 3_600_000)),
        Duration.ofSeconds(intIn(v, origin, "ingest.timeout-seconds", 1, 600)),
        longIn(v, origin, "ingest.max-page-bytes", 1024, 1L << 31),
        intIn(v, origin, "ingest.max-items-per-feed", 1, 10_000),
        intIn(v, origin, "ingest.max-redirects", 0, 20),
        intIn(v, origin, "ingest.parallel-sources", 1, 256),
        doubleIn(v, origin, "cluster.threshold", 0, 1),
        Duration.ofHours(intIn(v, origin, "cluster.window-hours", 1, 24 * 365)),
        intIn(v, origin, "brief.words", 10, 2000),
        longIn(v, origin, "ingest.max-decompressed-bytes", 1024, 1L << 31),
        Duration.ofSeconds(intIn(v, origin, "ingest.max-fetch-seconds", 1, 3600)),
        networks(v, origin),
        intIn(v, origin, "ingest.source-error-budget", 1, 1000),
        Duration.ofHours(intIn(v, origin, "ingest.park-hours", 1, 24 * 365)),
        Duration.ofMinutes(intIn(v, origin, "ingest.min-poll-minutes", 0, 7 * 24 * 60)),
        Duration.ofMinutes(intIn(v, origin, "ingest.max-poll-minutes", 1, 30 * 24 * 60)),
        v.get("ingest.warc-dir").isEmpty() ? null : Path.of(v.get("ingest.warc-dir")),
        modelName(v, origin, "embed.model"),
        intIn(v, origin, "embed.threads", 0, 256),
        intIn(v, origin, "embed.batch", 1, 4096),
        intIn(v, origin, "embed.cache-size", 0, 10_000_000),
        doubleIn(v, origin, "cluster.embedding-weight", 0, 1),
        doubleIn(v, origin, "cluster.embedding-floor", -1, 0.99),
        intIn(v, origin, "store.full-text-days", 0, 100 * 366),
        translate(v, origin, env));
  }

  private static final List<String> TRANSLATE_BACKENDS = List.of("gloss", "libretranslate", "openai");

  private static Translate translate(Map<String, String> v, Map<String, String> o, Map<String, String> env) {
    String backend = v.get("translate.backend").toLowerCase(Locale.ROOT);
    if (!TRANSLATE_BACKENDS.contains(backend)) {
      throw bad("translate.backend", v, o, "is not one of " + String.join(", ", TRANSLATE_BACKENDS));
    }
    String target = v.get("translate.target").toLowerCase(Locale.ROOT);
    if (!target.matches("[a-z]{2}")) throw bad("translate.target", v, o, "is not an ISO 639-1 language code such as en");
    boolean rewrite = bool(v, o, "brief.rewrite");
    String model = v.get("translate.openai-model");
    if (model.isEmpty() && (backend.equals("openai") || rewrite)) {
      throw bad("translate.openai-model", v, o, "must name a model when translate.backend is openai or brief.rewrite is true");
    }
    return new Translate(backend, target,
        httpUrl(v, o, "translate.libretranslate-url"),
        secret(v, o, "translate.libretranslate-key-env", env),
        httpUrl(v, o, "translate.openai-base-url"),
        model,
        secret(v, o, "translate.openai-key-env", env),
        Duration.ofSeconds(intIn(v, o, "translate.timeout-seconds", 1, 3600)),
        intIn(v, o, "translate.retries", 0, 20),
        intIn(v, o, "translate.concurrency", 1, 256),
        Duration.ofSeconds(intIn(v, o, "translate.max-retry-after-seconds", 0, 24 * 3600)),
        intIn(v, o, "translate.max-chars", 100, 1_000_000),
        paths(v.get("translate.dictionary-dirs")),
        rewrite);
  }

  private static List<Path> paths(String commaSeparated) {
    List<Path> out = new java.util.ArrayList<>();
    for (String part : commaSeparated.split(",")) {
      if (!part.isBlank()) out.add(Path.of(part.strip()));
    }
    return out;
  }

  /** An absolute http(s) URL, without a trailing slash. */
  private static URI httpUrl(Map<String, String> v, Map<String, String> o, String key) {
    String s = v.get(key).replaceAll("/+$", "");
    try {
      URI u = new URI(s);
      if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) return u;
    } catch (URISyntaxException e) {
      // reported below
    }
    throw bad(key, v, o, "is not an http:// or https:// URL");
  }

  /** The value of the environment variable the setting names; none when the name is empty or the variable unset. */
  private static Secret secret(Map<String, String> v, Map<String, String> o, String key, Map<String, String> env) {
    String name = v.get(key);
    if (name.isEmpty()) return Secret.NONE;
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) throw bad(key, v, o, "is not an environment variable name");
    String value = env.getOrDefault(name, "").strip();
    return value.isEmpty() ? Secret.NONE : new Secret(value);
  }

  private static boolean bool(Map<String, String> v, Map<String, String> o, String key) {
    return switch (v.get(key).toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw bad(key, v, o, "is not true or false");
    };
  }

  private static List<String> networks(Map<String, String> v, Map<String, String> o) {
    List<String> out = new java.util.ArrayList<>();
    for (String part : v.get("ingest.allow-networks").split(",")) {
      String cidr = part.trim();
      if (cidr.isEmpty()) continue;
      if (!cidr.matches("[0-9A-Fa-f:.]+(/[0-9]{1,3})?")) {
        throw bad("ingest.allow-networks", v, o, "holds '" + cidr + "', which is not an address range such as 127.0.0.0/8 or ::1/128");
      }
      out.add(cidr);
    }
    return out;
  }

  /** A model name is also a folder name under data.dir/models. */
  private static String modelName(Map<String, String> v, Map<String, String> o, String key) {
    String name = v.get(key);
    if (!name.matches("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}")) {
      throw bad(key, v, o, "is not a model name (letters, digits, '.', '_' and '-'; see `panorama models list`)");
    }
    return name;
  }

  private static int intIn(Map<String, String> v, Map<String, String> o, String key, int min, int max) {
    return (int) longIn(v, o, key, min, max);
  }

  private static long longIn(Map<String, String> v, Map<String, String> o, String key, long min, long max) {
    long n;
    try {
      n = Long.parseLong(v.get(key));
    } catch (NumberFormatException e) {
      throw bad(key, v, o, "is not a whole number");
    }
    if (n < min || n > max) throw bad(key, v, o, "must be between " + min + " and " + max);
    return n;
  }

  private static double doubleIn(Map<String, String> v, Map<String, String> o, String key, double min, double max) {
    double n;
    try {
      n = Double.parseDouble(v.get(key));
    } catch (NumberFormatException e) {
      throw bad(key, v, o, "is not a number");
    }
    if (!(n >= min && n <= max)) throw bad(key, v, o, "must be between " + min + " and " + max);
    return n;
  }

  private static IllegalArgumentException bad(String key, Map<String, String> v, Map<String, String> o, String why) {
    return new IllegalArgumentException("setting '" + key + "' = '" + v.get(key) + "' (from " + o.get(key) + ") " + why);
  }
}
