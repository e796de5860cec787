package news.panorama.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.panorama.core.Article;
import news.panorama.core.ArticleJson;
import news.panorama.core.Extractor;
import news.panorama.core.Json;
import news.panorama.core.Outcome;
import news.panorama.core.Page;
import news.panorama.extract.HtmlExtractor;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The first operator: each input record becomes an article, or a dead letter naming the record and
 * the reason. A record is an interchange line (an article), or a fetched page: an object with the
 * page's {@code url} and its HTML as {@code html} (text) or {@code body} (base64 bytes, with an
 * optional {@code content_type}) and no {@code title} or {@code text}, which the extraction stage
 * turns into an article. Stateless; runs at the job's parallelism.
 */
final class Intake extends ProcessFunction<InputRecord, Item> {
  private static final long serialVersionUID = 1L;
  /** Records that are not articles, as JSON lines for the dead-letter topic. */
  static final OutputTag<String> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

  private final int maxBytes;
  private transient Extractor extractor;

  Intake(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void open(OpenContext context) {
    extractor = new HtmlExtractor();
  }

  @Override
  public void processElement(InputRecord r, Context ctx, Collector<Item> out) {
    try {
      Article a = article(r);
      long time = a.published() != null ? a.published().toEpochMilli() : r.timestamp;
      out.collect(Item.of(a.withoutHtml(), time, r.seq));
    } catch (IllegalArgumentException e) {
      ctx.output(DEAD_LETTERS, deadLetter(r, e.getMessage()));
    }
  }

  private Article article(InputRecord r) {
    if (r.oversize > 0) {
      throw new IllegalArgumentException("record of " + r.oversize + " bytes is over the limit of " + maxBytes
          + " bytes (setting --max-record-bytes)");
    }
    if (r.value == null) throw new IllegalArgumentException("record has no value");
    String line;
    try {
      line = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(r.value)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not valid UTF-8");
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode o)) throw new IllegalArgumentException("expected a JSON object");
    return isPage(o) ? extract(o) : ArticleJson.fromNode(o);
  }

  static boolean isPage(ObjectNode o) {
    return (o.hasNonNull("body") || o.hasNonNull("html")) && !o.hasNonNull("title") && !o.hasNonNull("text");
  }

  private Article extract(ObjectNode o) {
    String url = o.path("url").asText("");
    byte[] body;
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (o.hasNonNull("body")) {
      try {
        body = Base64.getDecoder().decode(o.get("body").asText());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("page '" + url + "': field 'body' is not base64");
      }
      if (o.hasNonNull("content_type")) headers.put("content-type", List.of(o.get("content_type").asText()));
    } else {
      body = o.get("html").asText().getBytes(StandardCharsets.UTF_8);
      headers.put("content-type", List.of("text/html; charset=utf-8"));
    }
    Outcome<Article> extracted = extractor.extract(new Page(url, body, headers, null, null, null, null));
    if (!extracted.ok()) {
      throw new IllegalArgumentException("page '" + url + "': no article: " + String.join("; ", extracted.problems()));
    }
    return extracted.value();
  }

  /** The dead letter of a record: the reason, where the record was, and the start of its value. */
  static String deadLetter(InputRecord r, String reason) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reason", reason);
    m.put("topic", r.topic);
    m.put("partition", r.partition);
    m.put("offset", r.offset);
    byte[] v = r.value == null ? new byte[0] : r.value;
    m.put("excerpt", new String(v, 0, Math.min(v.length, InputRecord.EXCERPT_BYTES), StandardCharsets.UTF_8));
    return Codec.json(m);
  }

  /** The dead letter of an article a later stage refused. */
  static String deadLetter(String articleId, String reason) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reason", reason);
    m.put("article", articleId);
    return Codec.json(m);
  }
}
