package news.panorama.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import news.panorama.core.Article;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Sample;
import news.panorama.core.SearchQuery;
import news.panorama.store.JdbcStore;
import news.panorama.store.LuceneIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The age limit on full text, through the pipeline's store and search index. */
class RetentionTest {
  @org.junit.jupiter.api.extension.RegisterExtension final OpenPipelines pipelines = new OpenPipelines();

  @TempDir Path dir;

  @Test
  void apply_dropsTheTextOfArticlesOlderThanTheLimit_keepingStoriesAndTitlesSearchable() {
    try (JdbcStore store = JdbcStore.openDirectory(dir.resolve("db")); LuceneIndex index = LuceneIndex.open(dir.resolve("index"))) {
      PanoramaConfig config = PanoramaConfig.load(null, Map.of("PANORAMA_STORE_FULL_TEXT_DAYS", "30"), Map.of());
      assertThat(config.fullTextDays()).isEqualTo(30);
      Pipeline pipeline = pipelines.opened(Pipeline.create(config, store, index));
      Article late = Article.of("late", "https://example.org/late", "Late Wire", "GB", "en", Instant.parse("2026-01-20T10:00:00Z"),
          "Prisoner exchange completed at the border", "Officials confirmed the prisoner exchange on Monday morning.");
      pipeline.acceptAll(Sample.articles()); // published 2025-11-18
      pipeline.acceptAll(List.of(late));
      pipeline.flush();
      long stories = store.storyCount();
      Clock clock = Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);
      Retention retention = new Retention(store, index, config.fullTextDays(), clock);

      assertThat(retention.apply()).isEqualTo(5);
      assertThat(retention.describe(5)).isEqualTo("Dropped the full text of 5 articles published before "
          + "2026-01-02T00:00:00Z (kept 30 days); titles, stories and briefings stay.");

      assertThat(retention.apply()).isZero();
      assertThat(store.articleCount()).isEqualTo(6);
      assertThat(store.storyCount()).isEqualTo(stories);
      assertThat(store.topStories(10)).allSatisfy(s -> assertThat(store.briefing(s.id())).isPresent());
      assertThat(store.article("late").orElseThrow().text()).isEqualTo(late.text());
      // words only the dropped texts had are no longer found; the names they mentioned are (kept as annotations)
      assertThat(index.search(SearchQuery.of("spokesman", 10)).total()).isZero();
      assertThat(index.search(SearchQuery.of("humanitarian", 10)).total()).isZero();
      assertThat(index.search(SearchQuery.of("Peskov", 10)).total()).isPositive();
      assertThat(index.search(SearchQuery.of("Zelensky Turkey", 10)).total()).isPositive();
      assertThat(index.search(SearchQuery.of("Monday morning", 10)).total()).isEqualTo(1);
    }
  }

  @Test
  void noLimit_keepsEverything() {
    try (JdbcStore store = JdbcStore.openDirectory(dir.resolve("db"))) {
      Retention forever = Retention.of(PanoramaConfig.defaults(), store, null);
      assertThat(forever.enabled()).isFalse();
      assertThat(forever.apply()).isZero();
      assertThat(forever.daily(m -> { })).isNull();
    }
  }
}
