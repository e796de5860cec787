package news.panorama.translate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;

/**
 * One dictionary in the dictd format, as Debian's {@code dict-freedict-*} packages install it: an
 * {@code .index} of {@code headword TAB offset TAB length} lines (numbers in dictd's base 64) and a
 * {@code .dict.dz} of entries, compressed with dictzip (gzip in independently deflated chunks, whose
 * sizes sit in the header's {@code RA} field) so one entry is read without unpacking the file.
 *
 * <p>The index is held in memory, compactly (headwords as one UTF-8 block, sorted; about a third of
 * the index file's size); entries are read from disk when asked for. Opening reads the index (a
 * third of a second for the 13 MB German one). Thread-safe; close it to release the file.
 */
final class Dictd implements AutoCloseable {
  private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private final Path dictFile;
  /** Headwords, folded, in unsigned-byte order, as one block of UTF-8. */
  private final byte[] keys;
  /** Where each headword starts in {@link #keys}; one extra element marks the end. */
  private final int[] starts;
  /** Per headword, its entry's offset (high 40 bits) and length (low 24 bits) in the uncompressed data. */
  private final long[] entries;
  private final Data data;

  private Dictd(Path dictFile, byte[] keys, int[] starts, long[] entries, Data data) {
    this.dictFile = dictFile;
    this.keys = keys;
    this.starts = starts;
    this.entries = entries;
    this.data = data;
  }

