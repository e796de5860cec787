package news.panorama.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import news.panorama.core.Translation;
import news.panorama.core.TranslationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LibreTranslate backend against a loopback server speaking LibreTranslate's documented JSON. */
class LibreTranslateIT {
  private static final Map<String, String> PHRASES = Map.of(
      "Zelensky attendu à Ankara", "Zelensky expected in Ankara",
      "Le chômage recule en Belgique", "Unemployment falls in Belgium");

  @Test
  void translates_sendingTheDocumentedRequest() throws Exception {
    try (ProtocolServer server = ProtocolServer.start(r -> Services.libreTranslate(r, "lt-key", PHRASES))) {
      Translation t = Services.libreTranslate(server, "lt-key", Services.quick(0)).translate("Zelensky attendu à Ankara", "fr", "en");
      assertThat(t.text()).isEqualTo("Zelensky expected in Ankara");
      assertThat(t.kind()).isEqualTo(Translation.Kind.TRANSLATION);
      assertThat(t.backend()).isEqualTo("libretranslate");
      assertThat(t.sourceLanguage()).isEqualTo("fr");
      ProtocolServer.Request sent = server.requests().get(0);
      assertThat(sent.method()).isEqualTo("POST");
      assertThat(sent.path()).isEqualTo("/translate");
      assertThat(sent.header("Content-Type")).isEqualTo("application/json");
      assertThat(sent.json().path("q").asText()).isEqualTo("Zelensky attendu à Ankara");
      assertThat(sent.json().path("source").asText()).isEqualTo("fr");
      assertThat(sent.json().path("target").asText()).isEqualTo("en");
      assertThat(sent.json().path("format").asText()).isEqualTo("text");
      assertThat(sent.json().path("api_key").asText()).isEqualTo("lt-key");
    }
  }

  @Test
  void unknownSourceLanguage_isSentAsAuto_andTheDetectedOneKept() throws Exception {
    try (ProtocolServer server = ProtocolServer.start(r -> Services.libreTranslate(r, "", PHRASES))) {
      Translation t = Services.libreTranslate(server, "", Services.quick(0)).translate("Le chômage recule en Belgique", "", "en");
      assertThat(t.text()).isEqualTo("Unemployment falls in Belgium");
      assertThat(t.sourceLanguage()).isEqualTo("fr");
      assertThat(server.requests().get(0).json().path("source").asText()).isEqualTo("auto");
      assertThat(server.requests().get(0).json().has("api_key")).isFalse();
    }
  }

  @Test
  void aRefusal_failsAtOnceWithTheServiceReason() throws Exception {
    try (ProtocolServer server = ProtocolServer.start(r -> Services.libreTranslate(r, "right-key", PHRASES))) {
      LibreTranslate lt = Services.libreTranslate(server, "wrong-key", Services.quick(2));
      assertThatThrownBy(() -> lt.translate("Zelensky attendu à Ankara", "fr", "en"))
          .isInstanceOf(TranslationException.class)
          .hasMessageStartingWith("libretranslate: ")
          .hasMessageContaining("HTTP 403").hasMessageContaining("Invalid API key");
      assertThat(server.hits()).as("a 4xx other than 429 is not retried").isEqualTo(1);
    }
  }

