package news.panorama.core;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads and writes articles as JSON Lines, one article per line. A bad line is reported with its
 * line number and reason and skipped; the rest of the file is read.
 */
public final class JsonLines {
  /**
   * What the reader of {@link #open} puts in place of bytes that are not UTF-8, so that the line
   * holding them is reported rather than read with replacement characters. No valid line holds a raw
   * NUL either (JSON escapes it), so a line with this character is bad either way.
   */
  private static final char NOT_UTF8 = '\0';

  private JsonLines() {}

  /** A line that could not be read as an article. */
  public record BadLine(String input, long line, String reason) {
    @Override
    public String toString() {
      return input + ":" + line + ": " + reason;
    }
  }

  /** What a read produced: the articles and the bad lines. */
  public record Result(List<Article> articles, List<BadLine> bad) {}

  /**
   * Opens a path for reading ({@code -} is stdin; {@code .gz} is decompressed) as UTF-8; {@link #read}
   * reports a line with bytes that are not UTF-8 as bad.
   */
  public static Reader open(String path) throws IOException {
    InputStream in;
    if (path.equals("-")) {
      in = System.in;
    } else {
      in = Files.newInputStream(Path.of(path));
      if (path.endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
        .replaceWith(String.valueOf(NOT_UTF8)));
  }

  /** Streams the articles of a reader to {@code sink}, bad lines to {@code bad}. Blank lines are skipped. */
  public static void read(Reader reader, String inputName, Consumer<Article> sink, Consumer<BadLine> bad) {
    BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
    long n = 0;
    try {
      for (String line; (line = r.readLine()) != null; ) {
        n++;
        if (line.isBlank()) continue;
        int notUtf8 = line.indexOf(NOT_UTF8);
        if (notUtf8 >= 0) {
          bad.accept(new BadLine(inputName, n, "not valid UTF-8: a malformed byte sequence (or a NUL byte) at character "
              + (notUtf8 + 1) + " of the line"));
          continue;
        }
        Article a;
        try {
          a = ArticleJson.parse(line);
        } catch (IllegalArgumentException e) {
          bad.accept(new BadLine(inputName, n, e.getMessage()));
          continue;
        }
        sink.accept(a);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + inputName + " after line " + n, e);
    }
  }

  /** Reads a whole file ({@code -} for stdin). */
  public static Result readAll(String path) throws IOException {
    List<Article> articles = new ArrayList<>();
    List<BadLine> bad = new ArrayList<>();
    try (Reader r = open(path)) {
      read(r, path, articles::add, bad::add);
    }
    return new Result(articles, bad);
  }

  /** Opens a path for writing; {@code -} is stdout, which closing the writer flushes but leaves open. */
  public static Writer create(String path) throws IOException {
    OutputStream out = path.equals("-") ? new FilterOutputStream(System.out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        this.out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    } : Files.newOutputStream(Path.of(path));
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }

  public static void write(Writer w, Article article) throws IOException {
    w.write(ArticleJson.write(article));
    w.write('\n');
  }
}
