package news.panorama.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Embedder;
import news.panorama.core.Embedding;
import news.panorama.core.SearchHit;
import news.panorama.core.SearchIndex;
import news.panorama.core.SearchQuery;
import news.panorama.core.SearchResult;
import news.panorama.core.Store;
import news.panorama.core.Translation;
import news.panorama.core.TranslationException;
import news.panorama.core.Translator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;

/**
 * Full-text search with Lucene (BM25), in a folder beside the database; every word of a query must
 * match. Every article is indexed
 * twice: in a language-neutral field (Unicode word boundaries, Chinese and Japanese as overlapping
 * character pairs, case and accent folding) and, when Lucene has an analyzer for its language, in
 * that language's stemmed field (Thai's segments Thai words). A query is analyzed for every field, so "elections" finds
 * "election" in English text and "Wahlen" finds "Wahl" in German text.
 *
 * <p>Articles stored with an embedding also get it in an HNSW vector field, for semantic queries
 * (the query embedded with the same model, nearest articles by cosine, filters applied during the
 * graph search) and hybrid ones (word and vector rankings fused by reciprocal rank). One index holds
 * one model's vectors: the first embedded article's, kept in the commit data.
 *
 * <p>The index follows the store (see {@link SearchIndex}): the store position of the last indexed
 * article is kept in each commit, and {@link #catchUp} indexes what came after it. Thread-safe;
 * searches see the last catch-up.
 */
public final class LuceneIndex implements SearchIndex {
  private static final String ID = "id";
  private static final String STORY = "story";
  private static final String COUNTRY = "country";
  private static final String LANGUAGE = "language";
  private static final String SOURCE = "source";
  private static final String PUBLISHED = "published";
  private static final String TITLE = "title";
  private static final String ANY = "text";
  private static final String SEQ = "seq";
  private static final String VECTOR = "vector";
  private static final String ENTITY = "entity";
  /** The canonical keys of the entities an article names, searchable as words: Latin script, one spelling. */
  private static final String NAMES = "names";
  /** Stored: the title glossed into English, for an article in another language. */
  private static final String TITLE_GLOSS = "title_gloss";
  private static final String PUBLISHED_SORT = "published_sort";
  private static final String ENGLISH = "en";
  /** Commit data: the version of the document layout; an index of another one is rebuilt from the store. */
  private static final String SCHEMA = "schema";
  /**
   * 2: articles carry their entities' keys. 3: and those keys as words; non-English articles their
   * title glossed into English in the English field.
   */
  static final String SCHEMA_VERSION = "3";
  /** Commit data: the embedding model whose vectors the index holds. */
  private static final String MODEL = "model";
  /** Reciprocal rank fusion's constant (Cormack, Clarke and Büttcher 2009): damps the weight of the very top ranks. */
  static final int RRF_K = 60;
  /** How deep each list goes before fusion, at least. */
  static final int FUSION_DEPTH = 50;
  /**
   * In a hybrid query, a document found by meaning alone joins the results only when its cosine with
   * the query stands this many deviations above the query's median cosine with documents of the
   * index (at most {@link #MEANING_SAMPLE}, spread over it; the median absolute deviation, scaled to
   * a standard deviation's size): the nearest documents of a query about nothing in the index are no
   * nearer than that. Measured with the shipped model on ECB+ (the first 3–5 words of real titles as
   * queries, each query's 50 nearest of the 772 documents): 3.5 keeps 62 % of the same event's
   * documents among them, 2.3 % of the unrelated ones and 0.8 % of those of queries about nothing
   * there (東京, "banana bread recipe", "?"), which before filled the list to 50.
   */
  static final double MEANING_Z = 3.5;
  /** How many documents' vectors at most tell a query's median cosine. */
  static final int MEANING_SAMPLE = 64;
  /** With fewer vectors in the index, what meaning finds is all kept: too few to tell what stands out. */
  static final int MEANING_MIN_DOCUMENTS = 32;
  private static final int SNIPPET_PASSAGES = 2;

  /** Languages with a stemming analyzer, by ISO 639-1 code. */
  private static final Map<String, Supplier<Analyzer>> LANGUAGES = languages();

