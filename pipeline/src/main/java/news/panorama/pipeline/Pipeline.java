package news.panorama.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import news.panorama.brief.ExtractiveBriefer;
import news.panorama.llm.RewritingBriefer;
import news.panorama.brief.RelatedStories;
import news.panorama.cluster.StoryGrouper;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.ArticleJson;
import news.panorama.core.Briefer;
import news.panorama.core.Briefing;
import news.panorama.core.Embedder;
import news.panorama.core.Embedding;
import news.panorama.core.Extractor;
import news.panorama.core.Outcome;
import news.panorama.core.Page;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.SearchIndex;
import news.panorama.core.Store;
import news.panorama.core.StoryAssignment;
import news.panorama.core.StoryClusterer;
import news.panorama.core.TextAnalyzer;
import news.panorama.embed.Embedders;
import news.panorama.extract.HtmlExtractor;
import news.panorama.ingest.NearDuplicates;
import news.panorama.text.MultilingualAnalyzer;
import org.jspecify.annotations.Nullable;

/**
 * Runs each article through near-duplicate marking → text → cluster → store (pages through extract
 * first) and, on {@link #flush()}, writes the briefing of every story that changed. Batch replay and
 * the live crawl use this same path. Thread-safe: calls are serialized, because grouping is an
 * ordered, stateful decision.
 *
 * <p>With an {@link Embedder}, each batch's new articles in a language the model reads are embedded
 * (title and lead, on the embedder's threads) after the text stage, and grouping weighs the vectors
 * in; the others are grouped by text alone. Two helper threads analyze and embed the next articles
 * while the caller groups and stores the earlier ones, in order. After a restart
 * the restored articles have no vectors (they are not stored): their stories are compared by text
 * until new articles join them.
 */
