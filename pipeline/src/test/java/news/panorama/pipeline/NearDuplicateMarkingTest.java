package news.panorama.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import news.panorama.core.Article;
import news.panorama.core.PanoramaConfig;
import news.panorama.ingest.NearDuplicates;
import news.panorama.store.JdbcStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wire copy is marked where articles enter the pipeline, stored with its mark, and still marked after a restart. */
class NearDuplicateMarkingTest {
  @org.junit.jupiter.api.extension.RegisterExtension final OpenPipelines pipelines = new OpenPipelines();

  /** A made-up wire story written for this test. */
  private static final String WIRE = """
      Rescue teams in the fictional river town of Ostrava Nova reopened the old stone bridge on Friday \
      after four days of repairs to its eastern pier, which floodwater had undermined at the weekend. \
      The town engineer said divers had filled a hollow under the pier with concrete and that traffic \
      would be limited to cars and buses until a full survey next month. Farmers on the eastern bank, \
      who had faced a detour of forty kilometres to reach the market, welcomed the reopening, while \
      the regional government promised money for a second crossing further upstream.""";

  @TempDir Path dir;

  private JdbcStore openStore() {
    return JdbcStore.open("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath());
  }

  private static Article copy(String id, String source, String published, String title, String text) {
    return Article.of(id, "https://" + id + ".example/story", source, "", "en", Instant.parse(published), title, text);
  }

  @Test
  void laterCopy_isStoredWithItsMark_andBothAreKept_acrossARestart() {
    try (JdbcStore store = openStore()) {
      Pipeline pipeline = pipelines.opened(Pipeline.create(PanoramaConfig.defaults(), store));
      pipeline.acceptAll(java.util.List.of(
          copy("river-post", "River Post", "2026-04-10T07:00:00Z", "Old bridge reopens", WIRE + " Read more local news."),
          copy("valley-news", "Valley News", "2026-04-10T08:15:00Z", "Bridge back in use after flood repairs",
              "VALLEY NEWS SERVICE. " + WIRE)));
      pipeline.flush();

      assertThat(store.articleCount()).isEqualTo(2);
      assertThat(store.article("river-post").orElseThrow().extra()).doesNotContainKey(NearDuplicates.DUPLICATE_OF);
      assertThat(store.article("valley-news").orElseThrow().extra())
          .containsEntry(NearDuplicates.DUPLICATE_OF, "river-post")
          .containsEntry(NearDuplicates.FIRST_PUBLISHED_BY, "River Post");
    }
    try (JdbcStore store = openStore()) {
      Pipeline restarted = pipelines.opened(Pipeline.create(PanoramaConfig.defaults(), store));
      restarted.warmUp();
      restarted.accept(copy("hill-times", "Hill Times", "2026-04-10T11:00:00Z", "Bridge", WIRE));

      assertThat(store.article("hill-times").orElseThrow().extra())
          .containsEntry(NearDuplicates.DUPLICATE_OF, "river-post")
          .containsEntry(NearDuplicates.FIRST_PUBLISHED_BY, "River Post");
    }
  }
}
