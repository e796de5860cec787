package news.panorama.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the official ROUGE-1.5.5 per-cluster scores ({@code rouge-dev-per-cluster.tsv}: 13
 * published systems × 25 clusters × ROUGE-1..4, recall, precision and F) of the DUC 2004 task-2 dev
 * half from the published summaries and the reference summaries. Skips without the shared data folder.
 */
class RougeDevIT {
  private static final Path SHARED = Path.of(System.getProperty("panorama.shared", "../../shared"));
  private static final Path DUC = SHARED.resolve("data/duc2004");
  private static final double TOLERANCE = 0.0000100001;

  @Test
  void reproducesEveryOfficialPerClusterScore() throws Exception {
    Path tsv = DUC.resolve("rouge-dev-per-cluster.tsv");
    assumeTrue(Files.isRegularFile(tsv), "no DUC 2004 data at " + DUC.toAbsolutePath());
    Rouge rouge = Rouge.duc2004(Duc2004.exceptions(DUC));
    Map<String, Rouge.Score[]> cache = new HashMap<>();
    Map<String, List<String>> refs = new HashMap<>();
    List<String> mismatches = new ArrayList<>();
    int[] checked = new int[5];
    int[] exact = new int[5];
    int[] wrong = new int[5];
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) continue;
      String[] f = line.split("\t");
      String system = f[0];
      String cluster = f[1];
      int n = Integer.parseInt(f[2]);
      String key = system + "/" + cluster;
      Rouge.Score[] scores = cache.get(key);
      if (scores == null) {
        List<String> references = refs.get(cluster);
        if (references == null) refs.put(cluster, references = Duc2004.references(DUC, cluster));
        assertThat(references).as(cluster).hasSize(4);
        scores = rouge.scoreUpTo(Duc2004.read(DUC.resolve("peers").resolve(system).resolve(cluster)), references, 4);
        cache.put(key, scores);
      }
      Rouge.Score s = scores[n - 1];
      double[] want = {Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])};
      double[] got = {s.recall(), s.precision(), s.f()};
      String[] what = {"R", "P", "F"};
      for (int i = 0; i < 3; i++) {
        checked[n]++;
        String printed = Rouge.format5(got[i]);
        if (printed.equals(f[3 + i])) exact[n]++;
        if (Math.abs(Double.parseDouble(printed) - want[i]) > TOLERANCE) {
          wrong[n]++;
          mismatches.add(String.format("%s %s ROUGE-%d %s: got %s, official %s", system, cluster, n, what[i], printed, f[3 + i]));
        }
      }
    }
    for (int n = 1; n <= 4; n++) {
      System.out.printf("ROUGE-%d: %d of %d values printed identically, %d outside ±0.00001%n",
          n, exact[n], checked[n], wrong[n]);
    }
    mismatches.stream().limit(100).forEach(System.out::println);
    assertThat(checked[1] + checked[2] + checked[3] + checked[4]).isEqualTo(3 * (lines.size() - 1));
    assertThat(mismatches).isEmpty();
  }
}