  @Test
  void tooManyRequests_waitsAsRetryAfterSays_thenSucceeds() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (ProtocolServer server = ProtocolServer.start(r -> calls.incrementAndGet() == 1
        ? ProtocolServer.Reply.json(429, "{\"error\":\"Too many request limits violations\"}").withHeader("Retry-After", "1")
        : Services.libreTranslate(r, "", PHRASES))) {
      long start = System.nanoTime();
      Translation t = Services.libreTranslate(server, "", Services.quick(2)).translate("Zelensky attendu à Ankara", "fr", "en");
      long waited = (System.nanoTime() - start) / 1_000_000;
      assertThat(t.text()).isEqualTo("Zelensky expected in Ankara");
      assertThat(server.hits()).isEqualTo(2);
      assertThat(waited).as("Retry-After: 1 honoured, not the 20 ms backoff").isGreaterThanOrEqualTo(1000);
    }
  }

  @Test
  void aRetryAfterLongerThanTheLimit_failsAtOnceNamingTheSetting() throws Exception {
    try (ProtocolServer server = ProtocolServer.start(r ->
        ProtocolServer.Reply.json(503, "{\"error\":\"down for maintenance\"}").withHeader("Retry-After", "3600"))) {
      LibreTranslate lt = Services.libreTranslate(server, "", Services.quick(3));
      assertThatThrownBy(() -> lt.translate("Zelensky attendu à Ankara", "fr", "en"))
          .hasMessageContaining("HTTP 503").hasMessageContaining("down for maintenance")
          .hasMessageContaining("3600 s").hasMessageContaining("translate.max-retry-after-seconds");
      assertThat(server.hits()).isEqualTo(1);
    }
  }

  @Test
  void serverErrors_areRetriedWithBackoff_thenSucceed() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (ProtocolServer server = ProtocolServer.start(r -> calls.incrementAndGet() <= 2
        ? ProtocolServer.Reply.json(500, "{\"error\":\"Cannot translate text: out of memory\"}")
        : Services.libreTranslate(r, "", PHRASES))) {
      Translation t = Services.libreTranslate(server, "", Services.quick(2)).translate("Zelensky attendu à Ankara", "fr", "en");
      assertThat(t.text()).isEqualTo("Zelensky expected in Ankara");
      assertThat(server.hits()).isEqualTo(3);
    }
  }

  @Test
  void serverErrorsToTheEnd_giveUpAfterTheRetries_withTheLastReason() throws Exception {
    try (ProtocolServer server = ProtocolServer.start(r -> ProtocolServer.Reply.json(502, "<html>Bad Gateway</html>"))) {
      LibreTranslate lt = Services.libreTranslate(server, "", Services.quick(2));
      assertThatThrownBy(() -> lt.translate("Zelensky attendu à Ankara", "fr", "en"))
          .hasMessageContaining("HTTP 502: <html>Bad Gateway</html>").hasMessageContaining("gave up after 3 attempts")
          .hasMessageContaining(server.base() + "/translate");
      assertThat(server.hits()).isEqualTo(3);
    }
  }

  @Test
  void aSlowServer_timesOut_andIsRetried() throws Exception {
    try (ProtocolServer server = ProtocolServer.start(r -> Services.libreTranslate(r, "", PHRASES).after(Duration.ofSeconds(3)))) {
      JsonService.Settings s = new JsonService.Settings(Duration.ofMillis(300), 1, 4, Duration.ofSeconds(5), Duration.ofMillis(20));
      long start = System.nanoTime();
      assertThatThrownBy(() -> Services.libreTranslate(server, "", s).translate("Zelensky attendu à Ankara", "fr", "en"))
          .isInstanceOf(TranslationException.class)
          .hasMessageContaining("within 300 ms").hasMessageContaining("gave up after 2 attempts");
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2500);
      assertThat(server.hits()).isEqualTo(2);
    }
  }

  @Test
  void noServer_isAnErrorNamingTheAddress() throws Exception {
    String base;
    try (ProtocolServer gone = ProtocolServer.start(r -> ProtocolServer.Reply.json(200, "{}"))) {
      base = gone.base();
    }
    JsonService.Settings s = Services.quick(1);
    LibreTranslate lt = new LibreTranslate(java.net.URI.create(base), "", new JsonService(LibreTranslate.NAME, JsonService.client(s), s, d -> { }));
    assertThatThrownBy(() -> lt.translate("Zelensky attendu à Ankara", "fr", "en"))
        .hasMessageContaining(base + "/translate").hasMessageContaining("cannot connect");
  }

  @Test
  void malformedJson_isAnErrorAndNotRetried() throws Exception {
    try (ProtocolServer server = ProtocolServer.start(r -> ProtocolServer.Reply.json(200, "{\"translatedText\": \"Zelensky exp"))) {
      LibreTranslate lt = Services.libreTranslate(server, "", Services.quick(2));
      assertThatThrownBy(() -> lt.translate("Zelensky attendu à Ankara", "fr", "en"))
          .hasMessageContaining("malformed JSON").hasMessageContaining("{\"translatedText\": \"Zelensky exp");
      assertThat(server.hits()).isEqualTo(1);
    }
    try (ProtocolServer server = ProtocolServer.start(r -> ProtocolServer.Reply.json(200, "{\"text\": \"no such field\"}"))) {
      assertThatThrownBy(() -> Services.libreTranslate(server, "", Services.quick(0)).translate("Zelensky attendu à Ankara", "fr", "en"))
          .hasMessageContaining("no translatedText");
    }
  }

  @Test
  void anAnswerBeyondTheCap_isAnError() throws Exception {
    String huge = "{\"translatedText\": \"" + "x".repeat(JsonService.MAX_ANSWER_BYTES) + "\"}";
    try (ProtocolServer server = ProtocolServer.start(r -> ProtocolServer.Reply.json(200, huge))) {
      assertThatThrownBy(() -> Services.libreTranslate(server, "", Services.quick(2)).translate("Zelensky attendu à Ankara", "fr", "en"))
          .hasMessageContaining("answer larger than " + JsonService.MAX_ANSWER_BYTES + " bytes");
      assertThat(server.hits()).isEqualTo(1);
    }
  }

  @Test
  void concurrencyLimit_holdsRequestsInFlight() throws Exception {
    try (ProtocolServer server = ProtocolServer.start(r -> Services.libreTranslate(r, "", PHRASES).after(Duration.ofMillis(150)))) {
      JsonService.Settings s = new JsonService.Settings(Duration.ofSeconds(5), 0, 2, Duration.ofSeconds(5), Duration.ofMillis(20));
      LibreTranslate lt = Services.libreTranslate(server, "", s);
      ExecutorService pool = Executors.newFixedThreadPool(6);
      try {
        List<Future<Translation>> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) all.add(pool.submit(() -> lt.translate("Le chômage recule en Belgique", "fr", "en")));
        for (Future<Translation> f : all) assertThat(f.get().text()).isEqualTo("Unemployment falls in Belgium");
      } finally {
        pool.shutdownNow();
      }
      assertThat(server.hits()).isEqualTo(6);
      assertThat(server.maxInFlight()).isLessThanOrEqualTo(2);
    }
  }

  @Test
  void cache_answersRepeatsWithoutTheServer_alsoAfterReopening(@TempDir Path dir) throws Exception {
    try (ProtocolServer server = ProtocolServer.start(r -> Services.libreTranslate(r, "", PHRASES))) {
      try (TranslationCache cache = TranslationCache.inDataDir(dir)) {
        CachedTranslator t = new CachedTranslator(Services.libreTranslate(server, "", Services.quick(0)), cache, false);
        assertThat(t.translate("Zelensky attendu à Ankara", "fr", "en").text()).isEqualTo("Zelensky expected in Ankara");
        assertThat(t.translate("Zelensky attendu à Ankara", "fr", "en").text()).isEqualTo("Zelensky expected in Ankara");
        assertThat(server.hits()).isEqualTo(1);
        assertThat(cache.hits()).isEqualTo(1);
      }
      try (TranslationCache reopened = TranslationCache.inDataDir(dir)) {
        CachedTranslator t = new CachedTranslator(Services.libreTranslate(server, "", Services.quick(0)), reopened, false);
        Translation again = t.translate("Zelensky attendu à Ankara", "fr", "en");
        assertThat(again.text()).isEqualTo("Zelensky expected in Ankara");
        assertThat(again.kind()).isEqualTo(Translation.Kind.TRANSLATION);
        assertThat(server.hits()).as("answered from the file").isEqualTo(1);
        t.translate("Le chômage recule en Belgique", "fr", "en");
        assertThat(server.hits()).as("another text is sent").isEqualTo(2);
        assertThat(reopened.size()).isEqualTo(2);
      }
    }
  }
}
