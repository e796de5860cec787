package news.panorama.store;

import static news.panorama.store.Fixtures.annotated;
import static news.panorama.store.Fixtures.assign;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Embedder;
import news.panorama.core.Embedding;
import news.panorama.core.JsonLines;
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

/**
 * Hybrid search over an index of the repository's English test articles (49: the seed sample, the
 * grouping tests' stories of Internet Explorer patches, Hurricane Mitch and two stars in rehab, and
 * six single reports), each with its vector of the shipped model, as the pipeline stores those it
 * reads: what meaning alone finds is shown when it stands out, not to fill the list.
 */
class HybridSearchTest {
  @TempDir static Path dir;
  private static Embedder embedder;
  private static JdbcStore store;
  private static LuceneIndex index;
  private static List<Article> all;

  @BeforeAll
  static void open() throws IOException {
    embedder = Embedders.open(PanoramaConfig.defaults());
    store = JdbcStore.open(JdbcStore.h2Url(dir.resolve("db")));
    all = new ArrayList<>(Sample.articles());
    for (String f : List.of("crosslingual", "one-story-drifting", "two-events-one-kind", "two-events-years-apart")) {
      JsonLines.readAll("../cluster/src/test/resources/" + f + ".jsonl").articles().stream()
          .filter(a -> a.language().equals("en")).forEach(all::add);
    }
    for (Article a : all) {
      Annotated x = annotated(a);
      store.save(x, assign(a, "s-" + a.id()), Embedding.of(embedder.model(), embedder.embedArticles(List.of(x)).get(0)));
    }
    index = LuceneIndex.open(dir.resolve("index"));
    index.embedQueriesWith(embedder);
    assertThat(index.catchUp(store)).isEqualTo(all.size()).isGreaterThanOrEqualTo(LuceneIndex.MEANING_MIN_DOCUMENTS);
  }

  @AfterAll
  static void close() {
    index.close();
    store.close();
    embedder.close();
  }

  private static SearchResult search(String text, Mode mode) {
    return index.search(new SearchQuery(text, null, null, null, null, null, null, 10, mode));
  }

  private static Article article(SearchHit h) {
    return all.stream().filter(a -> a.id().equals(h.articleId())).findFirst().orElseThrow();
  }

  @Test
  void aQueryAboutNothingInTheIndex_findsNothing_thoughItsNearestByMeaningAreStillThereToAskFor() {
    assertThat(search("banana bread recipe", Mode.KEYWORD).hits()).isEmpty();
    assertThat(search("banana bread recipe", Mode.HYBRID).hits()).isEmpty();
    assertThat(search("東京", Mode.HYBRID).hits()).isEmpty();
    assertThat(search("banana bread recipe", Mode.SEMANTIC).hits()).hasSize(10); // the nearest, as asked
  }

  @Test
  void whatOnlyMeaningFinds_isShown_whenItStandsOut() {
    String q = "Kyiv's leader flies to the Turkish capital";
    assertThat(search(q, Mode.KEYWORD).hits()).isEmpty(); // not every word occurs in one article
    List<SearchHit> hits = search(q, Mode.HYBRID).hits();
    System.out.println("hybrid: " + hits.stream().map(h -> article(h).title()).toList());
    // the six reports of the visit first (five seeds and one of the grouping tests), and the list not
    // filled up to its ten with the nearest of the rest (in an index this small, a few short reports
    // on other subjects still clear the bar, below them)
    assertThat(hits).hasSizeGreaterThanOrEqualTo(6).hasSizeLessThan(10);
    assertThat(hits.subList(0, 6)).allSatisfy(h -> assertThat(article(h).title()).containsIgnoringCase("Zelensk"));
  }
}
