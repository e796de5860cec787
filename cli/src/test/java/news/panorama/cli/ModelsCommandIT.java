package news.panorama.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandIT {
  private LoopbackServer server;
  private String base;

  @BeforeEach
  void start() throws Exception {
    server = LoopbackServer.serve(ex -> {
      ex.sendResponseHeaders(404, -1);
      ex.close();
    });
    base = server.base();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void list_showsTheShippedModelInUse_andTheDownloadableOnes(@TempDir Path data) {
    CliRun r = CliRun.of("models", "list", "--data", data.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).containsPattern("e5-small-v2-q +shipped, in use")
        .containsPattern("multilingual-e5-small +not pulled \\(135 MB\\)")
        .contains("paraphrase-multilingual-MiniLM-L12-v2");
  }

  @Test
  void pull_fromAServerWithoutTheFile_failsNamingModelUrlAndStatus_andLeavesNothing(@TempDir Path data) throws Exception {
    CliRun r = CliRun.of("models", "pull", "multilingual-e5-small", "--base-url", base + "/mirror", "--data", data.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("panorama: cannot pull model 'multilingual-e5-small' from " + base
        + "/mirror/onnx/model_quantized.onnx: the server answered HTTP 404");
    try (var files = Files.list(data.resolve("models"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void unknownOrUnpulledModel_failsWithASentence(@TempDir Path data) {
    assertThat(CliRun.of("models", "pull", "nope", "--data", data.toString()).err())
        .contains("unknown model 'nope'; models that can be pulled: multilingual-e5-small, paraphrase-multilingual-MiniLM-L12-v2");
    assertThat(CliRun.of("models", "verify", "multilingual-e5-small", "--data", data.toString()).err())
        .contains("run `panorama models pull multilingual-e5-small`");
  }

  @Test
  void benchEmbed_printsBatchedAndOneByOneRates_andEventScores(@TempDir Path data) throws Exception {
    Path in = Fixtures.storyWithNoise(data);
    Path gold = data.resolve("gold.tsv");
    Files.writeString(gold, "other-lira\tlira\nother-rain\train\n");
    CliRun r = CliRun.of("bench", "embed", "--in", in.toString(), "--limit", "6", "--gold", gold.toString(), "--data", data.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("model e5-small-v2-q (384 dimensions").containsPattern("batched: +6 articles in")
        .containsPattern("one by one: +6 articles in").contains("events: 0 articles with a gold event shared by another");
  }
}
