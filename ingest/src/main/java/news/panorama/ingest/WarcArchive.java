package news.panorama.ingest;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import news.panorama.core.Page;
import news.panorama.core.Source;
import org.jspecify.annotations.Nullable;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Every fetched response as a WARC response record (jwarc), and back: a crawl recorded with
 * {@link Recorder} replays offline through {@link #pages}. Panorama adds three WARC headers so a
 * replay knows what the live crawl knew: {@code Panorama-Source} (catalog id),
 * {@code Panorama-Feed-Title} and {@code Panorama-Feed-Published} (the feed's hints). Public WARCs
 * such as CC-NEWS have none of them and replay the same way.
 */
public final class WarcArchive {
  static final String SOURCE = "Panorama-Source";
  static final String FEED_TITLE = "Panorama-Feed-Title";
  static final String FEED_PUBLISHED = "Panorama-Feed-Published";

  private WarcArchive() {}

  /** What the crawler knew about a request, recorded beside its response. */
  record Context(@Nullable String sourceId, @Nullable String feedTitle, @Nullable Instant feedPublished) {
    static final Context NONE = new Context(null, null, null);
  }

  /** Writes response records to one gzip-compressed WARC file per recorder; thread-safe. */
  public static final class Recorder implements Closeable {
    private final WarcWriter writer;
    private final Path file;

    private Recorder(WarcWriter writer, Path file) {
      this.writer = writer;
      this.file = file;
    }

    /** A new file {@code panorama-<time>.warc.gz} in {@code dir} (created when missing). */
    public static Recorder inDirectory(Path dir, Clock clock) {
      String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC).format(clock.instant());
      return toFile(dir.resolve("panorama-" + stamp + ".warc.gz"));
    }

    public static Recorder toFile(Path file) {
      try {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
        return new Recorder(new WarcWriter(ch, WarcCompression.GZIP), file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write WARC file " + file, e);
      }
    }

    public Path file() {
      return file;
    }

    /** Records one response as received: status, headers and the still-encoded body. */
    void record(URI uri, Instant date, int status, Map<String, List<String>> headers, byte[] rawBody, Context context)
        throws IOException {
      ByteArrayOutputStream http = new ByteArrayOutputStream(rawBody.length + 512);
      StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
      headers.forEach((name, values) -> {
        // the body is stored whole and de-chunked, so these would mislead a reader
        if (name.equals("transfer-encoding") || name.equals("content-length") || name.startsWith(":")) return;
        for (String v : values) head.append(name).append(": ").append(v.replace('\r', ' ').replace('\n', ' ')).append("\r\n");
      });
      head.append("content-length: ").append(rawBody.length).append("\r\n\r\n");
      http.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      http.write(rawBody);
      WarcResponse.Builder b = new WarcResponse.Builder(uri).date(date).body(MediaType.HTTP_RESPONSE, http.toByteArray());
      if (context.sourceId() != null) b.addHeader(SOURCE, context.sourceId());
      if (context.feedTitle() != null) b.addHeader(FEED_TITLE, oneLine(context.feedTitle()));
      if (context.feedPublished() != null) b.addHeader(FEED_PUBLISHED, context.feedPublished().toString());
      writer.write(b.build());
    }

    @Override
    public void close() throws IOException {
      writer.close();
    }
  }

  /**
   * The HTML pages in a WARC file (.warc or .warc.gz): every response record with status 200 and
   * an HTML content type, body decoded per its Content-Encoding and capped at {@code maxBytes}.
   * Other records (requests, feeds, robots.txt, redirects) are counted as skipped. A record that
   * cannot be read is reported to {@code problems} and the file goes on.
   *
   * @param sources the catalog, to give a page the outlet named in {@code Panorama-Source}
   * @return how many records were skipped
   */
  public static int pages(Path file, long maxBytes, Map<String, Source> sources, Consumer<Page> pages,
      Consumer<String> problems) throws IOException {
    int skipped = 0;
    int n = 0;
    try (WarcReader reader = new WarcReader(file)) {
      reader.setLenient(true);
      for (WarcRecord record : reader) {
        n++;
        if (!(record instanceof WarcResponse response)) {
          skipped++;
          continue;
        }
        try {
          org.netpreserve.jwarc.HttpResponse http = response.http();
          Map<String, List<String>> headers = new LinkedHashMap<>();
          http.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
          String type = http.headers().first("content-type").orElse("").toLowerCase(Locale.ROOT);
          if (http.status() != 200 || !(type.startsWith("text/html") || type.startsWith("application/xhtml+xml"))) {
            skipped++;
            continue;
          }
          byte[] raw;
          try (InputStream in = http.body().stream()) {
            raw = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
          }
          if (raw.length > maxBytes) {
            problems.accept(file + " record " + n + " (" + response.target() + "): body larger than " + maxBytes + " bytes");
            continue;
          }
          byte[] body = Bodies.decode(raw, http.headers().first("content-encoding").orElse(null), maxBytes * 4);
          headers.remove("content-encoding");
          Source source = response.headers().first(SOURCE).map(sources::get).orElse(null);
          String title = response.headers().first(FEED_TITLE).orElse(null);
          Instant published = response.headers().first(FEED_PUBLISHED).map(WarcArchive::instant).orElse(null);
          pages.accept(new Page(response.target(), body, headers, file.toString(), source, title, published));
        } catch (IOException | RuntimeException e) {
          problems.accept(file + " record " + n + ": " + e.getMessage());
        }
      }
    }
    return skipped;
  }

  static boolean isWarc(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".warc") || n.endsWith(".warc.gz");
  }

  private static @Nullable Instant instant(String s) {
    try {
      return Instant.parse(s);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\\r\\n\\t]+", " ").strip();
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 304 -> "Not Modified";
      case 404 -> "Not Found";
      default -> "Status";
    };
  }
}