public final class Pipeline implements AutoCloseable {
  /** Related stories shown with a briefing. */
  static final int RELATED = 5;
  /** Threads that analyze and embed the next articles of a batch while the caller groups and stores. */
  static final int PREPARERS = 2;
  /** The {@link #PREPARERS} threads, started once (daemons: an unclosed pipeline does not keep the JVM up). */
  private final ExecutorService preparers =
      Executors.newFixedThreadPool(PREPARERS, Thread.ofPlatform().name("panorama-prepare-", 0).daemon().factory());
  /** The thread that brings the search index up to date while {@link #flush()} briefs. */
  private final ExecutorService indexer =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("panorama-index").daemon().factory());
  private final Extractor extractor;
  private final TextAnalyzer analyzer;
  private final StoryClusterer clusterer;
  private final Briefer briefer;
  private final Store store;
  private final int briefWords;
  private final @Nullable SearchIndex search;
  private final @Nullable Embedder embedder;
  private @Nullable String embeddingProblem;
  private final Set<String> dirtyStories = new LinkedHashSet<>();
  private final NearDuplicates nearDuplicates = new NearDuplicates();
  private final RelatedStories related;
  private long accepted;
  private long duplicates;
  private long revised;

  public Pipeline(Extractor extractor, TextAnalyzer analyzer, StoryClusterer clusterer, Briefer briefer,
      Store store, int briefWords) {
    this(extractor, analyzer, clusterer, briefer, store, briefWords, null);
  }

  /** @param search an index kept caught up with the store at every {@link #flush()}, or null */
  public Pipeline(Extractor extractor, TextAnalyzer analyzer, StoryClusterer clusterer, Briefer briefer,
      Store store, int briefWords, @Nullable SearchIndex search) {
    this(extractor, analyzer, null, clusterer, briefer, store, briefWords, search);
  }

  /**
   * @param embedder embeds articles for grouping, or null to group by text alone; the pipeline
   *     closes it on {@link #close()}
   */
  public Pipeline(Extractor extractor, TextAnalyzer analyzer, @Nullable Embedder embedder, StoryClusterer clusterer,
      Briefer briefer, Store store, int briefWords, @Nullable SearchIndex search) {
    this.embedder = embedder;
    this.search = search;
    this.extractor = extractor;
    this.analyzer = analyzer;
    this.clusterer = clusterer;
    this.briefer = briefer;
    this.store = store;
    this.briefWords = briefWords;
    this.related = new RelatedStories(RelatedStories.CAPACITY, id -> store.briefing(id).map(RelatedStories::describe));
  }

  /** The default stages, configured from {@code config}, writing to {@code store}. */
  public static Pipeline create(PanoramaConfig config, Store store) {
    return create(config, store, null);
  }

  /**
   * The default stages, writing to {@code store} and keeping {@code search} (if any) caught up. The
   * embedding model of {@code embed.model} is loaded unless {@code cluster.embedding-weight} is 0;
   * close the pipeline to release it.
   *
   * @throws IllegalArgumentException when the configured model is neither shipped nor pulled
   */
  public static Pipeline create(PanoramaConfig config, Store store, @Nullable SearchIndex search) {
    Embedder embedder = config.clusterEmbeddingWeight() > 0 ? Embedders.open(config) : null;
    return new Pipeline(new HtmlExtractor(), new MultilingualAnalyzer(), embedder,
        StoryGrouper.of(config),
        RewritingBriefer.of(config, new ExtractiveBriefer()), store, config.briefWords(), search);
  }

  /** What became of one input. */
  public sealed interface Result {
    /** Stored and grouped. */
    record Stored(StoryAssignment assignment) implements Result {}

    /** Already stored (same id or URL) with the same content: nothing changed. */
    record Duplicate(String articleId) implements Result {}

    /**
     * Already stored (same id or URL) with other content: the new content replaced it in the story
     * it was in, and the earlier one is kept as a revision ({@link Store#revisions}).
     */
    record Revised(String articleId, String storyId) implements Result {}

    /** Could not be made into an article; the reason names the input. */
    record Rejected(String reason) implements Result {}
  }

  /** Extracts the article on a page, then {@link #accept}s it. */
  public Result acceptPage(Page page) {
    if (seen(page.url())) {
      return countDuplicate(ArticleJson.idForUrl(page.url()));
    }
    Outcome<Article> extracted = extract(page);
    return extracted.ok() ? accept(extracted.value()) : new Result.Rejected(String.join("; ", extracted.problems()));
  }

  /** Whether the article at this (non-empty) URL is already stored, so its page need not be fetched. */
  public boolean seen(String url) {
    return !url.isEmpty() && store.contains(ArticleJson.idForUrl(url), url);
  }

  /** The extraction stage alone: the page's article, or problems naming the page and the reason. */
  public Outcome<Article> extract(Page page) {
    return extractor.extract(page);
  }

  /** Analyzes, groups and stores one article; its story is briefed at the next {@link #flush()}. */
  public synchronized Result accept(Article input) {
    return acceptAll(List.of(input)).get(0);
  }

  /**
   * Accepts articles in the given order. New articles are first marked when they are wire copy of
   * a recent one ({@link NearDuplicates}; kept, never dropped). The text stage, which has no state,
   * runs on them in parallel; grouping and storing then run one by one in order, exactly as {@link #accept} does.
   * An article already stored (or earlier in the batch) with the same content ({@link Article#contentHash()})
   * is a {@link Result.Duplicate}; with other content it is analyzed and stored as a {@link Result.Revised}
   * revision in its story, not grouped again (so not counted twice). A record that cannot be stored
   * (an over-long URL, say) is rejected with its id and the reason, and the rest of the batch goes on.
   */
  public synchronized List<Result> acceptAll(List<Article> inputs) {
    Result[] results = new Result[inputs.size()];
    Article[] fresh = new Article[inputs.size()];
    boolean[] revision = new boolean[inputs.size()];
    Map<String, String> batchUrls = new HashMap<>();
    Map<String, String> batchHashes = new HashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      Article input = inputs.get(i);
      try {
        Article article = distinctId(input, batchUrls).withoutHtml();
        String hash = article.contentHash();
        String earlier = batchHashes.containsKey(article.id()) ? batchHashes.get(article.id())
            : store.find(article.id(), article.url()).map(Store.Known::contentHash).orElse(null);
        batchUrls.put(article.id(), article.url());
        batchHashes.put(article.id(), hash);
        if (hash.equals(earlier)) {
          results[i] = countDuplicate(article.id());
        } else {
          revision[i] = earlier != null;
          fresh[i] = revision[i] ? article : nearDuplicates.mark(article);
        }
      } catch (IllegalArgumentException e) {
        results[i] = new Result.Rejected(e.getMessage());
      }
    }
    int n = fresh.length;
    Annotated[] analyzed = new Annotated[n];
    float[][] vectors = new float[n][];
    @Nullable String[] problems = new String[n];
    List<CompletableFuture<?>> prepared = prepare(fresh, analyzed, vectors, results, problems);
    for (int i = 0; i < n; i++) {
      try {
        prepared.get(i).join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
      if (analyzed[i] == null) continue;
      Embedding embedding = embedder == null ? null : Embedding.of(embedder.model(), vectors[i]);
      // looked up now: an earlier record of the batch that this one revises is stored by now (or was rejected)
      Optional<Store.Known> stored = revision[i] ? store.find(analyzed[i].id(), analyzed[i].article().url()) : Optional.empty();
      results[i] = stored.isPresent() ? revise(analyzed[i], stored.get(), embedding) : group(analyzed[i], vectors[i]);
    }
    if (embedder != null) embeddingProblem = Arrays.stream(problems).filter(Objects::nonNull).findFirst().orElse(null);
    return List.of(results);
  }

  /**
   * Stores new content of a stored article in the story it is in. It is not grouped again: grouping
   * counted it when it came first, and keeps that version's profile until the next {@link #warmUp()}.
   */
  private Result revise(Annotated annotated, Store.Known stored, @Nullable Embedding embedding) {
    Article earlier = store.article(stored.id()).orElse(annotated.article());
    Annotated marked = annotated.withArticle(NearDuplicates.keepMark(annotated.article(), earlier));
    Store.Saved saved;
    try {
      saved = store.save(marked, new StoryAssignment(marked.id(), stored.storyId(), false, 1.0), embedding);
    } catch (IllegalArgumentException e) {
      return new Result.Rejected(e.getMessage());
    }
    if (saved != Store.Saved.REVISED) return countDuplicate(stored.id());
    dirtyStories.add(stored.storyId());
    revised++;
    return new Result.Revised(stored.id(), stored.storyId());
  }

  /**
   * Runs the text stage, then the embedding, on each fresh article, in order, on {@link #PREPARERS}
   * helper threads when there is more than one article, so that the caller groups and stores each
   * article while the next ones are prepared; an article's future completes when it is analyzed and
   * embedded. A helper waits while the embedder's threads embed its article, and meanwhile the other
   * one analyzes the next, so the text stage and the model keep every core busy. An article the text
   * stage fails on gets its rejection in {@code results}; when the model fails, {@code problems} says why.
   */
  private List<CompletableFuture<?>> prepare(@Nullable Article[] fresh, @Nullable Annotated[] analyzed,
      float @Nullable [][] vectors, @Nullable Result[] results, @Nullable String[] problems) {
    List<CompletableFuture<?>> prepared = new ArrayList<>(fresh.length);
    for (int i = 0; i < fresh.length; i++) prepared.add(new CompletableFuture<>());
    AtomicInteger next = new AtomicInteger();
    Runnable helper = () -> {
      for (int i = next.getAndIncrement(); i < fresh.length; i = next.getAndIncrement()) {
        try {
          prepare(i, fresh, analyzed, vectors, results, problems);
          prepared.get(i).complete(null);
        } catch (RuntimeException | Error e) {
          prepared.get(i).completeExceptionally(e);
        }
      }
    };
    if (fresh.length == 1) {
      helper.run();
    } else {
      for (int t = 0; t < PREPARERS; t++) preparers.execute(helper);
    }
    return prepared;
  }

  private void prepare(int i, @Nullable Article[] fresh, @Nullable Annotated[] analyzed, float @Nullable [][] vectors,
      @Nullable Result[] results, @Nullable String[] problems) {
    Article article = fresh[i];
    if (article == null) return;
    try {
      analyzed[i] = analyzer.analyze(article);
    } catch (RuntimeException e) {
      results[i] = new Result.Rejected("article '" + article.id() + "': the text stage failed: " + e);
      return;
    }
    if (embedder == null) return;
    try {
      vectors[i] = embedder.embedArticles(List.of(analyzed[i])).get(0);
    } catch (RuntimeException e) {
      problems[i] = "embedding model " + embedder.model() + " failed on article '" + article.id()
          + "', grouped by text alone: " + e.getMessage();
    }
  }

  /** Why the last batch was grouped without embeddings although an embedder is set, or null. */
  public synchronized @Nullable String embeddingProblem() {
    return embeddingProblem;
  }

  /** The embedding model the pipeline owns (shared with search to embed queries), or null. */
  public @Nullable Embedder embedder() {
    return embedder;
  }

  /** The embedding model in use, or null when grouping goes by text alone. */
  public @Nullable String embeddingModel() {
    return embedder == null ? null : embedder.model();
  }

  /** Releases the embedding model, if any. */
  @Override
  public synchronized void close() {
    preparers.shutdown();
    indexer.shutdown();
    if (embedder != null) embedder.close();
  }

  /**
   * Groups and stores one analyzed article. When the store refuses it, the grouping stage has
   * already counted it: the story it joined or started is then stored with the articles that follow.
   */
  private Result group(Annotated annotated, float @Nullable [] embedding) {
    Article article = annotated.article();
    StoryAssignment assignment = clusterer.assign(annotated, embedding);
    Store.Saved saved;
    try {
      saved = store.save(annotated, assignment, embedder == null ? null : Embedding.of(embedder.model(), embedding));
    } catch (IllegalArgumentException e) {
      return new Result.Rejected(e.getMessage());
    }
    List<StoryAssignment> moved = clusterer.moved();
    if (!moved.isEmpty()) {
      store.reassign(moved);
      for (StoryAssignment m : moved) dirtyStories.add(m.storyId());
    }
    if (saved != Store.Saved.NEW) {
      return countDuplicate(article.id()); // stored meanwhile by another process
    }
    dirtyStories.add(assignment.storyId());
    accepted++;
    return new Result.Stored(assignment);
  }

  /**
   * Two different articles may arrive under one id (corpora reuse document numbers across
   * clusters); the second keeps its URL and gets an id derived from it, so neither is lost.
   */
  private Article distinctId(Article article, Map<String, String> batchUrls) {
    if (article.url().isEmpty()) return article;
    String earlierUrl = batchUrls.containsKey(article.id()) ? batchUrls.get(article.id())
        : store.article(article.id()).map(Article::url).orElse(article.url());
    return earlierUrl.equals(article.url()) ? article
        : article.withId(article.id() + "~" + ArticleJson.idForUrl(article.url()).substring(0, 8));
  }

  private synchronized Result countDuplicate(String id) {
    duplicates++;
    return new Result.Duplicate(id);
  }

  /**
   * Writes the briefing of every story changed since the last flush, and brings the search index
   * up to date with the store; returns how many stories were briefed.
   */
  public synchronized int flush() {
    List<String> stories = new ArrayList<>(dirtyStories);
    dirtyStories.clear();
    // the index follows the articles, which briefing leaves alone, so it catches up meanwhile
    CompletableFuture<?> indexed = search == null ? CompletableFuture.completedFuture(null)
        : CompletableFuture.runAsync(() -> search.catchUp(store), indexer);
    // stories are briefed in parallel (the briefer is stateless), then their profiles updated in order
    List<Briefed> briefed = stories.parallelStream().map(this::brief).toList();
    List<Briefing> briefings = new ArrayList<>(stories.size());
    for (int i = 0; i < stories.size(); i++) {
      Briefing b = briefed.get(i).briefing();
      related.update(stories.get(i), briefed.get(i).articles(), b);
      if (b != null) briefings.add(b);
    }
    // related stories once every changed story's profile and headline are current
    for (Briefing b : briefings) store.saveBriefing(b.withRelated(related.of(b.storyId(), RELATED)));
    try {
      indexed.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    return stories.size();
  }

  /** A story's stored articles and their briefing (null when none is left in it). */
  private record Briefed(List<Annotated> articles, @Nullable Briefing briefing) {}

  private Briefed brief(String storyId) {
    List<Annotated> articles = store.annotated(storyId);
    return new Briefed(articles, articles.isEmpty() ? null : briefer.brief(storyId, articles, briefWords));
  }

  /**
   * Replays what is stored into the grouping stage (with the stored embeddings when they are of the
   * model in use) so that new articles can join stories from an earlier run, rebuilds the related
   * stories' profiles, and queues the stories whose briefing an earlier run did not get to write (it was
   * stopped or crashed) for the next {@link #flush()}; the most recent stored articles refill the
   * near-duplicate window (in publication order), so copies are still marked across a restart.
   * Costs one pass over the stored articles.
   */
  public synchronized long warmUp() {
    long[] n = {0};
    long recentFrom = store.articleCount() - NearDuplicates.DEFAULT_CAPACITY;
    store.forEachAssigned(a -> {
      Embedding e = a.embedding();
      clusterer.restore(a.article(), e != null && embedder != null && e.model().equals(embedder.model()) ? e.values() : null,
          a.storyId());
      related.add(a.storyId(), a.article());
      if (n[0] >= recentFrom) nearDuplicates.mark(a.article().article());
      n[0]++;
    });
    dirtyStories.addAll(store.storiesDueForBriefing());
    if (search != null) search.catchUp(store);
    return n[0];
  }

  public synchronized long accepted() {
    return accepted;
  }

  public synchronized long duplicates() {
    return duplicates;
  }

  /** Articles stored again with other content, each kept as a revision. */
  public synchronized long revised() {
    return revised;
  }

  public Store store() {
    return store;
  }
}
