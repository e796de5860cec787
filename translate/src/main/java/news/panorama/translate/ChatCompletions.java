package news.panorama.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.panorama.core.Json;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.TranslationException;
import news.panorama.core.Validate;

/**
 * Any OpenAI-compatible chat-completions endpoint (OpenAI, Ollama, vLLM, llama.cpp's server,
 * LocalAI…): {@code POST {base}/chat/completions} with {@code {model, messages, temperature}} and,
 * when a key is set, {@code Authorization: Bearer KEY}; the reply is
 * {@code choices[0].message.content}, errors are {@code {"error": {"message": …}}}. Shares the
 * timeouts, retries and concurrency limit of every backend. Thread-safe; one per endpoint.
 */
public final class ChatCompletions {
  /** One message of a conversation: role {@code system}, {@code user} or {@code assistant}. */
  public record Message(String role, String content) {
    public static Message system(String content) {
      return new Message("system", content);
    }

    public static Message user(String content) {
      return new Message("user", content);
    }
  }

  private final JsonService service;
  private final URI endpoint;
  private final String model;
  private final String apiKey;

  ChatCompletions(URI baseUrl, String model, String apiKey, JsonService service) {
    Validate.notBlank(model, "chat model (setting translate.openai-model)");
    this.endpoint = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/chat/completions");
    this.model = model;
    this.apiKey = apiKey;
    this.service = service;
  }

  /** The endpoint of {@code translate.openai-*}, with the {@code translate.*} timeouts, retries and concurrency. */
  public static ChatCompletions open(PanoramaConfig.Translate t) {
    JsonService.Settings s = JsonService.Settings.from(t);
    return new ChatCompletions(t.openAiBaseUrl(), t.openAiModel(), t.openAiKey().value(),
        new JsonService(name(t.openAiModel()), JsonService.client(s), s, d -> Thread.sleep(d)));
  }

  /** The backend's name as translations record it: {@code openai:MODEL}. */
  static String name(String model) {
    return "openai:" + model;
  }

  public String backend() {
    return service.backend();
  }

  public String model() {
    return model;
  }

  /**
   * The model's reply to the conversation, at temperature 0 (the most likely wording, so a cached
   * answer is the answer).
   *
   * @throws TranslationException when the endpoint fails, refuses, or answers without a complete reply
   */
  public String complete(List<Message> messages) {
    Validate.isTrue(!messages.isEmpty(), "a chat completion needs at least one message");
    ObjectNode body = Json.mapper().createObjectNode().put("model", model).put("temperature", 0);
    ArrayNode list = body.putArray("messages");
    for (Message m : messages) list.addObject().put("role", m.role()).put("content", m.content());
    Map<String, String> headers = apiKey.isEmpty() ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
    JsonNode answer = service.post(endpoint, body, headers, ChatCompletions::error);
    JsonNode choice = answer.path("choices").path(0);
    JsonNode content = choice.path("message").path("content");
    if (!content.isTextual()) {
      throw new TranslationException(backend(), endpoint + ": answer has no choices[0].message.content: "
          + JsonService.snippet(answer.toString().getBytes(StandardCharsets.UTF_8)));
    }
    if ("length".equals(choice.path("finish_reason").asText())) {
      throw new TranslationException(backend(), endpoint + ": the reply was cut at the model's length limit (finish_reason length)");
    }
    return content.asText().strip();
  }

  /** OpenAI's error answers are {@code {"error": {"message": …, "type": …, "code": …}}}; some servers send a plain string. */
  static Optional<String> error(JsonNode answer) {
    JsonNode e = answer.get("error");
    if (e == null) return Optional.empty();
    if (e.isTextual()) return Optional.of(e.asText());
    JsonNode m = e.get("message");
    return m != null && m.isTextual() ? Optional.of(m.asText()) : Optional.empty();
  }
}
