package news.panorama.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import news.panorama.core.Article;
import news.panorama.core.JsonLines;
import news.panorama.core.Page;

/**
 * Reads stored corpora offline: JSON Lines files become articles, HTML files and the HTML responses
 * of WARC files become pages for the extractor, anything else is counted and skipped. Bad lines are reported and the rest is read.
 * Stateless; files are streamed one at a time, HTML files read whole (decompressed HTML is capped
 * at {@link #MAX_HTML_BYTES}).
 */
public final class Replay {
  /** The largest HTML file read, after decompression. */
  public static final int MAX_HTML_BYTES = 10_000_000;

  private Replay() {}

  /** What a replay read: files seen, articles and pages emitted, problems reported, files of other kinds skipped. */
  public record ReplayReport(int files, int articles, int pages, int problems, int skippedFiles) {}

  /**
   * Every regular file under the inputs (directories recursively), sorted by path within each
   * input so that a replay is deterministic.
   *
   * @throws IllegalArgumentException naming the first input that does not exist
   */
  public static List<Path> files(List<Path> inputs) {
    List<Path> out = new ArrayList<>();
    for (Path input : inputs) {
      if (!Files.exists(input)) throw new IllegalArgumentException("input " + input + " does not exist");
      if (Files.isDirectory(input)) {
        try (Stream<Path> walk = Files.walk(input)) {
          walk.filter(Files::isRegularFile).sorted().forEach(out::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + input, e);
        }
      } else {
        out.add(input);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Reads every file under the inputs: {@code .jsonl}, {@code .jsonl.gz} and {@code .ndjson} to
   * {@code articles}; {@code .html}, {@code .htm} and their {@code .gz} forms to {@code pages}.
   * Bad lines, oversized pages and unreadable files go to {@code problems} as "file:line: reason"
   * or "file: reason", and the replay goes on.
   */
  public static ReplayReport replay(List<Path> inputs, Consumer<Article> articles, Consumer<Page> pages,
      Consumer<String> problems) {
    return replay(inputs, java.util.Map.of(), articles, pages, problems);
  }

  /**
   * As {@link #replay(List, Consumer, Consumer, Consumer)}, also reading WARC files ({@code .warc},
   * {@code .warc.gz}): their HTML responses become pages, given the outlet of {@code sources} that
   * the recording crawl named (see {@link WarcArchive}).
   */
  public static ReplayReport replay(List<Path> inputs, java.util.Map<String, news.panorama.core.Source> sources,
      Consumer<Article> articles, Consumer<Page> pages, Consumer<String> problems) {
    int files = 0;
    int articleCount = 0;
    int pageCount = 0;
    int bad = 0;
    int skipped = 0;
    for (Path file : files(inputs)) {
      files++;
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz") || name.endsWith(".ndjson")) {
        int[] counts = new int[2];
        try (Reader r = JsonLines.open(file.toString())) {
          JsonLines.read(r, file.toString(), a -> { counts[0]++; articles.accept(a); },
              b -> { counts[1]++; problems.accept(b.toString()); });
        } catch (IOException | UncheckedIOException e) {
          problems.accept(file + ": cannot read: " + e.getMessage());
        }
        articleCount += counts[0];
        bad += counts[1];
      } else if (name.endsWith(".html") || name.endsWith(".htm")
          || name.endsWith(".html.gz") || name.endsWith(".htm.gz")) {
        try {
          byte[] body = readCapped(file, name.endsWith(".gz"));
          if (body == null) {
            problems.accept(file + ": larger than " + MAX_HTML_BYTES + " bytes, skipped");
            bad++;
          } else {
            pages.accept(Page.ofFile(file.toString(), body));
            pageCount++;
          }
        } catch (IOException e) {
          problems.accept(file + ": cannot read: " + e.getMessage());
          bad++;
        }
      } else if (WarcArchive.isWarc(name)) {
        int[] counts = new int[2];
        try {
          WarcArchive.pages(file, MAX_HTML_BYTES, sources, p -> { counts[0]++; pages.accept(p); },
              p -> { counts[1]++; problems.accept(p); });
        } catch (IOException | RuntimeException e) {
          problems.accept(file + ": cannot read WARC: " + e.getMessage());
          counts[1]++;
        }
        pageCount += counts[0];
        bad += counts[1];
      } else {
        skipped++;
      }
    }
    return new ReplayReport(files, articleCount, pageCount, bad, skipped);
  }

  private static byte @org.jspecify.annotations.Nullable [] readCapped(Path file, boolean gzip) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
         InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
      byte[] bytes = in.readNBytes(MAX_HTML_BYTES + 1);
      return bytes.length > MAX_HTML_BYTES ? null : bytes;
    }
  }
}
