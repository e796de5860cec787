package news.panorama.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decides how a page's bytes are decoded, in the order browsers use: a byte-order mark, then the
 * HTTP Content-Type header, then a {@code <meta charset>} or {@code http-equiv} declaration in the
 * first bytes, then UTF-8 when the bytes are valid UTF-8, else windows-1252 (what browsers assume
 * for undeclared legacy pages). Stateless; cost is one scan of the head, plus one UTF-8 validity
 * check when nothing is declared.
 */
final class Charsets {
  /** How far into the page a meta declaration is looked for (browsers look at 1024 bytes; pages are sloppier). */
  static final int PRESCAN_BYTES = 8192;
  private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([^\"';\\s>]+)");
  private static final Pattern META_CHARSET = Pattern.compile(
      "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-z0-9_.:\\-]+)");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private Charsets() {}

  /** The decision: the charset, how many BOM bytes to skip, and where it came from. */
  record Decision(Charset charset, int skip, String from) {}

  static Decision decide(byte[] body, Map<String, List<String>> headers) {
    Decision bom = fromBom(body);
    if (bom != null) return bom;
    Charset header = supported(headerValue(headers));
    if (header != null) return new Decision(header, 0, "header");
    String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    if (m.find()) {
      Charset meta = supported(m.group(1));
      if (meta != null) {
        // a page served as bytes cannot be UTF-16 once its meta is readable as ASCII
        if (meta.name().startsWith("UTF-16")) meta = StandardCharsets.UTF_8;
        return new Decision(meta, 0, "meta");
      }
    }
    return isUtf8(body) ? new Decision(StandardCharsets.UTF_8, 0, "default")
        : new Decision(WINDOWS_1252, 0, "fallback");
  }

  private static @Nullable Decision fromBom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return new Decision(StandardCharsets.UTF_8, 3, "bom");
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return new Decision(StandardCharsets.UTF_16BE, 2, "bom");
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return new Decision(StandardCharsets.UTF_16LE, 2, "bom");
    }
    return null;
  }

  private static @Nullable String headerValue(Map<String, List<String>> headers) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase("content-type") && !e.getValue().isEmpty()) {
        Matcher m = HEADER_CHARSET.matcher(e.getValue().get(0));
        return m.find() ? m.group(1) : null;
      }
    }
    return null;
  }

  /** The charset of that name when the JVM has it; labels browsers treat as aliases are mapped. */
  static @Nullable Charset supported(@Nullable String name) {
    if (name == null || name.isBlank()) return null;
    String n = name.strip().toLowerCase(Locale.ROOT);
    // the WHATWG encoding standard decodes these labels as windows-1252 and GBK's superset
    if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
      return WINDOWS_1252;
    }
    if (n.equals("gb2312") || n.equals("gbk")) n = "gb18030";
    try {
      return Charset.isSupported(n) ? Charset.forName(n) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static boolean isUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
