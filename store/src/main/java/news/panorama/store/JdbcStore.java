package news.panorama.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.ArticleRevision;
import news.panorama.core.Embedding;
import news.panorama.core.Briefing;
import news.panorama.core.Json;
import news.panorama.core.Store;
import news.panorama.core.Story;
import news.panorama.core.StoryAssignment;
import news.panorama.core.StoryVersion;
import news.panorama.core.Validate;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Store} on a relational database through JDBC: an embedded H2 file by default, in SQL
 * that PostgreSQL also accepts. Opening it applies the schema migrations in {@code db/migration}.
 *
 * <p>Safe to share across threads: reads run concurrently on a small connection pool; writes are
 * serialized by one lock, so a story's aggregates are always recomputed from a complete story, and
 * the primary key and unique URL constraint stop duplicates that race in from other processes. A save
 * costs a few indexed statements plus one pass over the columns of its story's articles.
 *
 * <p>A story none of whose articles is dated has no first or last time.
 */
public final class JdbcStore implements Store {
  /** Longest article or story id accepted; longer ones are rejected as bad data. */
  public static final int MAX_ID_LENGTH = 512;
  /**
   * Longest article URL accepted, in UTF-8 bytes; longer ones are rejected as bad data. PostgreSQL
   * cannot index a value of more than 2,704 bytes (a third of a page), and URLs are indexed unique.
   */
  public static final int MAX_URL_BYTES = 2048;
  /** Articles whose text {@link #dropTextOlderThan} drops in one transaction, so writers wait at most that long. */
  private static final int DROP_CHUNK = 200;

  private static final int POOL_SIZE = 4;
  private static final int FETCH_SIZE = 200;
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String PUBLICATION_ORDER = " ORDER BY published ASC NULLS LAST, seq ASC";
  /** Every column of an article's row but its position {@code seq}. */
  private static final List<String> ARTICLE_COLUMNS = List.of("id", "url", "source", "country", "language", "published",
      "title", "text", "authors", "image", "story_id", "annotated", "added_at", "embedding_model", "embedding",
      "content_hash", "text_dropped");
  private static final String STORY_COLUMNS = "SELECT id, headline, first_published, last_published,"
      + " article_count, sources, countries, languages FROM stories";
  private static final JavaType STRINGS =
      Json.mapper().getTypeFactory().constructCollectionType(List.class, String.class);

  private final HikariDataSource pool;
  private final Clock clock;
  private final ReentrantLock writes = new ReentrantLock();

  private JdbcStore(HikariDataSource pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /** Opens (creating and migrating when needed) the database at a JDBC URL. */
  public static JdbcStore open(String jdbcUrl) {
    return open(jdbcUrl, Clock.systemUTC());
  }

  /** Opens the database at a JDBC URL, stamping rows with the given clock. */
  public static JdbcStore open(String jdbcUrl, Clock clock) {
    Validate.notBlank(jdbcUrl, "JDBC URL");
    H2CrashRepair.repairIfNeeded(jdbcUrl);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(1);
    config.setPoolName("panorama-store");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot open the database " + redacted(jdbcUrl), rootCause(e));
    }
    try {
      Flyway.configure().dataSource(pool).locations("classpath:db/migration").javaMigrations(new ContentHashes())
          .load().migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw new StoreException("cannot migrate the schema of " + redacted(jdbcUrl), e);
    }
    return new JdbcStore(pool, clock);
  }

  /** Opens the embedded H2 database kept in a directory, creating both when needed. */
  public static JdbcStore openDirectory(Path directory) {
    return open(h2Url(directory));
  }

  /** The JDBC URL of the embedded H2 database file {@code panorama.mv.db} in a directory. */
  public static String h2Url(Path directory) {
    return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("panorama");
  }

