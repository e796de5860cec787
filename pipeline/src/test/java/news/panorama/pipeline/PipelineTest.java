package news.panorama.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import news.panorama.core.Article;
import news.panorama.core.ArticleRevision;
import news.panorama.core.Briefing;
import news.panorama.core.Bullet;
import news.panorama.core.Citation;
import news.panorama.core.Page;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Sample;
import news.panorama.core.Story;
import news.panorama.core.StorySections;
import news.panorama.core.SearchQuery;
import news.panorama.store.JdbcStore;
import news.panorama.store.LuceneIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on the bundled seed sample, with a real embedded database. */
class PipelineTest {
  @org.junit.jupiter.api.extension.RegisterExtension final OpenPipelines pipelines = new OpenPipelines();

  @TempDir Path dir;

  private JdbcStore openStore() {
    return JdbcStore.open("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath());
  }

  @Test
  void seeds_becomeOneStory_withABriefingCitingAtLeastThreeOfThem() {
    try (JdbcStore store = openStore()) {
      Pipeline pipeline = pipelines.opened(Pipeline.create(PanoramaConfig.defaults(), store));
      List<Pipeline.Result> results = pipeline.acceptAll(Sample.articles());
      assertThat(results).allMatch(r -> r instanceof Pipeline.Result.Stored);
      assertThat(pipeline.embeddingModel()).as("the shipped model groups by default").isEqualTo("e5-small-v2-q");
      assertThat(pipeline.embeddingProblem()).isNull();
      assertThat(pipeline.flush()).isEqualTo(1);
      // the vectors are stored, so a restart groups with them and the index searches by meaning
      List<news.panorama.core.Store.Assigned> stored = new java.util.ArrayList<>();
      store.forEachAssigned(stored::add);
      assertThat(stored).hasSize(5).allSatisfy(a -> {
        assertThat(a.embedding()).isNotNull();
        assertThat(a.embedding().model()).isEqualTo("e5-small-v2-q");
        assertThat(a.embedding().values()).hasSize(pipeline.embedder().dimensions());
      });

      List<Story> stories = store.topStories(10);
      assertThat(stories).hasSize(1);
      Story story = stories.get(0);
      assertThat(story.articleCount()).isEqualTo(5);
      Briefing b = store.briefing(story.id()).orElseThrow();
      assertThat(b.headline()).containsIgnoringCase("Zelensk");
      assertThat(b.overview()).hasSizeBetween(3, 6);
      Set<String> cited = b.overview().stream().flatMap(x -> x.citations().stream())
          .map(Citation::articleId).collect(Collectors.toSet());
      assertThat(cited).hasSizeGreaterThanOrEqualTo(3).allMatch(id -> id.startsWith("seed-"));
      for (Bullet bullet : b.overview()) {
        for (Citation c : bullet.citations()) {
          Article cited1 = store.article(c.articleId()).orElseThrow();
          assertThat(cited1.text()).contains(c.quote());
        }
      }
    }
  }

  @Test
  void flush_keepsTheSearchIndexCaughtUpWithTheStore() {
    try (JdbcStore store = openStore(); LuceneIndex index = LuceneIndex.open(dir.resolve("index"))) {
      Pipeline pipeline = pipelines.opened(Pipeline.create(PanoramaConfig.defaults(), store, index));
      pipeline.acceptAll(Sample.articles());
      assertThat(index.size()).isZero();
      pipeline.flush();
      assertThat(index.size()).isEqualTo(5);
      assertThat(index.search(SearchQuery.of("Peskov Istanbul", 10)).hits())
          .allSatisfy(h -> assertThat(h.storyId()).isEqualTo(store.topStories(1).get(0).id()));
    }
  }

  @Test
  void sameArticlesAgain_areDuplicates_andNothingIsStoredTwice() {
    try (JdbcStore store = openStore()) {
      Pipeline pipeline = pipelines.opened(Pipeline.create(PanoramaConfig.defaults(), store));
      pipeline.acceptAll(Sample.articles());
      List<Pipeline.Result> again = pipeline.acceptAll(Sample.articles());
      assertThat(again).allMatch(r -> r instanceof Pipeline.Result.Duplicate);
      assertThat(store.articleCount()).isEqualTo(5);
      assertThat(pipeline.duplicates()).isEqualTo(5);
    }
  }

  @Test
  void editedArticles_areRevisedInTheirStory_notGroupedAgainNorCountedTwice() {
    try (JdbcStore store = openStore(); LuceneIndex index = LuceneIndex.open(dir.resolve("index"))) {
      Pipeline pipeline = pipelines.opened(Pipeline.create(PanoramaConfig.defaults(), store, index));
      pipeline.acceptAll(Sample.articles());
      pipeline.flush();
      Story story = store.topStories(1).get(0);
      Article seed = Sample.articles().get(0);
      // an edit on another subject altogether, which grouping alone would put in a story of its own
      Article edited = new Article(seed.id(), seed.url(), seed.source(), seed.country(), seed.language(), seed.published(),
          "Correction", "An earlier version of this page showed a sourdough recipe for rye bread with caraway seeds.",
          seed.authors(), null, null, null, seed.extra());
      Article editedAgain = new Article(seed.id(), seed.url(), seed.source(), seed.country(), seed.language(), seed.published(),
          "Correction", "The rye bread recipe was removed; the page now shows a photograph of a lighthouse.",
          seed.authors(), null, null, null, seed.extra());

      List<Pipeline.Result> r = pipeline.acceptAll(List.of(edited, edited, editedAgain, Sample.articles().get(1)));

      assertThat(r).containsExactly(new Pipeline.Result.Revised(seed.id(), story.id()), new Pipeline.Result.Duplicate(seed.id()),
          new Pipeline.Result.Revised(seed.id(), story.id()), new Pipeline.Result.Duplicate(Sample.articles().get(1).id()));
      assertThat(pipeline.accepted()).isEqualTo(5);
      assertThat(pipeline.revised()).isEqualTo(2);
      assertThat(store.articleCount()).isEqualTo(5);
      assertThat(store.storyCount()).isEqualTo(1);
      assertThat(store.story(story.id()).orElseThrow().articleCount()).isEqualTo(5);
      assertThat(store.article(seed.id()).orElseThrow().text()).contains("lighthouse");
      assertThat(store.revisions(seed.id())).extracting(ArticleRevision::text).containsExactly(seed.text(), edited.text());
      assertThat(store.storiesDueForBriefing()).containsExactly(story.id());
      pipeline.flush();
      assertThat(store.storiesDueForBriefing()).isEmpty();
      assertThat(index.size()).isEqualTo(5);
      assertThat(index.search(SearchQuery.of("lighthouse", 10)).hits()).extracting(h -> h.articleId()).containsExactly(seed.id());
      assertThat(index.search(SearchQuery.of("sourdough", 10)).total()).isZero();
    }
  }

  @Test
  void restartAfterAStopBeforeBriefing_briefsTheStoriesLeftWithout() {
    String story;
    try (JdbcStore store = openStore()) {
      Pipeline first = pipelines.opened(Pipeline.create(PanoramaConfig.defaults(), store));
      first.acceptAll(Sample.articles()); // stopped before flush(): no briefing written
      story = store.topStories(1).get(0).id();
      assertThat(store.briefing(story)).isEmpty();
    }
    try (JdbcStore store = openStore()) {
      Pipeline second = pipelines.opened(Pipeline.create(PanoramaConfig.defaults(), store));
      second.warmUp();
      assertThat(second.flush()).isEqualTo(1);
      assertThat(store.briefing(story)).isPresent();
      assertThat(store.storiesDueForBriefing()).isEmpty();
    }
  }

  @Test
  void sameIdWithAnotherUrl_keepsBothArticles() {
    try (JdbcStore store = openStore()) {
      Pipeline pipeline = pipelines.opened(Pipeline.create(PanoramaConfig.defaults(), store));
      Article seed = Sample.articles().get(0);
      Article twin = new Article(seed.id(), "sample://elsewhere", seed.source(), seed.country(), seed.language(),
          seed.published(), seed.title(), seed.text(), seed.authors(), null, null, null, seed.extra());
      List<Pipeline.Result> r = pipeline.acceptAll(List.of(seed, twin));
      assertThat(r).allMatch(x -> x instanceof Pipeline.Result.Stored);
      assertThat(store.articleCount()).isEqualTo(2);
    }
  }

  /** Written for this test: a later event with the seed story's people and places. */
  private static Article prisonerSwap(String id, String day) {
    return Article.of(id, "https://example.org/" + id, "Wire " + id, "UA", "en", java.time.Instant.parse(day + "T10:00:00Z"),
        "Ukraine and Russia swap prisoners in deal brokered by Erdogan",
        "Rustem Umerov said Ukraine and Russia exchanged 300 prisoners at the Belarus border on Saturday. "
            + "Umerov thanked Recep Tayyip Erdogan and Turkey for brokering the swap agreed in Istanbul. "
            + "Volodymyr Zelensky said more Ukrainian prisoners would come home before the winter holidays.");
  }

  @Test
  void briefings_listRelatedStories_alsoAcrossARestart() {
    String seedStory;
    String swapStory;
    try (JdbcStore store = openStore()) {
      Pipeline first = pipelines.opened(Pipeline.create(PanoramaConfig.defaults(), store));
      Pipeline.Result seed = first.acceptAll(Sample.articles()).get(0);
      Pipeline.Result swap = first.acceptAll(List.of(prisonerSwap("swap-1", "2026-01-10"))).get(0);
      first.flush();
      seedStory = ((Pipeline.Result.Stored) seed).assignment().storyId();
      swapStory = ((Pipeline.Result.Stored) swap).assignment().storyId();
      assertThat(swapStory).isNotEqualTo(seedStory);
      Briefing swapBriefing = store.briefing(swapStory).orElseThrow();
      assertThat(swapBriefing.sections().related()).extracting(StorySections.Related::story).containsExactly(seedStory);
      assertThat(swapBriefing.sections().related().get(0).headline()).isEqualTo(store.briefing(seedStory).orElseThrow().headline());
      assertThat(store.briefing(seedStory).orElseThrow().sections().related()).extracting(StorySections.Related::story)
          .containsExactly(swapStory);
    }
    try (JdbcStore store = openStore()) {
      Pipeline second = pipelines.opened(Pipeline.create(PanoramaConfig.defaults(), store));
      second.warmUp();
      Pipeline.Result later = second.acceptAll(List.of(prisonerSwap("swap-2", "2026-03-14"))).get(0);
      second.flush();
      String laterStory = ((Pipeline.Result.Stored) later).assignment().storyId();
      assertThat(laterStory).isNotIn(seedStory, swapStory);
      // the stories of the first run are known from the store: their profiles replayed, their headlines read back
      assertThat(store.briefing(laterStory).orElseThrow().sections().related()).extracting(StorySections.Related::story)
          .contains(swapStory, seedStory);
    }
  }

  @Test
  void restart_warmsUpGrouping_soNewArticlesJoinStoredStories() {
    List<Article> seeds = Sample.articles();
    String story;
    try (JdbcStore store = openStore()) {
      Pipeline first = pipelines.opened(Pipeline.create(PanoramaConfig.defaults(), store));
      first.acceptAll(seeds.subList(0, 3));
      first.flush();
      story = store.topStories(1).get(0).id();
    }
    try (JdbcStore store = openStore()) {
      Pipeline second = pipelines.opened(Pipeline.create(PanoramaConfig.defaults(), store));
      assertThat(second.warmUp()).isEqualTo(3);
      List<Pipeline.Result> r = second.acceptAll(seeds.subList(3, 5));
      assertThat(r).allSatisfy(x -> assertThat(((Pipeline.Result.Stored) x).assignment().storyId()).isEqualTo(story));
    }
  }

  @Test
  void badRecords_areRejectedWithTheirIdAndReason_andTheRestOfTheBatchIsStored() {
    try (JdbcStore store = openStore()) {
      Pipeline pipeline = pipelines.opened(Pipeline.create(PanoramaConfig.defaults(), store));
      List<Article> seeds = Sample.articles();
      Article longUrl = Article.of("long-url", "https://example.org/" + "a".repeat(5000), "X", "", "en", null,
          "A title", "Some text about nothing in particular.");
      Article withNul = Article.of("nul", "https://example.org/nul", "X", "", "en", null,
          "Nul\u0000 title", "Text with a NUL\u0000 byte in it.");
      List<Pipeline.Result> r = pipeline.acceptAll(List.of(seeds.get(0), longUrl, withNul, seeds.get(1)));

      assertThat(r.get(1)).isInstanceOfSatisfying(Pipeline.Result.Rejected.class,
          x -> assertThat(x.reason()).isEqualTo("url of article 'long-url' is 5020 bytes long in UTF-8, more than the 2048 allowed"));
      assertThat(r.get(0)).isInstanceOf(Pipeline.Result.Stored.class);
      assertThat(r.get(2)).isInstanceOf(Pipeline.Result.Stored.class);
      assertThat(r.get(3)).isInstanceOf(Pipeline.Result.Stored.class);
      assertThat(store.article("nul").orElseThrow().text()).isEqualTo("Text with a NUL byte in it.");
      assertThat(store.articleCount()).isEqualTo(3);
    }
  }

  @Test
  void aBatch_isGroupedAndStoredExactlyAsTheSameArticlesOneByOne() {
    java.time.Instant day = java.time.Instant.parse("2025-11-19T09:00:00Z");
    List<Article> seeds = Sample.articles();
    List<Article> articles = List.of(seeds.get(0),
        Article.of("bridge-1", "https://example.org/bridge-1", "Riverton Post", "ca", "en", day,
            "Riverton opens its new river bridge", "The new bridge over the Grand River opened in Riverton on Wednesday "
                + "after three years of work. Mayor Ann Cole cut the ribbon before hundreds of residents."),
        seeds.get(1), seeds.get(2),
        Article.of("match-1", "https://example.org/match-1", "Sport Daily", "gb", "en", day,
            "Leeds beat Hull 3-1 in the cup", "Leeds United beat Hull City 3-1 in the FA Cup third round on Wednesday, "
                + "with two goals from their striker in the second half."),
        Article.of("bridge-2", "https://example.org/bridge-2", "Ontario News", "ca", "en", day,
            "Grand River bridge opens in Riverton", "Residents of Riverton crossed the new Grand River bridge for the first "
                + "time on Wednesday, when Mayor Ann Cole opened it after three years of construction."),
        seeds.get(3), seeds.get(4), seeds.get(0));
    List<Pipeline.Result> batch;
    List<Pipeline.Result> oneByOne = new java.util.ArrayList<>();
    try (JdbcStore store = openStore()) {
      batch = pipelines.opened(Pipeline.create(PanoramaConfig.defaults(), store)).acceptAll(articles);
    }
    try (JdbcStore store = JdbcStore.open("jdbc:h2:file:" + dir.resolve("db2").toAbsolutePath())) {
      Pipeline pipeline = pipelines.opened(Pipeline.create(PanoramaConfig.defaults(), store));
      for (Article a : articles) oneByOne.add(pipeline.accept(a));
    }
    assertThat(batch).isEqualTo(oneByOne);
    assertThat(batch.get(8)).isInstanceOf(Pipeline.Result.Duplicate.class);
    assertThat(batch.stream().filter(r -> r instanceof Pipeline.Result.Stored).map(r -> ((Pipeline.Result.Stored) r).assignment().storyId())
        .distinct()).hasSize(3);
  }

  @Test
  void pages_areExtractedFirst_andPagesWithoutArticlesAreRejectedWithTheirName() {
    try (JdbcStore store = openStore()) {
      Pipeline pipeline = pipelines.opened(Pipeline.create(PanoramaConfig.defaults(), store));
      Page empty = Page.ofFile("login.html", "<html><body><form></form></body></html>".getBytes(StandardCharsets.UTF_8));
      assertThat(pipeline.acceptPage(empty)).isInstanceOfSatisfying(Pipeline.Result.Rejected.class,
          r -> assertThat(r.reason()).isEqualTo("no article found on login.html: no prose on the page"));
      assertThat(store.articleCount()).isZero();
    }
  }
}
