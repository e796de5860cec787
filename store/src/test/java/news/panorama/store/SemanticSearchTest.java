package news.panorama.store;

import static news.panorama.store.Fixtures.annotated;
import static news.panorama.store.Fixtures.assign;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Embedder;
import news.panorama.core.Embedding;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Sample;
import news.panorama.core.SearchHit;
import news.panorama.core.SearchQuery;
import news.panorama.core.SearchQuery.Mode;
import news.panorama.core.SearchResult;
import news.panorama.embed.Embedders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Semantic and hybrid search over vectors of the shipped embedding model, stored in the database and indexed in Lucene. */
class SemanticSearchTest {
  /** Written for this test: an English article on another subject. */
  private static final Article FLOODS = Article.of("en-floods", "https://example.org/floods", "Example Herald", "GB", "en",
      Instant.parse("2025-11-20T08:00:00Z"), "Heavy rain floods towns across northern England",
      "Rivers burst their banks after two days of heavy rain. Hundreds of homes were evacuated and trains were cancelled.");

  @TempDir static Path dir;
  private static Embedder embedder;
  private static JdbcStore store;
  private static LuceneIndex index;

  @BeforeAll
  static void open() {
    embedder = Embedders.open(PanoramaConfig.defaults());
    store = JdbcStore.open(JdbcStore.h2Url(dir.resolve("db")));
    List<Article> all = new java.util.ArrayList<>(Sample.articles());
    all.add(FLOODS);
    for (Article a : all) {
      Annotated x = annotated(a);
      store.save(x, assign(a, a == FLOODS ? "s-floods" : "s-seeds"),
          Embedding.of(embedder.model(), embedder.embedArticles(List.of(x)).get(0)));
    }
    index = LuceneIndex.open(dir.resolve("index"));
    index.embedQueriesWith(embedder);
    assertThat(index.catchUp(store)).isEqualTo(6);
  }

  @AfterAll
  static void close() {
    index.close();
    store.close();
    embedder.close();
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(SearchHit::articleId).toList();
  }

  private static SearchQuery query(String text, Mode mode, String country) {
    return new SearchQuery(text, country, null, null, null, null, null, 10, mode);
  }

  @Test
  void semanticQuery_findsTheStoryInOtherWords_thatKeywordsMiss() {
    String q = "Kyiv's leader flies to Ankara for negotiations on ending the conflict";
    assertThat(index.search(query(q, Mode.KEYWORD, null)).total()).isZero(); // not every word occurs anywhere
    SearchResult r = index.search(query(q, Mode.SEMANTIC, null));
    assertThat(r.mode()).isEqualTo(Mode.SEMANTIC);
    assertThat(r.hits()).hasSize(6);
    assertThat(ids(r).subList(0, 5)).allMatch(id -> id.startsWith("seed-"));
    assertThat(ids(r).get(5)).isEqualTo("en-floods");
    assertThat(r.hits().get(0).snippet()).isNotBlank(); // the opening, with nothing to mark
  }

  @Test
  void semanticQuery_keepsItsFilters() {
    SearchResult r = index.search(query("rivers flooding homes", Mode.SEMANTIC, "TR"));
    assertThat(ids(r)).containsExactly(Sample.articles().get(1).id()); // the only Turkish outlet
  }

  @Test
  void hybridQuery_putsWhatBothRankingsFindFirst_andKeepsWhatOnlyMeaningFinds() {
    SearchResult r = index.search(query("floods evacuated", Mode.HYBRID, null));
    assertThat(r.mode()).isEqualTo(Mode.HYBRID);
    assertThat(ids(r).get(0)).isEqualTo("en-floods");
    assertThat(r.hits().get(0).snippet()).contains("<mark>evacuated</mark>");
    assertThat(ids(r)).hasSize(6); // the seeds come by meaning alone, below it
    assertThat(LuceneIndex.RRF_K).isPositive();
  }

  @Test
  void withoutAQueryModel_orAfterAReopen_searchSaysHowItRan() {
    LuceneIndex reopened;
    index.close();
    reopened = LuceneIndex.open(dir.resolve("index"));
    try {
      assertThat(reopened.vectorModel()).isEqualTo(embedder.model());
      SearchResult byWords = reopened.search(query("floods evacuated", Mode.SEMANTIC, null));
      assertThat(byWords.mode()).isEqualTo(Mode.KEYWORD);
      assertThat(ids(byWords)).containsExactly("en-floods");
      reopened.embedQueriesWith(embedder);
      assertThat(reopened.search(query("floods evacuated", Mode.SEMANTIC, null)).mode()).isEqualTo(Mode.SEMANTIC);
    } finally {
      index = reopened;
    }
  }
}
