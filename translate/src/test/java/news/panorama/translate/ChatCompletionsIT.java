package news.panorama.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Translation;
import news.panorama.core.TranslationException;
import news.panorama.core.Translator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAI-compatible backend against a loopback server speaking the chat-completions JSON as OpenAI documents it. */
class ChatCompletionsIT {
  private static final Map<String, String> PHRASES = Map.of(
      "Зеленський прибув до Анкари", "Zelensky arrived in Ankara",
      "Erdoğan, Zelenskiy'i Ankara'da kabul etti", "Erdoğan received Zelensky in Ankara");

  @Test
  void translates_withModelMessagesAndBearerKey() throws Exception {
    try (ProtocolServer server = ProtocolServer.start(r -> Services.chatCompletion(r, "sk-test", PHRASES))) {
      Translator t = new ChatTranslator(Services.chat(server, "sk-test", Services.quick(0)));
      Translation out = t.translate("Зеленський прибув до Анкари", "uk", "en");
      assertThat(out.text()).isEqualTo("Zelensky arrived in Ankara");
      assertThat(out.backend()).isEqualTo("openai:test-model");
      assertThat(out.kind()).isEqualTo(Translation.Kind.TRANSLATION);
      ProtocolServer.Request sent = server.requests().get(0);
      assertThat(sent.path()).isEqualTo("/v1/chat/completions");
      assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-test");
      JsonNode body = sent.json();
      assertThat(body.path("model").asText()).isEqualTo("test-model");
      assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
      assertThat(body.path("messages").get(0).path("content").asText()).contains("from Ukrainian into English");
      assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("user");
      assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("Зеленський прибув до Анкари");
    }
  }

  @Test
  void withoutAKey_noAuthorizationIsSent() throws Exception {
    try (ProtocolServer server = ProtocolServer.start(r -> Services.chatCompletion(r, "", PHRASES))) {
      new ChatTranslator(Services.chat(server, "", Services.quick(0))).translate("Зеленський прибув до Анкари", "uk", "en");
      assertThat(server.requests().get(0).header("Authorization")).isNull();
    }
  }

  @Test
  void aWrongKey_failsWithOpenAisMessage_notRetried() throws Exception {
    try (ProtocolServer server = ProtocolServer.start(r -> Services.chatCompletion(r, "sk-right", PHRASES))) {
      Translator t = new ChatTranslator(Services.chat(server, "sk-wrong", Services.quick(2)));
      assertThatThrownBy(() -> t.translate("Зеленський прибув до Анкари", "uk", "en"))
          .isInstanceOf(TranslationException.class)
          .hasMessageStartingWith("openai:test-model: ")
          .hasMessageContaining("HTTP 401").hasMessageContaining("Incorrect API key provided");
      assertThat(server.hits()).isEqualTo(1);
    }
  }

  @Test
  void rateLimited_waitsForRetryAfter_thenSucceeds() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (ProtocolServer server = ProtocolServer.start(r -> calls.incrementAndGet() == 1
        ? ProtocolServer.Reply.json(429, Services.error("Rate limit reached for requests", "requests", "rate_limit_exceeded"))
            .withHeader("Retry-After", "1")
        : Services.chatCompletion(r, "", PHRASES))) {
      long start = System.nanoTime();
      Translation out = new ChatTranslator(Services.chat(server, "", Services.quick(1))).translate("Зеленський прибув до Анкари", "uk", "en");
      assertThat(out.text()).isEqualTo("Zelensky arrived in Ankara");
      assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1000);
      assertThat(server.hits()).isEqualTo(2);
    }
  }

  @Test
  void overloaded_thenSucceeds() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (ProtocolServer server = ProtocolServer.start(r -> calls.incrementAndGet() == 1
        ? ProtocolServer.Reply.json(503, Services.error("The engine is currently overloaded", "server_error", null))
        : Services.chatCompletion(r, "", PHRASES))) {
      Translation out = new ChatTranslator(Services.chat(server, "", Services.quick(2))).translate("Зеленський прибув до Анкари", "uk", "en");
      assertThat(out.text()).isEqualTo("Zelensky arrived in Ankara");
      assertThat(server.hits()).isEqualTo(2);
    }
  }

  @Test
  void answersThatAreNotACompleteReply_areErrors() throws Exception {
    try (ProtocolServer server = ProtocolServer.start(r -> ProtocolServer.Reply.json(200, "{\"choices\": [{\"message\": "))) {
      assertThatThrownBy(() -> Services.chat(server, "", Services.quick(1)).complete(java.util.List.of(ChatCompletions.Message.user("x"))))
          .hasMessageContaining("malformed JSON");
      assertThat(server.hits()).isEqualTo(1);
    }
    try (ProtocolServer server = ProtocolServer.start(r -> ProtocolServer.Reply.json(200, Services.completion("test-model", "Zelensky arr", "length")))) {
      assertThatThrownBy(() -> Services.chat(server, "", Services.quick(0)).complete(java.util.List.of(ChatCompletions.Message.user("x"))))
          .hasMessageContaining("finish_reason length");
    }
    try (ProtocolServer server = ProtocolServer.start(r -> ProtocolServer.Reply.json(200,
        "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null},\"finish_reason\":\"stop\"}]}"))) {
      assertThatThrownBy(() -> Services.chat(server, "", Services.quick(0)).complete(java.util.List.of(ChatCompletions.Message.user("x"))))
          .hasMessageContaining("no choices[0].message.content");
    }
  }

  @Test
  void aSlowModel_timesOut() throws Exception {
    try (ProtocolServer server = ProtocolServer.start(r -> Services.chatCompletion(r, "", PHRASES).after(Duration.ofSeconds(3)))) {
      JsonService.Settings s = new JsonService.Settings(Duration.ofMillis(300), 0, 1, Duration.ofSeconds(5), Duration.ofMillis(20));
      assertThatThrownBy(() -> new ChatTranslator(Services.chat(server, "", s)).translate("Зеленський прибув до Анкари", "uk", "en"))
          .hasMessageContaining("within 300 ms");
    }
  }

  @Test
  void configuredBackend_cachesInTheDataFolder_acrossRuns(@TempDir Path data) throws Exception {
    try (ProtocolServer server = ProtocolServer.start(r -> Services.chatCompletion(r, "sk-test", PHRASES))) {
      PanoramaConfig c = PanoramaConfig.load(null, Map.of("OPENAI_API_KEY", "sk-test"), Map.of("data.dir", data.toString(),
          "translate.backend", "openai", "translate.openai-model", "test-model", "translate.openai-base-url", server.base() + "/v1"));
      try (Translator t = Translators.open(c)) {
        assertThat(t.translate("Erdoğan, Zelenskiy'i Ankara'da kabul etti", "tr", "en").text()).isEqualTo("Erdoğan received Zelensky in Ankara");
      }
      try (Translator t = Translators.open(c)) {
        assertThat(t.translate("Erdoğan, Zelenskiy'i Ankara'da kabul etti", "tr", "en").text()).isEqualTo("Erdoğan received Zelensky in Ankara");
        assertThat(t.translate("Erdoğan, Zelenskiy'i Ankara'da kabul etti", "", "en").text())
            .as("another language pair is another key, sent again").isEqualTo("Erdoğan received Zelensky in Ankara");
      }
      assertThat(server.hits()).isEqualTo(2);
      assertThat(data.resolve(TranslationCache.FILE_NAME)).exists();
    }
  }
}
