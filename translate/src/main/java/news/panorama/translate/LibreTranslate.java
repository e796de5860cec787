package news.panorama.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import news.panorama.core.Json;
import news.panorama.core.Translation;
import news.panorama.core.TranslationException;
import news.panorama.core.Translator;

/**
 * A LibreTranslate server (the self-hostable open-source translation service), through its HTTP
 * API: {@code POST /translate} with {@code {q, source, target, format: "text", api_key}}, answered
 * by {@code {translatedText}} or, on failure, an HTTP error with {@code {error}}. An unknown source
 * language is sent as {@code auto}. Thread-safe.
 */
final class LibreTranslate implements Translator {
  static final String NAME = "libretranslate";

  private final JsonService service;
  private final URI endpoint;
  private final String apiKey;

  /**
   * @param baseUrl the server's root, e.g. {@code http://localhost:5000}
   * @param apiKey sent as {@code api_key} when not empty
   */
  LibreTranslate(URI baseUrl, String apiKey, JsonService service) {
    this.service = service;
    this.endpoint = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/translate");
    this.apiKey = apiKey;
  }

  @Override
  public String backend() {
    return NAME;
  }

  @Override
  public Translation translate(String text, String sourceLanguage, String targetLanguage) {
    if (sourceLanguage.equals(targetLanguage) || text.isBlank()) return Translation.original(text, targetLanguage, NAME);
    ObjectNode body = Json.mapper().createObjectNode()
        .put("q", text)
        .put("source", sourceLanguage.isEmpty() ? "auto" : sourceLanguage)
        .put("target", targetLanguage)
        .put("format", "text");
    if (!apiKey.isEmpty()) body.put("api_key", apiKey);
    JsonNode answer = service.post(endpoint, body, Map.of(), LibreTranslate::error);
    JsonNode translated = answer.get("translatedText");
    if (translated == null || !translated.isTextual()) {
      throw new TranslationException(NAME, endpoint + ": answer has no translatedText: " + JsonService.snippet(answer.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    String source = sourceLanguage;
    JsonNode detected = answer.path("detectedLanguage").path("language");
    if (source.isEmpty() && detected.isTextual()) source = detected.asText();
    return new Translation(translated.asText(), source, targetLanguage, NAME, Translation.Kind.TRANSLATION);
  }

  /** LibreTranslate's error answers are {@code {"error": "reason"}}. */
  static Optional<String> error(JsonNode answer) {
    JsonNode e = answer.get("error");
    return e != null && e.isTextual() ? Optional.of(e.asText()) : Optional.empty();
  }
}
