package news.panorama.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import news.panorama.core.Article;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 8: computes {@link Article#contentHash()} for the articles stored before migration 7
 * added the column (neither H2 nor PostgreSQL has a standard SQL function for SHA-256), a page of
 * rows at a time in insertion order, then makes the column required.
 */
final class ContentHashes implements JavaMigration {
  private static final int PAGE = 500;

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("8");
  }

  @Override
  public String getDescription() {
    return "content hashes";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    try (PreparedStatement page = c.prepareStatement("SELECT seq, id, title, text, published FROM articles"
        + " WHERE content_hash IS NULL AND seq > ? ORDER BY seq FETCH FIRST " + PAGE + " ROWS ONLY");
        PreparedStatement set = c.prepareStatement("UPDATE articles SET content_hash = ? WHERE id = ?")) {
      long after = 0;
      for (int rows = PAGE; rows == PAGE; ) {
        page.setLong(1, after);
        rows = 0;
        try (ResultSet rs = page.executeQuery()) {
          while (rs.next()) {
            after = rs.getLong(1);
            OffsetDateTime published = rs.getObject(5, OffsetDateTime.class);
            set.setString(1, Article.contentHash(rs.getString(3), rs.getString(4), published == null ? null : published.toInstant()));
            set.setString(2, rs.getString(2));
            set.addBatch();
            rows++;
          }
        }
        set.executeBatch();
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE articles ALTER COLUMN content_hash SET NOT NULL");
    }
  }
}