  @Override
  public Saved save(Annotated annotated, StoryAssignment assignment, @Nullable Embedding embedding) {
    Article article = annotated.article().withoutHtml();
    String id = article.id();
    String storyId = assignment.storyId();
    Validate.isTrue(assignment.articleId().equals(id), "the story assignment is for article '"
        + assignment.articleId() + "' but the article to save is '" + id + "'");
    Validate.notBlank(storyId, "story id of article '" + id + "'");
    checkLength(id, MAX_ID_LENGTH, "article id '" + abbreviate(id) + "'");
    checkLength(storyId, MAX_ID_LENGTH, "story id of article '" + id + "'");
    int urlBytes = article.url().getBytes(StandardCharsets.UTF_8).length;
    Validate.isTrue(urlBytes <= MAX_URL_BYTES, "url of article '" + id + "' is " + urlBytes
        + " bytes long in UTF-8, more than the " + MAX_URL_BYTES + " allowed");
    Annotated stored = article == annotated.article() ? annotated : annotated.withArticle(article);
    String json = toJson(stored, "article '" + id + "'");
    checkUnicode(List.of(id, article.url(), article.source(), article.title(), article.text(), json),
        List.of("id", "url", "source", "title", "text", "other fields or annotations"), id);
    String hash = article.contentHash();
    return write("save article '" + id + "' in story '" + storyId + "'", c -> {
      Optional<Known> known = find(c, id, article.url());
      if (known.isPresent()) {
        if (known.get().contentHash().equals(hash)) return Saved.UNCHANGED;
        revise(c, known.get(), stored, hash, embedding);
        return Saved.REVISED;
      }
      try {
        insertArticle(c, stored, storyId, json, hash, embedding);
      } catch (SQLException e) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
          c.rollback(); // another process stored it first
          return Saved.UNCHANGED;
        }
        throw e;
      }
      refreshStory(c, storyId);
      return Saved.NEW;
    });
  }

  /**
   * Keeps a stored article's content as its next revision, then writes the new content in its row
   * (under the stored id and URL, in its story) at a new position of the insertion order, so that
   * followers such as the search index replace what they hold of it.
   */
  private void revise(Connection c, Known known, Annotated revised, String hash, @Nullable Embedding embedding)
      throws SQLException {
    String id = known.id();
    update(c, "INSERT INTO article_revisions (article_id, revision, content_hash, title, text, published, saved_at)"
        + " SELECT id, (SELECT COALESCE(MAX(revision), 0) + 1 FROM article_revisions WHERE article_id = ?),"
        + " content_hash, title, text, published, added_at FROM articles WHERE id = ?", id, id);
    String url = firstString(c, "SELECT COALESCE(url, '') FROM articles WHERE id = ?", id).orElse("");
    Article a = revised.article();
    Annotated row = a.id().equals(id) && a.url().equals(url) ? revised : revised.withArticle(a.withId(id).withUrl(url));
    update(c, "DELETE FROM story_members WHERE article_id = ?", id);
    update(c, "DELETE FROM articles WHERE id = ?", id);
    insertArticle(c, row, known.storyId(), toJson(row, "article '" + id + "'"), hash, embedding);
    refreshStory(c, known.storyId());
  }

  @Override
  public Optional<Known> find(String id, String url) {
    return read("look up article '" + id + "'", c -> find(c, id, url));
  }

  @Override
  public List<ArticleRevision> revisions(String articleId) {
    return read("read the revisions of article '" + articleId + "'", c -> {
      try (PreparedStatement s = prepare(c, "SELECT revision, content_hash, title, text, published, saved_at"
          + " FROM article_revisions WHERE article_id = ? ORDER BY revision", articleId);
          ResultSet rs = s.executeQuery()) {
        List<ArticleRevision> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new ArticleRevision(articleId, rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
              time(rs, 5), Objects.requireNonNull(time(rs, 6))));
        }
        return out;
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Works in transactions of {@value #DROP_CHUNK} articles, so storing goes on in between.
   */
  @Override
  public long dropTextOlderThan(Instant cutoff) {
    OffsetDateTime before = utc(cutoff);
    long n = 0;
    // dated articles by publication, undated ones by when they were stored; each query by index
    for (String older : List.of("published < ?", "published IS NULL AND added_at < ?")) {
      String sql = "SELECT id FROM articles WHERE text_dropped = FALSE AND " + older + " FETCH FIRST " + DROP_CHUNK + " ROWS ONLY";
      int dropped;
      do {
        dropped = write("drop the text of articles older than " + cutoff, c -> {
          List<String> ids = strings(c, sql, before);
          for (String id : ids) dropText(c, id);
          return ids.size();
        });
        n += dropped;
      } while (dropped > 0);
    }
    return n;
  }

  /** Empties one article's text, the annotations found in it and the text of its revisions. */
  private void dropText(Connection c, String id) throws SQLException {
    Annotated a = annotated(firstString(c, "SELECT annotated FROM articles WHERE id = ?", id).orElseThrow(), id);
    Article article = a.article();
    Article titleOnly = new Article(article.id(), article.url(), article.source(), article.country(), article.language(),
        article.published(), article.title(), "", article.authors(), article.image(), null, article.file(), article.extra());
    Annotated kept = new Annotated(titleOnly, a.language(), a.titleTerms(), List.of(), List.of(), a.entities());
    rewrite(c, id, Map.of("text", "", "annotated", toJson(kept, "article '" + id + "'"), "text_dropped", true));
    update(c, "UPDATE article_revisions SET text = '' WHERE article_id = ?", id);
  }

  @Override
  public void reassign(List<StoryAssignment> moves) {
    if (moves.isEmpty()) return;
    write("move " + moves.size() + " articles to other stories", c -> {
      Map<String, String> emptiedInto = new LinkedHashMap<>();
      Set<String> touched = new LinkedHashSet<>();
      for (StoryAssignment m : moves) {
        Validate.notBlank(m.storyId(), "new story id of article '" + m.articleId() + "'");
        checkLength(m.storyId(), MAX_ID_LENGTH, "story id of article '" + m.articleId() + "'");
        Optional<String> from = firstString(c, "SELECT story_id FROM articles WHERE id = ?", m.articleId());
        if (from.isEmpty() || from.get().equals(m.storyId())) continue;
        rewrite(c, m.articleId(), Map.of("story_id", m.storyId()));
        touched.add(from.get());
        touched.add(m.storyId());
        emptiedInto.putIfAbsent(from.get(), m.storyId());
      }
      for (String storyId : touched) {
        if (exists(c, "SELECT 1 FROM story_members WHERE story_id = ?", storyId)) {
          refreshStory(c, storyId);
        } else {
          removeStory(c, storyId, emptiedInto.getOrDefault(storyId, storyId));
        }
      }
      return null;
    });
  }

  /**
   * Writes an article's row again with some columns changed, so that it takes a new position in the
   * insertion order and followers of that order (the search index) see the change.
   */
  private static void rewrite(Connection c, String id, Map<String, Object> changes) throws SQLException {
    int n = ARTICLE_COLUMNS.size();
    Object[] values = new Object[n];
    int[] types = new int[n];
    String columns = String.join(", ", ARTICLE_COLUMNS);
    try (PreparedStatement s = prepare(c, "SELECT " + columns + " FROM articles WHERE id = ?", id);
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) return;
      for (int i = 0; i < n; i++) {
        values[i] = changes.containsKey(ARTICLE_COLUMNS.get(i)) ? changes.get(ARTICLE_COLUMNS.get(i)) : rs.getObject(i + 1);
        types[i] = rs.getMetaData().getColumnType(i + 1);
      }
    }
    update(c, "DELETE FROM articles WHERE id = ?", id);
    try (PreparedStatement s = c.prepareStatement("INSERT INTO articles (" + columns + ") VALUES ("
        + "?, ".repeat(n - 1) + "?)")) {
      for (int i = 0; i < n; i++) {
        if (values[i] == null) {
          s.setNull(i + 1, types[i]);
        } else {
          s.setObject(i + 1, values[i], types[i]);
        }
      }
      s.executeUpdate();
    }
    update(c, "DELETE FROM story_members WHERE article_id = ?", id);
    addMember(c, id);
  }

  private void removeStory(Connection c, String storyId, String target) throws SQLException {
    update(c, "DELETE FROM story_versions WHERE story_id = ?", storyId);
    update(c, "DELETE FROM briefings WHERE story_id = ?", storyId);
    update(c, "DELETE FROM stories WHERE id = ?", storyId);
    if (!target.equals(storyId)) {
      update(c, "DELETE FROM story_aliases WHERE id = ?", storyId);
      update(c, "INSERT INTO story_aliases (id, target, merged_at) VALUES (?, ?, ?)", storyId, target,
          utc(clock.instant()));
    }
  }

  @Override
  public Optional<String> storyAlias(String storyId) {
    return read("look up where story '" + storyId + "' went", c -> {
      String current = storyId;
      Set<String> seen = new LinkedHashSet<>();
      while (seen.add(current)) {
        Optional<String> target = firstString(c, "SELECT target FROM story_aliases WHERE id = ?", current);
        if (target.isEmpty()) break;
        current = target.get();
      }
      return current.equals(storyId) ? Optional.<String>empty() : Optional.of(current);
    });
  }

  @Override
  public void saveBriefing(Briefing briefing) {
    String storyId = briefing.storyId();
    Validate.notBlank(storyId, "story id of a briefing");
    String json = toJson(briefing, "the briefing of story '" + storyId + "'");
    write("save the briefing of story '" + storyId + "'", c -> {
      if (!exists(c, "SELECT 1 FROM stories WHERE id = ?", storyId)) {
        throw new IllegalArgumentException(
            "cannot save the briefing of story '" + storyId + "': no such story is stored");
      }
      OffsetDateTime generated = utc(briefing.generated());
      Optional<String> previous = firstString(c, "SELECT body FROM briefings WHERE story_id = ?", storyId);
      Briefing before = previous.map(b -> fromJson(b, Briefing.class, "the briefing of story '" + storyId + "'")).orElse(null);
      if (before == null || !sameContent(before, briefing)) {
        addVersion(c, before, briefing, json, generated);
      }
      int updated = update(c, "UPDATE briefings SET body = ?, generated_at = ? WHERE story_id = ?",
          json, generated, storyId);
      if (updated == 0) {
        update(c, "INSERT INTO briefings (body, generated_at, story_id) VALUES (?, ?, ?)",
            json, generated, storyId);
      }
      update(c, "UPDATE stories SET brief_due = FALSE WHERE id = ?", storyId);
      if (!briefing.headline().isBlank()) {
        update(c, "UPDATE stories SET headline = ? WHERE id = ?", briefing.headline(), storyId);
      }
      return null;
    });
  }

  private static boolean sameContent(Briefing a, Briefing b) {
    return a.headline().equals(b.headline()) && a.subhead().equals(b.subhead())
        && bulletTexts(a).equals(bulletTexts(b)) && a.sources().equals(b.sources());
  }

  private static List<String> bulletTexts(Briefing b) {
    return b.overview().stream().map(news.panorama.core.Bullet::text).toList();
  }

  /** Keeps a new version of a story's briefing with what changed since {@code before}. */
  private static void addVersion(Connection c, @Nullable Briefing before, Briefing now, String json,
      OffsetDateTime generated) throws SQLException {
    String storyId = now.storyId();
    int last;
    try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM story_versions WHERE story_id = ?")) {
      s.setString(1, storyId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        last = rs.getInt(1);
      }
    }
    List<String> oldSources = before == null ? List.of() : outlets(c, before.sources());
    List<String> newSources = outlets(c, now.sources()).stream().filter(s -> !oldSources.contains(s)).toList();
    List<String> oldBullets = before == null ? List.of() : bulletTexts(before);
    List<String> added = bulletTexts(now).stream().filter(t -> !oldBullets.contains(t)).toList();
    List<String> dropped = oldBullets.stream().filter(t -> !bulletTexts(now).contains(t)).toList();
    update(c, "INSERT INTO story_versions (story_id, version, generated_at, body, new_sources, added, dropped)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", storyId, last + 1, generated, json,
        toJson(newSources, "new sources"), toJson(added, "added bullets"), toJson(dropped, "dropped bullets"));
  }

  /** The distinct outlet names of stored articles, in the order of the ids given. */
  private static List<String> outlets(Connection c, List<String> articleIds) throws SQLException {
    List<String> out = new ArrayList<>();
    for (String id : articleIds) {
      Optional<String> source = firstString(c, "SELECT source FROM articles WHERE id = ?", id);
      if (source.isPresent() && !source.get().isBlank() && !out.contains(source.get())) out.add(source.get());
    }
    return out;
  }

  @Override
  public List<StoryVersion> versions(String storyId) {
    return read("read the versions of story '" + storyId + "'", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT version, body, new_sources, added, dropped"
          + " FROM story_versions WHERE story_id = ? ORDER BY version")) {
        s.setString(1, storyId);
        List<StoryVersion> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            String what = "version " + rs.getInt(1) + " of story '" + storyId + "'";
            out.add(new StoryVersion(storyId, rs.getInt(1), fromJson(rs.getString(2), Briefing.class, what),
                fromJson(rs.getString(3), STRINGS, what), fromJson(rs.getString(4), STRINGS, what),
                fromJson(rs.getString(5), STRINGS, what)));
          }
        }
        return out;
      }
    });
  }

  @Override
  public List<Story> topStories(int limit) {
    Validate.isTrue(limit >= 0, "the number of top stories must not be negative, got " + limit);
    if (limit == 0) {
      return List.of();
    }
    return read("list the top " + limit + " stories", c -> {
      try (PreparedStatement s = c.prepareStatement(STORY_COLUMNS
          + " ORDER BY source_count DESC, country_count DESC, last_published DESC NULLS LAST, id ASC"
          + " FETCH FIRST ? ROWS ONLY")) {
        s.setInt(1, limit);
        List<Story> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.add(story(rs));
          }
        }
        return List.copyOf(out);
      }
    });
  }

  @Override
  public Optional<Story> story(String id) {
    return read("read story '" + id + "'", c -> {
      try (PreparedStatement s = c.prepareStatement(STORY_COLUMNS + " WHERE id = ?")) {
        s.setString(1, id);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next() ? Optional.of(story(rs)) : Optional.<Story>empty();
        }
      }
    });
  }

  @Override
  public Optional<Briefing> briefing(String storyId) {
    String what = "the briefing of story '" + storyId + "'";
    return read("read " + what, c -> firstString(c, "SELECT body FROM briefings WHERE story_id = ?",
        storyId).map(body -> fromJson(body, Briefing.class, what)));
  }

  @Override
  public Optional<Article> article(String id) {
    return analyzed(id).map(Annotated::article);
  }

  @Override
  public Optional<Annotated> analyzed(String id) {
    return read("read article '" + id + "'", c -> firstString(c,
        "SELECT annotated FROM articles WHERE id = ?", id).map(json -> annotated(json, id)));
  }

  @Override
  public List<Annotated> annotated(String storyId) {
    return read("read the articles of story '" + storyId + "'", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT id, annotated FROM articles WHERE story_id = ?" + PUBLICATION_ORDER)) {
        s.setString(1, storyId);
        List<Annotated> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.add(annotated(rs.getString(2), rs.getString(1)));
          }
        }
        return List.copyOf(out);
      }
    });
  }

  /** Streams every article with a database cursor, so memory stays flat however large the store. */
  @Override
  public void forEachAssigned(Consumer<Assigned> consumer) {
    stream("read all articles", "SELECT id, story_id, annotated, embedding_model, embedding FROM articles" + PUBLICATION_ORDER,
        s -> { }, rs -> consumer.accept(new Assigned(annotated(rs.getString(3), rs.getString(1)), rs.getString(2),
            embedding(rs.getString(4), rs.getString(5), rs.getString(1)))));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Positions come from the identity column {@code seq}. Writes from this process are serialized,
   * so positions commit in order and a follower that remembers the last one it saw misses nothing;
   * several processes writing one PostgreSQL database would need a commit-ordered log instead.
   */
  @Override
  public void forEachAddedSince(long seq, Consumer<Added> consumer) {
    stream("read the articles added after position " + seq,
        "SELECT seq, id, story_id, annotated, embedding_model, embedding FROM articles WHERE seq > ? ORDER BY seq",
        s -> s.setLong(1, seq),
        rs -> consumer.accept(new Added(rs.getLong(1), annotated(rs.getString(4), rs.getString(2)), rs.getString(3),
            embedding(rs.getString(5), rs.getString(6), rs.getString(2)))));
  }

  /** Binds a statement's parameters, or handles one row of its result. */
  @FunctionalInterface
  private interface SqlStep<T> {
    void apply(T target) throws SQLException;
  }

  /** Runs a query through a database cursor, one row at a time, so memory stays flat whatever the result's size. */
  private void stream(String what, String sql, SqlStep<PreparedStatement> bind, SqlStep<ResultSet> row) {
    read(what, c -> {
      c.setAutoCommit(false); // PostgreSQL streams a result with a cursor only inside a transaction
      try (PreparedStatement s = c.prepareStatement(sql)) {
        bind.apply(s);
        s.setFetchSize(FETCH_SIZE);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) row.apply(rs);
        }
      } finally {
        c.rollback();
      }
      return null;
    });
  }

  @Override
  public long articleCount() {
    return read("count articles", c -> count(c, "SELECT COUNT(*) FROM articles"));
  }

  @Override
  public List<String> storiesDueForBriefing() {
    return read("list the stories due for a briefing", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT id FROM stories WHERE brief_due ORDER BY id")) {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) out.add(rs.getString(1));
        }
        return out;
      }
    });
  }

  @Override
  public long storyCount() {
    return read("count stories", c -> count(c, "SELECT COUNT(*) FROM stories"));
  }

  @Override
  public List<CoverageCell> coverage(Instant since) {
    List<CoverageCell> out = new ArrayList<>();
    stream("count the coverage by story and country since " + since,
        "SELECT story_id, country, COUNT(*), COUNT(DISTINCT source), MAX(published) FROM story_members"
            + " WHERE published >= ? OR published IS NULL GROUP BY story_id, country",
        s -> setTime(s, 1, since),
        rs -> out.add(new CoverageCell(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), time(rs, 5))));
    return List.copyOf(out);
  }

  @Override
  public Optional<Instant> latestPublished() {
    return read("find the latest publication time", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT MAX(published) FROM story_members");
          ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.ofNullable(time(rs, 1)) : Optional.empty();
      }
    });
  }

  @Override
  public List<SourceActivity> sourceActivity() {
    List<SourceActivity> out = new ArrayList<>();
    stream("count the articles of each source",
        "SELECT source, COUNT(*), MAX(published) FROM story_members GROUP BY source ORDER BY source",
        s -> { },
        rs -> out.add(new SourceActivity(rs.getString(1), rs.getLong(2), time(rs, 3))));
    return List.copyOf(out);
  }

  @Override
  public Optional<SourceActivity> sourceActivity(String source) {
    List<SourceActivity> out = new ArrayList<>();
    stream("count the articles of source '" + source + "'",
        "SELECT COUNT(*), MAX(published) FROM story_members WHERE source = ?",
        s -> s.setString(1, source),
        rs -> {
          if (rs.getLong(1) > 0) out.add(new SourceActivity(source, rs.getLong(1), time(rs, 2)));
        });
    return out.stream().findFirst();
  }

  @Override
  public List<Listing> storyListings(String storyId) {
    return listings("list the articles of story '" + storyId + "'",
        "WHERE story_id = ? ORDER BY published ASC NULLS LAST, seq ASC", s -> s.setString(1, storyId));
  }

  @Override
  public List<Listing> recentArticles(String source, int limit) {
    Validate.isTrue(limit >= 0, "the number of articles must not be negative, got " + limit);
    return listings("list the latest articles of source '" + source + "'",
        "WHERE source = ? ORDER BY published DESC NULLS LAST, seq DESC FETCH FIRST ? ROWS ONLY", s -> {
          s.setString(1, source);
          s.setInt(2, limit);
        });
  }

  private List<Listing> listings(String what, String where, SqlStep<PreparedStatement> bind) {
    List<Listing> out = new ArrayList<>();
    stream(what, "SELECT article_id, story_id, title, source, country, language, published FROM story_members " + where,
        bind, rs -> out.add(new Listing(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), time(rs, 7))));
    return List.copyOf(out);
  }

  /** Closes the pool; the embedded database file is closed with its last connection. */
  @Override
  public void close() {
    pool.close();
  }

  private static Optional<Known> find(Connection c, String id, String url) throws SQLException {
    // two look-ups, each by its unique index: H2 answers "id = ? OR url = ?" by scanning the table
    String columns = "SELECT id, story_id, content_hash FROM articles WHERE ";
    Optional<Known> byId = known(c, columns + "id = ?", id);
    return byId.isPresent() || url.isEmpty() ? byId : known(c, columns + "url = ?", url);
  }

  private static Optional<Known> known(Connection c, String sql, String key) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, key); ResultSet rs = s.executeQuery()) {
      return rs.next() ? Optional.of(new Known(rs.getString(1), rs.getString(2), rs.getString(3))) : Optional.empty();
    }
  }

  private void insertArticle(Connection c, Annotated annotated, String storyId, String json, String contentHash,
      @Nullable Embedding embedding) throws SQLException {
    Article a = annotated.article();
    try (PreparedStatement s = c.prepareStatement("INSERT INTO articles (id, url, source, country, language,"
        + " published, title, text, authors, image, story_id, annotated, added_at, embedding_model, embedding, content_hash)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, a.id());
      s.setString(2, a.url().isEmpty() ? null : a.url());
      s.setString(3, a.source());
      s.setString(4, a.country());
      s.setString(5, annotated.language());
      setTime(s, 6, a.published());
      s.setString(7, a.title());
      s.setString(8, a.text());
      s.setString(9, toJson(a.authors(), "the authors of article '" + a.id() + "'"));
      s.setString(10, a.image());
      s.setString(11, storyId);
      s.setString(12, json);
      setTime(s, 13, clock.instant());
      s.setString(14, embedding == null ? null : embedding.model());
      s.setString(15, embedding == null ? null : encode(embedding.values()));
      s.setString(16, contentHash);
      s.executeUpdate();
    }
    addMember(c, a.id());
  }

  /** Copies a stored article's story-row columns to the narrow {@code story_members} table. */
  private static void addMember(Connection c, String articleId) throws SQLException {
    update(c, "INSERT INTO story_members (article_id, story_id, seq, published, source, country, language, title)"
        + " SELECT id, story_id, seq, published, source, country, language, title FROM articles WHERE id = ?", articleId);
  }

  /** Recomputes a story's row from its articles, keeping the headline of its briefing if any. */
  private void refreshStory(Connection c, String storyId) throws SQLException {
    int count = 0;
    Set<String> sources = new LinkedHashSet<>();
    Set<String> countries = new LinkedHashSet<>();
    Set<String> languages = new LinkedHashSet<>();
    Instant first = null;
    Instant last = null;
    String title = "";
    try (PreparedStatement s = c.prepareStatement("SELECT source, country, language, published, title"
        + " FROM story_members WHERE story_id = ?" + PUBLICATION_ORDER)) {
      s.setString(1, storyId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          count++;
          addIfPresent(sources, rs.getString(1));
          addIfPresent(countries, rs.getString(2));
          addIfPresent(languages, rs.getString(3));
          Instant published = time(rs, 4);
          if (published != null) {
            first = first == null || published.isBefore(first) ? published : first;
            last = last == null || published.isAfter(last) ? published : last;
          }
          if (title.isBlank()) {
            title = rs.getString(5).strip();
          }
        }
      }
    }
    // a briefed story keeps the headline saveBriefing wrote (no need to parse the briefing per article)
    String headline = exists(c, "SELECT 1 FROM briefings WHERE story_id = ?", storyId)
        ? firstString(c, "SELECT headline FROM stories WHERE id = ?", storyId).filter(h -> !h.isBlank()).orElse(null)
        : null;
    if (headline == null) headline = title.isBlank() ? "(untitled)" : title;
    @Nullable Object[] values = {headline, utc(first), utc(last), count, sources.size(), countries.size(),
        toJson(sources, "sources"), toJson(countries, "countries"), toJson(languages, "languages"),
        utc(clock.instant()), storyId};
    int updated = update(c, "UPDATE stories SET headline = ?, first_published = ?, last_published = ?,"
        + " article_count = ?, source_count = ?, country_count = ?, sources = ?, countries = ?,"
        + " languages = ?, updated_at = ?, brief_due = TRUE WHERE id = ?", values);
    if (updated == 0) {
      update(c, "INSERT INTO stories (headline, first_published, last_published, article_count,"
          + " source_count, country_count, sources, countries, languages, updated_at, id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
    }
  }

  private static Story story(ResultSet rs) throws SQLException {
    String id = rs.getString(1);
    return new Story(id, rs.getString(2), time(rs, 3), time(rs, 4),
        rs.getInt(5),
        fromJson(rs.getString(6), STRINGS, "the sources of story '" + id + "'"),
        fromJson(rs.getString(7), STRINGS, "the countries of story '" + id + "'"),
        fromJson(rs.getString(8), STRINGS, "the languages of story '" + id + "'"));
  }

  /** Base64 of the vector's little-endian 32-bit floats: a column type H2 and PostgreSQL share. */
  static String encode(float[] values) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(values.length * Float.BYTES).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (float v : values) b.putFloat(v);
    return java.util.Base64.getEncoder().encodeToString(b.array());
  }

  static float[] decode(String base64) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(base64))
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    float[] out = new float[b.remaining() / Float.BYTES];
    for (int i = 0; i < out.length; i++) out[i] = b.getFloat();
    return out;
  }

  private static @Nullable Embedding embedding(@Nullable String model, @Nullable String vector, String id) {
    if (model == null || vector == null) return null;
    try {
      return new Embedding(model, decode(vector));
    } catch (IllegalArgumentException e) {
      throw new StoreException("the stored embedding of article '" + id + "' is not readable", e);
    }
  }

  private static Annotated annotated(String json, String id) {
    return fromJson(json, Annotated.class, "annotations of article '" + id + "'");
  }

  private <T> T write(String what, Work<T> work) {
    writes.lock();
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot " + what, e);
    } finally {
      writes.unlock();
    }
  }

  private <T> T read(String what, Work<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("cannot " + what, e);
    }
  }

  /** One unit of database work on a borrowed connection. */
  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private static boolean exists(Connection c, String sql, @Nullable Object... params) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
      return rs.next();
    }
  }

  private static Optional<String> firstString(Connection c, String sql, @Nullable Object... params)
      throws SQLException {
    try (PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    }
  }

  private static List<String> strings(Connection c, String sql, @Nullable Object... params) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
      List<String> out = new ArrayList<>();
      while (rs.next()) out.add(rs.getString(1));
      return out;
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static int update(Connection c, String sql, @Nullable Object... params) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, params)) {
      return s.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, @Nullable Object... params)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        if (params[i] == null) {
          s.setNull(i + 1, Types.TIMESTAMP_WITH_TIMEZONE); // the only nullable parameters are times
        } else {
          s.setObject(i + 1, params[i]);
        }
      }
      return s;
    } catch (SQLException e) {
      s.close();
      throw e;
    }
  }

  private static void setTime(PreparedStatement s, int index, @Nullable Instant time)
      throws SQLException {
    if (time == null) {
      s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      s.setObject(index, utc(time));
    }
  }

  private static @Nullable Instant time(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static @Nullable OffsetDateTime utc(@Nullable Instant time) {
    return time == null ? null : time.atOffset(ZoneOffset.UTC);
  }

  private static void addIfPresent(Set<String> values, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      values.add(value.strip());
    }
  }

  private static String toJson(Object value, String what) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + what + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static <T> T fromJson(String json, Class<T> type, String what) {
    return fromJson(json, Json.mapper().constructType(type), what);
  }

  private static <T> T fromJson(String json, JavaType type, String what) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new StoreException("cannot read the stored " + what, e);
    }
  }

  private static void checkLength(String value, int max, String what) {
    Validate.isTrue(value.length() <= max,
        what + " is " + value.length() + " characters long, more than the " + max + " allowed");
  }

  /**
   * Refuses text with an unpaired UTF-16 surrogate (JSON input can escape one into a string): it has
   * no UTF-8 form, so PostgreSQL would store a '?' where H2 keeps it.
   */
  private static void checkUnicode(List<String> values, List<String> fields, String id) {
    for (int f = 0; f < values.size(); f++) {
      String v = values.get(f);
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          throw new IllegalArgumentException(fields.get(f) + " of article '" + abbreviate(id) + "' is not valid Unicode:"
              + " an unpaired surrogate U+" + HexFormat.of().withUpperCase().toHexDigits(c) + " at character " + (i + 1));
        }
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }

  private static String redacted(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1***");
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }
}