  /**
   * @param index the {@code .index} file
   * @param dict the {@code .dict.dz} (dictzip or plain gzip) or {@code .dict} file beside it
   * @throws IOException when a file cannot be read or is not in the dictd format (naming the file and line)
   */
  static Dictd open(Path index, Path dict) throws IOException {
    List<String[]> lines = new ArrayList<>();
    long n = 0;
    try (var r = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        n++;
        if (line.isEmpty()) continue;
        int b = line.lastIndexOf('\t');
        int a = b > 0 ? line.lastIndexOf('\t', b - 1) : -1;
        if (a < 0) throw new IOException(index + ":" + n + ": not a dictd index line (headword, offset, length)");
        if (a == 0) continue; // an empty headword (German–English has a few) can never be looked up
        lines.add(new String[] {fold(line.substring(0, a)), line.substring(a + 1, b), line.substring(b + 1)});
      }
    }
    byte[][] folded = new byte[lines.size()][];
    long[] packed = new long[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      String[] l = lines.get(i);
      folded[i] = l[0].getBytes(StandardCharsets.UTF_8);
      long offset = base64(l[1], index, i);
      long length = base64(l[2], index, i);
      if (length >= 1 << 24 || offset >= 1L << 40) throw new IOException(index + ": entry of '" + l[0] + "' out of range");
      packed[i] = offset << 24 | length;
    }
    Integer[] order = new Integer[lines.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (x, y) -> Arrays.compareUnsigned(folded[x], folded[y])); // stable: homographs keep their order
    int total = 0;
    for (byte[] k : folded) total += k.length;
    byte[] keys = new byte[total];
    int[] starts = new int[order.length + 1];
    long[] entries = new long[order.length];
    int at = 0;
    for (int i = 0; i < order.length; i++) {
      byte[] k = folded[order[i]];
      starts[i] = at;
      System.arraycopy(k, 0, keys, at, k.length);
      at += k.length;
      entries[i] = packed[order[i]];
    }
    starts[order.length] = at;
    return new Dictd(dict, keys, starts, entries, Data.open(dict));
  }

  private static final com.ibm.icu.text.Normalizer2 NFC = com.ibm.icu.text.Normalizer2.getNFCInstance();

  /** How headwords are compared: lower case, Unicode-normalized (NFC). */
  static String fold(String s) {
    String t = s.strip();
    if (!NFC.isNormalized(t)) t = NFC.normalize(t);
    return t.toLowerCase(Locale.ROOT);
  }

  private static long base64(String s, Path index, int line) throws IOException {
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      int d = B64.indexOf(s.charAt(i));
      if (d < 0) throw new IOException(index + ": bad base-64 number '" + s + "' near entry " + (line + 1));
      v = v * 64 + d;
    }
    return v;
  }

  /** Headwords in the index. */
  int size() {
    return entries.length;
  }

  /** Whether the dictionary has an entry for the word (compared folded). */
  boolean contains(String word) {
    return first(fold(word).getBytes(StandardCharsets.UTF_8)) >= 0;
  }

  /** Whether some headword starts with the folded key (so a longer phrase may still be one). */
  boolean hasPrefix(String key) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    int lo = 0;
    int hi = entries.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(mid, k) < 0) lo = mid + 1; else hi = mid;
    }
    if (lo >= entries.length) return false;
    int len = starts[lo + 1] - starts[lo];
    return len >= k.length && Arrays.equals(keys, starts[lo], starts[lo] + k.length, k, 0, k.length);
  }

  /** The entries for a headword (compared folded), in the dictionary's order; empty when there is none. */
  List<String> entries(String word) {
    byte[] k = fold(word).getBytes(StandardCharsets.UTF_8);
    int i = first(k);
    if (i < 0) return List.of();
    List<String> out = new ArrayList<>(2);
    for (; i < entries.length && compare(i, k) == 0; i++) {
      out.add(data.read(entries[i] >>> 24, (int) (entries[i] & 0xFFFFFF)));
    }
    return out;
  }

  /**
   * Every entry, in the order of the data file, read in one pass (the whole file is unpacked once:
   * for building a reverse index, not for look-ups).
   */
  void forEachEntry(java.util.function.Consumer<String> sink) throws IOException {
    byte[] all = data.all();
    long[] sorted = entries.clone();
    Arrays.sort(sorted);
    long previous = -1;
    for (long e : sorted) {
      if (e == previous) continue;
      previous = e;
      int offset = (int) (e >>> 24);
      int length = (int) (e & 0xFFFFFF);
      if (offset + length <= all.length) sink.accept(new String(all, offset, length, StandardCharsets.UTF_8));
    }
  }

  /** The entry of the {@code i}-th headword in sorted order (for sampling a dictionary). */
  String entryAt(int i) {
    return data.read(entries[i] >>> 24, (int) (entries[i] & 0xFFFFFF));
  }

  /** Index of the first headword equal to {@code k}, or -1. */
  private int first(byte[] k) {
    int lo = 0;
    int hi = entries.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(mid, k) < 0) lo = mid + 1; else hi = mid;
    }
    return lo < entries.length && compare(lo, k) == 0 ? lo : -1;
  }

  private int compare(int i, byte[] k) {
    return Arrays.compareUnsigned(keys, starts[i], starts[i + 1], k, 0, k.length);
  }

  @Override
  public void close() {
    data.close();
  }

  @Override
  public String toString() {
    return "dictd " + dictFile + " (" + entries.length + " headwords)";
  }

  /** The uncompressed entries: read by dictzip chunks, or held whole when the file has no chunk table. */
  private abstract static sealed class Data implements AutoCloseable permits Chunked, Whole {
    abstract String read(long offset, int length);

    /** The whole uncompressed data. */
    abstract byte[] all() throws IOException;

    @Override
    public void close() {}

    static Data open(Path dict) throws IOException {
      if (!dict.getFileName().toString().endsWith(".dz")) return new Whole(Files.readAllBytes(dict));
      FileChannel ch = FileChannel.open(dict, StandardOpenOption.READ);
      try {
        Chunked c = Chunked.of(ch, dict);
        if (c != null) return c;
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
      ch.close();
      try (InputStream in = new GZIPInputStream(Files.newInputStream(dict), 1 << 16)) {
        return new Whole(in.readAllBytes());
      }
    }
  }

  private static final class Whole extends Data {
    private final byte[] bytes;

    Whole(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    byte[] all() {
      return bytes;
    }

    @Override
    String read(long offset, int length) {
      if (offset + length > bytes.length) throw new IllegalStateException("dictd entry beyond the end of the data");
      return new String(bytes, (int) offset, length, StandardCharsets.UTF_8);
    }
  }

  /** dictzip: gzip whose RA extra field lists the compressed size of each chunk of {@code chunkLength} bytes. */
  private static final class Chunked extends Data {
    private final FileChannel channel;
    private final Path file;
    private final int chunkLength;
    /** Where each chunk's deflate data starts in the file; one extra element marks the end. */
    private final long[] chunkStarts;

    private Chunked(FileChannel channel, Path file, int chunkLength, long[] chunkStarts) {
      this.channel = channel;
      this.file = file;
      this.chunkLength = chunkLength;
      this.chunkStarts = chunkStarts;
    }

    /** The chunk table of a dictzip file, or null when it is plain gzip. */
    static @Nullable Chunked of(FileChannel ch, Path file) throws IOException {
      ByteBuffer head = ByteBuffer.allocate((int) Math.min(ch.size(), 1 << 17));
      ch.read(head, 0);
      head.flip().order(java.nio.ByteOrder.LITTLE_ENDIAN);
      if (head.remaining() < 12 || (head.get(0) & 0xFF) != 0x1f || (head.get(1) & 0xFF) != 0x8b || head.get(2) != 8) {
        throw new IOException(file + " is not gzip data");
      }
      int flags = head.get(3) & 0xFF;
      if ((flags & 4) == 0) return null;
      int xlen = head.getShort(10) & 0xFFFF;
      int pos = 12;
      int end = 12 + xlen;
      int chunkLength = -1;
      int[] sizes = null;
      while (pos + 4 <= end) {
        int si1 = head.get(pos) & 0xFF;
        int si2 = head.get(pos + 1) & 0xFF;
        int len = head.getShort(pos + 2) & 0xFFFF;
        if (si1 == 'R' && si2 == 'A') {
          chunkLength = head.getShort(pos + 6) & 0xFFFF;
          int count = head.getShort(pos + 8) & 0xFFFF;
          sizes = new int[count];
          for (int i = 0; i < count; i++) sizes[i] = head.getShort(pos + 10 + 2 * i) & 0xFFFF;
        }
        pos += 4 + len;
      }
      if (sizes == null || chunkLength <= 0) return null;
      pos = end;
      if ((flags & 8) != 0) while (head.get(pos++) != 0) { /* file name */ }
      if ((flags & 16) != 0) while (head.get(pos++) != 0) { /* comment */ }
      if ((flags & 2) != 0) pos += 2;
      long[] starts = new long[sizes.length + 1];
      starts[0] = pos;
      for (int i = 0; i < sizes.length; i++) starts[i + 1] = starts[i] + sizes[i];
      return new Chunked(ch, file, chunkLength, starts);
    }

    @Override
    byte[] all() throws IOException {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
        return in.readAllBytes();
      }
    }

    @Override
    String read(long offset, int length) {
      if (length <= 0) return "";
      int first = (int) (offset / chunkLength);
      int last = (int) ((offset + length - 1) / chunkLength);
      if (last >= chunkStarts.length - 1) throw new IllegalStateException(file + ": entry beyond the last chunk");
      int from = (int) (offset - (long) first * chunkLength);
      int needed = from + length; // bytes of the chunks' output up to the entry's end: inflating stops there
      byte[] out = new byte[needed];
      int filled = 0;
      Inflater inflater = new Inflater(true);
      try {
        for (int c = first; c <= last && filled < needed; c++) {
          ByteBuffer in = ByteBuffer.allocate((int) (chunkStarts[c + 1] - chunkStarts[c]));
          while (in.hasRemaining()) {
            if (channel.read(in, chunkStarts[c] + in.position()) < 0) break;
          }
          inflater.reset();
          inflater.setInput(in.array(), 0, in.position());
          int want = Math.min(chunkLength, needed - filled);
          int n = 0;
          while (n < want && !inflater.finished()) {
            int k = inflater.inflate(out, filled + n, want - n);
            if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
            n += k;
          }
          filled += n;
          if (n < want && c < last) break;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      } catch (DataFormatException e) {
        throw new IllegalStateException(file + " has a corrupt dictzip chunk: " + e.getMessage(), e);
      } finally {
        inflater.end();
      }
      if (filled < needed) throw new IllegalStateException(file + ": entry beyond the end of the data");
      return new String(out, from, length, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing was written; closing a read-only channel that fails leaks nothing we could recover
      }
    }
  }
}