  /** Every field a query searches, equally weighted: the language-neutral one and each language's. */
  private static final Map<String, Float> QUERY_FIELDS = queryFields();

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Analyzer analyzer;
  private long indexedSeq;
  /** The model of the indexed vectors (the first embedded article's), or null before any. */
  private volatile @Nullable String vectorModel;
  private volatile @Nullable Embedder queryEmbedder;
  private volatile @Nullable Translator glosser;

  private LuceneIndex(Directory directory, IndexWriter writer, Analyzer analyzer, long indexedSeq,
      @Nullable String vectorModel) throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.analyzer = analyzer;
    this.searchers = new SearcherManager(writer, null);
    this.indexedSeq = indexedSeq;
    this.vectorModel = vectorModel;
  }

  /**
   * Embeds semantic and hybrid queries with this model (null: they run by words). Vectors of
   * another model than the indexed one cannot be compared, so then queries run by words too.
   */
  public void embedQueriesWith(@Nullable Embedder embedder) {
    this.queryEmbedder = embedder;
  }

  /**
   * Indexes the titles of articles in other languages also in English through this translator
   * (Panorama's offline gloss: fast, deterministic, needs no service), so that an English query
   * finds them; null: not. Set it before the first {@link #catchUp}: articles already indexed keep
   * what they were indexed with. The index closes it with itself.
   */
  public void glossTitlesWith(@Nullable Translator translator) {
    Translator previous = this.glosser;
    this.glosser = translator;
    if (previous != null && previous != translator) previous.close();
  }

  /** The embedding model of the indexed vectors, or null when no article with a vector is indexed. */
  public @Nullable String vectorModel() {
    return vectorModel;
  }

  /** Opens (or creates) the index in a folder. */
  public static LuceneIndex open(Path folder) {
    try {
      Directory dir = FSDirectory.open(folder);
      Analyzer analyzer = analyzer();
      IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer)
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
      long seq = 0;
      String model = null;
      if (DirectoryReader.indexExists(dir)) {
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
          Map<String, String> data = reader.getIndexCommit().getUserData();
          seq = Long.parseLong(data.getOrDefault(SEQ, "0"));
          model = data.get(MODEL);
          if (!SCHEMA_VERSION.equals(data.get(SCHEMA))) {
            // an index written before the current layout: empty it, and the next catch-up rebuilds it from the store
            writer.deleteAll();
            writer.setLiveCommitData(Map.of(SEQ, "0", SCHEMA, SCHEMA_VERSION).entrySet());
            writer.commit();
            seq = 0;
            model = null;
          }
        }
      }
      return new LuceneIndex(dir, writer, analyzer, seq, model);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index in " + folder, e);
    }
  }

  private static Map<String, Supplier<Analyzer>> languages() {
    Map<String, Supplier<Analyzer>> m = new LinkedHashMap<>();
    m.put("ar", ArabicAnalyzer::new);
    m.put("bg", BulgarianAnalyzer::new);
    m.put("ca", CatalanAnalyzer::new);
    m.put("cs", CzechAnalyzer::new);
    m.put("da", DanishAnalyzer::new);
    m.put("de", GermanAnalyzer::new);
    m.put("el", GreekAnalyzer::new);
    m.put("en", EnglishAnalyzer::new);
    m.put("es", SpanishAnalyzer::new);
    m.put("fa", PersianAnalyzer::new);
    m.put("fi", FinnishAnalyzer::new);
    m.put("fr", FrenchAnalyzer::new);
    m.put("hi", HindiAnalyzer::new);
    m.put("hu", HungarianAnalyzer::new);
    m.put("id", IndonesianAnalyzer::new);
    m.put("it", ItalianAnalyzer::new);
    m.put("nl", DutchAnalyzer::new);
    m.put("no", NorwegianAnalyzer::new);
    m.put("pt", PortugueseAnalyzer::new);
    m.put("ro", RomanianAnalyzer::new);
    m.put("ru", RussianAnalyzer::new);
    m.put("sv", SwedishAnalyzer::new);
    m.put("th", ThaiAnalyzer::new);
    m.put("tr", TurkishAnalyzer::new);
    return Map.copyOf(m);
  }

  private static Map<String, Float> queryFields() {
    Map<String, Float> fields = new LinkedHashMap<>();
    fields.put(ANY, 1.0f);
    fields.put(NAMES, 1.0f);
    LANGUAGES.keySet().forEach(lang -> fields.put(field(lang), 1.0f));
    return Map.copyOf(fields);
  }

  private static String field(String language) {
    return ANY + "_" + language;
  }

  /**
   * The language-neutral field: Unicode (UAX #29) words, Han, Hiragana, Katakana and Hangul as
   * overlapping pairs (the usual way to search scripts without spaces, no dictionary needed), case
   * and accent folded. Each language's own analyzer for its field.
   */
  private static Analyzer analyzer() {
    Analyzer neutral = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new CJKBigramFilter(new CJKWidthFilter(tokenizer));
        stream = new ASCIIFoldingFilter(new LowerCaseFilter(stream));
        return new TokenStreamComponents(tokenizer, stream);
      }
    };
    Map<String, Analyzer> perField = new HashMap<>();
    LANGUAGES.forEach((lang, make) -> perField.put(field(lang), make.get()));
    return new PerFieldAnalyzerWrapper(neutral, perField);
  }

  @Override
  public synchronized long catchUp(Store store) {
    long[] n = {0};
    long[] last = {indexedSeq};
    try {
      store.forEachAddedSince(indexedSeq, added -> {
        try {
          Document d = document(added.article(), added.storyId(), glosser);
          Embedding e = added.embedding();
          if (e != null && vectorModel == null) vectorModel = e.model();
          if (e != null && e.model().equals(vectorModel)) {
            d.add(new KnnFloatVectorField(VECTOR, e.values(), VectorSimilarityFunction.COSINE));
          }
          writer.updateDocument(new Term(ID, added.article().id()), d);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        last[0] = added.seq();
        n[0]++;
      });
      if (n[0] > 0) {
        Map<String, String> data = new HashMap<>(Map.of(SEQ, Long.toString(last[0]), SCHEMA, SCHEMA_VERSION));
        if (vectorModel != null) data.put(MODEL, vectorModel);
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        indexedSeq = last[0];
        searchers.maybeRefreshBlocking();
      }
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalStateException("cannot update the search index after store position " + indexedSeq, e);
    }
    return n[0];
  }

  private static Document document(Annotated annotated, String storyId, @Nullable Translator glosser) {
    Article a = annotated.article();
    String language = annotated.language();
    // wire copy often opens with its headline: index it once, or snippets show it twice
    String body = a.text().strip().startsWith(a.title().strip()) ? a.text() : a.title() + "\n\n" + a.text();
    Document d = new Document();
    d.add(new StringField(ID, a.id(), Field.Store.YES));
    d.add(new StringField(STORY, storyId, Field.Store.YES));
    d.add(new StringField(COUNTRY, a.country(), Field.Store.YES));
    d.add(new StringField(LANGUAGE, language, Field.Store.YES));
    d.add(new StringField(SOURCE, a.source(), Field.Store.YES));
    d.add(new StoredField(TITLE, a.title()));
    if (a.published() != null) {
      long millis = a.published().toEpochMilli();
      d.add(new LongPoint(PUBLISHED, millis));
      d.add(new org.apache.lucene.document.NumericDocValuesField(PUBLISHED_SORT, millis));
      d.add(new StoredField(PUBLISHED, millis));
    }
    d.add(new TextField(ANY, body, Field.Store.YES));
    StringBuilder names = new StringBuilder();
    for (news.panorama.core.Entity e : annotated.entities()) {
      d.add(new StringField(ENTITY, e.key(), Field.Store.NO));
      names.append(e.key()).append('\n');
    }
    if (!names.isEmpty()) d.add(new TextField(NAMES, names.toString(), Field.Store.NO));
    if (LANGUAGES.containsKey(language)) {
      d.add(new TextField(field(language), body, Field.Store.NO));
    }
    String gloss = glossedTitle(a, language, glosser);
    if (gloss != null) {
      d.add(new StoredField(TITLE_GLOSS, gloss));
      d.add(new TextField(field(ENGLISH), gloss, Field.Store.NO));
    }
    return d;
  }

  /** The title in English through the glosser, or null when the article is in English, or it gives nothing. */
  private static @Nullable String glossedTitle(Article a, String language, @Nullable Translator glosser) {
    if (glosser == null || language.isBlank() || language.equals(ENGLISH) || a.title().isBlank()) return null;
    try {
      Translation t = glosser.translate(a.title(), language, ENGLISH);
      return t.kind() == Translation.Kind.ORIGINAL || t.text().isBlank() ? null : t.text();
    } catch (TranslationException e) {
      return null; // a language the glosser cannot read: the article is found by its own words
    }
  }

  @Override
  public SearchResult search(SearchQuery q) {
    SimpleQueryParser parser = new SimpleQueryParser(analyzer, QUERY_FIELDS);
    parser.setDefaultOperator(BooleanClause.Occur.MUST); // every word must match, as readers expect
    Query words = parser.parse(q.text());
    if (words == null) words = new MatchNoDocsQuery("no searchable words");
    Query filters = filters(q);
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST);
    if (filters != null) b.add(filters, BooleanClause.Occur.FILTER);
    Query keyword = b.build();
    Embedder embedder = queryEmbedder;
    SearchQuery.Mode mode = q.mode() != SearchQuery.Mode.KEYWORD && embedder != null && vectorModel != null
        && embedder.model().equals(vectorModel) ? q.mode() : SearchQuery.Mode.KEYWORD;
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        TopDocs top;
        long total;
        if (mode == SearchQuery.Mode.KEYWORD) {
          top = searcher.search(keyword, q.limit());
          total = top.totalHits.value();
        } else {
          float[] vector = embedder.embed(q.text());
          int depth = mode == SearchQuery.Mode.SEMANTIC ? q.limit() : Math.max(q.limit(), FUSION_DEPTH);
          TopDocs near = searcher.search(new KnnFloatVectorQuery(VECTOR, vector, depth, filters), depth);
          if (mode == SearchQuery.Mode.SEMANTIC) {
            top = near;
            total = near.scoreDocs.length;
          } else {
            TopDocs byWords = searcher.search(keyword, Math.max(q.limit(), FUSION_DEPTH));
            top = fuse(byWords, standingOut(searcher, vector, near), q.limit());
            total = Math.max(byWords.totalHits.value(), top.totalHits.value());
          }
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .withMaxNoHighlightPassages(1) // a hit found by meaning alone shows its opening
            .build();
        // marks the words in the stored language-neutral field; the filters have nothing to mark
        Query marked = new SimpleQueryParser(analyzer, Map.of(ANY, 1.0f)).parse(q.text());
        String[] snippets = marked == null ? new String[top.scoreDocs.length]
            : highlighter.highlight(ANY, marked, top, SNIPPET_PASSAGES);
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < top.scoreDocs.length; i++) {
          Document d = searcher.storedFields().document(top.scoreDocs[i].doc);
          hits.add(hit(d, top.scoreDocs[i].score, snippets[i]));
        }
        return new SearchResult(total, hits, mode);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("search failed for '" + q.text() + "'", e);
    }
  }

  @Override
  public SearchResult mentioning(String entityKey, int limit) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        TopDocs top = searcher.search(new TermQuery(new Term(ENTITY, entityKey)), limit,
            new org.apache.lucene.search.Sort(new org.apache.lucene.search.SortField(PUBLISHED_SORT,
                org.apache.lucene.search.SortField.Type.LONG, true)));
        List<SearchHit> hits = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) hits.add(hit(searcher.storedFields().document(sd.doc), 0, null));
        return new SearchResult(top.totalHits.value(), hits, SearchQuery.Mode.KEYWORD);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the articles mentioning '" + entityKey + "'", e);
    }
  }

  /** The query's filters (country, language, source, story, time range) as one query, or null when it has none. */
  private static @Nullable Query filters(SearchQuery q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    filter(b, COUNTRY, q.country());
    filter(b, LANGUAGE, q.language());
    filter(b, SOURCE, q.source());
    filter(b, STORY, q.storyId());
    if (q.from() != null || q.to() != null) {
      long from = q.from() == null ? Long.MIN_VALUE : q.from().toEpochMilli();
      long to = q.to() == null ? Long.MAX_VALUE : q.to().toEpochMilli();
      b.add(LongPoint.newRangeQuery(PUBLISHED, from, to), BooleanClause.Occur.FILTER);
    }
    BooleanQuery built = b.build();
    return built.clauses().isEmpty() ? null : built;
  }

  /**
   * The hits of {@code near} whose cosine with {@code query} is at least {@link #MEANING_Z} deviations
   * above its median cosine with up to {@link #MEANING_SAMPLE} vectors spread evenly over the index;
   * all of them when it holds fewer than {@link #MEANING_MIN_DOCUMENTS}.
   */
  static TopDocs standingOut(IndexSearcher searcher, float[] query, TopDocs near) throws IOException {
    List<FloatVectorValues> leaves = new ArrayList<>();
    int total = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      FloatVectorValues v = leaf.reader().getFloatVectorValues(VECTOR);
      if (v == null) continue;
      leaves.add(v);
      total += v.size();
    }
    if (total < MEANING_MIN_DOCUMENTS) return near;
    int size = Math.min(total, MEANING_SAMPLE);
    List<float[]> sample = new ArrayList<>(size);
    double step = (double) total / size;
    int base = 0;
    int next = 0;
    for (FloatVectorValues v : leaves) {
      for (; next < size && (int) (next * step) < base + v.size(); next++) {
        sample.add(v.vectorValue((int) (next * step) - base).clone());
      }
      base += v.size();
    }
    double[] cosines = new double[sample.size()];
    for (int i = 0; i < cosines.length; i++) cosines[i] = VectorSimilarityFunction.COSINE.compare(query, sample.get(i)) * 2 - 1;
    // the median and the median absolute deviation: the query's own subject, when the index holds
    // much of it, does not raise the bar as it would raise a mean and a standard deviation
    double median = median(cosines);
    double[] deviations = new double[cosines.length];
    for (int i = 0; i < cosines.length; i++) deviations[i] = Math.abs(cosines[i] - median);
    double bar = median + MEANING_Z * 1.4826 * median(deviations);
    // the vector field's cosine score is (1 + cosine) / 2
    ScoreDoc[] kept = java.util.Arrays.stream(near.scoreDocs).filter(d -> d.score * 2 - 1 >= bar).toArray(ScoreDoc[]::new);
    return new TopDocs(new TotalHits(kept.length, TotalHits.Relation.EQUAL_TO), kept);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /**
   * Reciprocal rank fusion: each document scores the sum of 1 / ({@link #RRF_K} + rank) over the
   * lists it is in, so one found both by words and by meaning outranks one found either way alone,
   * and BM25's and cosine's scales never need reconciling. Ties keep the word ranking's order.
   */
  static TopDocs fuse(TopDocs byWords, TopDocs byMeaning, int limit) {
    Map<Integer, Double> score = new LinkedHashMap<>();
    for (TopDocs list : List.of(byWords, byMeaning)) {
      for (int rank = 0; rank < list.scoreDocs.length; rank++) {
        score.merge(list.scoreDocs[rank].doc, 1.0 / (RRF_K + rank + 1), Double::sum);
      }
    }
    List<Map.Entry<Integer, Double>> ranked = new ArrayList<>(score.entrySet());
    ranked.sort(Map.Entry.<Integer, Double>comparingByValue().reversed());
    ScoreDoc[] docs = new ScoreDoc[Math.min(limit, ranked.size())];
    for (int i = 0; i < docs.length; i++) docs[i] = new ScoreDoc(ranked.get(i).getKey(), ranked.get(i).getValue().floatValue());
    return new TopDocs(new TotalHits(score.size(), TotalHits.Relation.EQUAL_TO), docs);
  }

  private static void filter(BooleanQuery.Builder b, String field, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      b.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
    }
  }

  private static SearchHit hit(Document d, float score, @Nullable String snippet) {
    var published = d.getField(PUBLISHED);
    return new SearchHit(d.get(ID), d.get(STORY), d.get(TITLE), d.get(SOURCE), d.get(COUNTRY), d.get(LANGUAGE),
        published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue()), score,
        snippet == null ? "" : snippet, d.get(TITLE_GLOSS));
  }

  @Override
  public long size() {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return searcher.getIndexReader().numDocs();
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    Translator g = glosser;
    if (g != null) g.close();
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the search index", e);
    }
  }
}
