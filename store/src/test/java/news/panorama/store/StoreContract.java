package news.panorama.store;

import static news.panorama.store.Fixtures.annotated;
import static news.panorama.store.Fixtures.assign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.ArticleRevision;
import news.panorama.core.Briefing;
import news.panorama.core.Bullet;
import news.panorama.core.Citation;
import news.panorama.core.Sample;
import news.panorama.core.Store;
import news.panorama.core.Story;
import news.panorama.core.StoryAssignment;
import news.panorama.core.StoryVersion;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every backend of {@link JdbcStore} must do, run against each real database: the embedded
 * H2 ({@link H2StoreTest}) and PostgreSQL ({@link PostgresStoreIT}).
 */
abstract class StoreContract {
  private static final Instant NOW = Instant.parse("2025-11-19T12:00:00Z");

  private final List<Article> sample = Sample.articles();
  private String url = "";
  private JdbcStore store;

  /** The JDBC URL of a new, empty database for one test. */
  abstract String newDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    url = newDatabase();
    store = open(url);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static JdbcStore open(String url) {
    return JdbcStore.open(url, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void save_storesArticleAndItsAnnotations_whenNew() {
    Article a = sample.get(1);
    Annotated annotated = annotated(a);

    assertThat(store.save(annotated, assign(a, "s1"))).isEqualTo(Store.Saved.NEW);

    assertThat(store.contains(a.id(), "")).isTrue();
    assertThat(store.contains("other", a.url())).isTrue();
    assertThat(store.contains("other", "")).isFalse();
    assertThat(store.article(a.id())).contains(a);
    assertThat(store.annotated("s1")).containsExactly(annotated);
    assertThat(store.article("missing")).isEmpty();
    assertThat(store.articleCount()).isEqualTo(1);
    assertThat(store.storyCount()).isEqualTo(1);
  }

  @Test
  void coverageAndSourceActivity_countWhatIsStored_byStoryCountryAndSource() {
    for (Article a : sample) store.save(annotated(a), assign(a, "s1"));
    Article turkey = sample.get(1);

    List<Store.SourceActivity> all = store.sourceActivity();
    assertThat(all).extracting(Store.SourceActivity::articles).allMatch(n -> n >= 1);
    for (Store.SourceActivity a : all) assertThat(store.sourceActivity(a.source())).contains(a);
    assertThat(store.sourceActivity("no such outlet")).isEmpty();
    assertThat(store.recentArticles(turkey.source(), 10)).extracting(Store.Listing::articleId).contains(turkey.id());
    assertThat(store.storyListings("s1")).hasSize(sample.size());
    assertThat(store.coverage(Instant.EPOCH)).filteredOn(c -> c.country().equals(turkey.country()))
        .singleElement().satisfies(c -> assertThat(c.storyId()).isEqualTo("s1"));
  }

  @Test
  void embeddings_areKeptWithTheirModel_andFollowAnArticleToAnotherStory() {
    Article a = sample.get(0);
    Article b = sample.get(1);
    float[] vector = {0.6f, -0.8f, Float.MIN_VALUE, 1e-7f};
    store.save(annotated(a), assign(a, "s1"), new news.panorama.core.Embedding("e5-small-v2-q", vector));
    store.save(annotated(b), assign(b, "s2"));

    List<Store.Assigned> all = new java.util.ArrayList<>();
    store.forEachAssigned(all::add);
    assertThat(all).extracting(Store.Assigned::embedding)
        .containsExactly(new news.panorama.core.Embedding("e5-small-v2-q", vector.clone()), null);

    store.reassign(List.of(new StoryAssignment(a.id(), "s2", false, 1.0)));
    List<Store.Added> added = new java.util.ArrayList<>();
    store.forEachAddedSince(0, added::add);
    Store.Added moved = added.stream().filter(x -> x.article().id().equals(a.id())).findFirst().orElseThrow();
    assertThat(moved.storyId()).isEqualTo("s2");
    assertThat(moved.embedding()).isNotNull();
    assertThat(moved.embedding().values()).containsExactly(vector);
  }

  @Test
  void save_changesNothing_whenTheSameContentComesAgain_whateverItsMetadata() {
    Article a = sample.get(0);
    store.save(annotated(a), assign(a, "s1"));
    long[] last = {0};
    store.forEachAddedSince(0, x -> last[0] = x.seq());

    Article sameContent = Article.of(a.id(), "https://elsewhere.example/x", "Other", "FR", "fr", a.published(),
        a.title(), a.text());
    assertThat(store.save(annotated(sameContent), assign(sameContent, "s2"))).isEqualTo(Store.Saved.UNCHANGED);

    assertThat(store.articleCount()).isEqualTo(1);
    assertThat(store.storyCount()).isEqualTo(1);
    assertThat(store.article(a.id())).contains(a);
    assertThat(store.story("s2")).isEmpty();
    assertThat(store.revisions(a.id())).isEmpty();
    List<Store.Added> redo = new ArrayList<>();
    store.forEachAddedSince(last[0], redo::add);
    assertThat(redo).as("nothing for the search index to redo").isEmpty();
  }

  @Test
  void save_revisesTheStoredArticle_whenItsContentChanged_keepingIdUrlStoryAndTheEarlierContent() {
    Article a = sample.get(0);
    Article b = sample.get(1);
    store.save(annotated(a), assign(a, "s1"));
    store.save(annotated(b), assign(b, "s1"));
    store.saveBriefing(briefing("s1", "Zelensky seeks talks in Turkey"));
    long[] last = {0};
    store.forEachAddedSince(0, x -> last[0] = x.seq());

    Instant later = Instant.parse("2025-11-18T15:00:00Z");
    Article edited = Article.of(a.id(), a.url(), a.source(), a.country(), a.language(), later,
        a.title() + " (updated)", a.text() + " Update: the talks were postponed.");
    assertThat(store.save(annotated(edited), assign(edited, "another-story"))).isEqualTo(Store.Saved.REVISED);

    assertThat(store.article(a.id())).contains(edited);
    assertThat(store.annotated("s1")).extracting(Annotated::article).containsExactly(b, edited);
    assertThat(store.articleCount()).isEqualTo(2);
    assertThat(store.story("another-story")).isEmpty();
    Story story = store.story("s1").orElseThrow();
    assertThat(story.articleCount()).isEqualTo(2);
    assertThat(story.last()).isEqualTo(later);
    assertThat(store.storiesDueForBriefing()).containsExactly("s1");
    assertThat(store.find(a.id(), "")).contains(new Store.Known(a.id(), "s1", edited.contentHash()));
    assertThat(store.revisions(a.id())).containsExactly(
        new ArticleRevision(a.id(), 1, a.contentHash(), a.title(), a.text(), a.published(), NOW));
    // the revised article comes again after the last position, once, so the search index replaces it
    List<String> again = new ArrayList<>();
    store.forEachAddedSince(last[0], x -> again.add(x.article().article().title()));
    assertThat(again).containsExactly(edited.title());

    // found by its URL under another id: the stored id and story stay
    Article viaUrl = Article.of("other-id", a.url(), a.source(), "", "en", later, edited.title(), "Rewritten.");
    assertThat(store.save(annotated(viaUrl), assign(viaUrl, "s9"))).isEqualTo(Store.Saved.REVISED);
    assertThat(store.article("other-id")).isEmpty();
    assertThat(store.article(a.id())).map(Article::text).contains("Rewritten.");
    assertThat(store.revisions(a.id())).extracting(ArticleRevision::revision, ArticleRevision::text)
        .containsExactly(tuple(1, a.text()), tuple(2, edited.text()));
    assertThat(store.save(annotated(viaUrl), assign(viaUrl, "s9"))).isEqualTo(Store.Saved.UNCHANGED);
    assertThat(store.revisions(a.id())).hasSize(2);
    assertThat(store.revisions("unknown")).isEmpty();
  }

  @Test
  void save_changesNothing_whenUrlAlreadyStoredUnderAnotherId() {
    Article a = sample.get(0);
    store.save(annotated(a), assign(a, "s1"));

    Article sameUrl = a.withId("copy-of-" + a.id());
    assertThat(store.save(annotated(sameUrl), assign(sameUrl, "s1"))).isEqualTo(Store.Saved.UNCHANGED);

    assertThat(store.articleCount()).isEqualTo(1);
    assertThat(store.story("s1")).map(Story::articleCount).contains(1);
  }

  @Test
  void save_storesEach_whenSeveralArticlesHaveNoUrl() {
    Article a = Article.of("a", "", "X", "", "en", null, "A", "Text a.");
    Article b = Article.of("b", "", "Y", "", "en", null, "B", "Text b.");

    assertThat(store.save(annotated(a), assign(a, "s"))).isEqualTo(Store.Saved.NEW);
    assertThat(store.save(annotated(b), assign(b, "s"))).isEqualTo(Store.Saved.NEW);

    assertThat(store.articleCount()).isEqualTo(2);
  }

  @Test
  void save_storesArticleOnce_whenDuplicatesRace() throws Exception {
    List<Callable<Boolean>> saves = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Article copy = sample.get(2).withId(i % 2 == 0 ? sample.get(2).id() : "copy-" + i);
      saves.add(() -> store.save(annotated(copy), assign(copy, "s")) == Store.Saved.NEW);
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    int stored = 0;
    try {
      for (Future<Boolean> f : pool.invokeAll(saves)) {
        stored += f.get() ? 1 : 0;
      }
    } finally {
      pool.shutdown();
    }

    assertThat(stored).isEqualTo(1);
    assertThat(store.articleCount()).isEqualTo(1);
    assertThat(store.story("s")).map(Story::articleCount).contains(1);
  }

  @Test
  void save_recomputesStoryAggregates_fromItsArticles() {
    Article earliest = withPublished(sample.get(3), Instant.parse("2025-11-17T22:00:00Z"));
    Article undated = Article.of("undated", "", "Undated Wire", "", "de", null, "Undated", "Text.");
    for (Article a : List.of(sample.get(0), sample.get(1), earliest, sample.get(4), undated,
        sample.get(2))) {
      store.save(annotated(a), assign(a, "zelensky"));
    }

    Story story = store.story("zelensky").orElseThrow();

    assertThat(story.articleCount()).isEqualTo(6);
    assertThat(story.headline()).isEqualTo(earliest.title());
    assertThat(story.first()).isEqualTo(Instant.parse("2025-11-17T22:00:00Z"));
    assertThat(story.last()).isEqualTo(Instant.parse("2025-11-18T00:00:00Z"));
    assertThat(story.sources()).containsExactly("Kyiv Post (via a news app)",
        "Unknown outlet (Ukraine section)", "PA Turkey", "Particle", "Unknown outlet", "Undated Wire");
    assertThat(story.countries()).containsExactly("UA", "TR", "US");
    assertThat(story.languages()).containsExactly("en", "de");
  }

  @Test
  void reassign_movesArticles_refreshesBothStories_andLeavesAnAliasForAnEmptiedOne() {
    for (int i = 0; i < 3; i++) store.save(annotated(sample.get(i)), assign(sample.get(i), "kept"));
    for (int i = 3; i < 5; i++) store.save(annotated(sample.get(i)), assign(sample.get(i), "merged"));
    store.saveBriefing(briefing("merged", "Witkoff heads to Turkey"));
    long[] before = new long[1];
    store.forEachAddedSince(0, a -> before[0] = Math.max(before[0], a.seq()));

    store.reassign(List.of(assign(sample.get(3), "kept"), assign(sample.get(4), "kept"),
        assign(sample.get(0), "kept"), new StoryAssignment("not-stored", "kept", false, 1)));

    assertThat(store.story("kept").orElseThrow().articleCount()).isEqualTo(5);
    assertThat(store.annotated("kept")).hasSize(5);
    assertThat(store.story("merged")).isEmpty();
    assertThat(store.briefing("merged")).isEmpty();
    assertThat(store.storyAlias("merged")).contains("kept");
    assertThat(store.storyAlias("kept")).isEmpty();
    assertThat(store.storiesDueForBriefing()).containsExactly("kept");
    assertThat(store.articleCount()).isEqualTo(5);
    assertThat(store.article(sample.get(3).id())).contains(sample.get(3));
    // the moved articles come again after the last position, so the search index sees their new story
    List<String> movedAgain = new ArrayList<>();
    store.forEachAddedSince(before[0], a -> movedAgain.add(a.article().id() + "@" + a.storyId()));
    assertThat(movedAgain).containsExactly(sample.get(3).id() + "@kept", sample.get(4).id() + "@kept");
  }

  @Test
  void reassign_splitsAStory_andFollowsChainsOfMerges() {
    for (int i = 0; i < 4; i++) store.save(annotated(sample.get(i)), assign(sample.get(i), "a"));
    store.save(annotated(sample.get(4)), assign(sample.get(4), "b"));

    store.reassign(List.of(assign(sample.get(2), "c"), assign(sample.get(3), "c")));
    assertThat(store.story("a").orElseThrow().articleCount()).isEqualTo(2);
    assertThat(store.story("c").orElseThrow().articleCount()).isEqualTo(2);
    store.reassign(List.of(assign(sample.get(4), "c")));
    store.reassign(List.of(assign(sample.get(2), "a"), assign(sample.get(3), "a"), assign(sample.get(4), "a")));

    assertThat(store.storyAlias("b")).contains("a"); // b → c → a
    assertThat(store.story("a").orElseThrow().articleCount()).isEqualTo(5);
    assertThat(store.storyCount()).isEqualTo(1);
  }

  @Test
  void story_hasNoTimes_whenNoArticleIsDated() {
    Article undated = Article.of("undated", "", "Wire", "", "en", null, "", "Only text here.");
    store.save(annotated(undated), assign(undated, "s"));

    Story story = store.story("s").orElseThrow();

    assertThat(story.first()).isNull();
    assertThat(story.last()).isNull();
    assertThat(story.headline()).isEqualTo("(untitled)");
  }

  @Test
  void saveBriefing_roundTripsCitations_andGivesTheStoryItsHeadline() {
    saveSample("zelensky");
    Briefing briefing = briefing("zelensky", "Zelensky seeks talks in Turkey");

    store.saveBriefing(briefing);

    assertThat(store.briefing("zelensky")).contains(briefing);
    assertThat(store.story("zelensky")).map(Story::headline).contains("Zelensky seeks talks in Turkey");
    assertThat(store.briefing("other")).isEmpty();

    Briefing newer = briefing("zelensky", "Zelensky in Ankara");
    store.saveBriefing(newer);
    Article late = Article.of("late", "https://late.example/", "Late", "GB", "en",
        Instant.parse("2025-11-19T00:00:00Z"), "Late title", "Late text.");
    store.save(annotated(late), assign(late, "zelensky"));

    assertThat(store.briefing("zelensky")).contains(newer);
    assertThat(store.story("zelensky")).map(Story::headline).contains("Zelensky in Ankara");
  }

  @Test
  void copy_toEmbeddedAndBack_losesNothing_andRunningItAgainAddsNothing(@TempDir Path other) throws Exception {
    saveSample("zelensky");
    Article original = sample.get(2);
    for (String text : List.of("First edit.", "Second edit.")) {
      Article edit = Article.of(original.id(), original.url(), original.source(), original.country(), original.language(),
          original.published(), original.title(), text);
      store.save(annotated(edit), assign(edit, "zelensky"));
    }
    Briefing briefing = briefing("zelensky", "Zelensky seeks talks in Turkey");
    store.saveBriefing(briefing);
    Article undated = Article.of("undated", "", "Wire", "", "de", null, "", "Nur Text.");
    store.save(annotated(undated), assign(undated, "other"));
    int articles = sample.size() + 1;

    try (JdbcStore embedded = open(JdbcStore.h2Url(other)); JdbcStore back = open(newDatabase())) {
      // as if an earlier copy had been interrupted after the article's first content
      embedded.save(annotated(original), assign(original, "zelensky"));
      assertThat(StoreCopy.copy(store, embedded, n -> {})).isEqualTo(new StoreCopy.Report(articles, 0, 1));
      assertThat(StoreCopy.copy(embedded, back, n -> {})).isEqualTo(new StoreCopy.Report(articles, 0, 1));
      for (String story : List.of("zelensky", "other")) {
        assertThat(back.story(story)).isEqualTo(store.story(story));
        assertThat(back.annotated(story)).isEqualTo(store.annotated(story));
      }
      assertThat(back.briefing("zelensky")).contains(briefing);
      assertThat(back.versions("zelensky")).isEqualTo(store.versions("zelensky"));
      assertThat(back.storiesDueForBriefing()).isEqualTo(store.storiesDueForBriefing());
      for (JdbcStore copy : List.of(embedded, back)) {
        assertThat(copy.revisions(original.id())).extracting(ArticleRevision::revision, ArticleRevision::contentHash,
            ArticleRevision::text).containsExactly(tuple(1, original.contentHash(), original.text()),
            tuple(2, store.revisions(original.id()).get(1).contentHash(), "First edit."));
      }

      assertThat(StoreCopy.copy(store, embedded, n -> {})).isEqualTo(new StoreCopy.Report(0, articles, 1));
      assertThat(embedded.articleCount()).isEqualTo(articles);
    }
  }

  @Test
  void save_keepsDatesQuotesAndQuantities_whileDroppingRawHtml() {
    Article seed = sample.get(1);
    Article withHtml = new Article(seed.id(), seed.url(), seed.source(), seed.country(), seed.language(),
        seed.published(), seed.title(), seed.text(), seed.authors(), null, "<html>raw</html>", null, seed.extra());
    Annotated plain = annotated(seed);
    Annotated rich = new Annotated(withHtml, plain.language(), plain.titleTerms(), plain.sentences(), plain.mentions(),
        plain.entities(),
        List.of(new news.panorama.core.DateMention("on Wednesday", 10, 22, 0, "2025-11-19", "day")),
        List.of(new news.panorama.core.Quote("We will wait", 30, 42, 1, "Dmitry Peskov", "dmitry peskov")),
        List.of(new news.panorama.core.Quantity("1,200 prisoners", 50, 65, 2, 1200, "", "prisoners")));

    store.save(rich, assign(seed, "s1"));

    Annotated back = store.annotated("s1").get(0);
    assertThat(back.article().html()).isNull();
    assertThat(back.dates()).isEqualTo(rich.dates());
    assertThat(back.quotes()).isEqualTo(rich.quotes());
    assertThat(back.quantities()).isEqualTo(rich.quantities());
  }

  @Test
  void saveBriefing_keepsAVersionEachTimeTheBriefingChanges_withWhatChanged() {
    saveSample("zelensky");
    Briefing first = briefing("zelensky", "Zelensky seeks talks in Turkey");
    store.saveBriefing(first);
    store.saveBriefing(new Briefing("zelensky", first.headline(), first.subhead(), first.overview(), first.sources(),
        first.generated().plusSeconds(600))); // regenerated, same content: no new version
    Article c = sample.get(4);
    Citation cc = new Citation(c.id(), 2, c.source(), c.url(), "Moscow sits out the talks.");
    Briefing second = new Briefing("zelensky", "Zelensky meets Erdogan as Moscow sits out", first.subhead(),
        List.of(first.overview().get(1), new Bullet("Moscow sits out the talks.", List.of(cc))),
        List.of(first.sources().get(0), first.sources().get(1), c.id()), first.generated().plusSeconds(3600));
    store.saveBriefing(second);

    List<StoryVersion> versions = store.versions("zelensky");
    assertThat(versions).extracting(StoryVersion::version).containsExactly(1, 2);
    assertThat(versions.get(0).briefing()).isEqualTo(first);
    assertThat(versions.get(0).newSources()).containsExactly(sample.get(1).source(), sample.get(3).source());
    assertThat(versions.get(1).briefing()).isEqualTo(second);
    assertThat(versions.get(1).newSources()).containsExactly(c.source());
    assertThat(versions.get(1).added()).containsExactly("Moscow sits out the talks.");
    assertThat(versions.get(1).dropped()).containsExactly("Zelensky travels to Turkey.");
    assertThat(store.briefing("zelensky")).contains(second);
    assertThat(store.versions("unknown")).isEmpty();
  }

  @Test
  void storiesDueForBriefing_areThoseChangedSinceTheirBriefing() {
    Article a = sample.get(0);
    Article b = sample.get(1);
    store.save(annotated(a), assign(a, "s1"));
    assertThat(store.storiesDueForBriefing()).containsExactly("s1");

    store.saveBriefing(briefing("s1", "Zelensky seeks talks in Turkey"));
    assertThat(store.storiesDueForBriefing()).isEmpty();

    store.save(annotated(b), assign(b, "s1"));
    assertThat(store.storiesDueForBriefing()).containsExactly("s1");
  }

  @Test
  void saveBriefing_failsWithSentence_whenStoryUnknown() {
    assertThatThrownBy(() -> store.saveBriefing(briefing("nope", "H")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot save the briefing of story 'nope': no such story is stored");
  }

  @Test
  void save_failsWithSentence_whenAssignmentIsForAnotherArticle() {
    Article a = sample.get(0);
    assertThatThrownBy(() -> store.save(annotated(a), assign(sample.get(1), "s")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("assignment is for article '" + sample.get(1).id() + "'");
    assertThat(store.articleCount()).isZero();
  }

  @Test
  void topStories_ranksBySourcesThenCountriesThenRecency() {
    Instant t = Instant.parse("2025-11-18T10:00:00Z");
    save("wide", "A", "FR", t);
    save("wide", "B", "", t);
    save("wide", "C", "", t);
    save("global", "A", "FR", t);
    save("global", "B", "DE", t);
    save("global", "C", "US", t);
    save("recent", "A", "FR", t.plusSeconds(60));
    save("older", "A", "FR", t);
    save("undated", "A", "FR", null);
    save("also-older", "B", "IT", t);

    assertThat(store.topStories(10)).extracting(Story::id)
        .containsExactly("global", "wide", "recent", "also-older", "older", "undated");
    assertThat(store.topStories(2)).extracting(Story::id).containsExactly("global", "wide");
    assertThat(store.topStories(0)).isEmpty();
  }

  @Test
  void reopening_keepsEverythingStored() {
    saveSample("zelensky");
    Briefing briefing = briefing("zelensky", "Zelensky seeks talks in Turkey");
    store.saveBriefing(briefing);
    Story story = store.story("zelensky").orElseThrow();
    store.close();

    store = open(url);

    assertThat(store.articleCount()).isEqualTo(sample.size());
    assertThat(store.story("zelensky")).contains(story);
    assertThat(store.briefing("zelensky")).contains(briefing);
    assertThat(store.annotated("zelensky")).extracting(Annotated::article).containsExactlyElementsOf(sample);
    Article first = sample.get(0);
    assertThat(store.save(annotated(first), assign(first, "zelensky"))).isEqualTo(Store.Saved.UNCHANGED);
  }

  @Test
  void forEachAssigned_visitsAllArticlesInPublicationOrder_undatedLast() {
    Article undated = Article.of("undated", "", "Wire", "", "en", null, "U", "Text.");
    Article late = withPublished(sample.get(0), Instant.parse("2025-11-20T00:00:00Z"));
    Article early = withPublished(sample.get(1), Instant.parse("2025-11-01T00:00:00Z"));
    store.save(annotated(undated), assign(undated, "a"));
    store.save(annotated(late), assign(late, "b"));
    store.save(annotated(early), assign(early, "b"));
    store.save(annotated(sample.get(2)), assign(sample.get(2), "c"));

    List<String> seen = new ArrayList<>();
    store.forEachAssigned(assigned -> seen.add(assigned.article().id() + "@" + assigned.storyId()));

    assertThat(seen).containsExactly(early.id() + "@b", sample.get(2).id() + "@c", late.id() + "@b",
        "undated@a");
  }

  @Test
  void save_keepsLongTextsWhole() {
    String text = "Long sentence of a long article. ".repeat(20_000);
    Article a = Article.of("long", "https://long.example/", "X", "", "en", null, "Long", text);

    store.save(annotated(a), assign(a, "s"));

    assertThat(store.article("long")).map(Article::text).contains(text);
  }

  @Test
  void dropTextOlderThan_emptiesOldTexts_keepingTitlesEntitiesStoriesAndBriefings_once() {
    Instant old = Instant.parse("2025-01-10T08:00:00Z");
    Article a = withPublished(sample.get(0), old);
    Annotated first = withEntity(annotated(a));
    store.save(first, assign(a, "old"));
    Article edited = Article.of(a.id(), a.url(), a.source(), a.country(), a.language(), old, a.title(), "Edited text.");
    store.save(withEntity(annotated(edited)), assign(edited, "old"));
    Article recent = sample.get(1);
    store.save(annotated(recent), assign(recent, "recent"));
    Article undated = Article.of("undated", "", "Wire", "", "en", null, "Undated", "Undated text.");
    store.save(annotated(undated), assign(undated, "recent"));
    store.saveBriefing(briefing("old", "An old story"));
    Story story = store.story("old").orElseThrow();
    List<StoryVersion> versions = store.versions("old");
    long[] last = {0};
    store.forEachAddedSince(0, x -> last[0] = x.seq());

    assertThat(store.dropTextOlderThan(Instant.parse("2025-06-01T00:00:00Z"))).isEqualTo(1);

    Annotated kept = store.annotated("old").get(0);
    assertThat(kept.article().text()).isEmpty();
    assertThat(kept.article().title()).isEqualTo(a.title());
    assertThat(kept.article().url()).isEqualTo(a.url());
    assertThat(kept.article().published()).isEqualTo(old);
    assertThat(kept.sentences()).isEmpty();
    assertThat(kept.entities()).isEqualTo(first.entities());
    assertThat(kept.titleTerms()).isEqualTo(first.titleTerms());
    assertThat(store.revisions(a.id())).extracting(ArticleRevision::title, ArticleRevision::text)
        .containsExactly(tuple(a.title(), ""));
    assertThat(store.story("old")).contains(story);
    assertThat(store.briefing("old")).isPresent();
    assertThat(store.versions("old")).isEqualTo(versions);
    assertThat(store.storiesDueForBriefing()).containsExactly("recent");
    assertThat(store.article(recent.id())).contains(recent);
    List<String> again = new ArrayList<>();
    store.forEachAddedSince(last[0], x -> again.add(x.article().id() + ":" + x.article().article().text()));
    assertThat(again).as("the search index sees the change").containsExactly(a.id() + ":");

    assertThat(store.dropTextOlderThan(Instant.parse("2025-06-01T00:00:00Z"))).isZero();
    // the same content again is still known: the hash of the stored content outlives its text
    assertThat(store.save(annotated(edited), assign(edited, "old"))).isEqualTo(Store.Saved.UNCHANGED);
    // the recent article was published the day before NOW; undated ones age from when they were stored (NOW)
    assertThat(store.dropTextOlderThan(NOW)).isEqualTo(1);
    assertThat(store.article(recent.id())).map(Article::text).contains("");
    assertThat(store.article("undated")).map(Article::text).contains("Undated text.");
    assertThat(store.dropTextOlderThan(NOW.plusSeconds(1))).isEqualTo(1);
    assertThat(store.article("undated")).map(Article::text).contains("");
    assertThat(store.articleCount()).isEqualTo(3);
  }

  @Test
  void migrating_aDatabaseStoredBeforeRevisions_givesItsArticlesTheirContentHashes() throws Exception {
    String older = newDatabase();
    Flyway.configure().dataSource(older, null, null).locations("classpath:db/migration").target("6").load().migrate();
    Article a = sample.get(0);
    String json = news.panorama.core.Json.mapper().writeValueAsString(annotated(a));
    try (Connection c = DriverManager.getConnection(older);
        PreparedStatement s = c.prepareStatement("INSERT INTO articles (id, url, source, country, language, published,"
            + " title, text, authors, story_id, annotated, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[]', 's1', ?, ?)")) {
      Object[] values = {a.id(), a.url(), a.source(), a.country(), a.language(), a.published().atOffset(ZoneOffset.UTC),
          a.title(), a.text(), json, NOW.atOffset(ZoneOffset.UTC)};
      for (int i = 0; i < values.length; i++) s.setObject(i + 1, values[i]);
      s.executeUpdate();
    }

    try (JdbcStore migrated = open(older)) {
      assertThat(migrated.find(a.id(), "")).contains(new Store.Known(a.id(), "s1", a.contentHash()));
      assertThat(migrated.save(annotated(a), assign(a, "s1"))).isEqualTo(Store.Saved.UNCHANGED);
      Article edited = Article.of(a.id(), a.url(), a.source(), a.country(), a.language(), a.published(), a.title(), "New.");
      assertThat(migrated.save(annotated(edited), assign(edited, "s1"))).isEqualTo(Store.Saved.REVISED);
      assertThat(migrated.revisions(a.id())).extracting(ArticleRevision::contentHash).containsExactly(a.contentHash());
    }
  }

  @Test
  void badRecordsInABatch_failEachWithTheRecordAndTheReason_andTheRestIsStored() {
    Article ok = sample.get(0);
    StringBuilder path = new StringBuilder();
    java.util.Random random = new java.util.Random(7);
    while (path.length() < 2800) path.append(Long.toString(random.nextLong(), 36)); // PostgreSQL cannot index it
    Article longUrl = Article.of("long-url", "https://example.org/" + path, "X", "", "en", null, "T", "Text.");
    Article longId = Article.of("i".repeat(600), "", "X", "", "en", null, "T", "Text.");
    Article surrogate = Article.of("surrogate", "", "X", "", "en", null, "T", "Broken \ud800 text.");
    Article nul = Article.of("nul", "", "X\u0000", "", "en", null, "Nul\u0000 title", "Text with a NUL\u0000 byte.");
    Article again = ok.withId("again-" + ok.id()); // the same URL and content under another id, in the same batch
    Article last = sample.get(1);
    List<Article> batch = List.of(ok, longUrl, longId, surrogate, nul, again, last);

    List<String> outcomes = new ArrayList<>();
    for (Article a : batch) {
      try {
        outcomes.add(store.save(annotated(a), assign(a, "s")).name());
      } catch (IllegalArgumentException e) {
        outcomes.add(e.getMessage());
      }
    }

    assertThat(outcomes).containsExactly("NEW",
        "url of article 'long-url' is " + longUrl.url().length() + " bytes long in UTF-8, more than the 2048 allowed",
        "article id '" + "i".repeat(80) + "…' is 600 characters long, more than the 512 allowed",
        "text of article 'surrogate' is not valid Unicode: an unpaired surrogate U+D800 at character 8",
        "NEW", "UNCHANGED", "NEW");
    assertThat(store.article("nul").orElseThrow().title()).isEqualTo("Nul title"); // NUL carries nothing: removed
    assertThat(store.articleCount()).isEqualTo(3);
    assertThat(store.story("s")).map(Story::articleCount).contains(3);
  }

  @Test
  void jdbcStore_isAStore() {
    assertThat(store).isInstanceOf(Store.class);
  }

  private void saveSample(String storyId) {
    for (Article a : sample) {
      assertThat(store.save(annotated(a), assign(a, storyId))).isEqualTo(Store.Saved.NEW);
    }
  }

  private int counter;

  private void save(String storyId, String source, String country, Instant published) {
    String id = storyId + "-" + counter++;
    Article a = Article.of(id, "https://example.org/" + id, source, country, "en", published, id, "Text.");
    store.save(annotated(a), assign(a, storyId));
  }

  private Briefing briefing(String storyId, String headline) {
    Article a = sample.get(1);
    Article b = sample.get(3);
    Citation ca = new Citation(a.id(), 0, a.source(), a.url(), "Zelensky will visit Turkey.");
    Citation cb = new Citation(b.id(), 1, b.source(), b.url(), "Trump's envoy will join.");
    return new Briefing(storyId, headline, "Kyiv hopes to restart talks",
        List.of(new Bullet("Zelensky travels to Turkey.", List.of(ca)),
            new Bullet("A US envoy joins him.", List.of(ca, cb))),
        List.of(a.id(), b.id()), Instant.parse("2025-11-18T12:00:00Z"));
  }

  /** An annotation naming one entity, which dropping the text keeps. */
  private static Annotated withEntity(Annotated a) {
    return new Annotated(a.article(), a.language(), a.titleTerms(), a.sentences(), a.mentions(),
        List.of(new news.panorama.core.Entity("zelensky", "Volodymyr Zelensky", "PERSON", 2, List.of("Zelensky"), "UA")));
  }

  private static Article withPublished(Article a, Instant published) {
    return new Article(a.id(), a.url(), a.source(), a.country(), a.language(), published, a.title(),
        a.text(), a.authors(), a.image(), a.html(), a.file(), a.extra());
  }
}
