package news.panorama.store;

import static news.panorama.store.Fixtures.annotated;
import static news.panorama.store.Fixtures.assign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
import news.panorama.core.Briefing;
import news.panorama.core.Bullet;
import news.panorama.core.Citation;
import news.panorama.core.Sample;
import news.panorama.core.Store;
import news.panorama.core.Story;
import news.panorama.core.StoryAssignment;
import news.panorama.core.StoryVersion;
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

    assertThat(store.save(annotated, assign(a, "s1"))).isTrue();

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
  void save_returnsFalseAndChangesNothing_whenIdAlreadyStored() {
    Article a = sample.get(0);
    store.save(annotated(a), assign(a, "s1"));

    Article sameId = Article.of(a.id(), "https://elsewhere.example/x", "Other", "FR", "fr", null,
        "Another title", "Another text.");
    assertThat(store.save(annotated(sameId), assign(sameId, "s2"))).isFalse();

    assertThat(store.articleCount()).isEqualTo(1);
    assertThat(store.storyCount()).isEqualTo(1);
    assertThat(store.article(a.id())).contains(a);
    assertThat(store.story("s2")).isEmpty();
  }

  @Test
  void save_returnsFalse_whenUrlAlreadyStoredUnderAnotherId() {
    Article a = sample.get(0);
    store.save(annotated(a), assign(a, "s1"));

    Article sameUrl = a.withId("copy-of-" + a.id());
    assertThat(store.save(annotated(sameUrl), assign(sameUrl, "s1"))).isFalse();

    assertThat(store.articleCount()).isEqualTo(1);
    assertThat(store.story("s1")).map(Story::articleCount).contains(1);
  }

  @Test
  void save_storesEach_whenSeveralArticlesHaveNoUrl() {
    Article a = Article.of("a", "", "X", "", "en", null, "A", "Text a.");
    Article b = Article.of("b", "", "Y", "", "en", null, "B", "Text b.");

    assertThat(store.save(annotated(a), assign(a, "s"))).isTrue();
    assertThat(store.save(annotated(b), assign(b, "s"))).isTrue();

    assertThat(store.articleCount()).isEqualTo(2);
  }

  @Test
  void save_storesArticleOnce_whenDuplicatesRace() throws Exception {
    List<Callable<Boolean>> saves = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Article copy = sample.get(2).withId(i % 2 == 0 ? sample.get(2).id() : "copy-" + i);
      saves.add(() -> store.save(annotated(copy), assign(copy, "s")));
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
    Briefing briefing = briefing("zelensky", "Zelensky seeks talks in Turkey");
    store.saveBriefing(briefing);
    Article undated = Article.of("undated", "", "Wire", "", "de", null, "", "Nur Text.");
    store.save(annotated(undated), assign(undated, "other"));
    int articles = sample.size() + 1;

    try (JdbcStore embedded = open(JdbcStore.h2Url(other)); JdbcStore back = open(newDatabase())) {
      assertThat(StoreCopy.copy(store, embedded, n -> {})).isEqualTo(new StoreCopy.Report(articles, 0, 1));
      assertThat(StoreCopy.copy(embedded, back, n -> {})).isEqualTo(new StoreCopy.Report(articles, 0, 1));
      for (String story : List.of("zelensky", "other")) {
        assertThat(back.story(story)).isEqualTo(store.story(story));
        assertThat(back.annotated(story)).isEqualTo(store.annotated(story));
      }
      assertThat(back.briefing("zelensky")).contains(briefing);
      assertThat(back.versions("zelensky")).isEqualTo(store.versions("zelensky"));
      assertThat(back.storiesDueForBriefing()).isEqualTo(store.storiesDueForBriefing());

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
    assertThat(store.save(annotated(first), assign(first, "zelensky"))).isFalse();
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
  void jdbcStore_isAStore() {
    assertThat(store).isInstanceOf(Store.class);
  }

  private void saveSample(String storyId) {
    for (Article a : sample) {
      assertThat(store.save(annotated(a), assign(a, storyId))).isTrue();
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

  private static Article withPublished(Article a, Instant published) {
    return new Article(a.id(), a.url(), a.source(), a.country(), a.language(), published, a.title(),
        a.text(), a.authors(), a.image(), a.html(), a.file(), a.extra());
  }
}
