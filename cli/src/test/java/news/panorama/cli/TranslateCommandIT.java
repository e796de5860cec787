package news.panorama.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import news.panorama.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslateCommandIT {
  @TempDir Path dir;

  private Path input() throws Exception {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, String.join("\n",
        "{\"id\":\"fr-1\",\"language\":\"fr\",\"title\":\"Zelensky attendu en Turquie\",\"text\":\"Le président ukrainien arrive en Turquie mercredi.\"}",
        "{\"id\": \"broken\", \"title\": ",
        "{\"id\":\"ja-1\",\"language\":\"ja\",\"title\":\"トルコの大統領\",\"text\":\"\"}",
        "{\"id\":\"en-1\",\"language\":\"en\",\"title\":\"Zelensky heads to Turkey\",\"text\":\"Kyiv, 18 November.\",\"story\":\"s1\"}") + "\n");
    return in;
  }

  private static List<JsonNode> lines(Path out) throws Exception {
    return Files.readAllLines(out).stream().map(l -> {
      try {
        return Json.mapper().readTree(l);
      } catch (Exception e) {
        throw new AssertionError(l, e);
      }
    }).toList();
  }

  @Test
  void offline_glossesEachLine_labelsIt_andSkipsBadLines() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("no-dictionaries"));
    Path out = dir.resolve("out.jsonl");
    CliRun run = CliRun.of("translate", "--in", input().toString(), "--out", out.toString(), "--data", dir.resolve("data").toString(),
        "--set", "translate.dictionary-dirs=" + empty);
    assertThat(run.exit()).isZero();
    assertThat(run.err()).contains("in.jsonl:2:").contains("3 articles").contains("2 gloss").contains("1 original");
    List<JsonNode> lines = lines(out);
    assertThat(lines).extracting(n -> n.path("id").asText()).containsExactly("fr-1", "ja-1", "en-1");
    JsonNode fr = lines.get(0);
    assertThat(fr.path("title_en").asText()).isEqualTo("Zelensky attendu in Turkey");
    assertThat(fr.path("text_en").asText()).contains("in Turkey");
    assertThat(fr.path("translation_backend").asText()).isEqualTo("gloss");
    assertThat(fr.path("translation_kind").asText()).isEqualTo("gloss");
    assertThat(lines.get(1).path("title_en").asText()).startsWith("Turkey's");
    JsonNode en = lines.get(2);
    assertThat(en.path("title_en").asText()).isEqualTo("Zelensky heads to Turkey");
    assertThat(en.path("translation_kind").asText()).isEqualTo("original");
    assertThat(en.path("story").asText()).as("other fields are kept").isEqualTo("s1");
  }

  @Test
  void withLibreTranslate_aFailingRecordIsNamed_andTheRestGoesOn() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Map<String, String> phrases = Map.of("Zelensky attendu en Turquie", "Zelensky expected in Turkey"); // the Japanese title fails
    try (LoopbackServer server = LoopbackServer.serve(exchange -> {
      calls.incrementAndGet();
      JsonNode q = Json.mapper().readTree(exchange.getRequestBody());
      String text = phrases.get(q.path("q").asText());
      byte[] body = (text == null ? "{\"error\":\"Cannot translate text: model crashed\"}"
          : Json.mapper().createObjectNode().put("translatedText", text).toString()).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(text == null ? 500 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    })) {
      Path out = dir.resolve("out.jsonl");
      CliRun run = CliRun.of("translate", "--in", input().toString(), "--out", out.toString(), "--titles-only",
          "--data", dir.resolve("data").toString(), "--set", "translate.backend=libretranslate",
          "--set", "translate.libretranslate-url=" + server.base(), "--set", "translate.retries=0");
      assertThat(run.exit()).isZero();
      List<JsonNode> lines = lines(out);
      assertThat(lines).extracting(n -> n.path("id").asText()).containsExactly("fr-1", "en-1");
      assertThat(lines.get(0).path("title_en").asText()).isEqualTo("Zelensky expected in Turkey");
      assertThat(lines.get(0).path("translation_backend").asText()).isEqualTo("libretranslate");
      assertThat(lines.get(0).has("text_en")).isFalse();
      assertThat(run.err()).contains("skipped").contains("article 'ja-1', title").contains("HTTP 500")
          .contains("Cannot translate text: model crashed").contains("1 failed");
      int sent = calls.get();
      // a second run answers the translated title from the cache in the data folder
      CliRun again = CliRun.of("translate", "--in", input().toString(), "--out", out.toString(), "--titles-only",
          "--data", dir.resolve("data").toString(), "--set", "translate.backend=libretranslate",
          "--set", "translate.libretranslate-url=" + server.base(), "--set", "translate.retries=0");
      assertThat(again.exit()).isZero();
      assertThat(calls.get()).as("only the failed title is sent again").isEqualTo(sent + 1);
    }
  }

  @Test
  void help_namesTheFieldsAndTheBackends() {
    CliRun run = CliRun.of("translate", "--help");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("title_en").contains("translation_kind").contains("gloss").contains("--titles-only");
  }
}
