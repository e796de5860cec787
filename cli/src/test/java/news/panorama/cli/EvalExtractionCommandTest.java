package news.panorama.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalExtractionCommandTest {
  private static final String TEXT = "The regional parliament approved the new water plan on Thursday after a long debate. "
      + "Farmers had asked for more time to adapt their irrigation, and the plan now phases in over five years. "
      + "Environmental groups welcomed the vote but said the limits on river extraction were still too loose.";

  @Test
  void scoresADatasetInTheBenchmarkLayout_andWritesPredictions(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("html"));
    String html = "<html><head><title>Water</title></head><body><nav><a href=/>Home</a></nav><div><p>" + TEXT
        + "</p></div><footer>All rights reserved</footer></body></html>";
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("html/p1.html.gz")))) {
      out.write(html.getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("ground-truth.json"),
        "{\"p1\": {\"url\": \"https://example.org/p1\", \"articleBody\": \"" + TEXT + "\"}}");
    Path predictions = dir.resolve("pred.jsonl");

    CliRun run = CliRun.of("eval", "extraction", "--dataset", dir.toString(), "--out", predictions.toString(),
        "--min-seconds", "0");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("metric check skipped: no output/ folder")
        .containsPattern("panorama HtmlExtractor +1\\.0000 +1\\.0000 +1\\.0000 +1\\.0000")
        .contains("rs_trafilatura 9261e08").contains("pages/s");
    assertThat(Files.readString(predictions)).startsWith("{\"file\":\"html/p1.html.gz\",\"text\":\"The regional");
  }

  @Test
  void failsTheMetricCheck_whenAShippedOutputDisagreesWithItsPublishedScore(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("html"));
    Files.createDirectories(dir.resolve("output"));
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("html/p1.html.gz")))) {
      out.write(("<html><body><p>" + TEXT + "</p></body></html>").getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("ground-truth.json"), "{\"p1\": {\"url\": \"\", \"articleBody\": \"" + TEXT + "\"}}");
    // a perfect output cannot reproduce trafilatura's published 0.958
    Files.writeString(dir.resolve("output/trafilatura.json"), "{\"p1\": {\"articleBody\": \"" + TEXT + "\"}}");

    CliRun run = CliRun.of("eval", "extraction", "--dataset", dir.toString(), "--min-seconds", "0");

    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.out()).contains("trafilatura").contains("MISMATCH").contains("SOME DIFFER");
  }
}
