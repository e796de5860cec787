package news.panorama.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import news.panorama.core.CappedBody;
import org.jspecify.annotations.Nullable;

/** Reading response bodies within limits: raw bytes capped while they arrive, decoding capped too. */
final class Bodies {
  private Bodies() {}

  /** Thrown when decoding would exceed the cap; the message names the limit. */
  static final class TooLarge extends IOException {
    TooLarge(String message) {
      super(message);
    }
  }

  /**
   * A body handler that keeps at most {@code cap} bytes; a longer body is cancelled as soon as it
   * passes the cap and completes with null, so an endless body costs at most {@code cap} bytes.
   */
  static HttpResponse.BodyHandler<byte @Nullable []> capped(long cap) {
    return CappedBody.handler(cap);
  }

  /**
   * The body decoded per its Content-Encoding (gzip, x-gzip, deflate; identity or none as is), at
   * most {@code cap} bytes.
   *
   * @throws TooLarge when the decoded body passes the cap (a decompression bomb)
   * @throws IOException when the bytes are not in the declared encoding, or the encoding is unknown
   */
  static byte[] decode(byte[] raw, @Nullable String contentEncoding, long cap) throws IOException {
    String enc = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
    return switch (enc) {
      case "", "identity" -> raw;
      case "gzip", "x-gzip" -> readCapped(new GZIPInputStream(new ByteArrayInputStream(raw), 8192), cap);
      case "deflate" -> inflate(raw, cap);
      default -> throw new IOException("unsupported content encoding '" + enc + "'");
    };
  }

  private static byte[] inflate(byte[] raw, long cap) throws IOException {
    // RFC 9110 deflate is zlib-wrapped, but some servers send raw deflate: try both
    boolean zlib = raw.length >= 2 && (raw[0] & 0x0f) == 8 && ((raw[0] & 0xff) << 8 | raw[1] & 0xff) % 31 == 0;
    return readCapped(new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(!zlib), 8192), cap);
  }

  private static byte[] readCapped(InputStream in, long cap) throws IOException {
    try (in) {
      byte[] bytes = in.readNBytes((int) Math.min(cap + 1, Integer.MAX_VALUE - 8));
      if (bytes.length > cap) {
        throw new TooLarge("decoded body larger than " + cap + " bytes (setting ingest.max-decompressed-bytes)");
      }
      return bytes;
    }
  }
}
