package news.panorama.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code bench ingest} on a tiny generated site: every item and page is counted, and figures come with their baseline. */
class BenchIngestCommandIT {
  @Test
  void benchIngest_countsEveryItemAndExtractedPage_andPrintsRatiosAgainstRawFetch() {
    CliRun run = CliRun.of("bench", "ingest", "--items", "75", "--pages", "40", "--hosts", "2", "--runs", "1");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("2 loopback hosts").contains("per-host delay 0 ms")
        .contains("Site: 3 feeds with 75 items; 2 feeds and 40 pages")
        .containsPattern("feeds run 1: crawler 75 items in [0-9.]+ s = [0-9]+ items/s; raw fetch of the same 3 feeds .* ratio [0-9.]+\\n")
        .containsPattern("pages run 1: crawler \\+ extractor 40 pages in [0-9.]+ s = [0-9]+ pages/s; .* ratio [0-9.]+\\n")
        .contains("Median of 1 runs:")
        .doesNotContain("[expected");
  }
}
