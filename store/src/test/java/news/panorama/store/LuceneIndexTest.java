package news.panorama.store;

import static news.panorama.store.Fixtures.annotated;
import static news.panorama.store.Fixtures.assign;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import news.panorama.core.Article;
import news.panorama.core.Sample;
import news.panorama.core.SearchHit;
import news.panorama.core.SearchQuery;
import news.panorama.core.SearchResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneIndexTest {
  /** Written for this test: a French and a Japanese article on other subjects. */
  private static final Article FRENCH = Article.of("fr-1", "https://example.fr/1", "Exemple", "FR", "fr",
      Instant.parse("2025-11-20T08:00:00Z"), "Les élections municipales approchent à Lyon",
      "Les candidats aux élections municipales présentent leurs programmes. Le maire sortant défend son bilan.");
  private static final Article JAPANESE = Article.of("ja-1", "https://example.jp/1", "Example Shimbun", "JP", "ja",
      Instant.parse("2025-11-21T03:00:00Z"), "東京都が新しい防災計画を発表",
      "東京都は大地震に備えた新しい防災計画を発表した。避難所を三百か所増やす。");

  @TempDir Path dir;
  private JdbcStore store;
  private LuceneIndex index;

  @BeforeEach
  void open() {
    store = JdbcStore.open(JdbcStore.h2Url(dir.resolve("db")));
    for (Article a : Sample.articles()) store.save(annotated(a), assign(a, "s-seeds"));
    store.save(annotated(FRENCH), assign(FRENCH, "s-fr"));
    store.save(annotated(JAPANESE), assign(JAPANESE, "s-ja"));
    index = LuceneIndex.open(dir.resolve("index"));
    assertThat(index.catchUp(store)).isEqualTo(7);
  }

  @AfterEach
  void close() {
    index.close();
    store.close();
  }

  private List<String> ids(SearchResult r) {
    return r.hits().stream().map(SearchHit::articleId).toList();
  }

  @Test
  void search_findsWordsAndMarksThemInSnippets() {
    SearchResult r = index.search(SearchQuery.of("Witkoff", 10));
    assertThat(r.total()).isEqualTo(5);
    assertThat(r.hits()).allSatisfy(h -> {
      assertThat(h.storyId()).isEqualTo("s-seeds");
      assertThat(h.snippet()).contains("<mark>Witkoff</mark>");
    });
  }

  @Test
  void search_stemsInTheArticlesLanguage_andFoldsAccents() {
    assertThat(ids(index.search(SearchQuery.of("negotiation", 10)))).contains("seed-001_af930ad4295694b6");
    assertThat(ids(index.search(SearchQuery.of("election municipale", 10)))).containsExactly("fr-1");
    // accents fold in the language-neutral field: "élections" also finds English "elections"
    assertThat(ids(index.search(SearchQuery.of("élections", 10)))).containsExactlyInAnyOrder("fr-1", "seed-003_699112a8f8f1ed1e");
  }

  @Test
  void search_segmentsJapaneseIntoWords() {
    assertThat(ids(index.search(SearchQuery.of("防災", 10)))).containsExactly("ja-1");
    assertThat(ids(index.search(SearchQuery.of("計画", 10)))).containsExactly("ja-1");
  }

  @Test
  void search_filtersByCountryLanguageStoryAndTime() {
    assertThat(ids(index.search(new SearchQuery("Zelensky", "TR", null, null, null, null, null, 10))))
        .containsExactly("seed-001_af930ad4295694b6");
    assertThat(index.search(new SearchQuery("Zelensky", null, "fr", null, null, null, null, 10)).total()).isZero();
    // seed 002 spells him Zelenskyy: plain text search does not merge spellings
    assertThat(index.search(new SearchQuery("Zelensky", null, null, null, "s-seeds", null, null, 10)).total()).isEqualTo(4);
    assertThat(ids(index.search(new SearchQuery("élections | 防災", null, null, null, null,
        Instant.parse("2025-11-21T00:00:00Z"), null, 10)))).containsExactly("ja-1");
  }

  @Test
  void snippet_doesNotRepeatAHeadlineTheTextOpensWith() {
    Article wire = Article.of("wire", "https://example.org/wire", "Wire", "", "en", null,
        "Lyon votes on a new tram line.", "Lyon votes on a new tram line. The city council approved the plan on Monday.");
    store.save(annotated(wire), assign(wire, "s-wire"));
    index.catchUp(store);
    String snippet = index.search(SearchQuery.of("tram", 1)).hits().get(0).snippet();
    assertThat(snippet.split("<mark>tram</mark>", -1)).hasSize(2);
  }

  @Test
  void search_survivesQueriesWithNothingToSearch() {
    assertThat(index.search(SearchQuery.of("\" - | ()", 10)).total()).isZero();
    assertThat(index.search(SearchQuery.of("\"prisoner exchanges\" -Istanbul", 10)).hits()).isNotEmpty();
  }

  @Test
  void catchUp_followsTheStore_acrossRestarts() {
    assertThat(index.catchUp(store)).isZero();
    index.close();
    Article late = Article.of("late", "https://example.org/late", "Late Wire", "GB", "en", null,
        "A late report on prisoner exchanges", "Officials said further prisoner exchanges are planned.");
    store.save(annotated(late), assign(late, "s-late")); // stored while the index was closed, as in a crash

    index = LuceneIndex.open(dir.resolve("index"));
    assertThat(index.size()).isEqualTo(7);
    assertThat(index.catchUp(store)).isEqualTo(1);
    assertThat(index.size()).isEqualTo(8);
    assertThat(ids(index.search(SearchQuery.of("late report", 10)))).containsExactly("late");
  }

  @Test
  void catchUp_replacesARevisedArticle_andKeepsOnlyTheTitleOfOneWhoseTextWasDropped() {
    Article edited = Article.of(FRENCH.id(), FRENCH.url(), FRENCH.source(), FRENCH.country(), FRENCH.language(),
        FRENCH.published(), FRENCH.title(), "Le scrutin est reporté à cause des inondations.");
    store.save(annotated(edited), assign(edited, "s-fr"));

    assertThat(index.catchUp(store)).isEqualTo(1);
    assertThat(index.size()).isEqualTo(7);
    assertThat(ids(index.search(SearchQuery.of("inondations", 10)))).containsExactly("fr-1");
    assertThat(index.search(SearchQuery.of("bilan", 10)).total()).as("the earlier text is gone").isZero();

    assertThat(store.dropTextOlderThan(Instant.parse("2025-11-21T00:00:00Z"))).isEqualTo(6);
    assertThat(index.catchUp(store)).isEqualTo(6);
    assertThat(index.size()).isEqualTo(7);
    assertThat(index.search(SearchQuery.of("inondations", 10)).total()).isZero();
    assertThat(index.search(SearchQuery.of("Peskov", 10)).total()).isZero();
    assertThat(ids(index.search(SearchQuery.of("municipales Lyon", 10)))).containsExactly("fr-1");
    assertThat(ids(index.search(SearchQuery.of("避難所", 10)))).as("published after the cutoff").containsExactly("ja-1");
  }
}
