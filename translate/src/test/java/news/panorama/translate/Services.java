package news.panorama.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import news.panorama.core.Json;

/**
 * The two protocols as the tests' loopback servers speak them, following the services' documentation:
 * LibreTranslate's {@code POST /translate} and OpenAI's {@code POST /v1/chat/completions}, each
 * translating from a small phrase book and refusing bad requests the way the real service does.
 */
final class Services {
  private Services() {}

  /** Settings that keep tests fast: 2 s per attempt, 2 retries, 20 ms first backoff. */
  static JsonService.Settings quick(int retries) {
    return new JsonService.Settings(Duration.ofSeconds(2), retries, 4, Duration.ofSeconds(5), Duration.ofMillis(20));
  }

  static LibreTranslate libreTranslate(ProtocolServer server, String apiKey, JsonService.Settings s) {
    return new LibreTranslate(URI.create(server.base()), apiKey,
        new JsonService(LibreTranslate.NAME, JsonService.client(s), s, d -> Thread.sleep(d)));
  }

  static ChatCompletions chat(ProtocolServer server, String apiKey, JsonService.Settings s) {
    return new ChatCompletions(URI.create(server.base() + "/v1"), "test-model", apiKey,
        new JsonService(ChatCompletions.name("test-model"), JsonService.client(s), s, d -> Thread.sleep(d)));
  }

  /**
   * A LibreTranslate {@code /translate} answer: {@code {"translatedText"}} (plus
   * {@code detectedLanguage} for {@code source: auto}), or {@code {"error"}} with 400 for a missing
   * field, 403 for a wrong API key, as the LibreTranslate API documents.
   */
  static ProtocolServer.Reply libreTranslate(ProtocolServer.Request r, String apiKey, Map<String, String> phrasebook) {
    if (!r.method().equals("POST") || !r.path().equals("/translate")) return ProtocolServer.Reply.json(404, "{\"error\":\"Not Found\"}");
    JsonNode q = r.json();
    for (String field : new String[] {"q", "source", "target"}) {
      if (!q.path(field).isTextual()) return ProtocolServer.Reply.json(400, "{\"error\":\"Invalid request: missing " + field + " parameter\"}");
    }
    if (!apiKey.isEmpty() && !apiKey.equals(q.path("api_key").asText())) {
      return ProtocolServer.Reply.json(403, "{\"error\":\"Invalid API key\"}");
    }
    String text = phrasebook.get(q.path("q").asText());
    if (text == null) return ProtocolServer.Reply.json(400, "{\"error\":\"no translation for this text in the test phrase book\"}");
    ObjectNode answer = Json.mapper().createObjectNode().put("translatedText", text);
    if (q.path("source").asText().equals("auto")) {
      answer.putObject("detectedLanguage").put("confidence", 90.0).put("language", "fr");
    }
    return ProtocolServer.Reply.json(200, answer.toString());
  }

  /**
   * An OpenAI chat-completions answer: the documented {@code chat.completion} object with the
   * phrase book's translation of the last user message, or the documented error object with 401
   * for a wrong key.
   */
  static ProtocolServer.Reply chatCompletion(ProtocolServer.Request r, String apiKey, Map<String, String> phrasebook) {
    if (!r.method().equals("POST") || !r.path().equals("/v1/chat/completions")) {
      return ProtocolServer.Reply.json(404, error("Unknown request URL: " + r.method() + " " + r.path(), "invalid_request_error", "unknown_url"));
    }
    String auth = r.header("Authorization");
    if (!apiKey.isEmpty() && !("Bearer " + apiKey).equals(auth)) {
      return ProtocolServer.Reply.json(401, error("Incorrect API key provided: " + auth + ".", "invalid_request_error", "invalid_api_key"));
    }
    JsonNode q = r.json();
    JsonNode messages = q.path("messages");
    if (!q.path("model").isTextual() || !messages.isArray() || messages.isEmpty()) {
      return ProtocolServer.Reply.json(400, error("'messages' is a required property", "invalid_request_error", null));
    }
    String user = messages.get(messages.size() - 1).path("content").asText();
    String reply = phrasebook.getOrDefault(user, "");
    return ProtocolServer.Reply.json(200, completion(q.path("model").asText(), reply, "stop"));
  }

  static String completion(String model, String content, String finishReason) {
    ObjectNode c = Json.mapper().createObjectNode()
        .put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1_732_000_000L).put("model", model);
    ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", content);
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason);
    c.putObject("usage").put("prompt_tokens", 20).put("completion_tokens", 10).put("total_tokens", 30);
    return c.toString();
  }

  static String error(String message, String type, String code) {
    ObjectNode e = Json.mapper().createObjectNode();
    ObjectNode inner = e.putObject("error").put("message", message).put("type", type);
    inner.putNull("param");
    if (code == null) inner.putNull("code"); else inner.put("code", code);
    return e.toString();
  }
}
