package news.panorama.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs an embedded H2 database that a crash left with a transaction stuck mid-commit.
 *
 * <p>When a process is killed while H2 2.5 commits, the file can keep that transaction's undo log
 * with its status "committed"; on the next open H2 restores the transaction but does not finish it,
 * and any later statement that locks one of its rows spins forever inside H2
 * ({@code TransactionMap.set}: the row's owner is neither open, which it would wait for, nor
 * finished). Panorama found this with {@code CrashRecoveryIT}, which kills replays with SIGKILL.
 * H2's {@code SHUTDOWN COMPACT} rewrites the file and, closing the transaction store, finishes the
 * transaction (checked on a database left so by a killed replay: the interrupted commit's rows all
 * come out committed, the story's count matching its members). It runs only when such a leftover
 * transaction is found, before the store's connection pool opens the file; when the compaction does
 * not clear it, opening fails with a sentence saying what to do, instead of hanging.
 */
final class H2CrashRepair {
  private static final Logger log = LoggerFactory.getLogger(H2CrashRepair.class);
  private static final String FILE_URL = "jdbc:h2:file:";

  private H2CrashRepair() {}

  /**
   * Repairs the database of an embedded H2 URL when needed; other URLs (PostgreSQL, in-memory H2)
   * and databases that do not exist yet are left alone.
   *
   * @return whether the database was repaired
   */
  static boolean repairIfNeeded(String jdbcUrl) {
    if (!jdbcUrl.startsWith(FILE_URL)) return false;
    String base = jdbcUrl.substring(FILE_URL.length());
    int options = base.indexOf(';');
    Path file = Path.of((options < 0 ? base : base.substring(0, options)) + ".mv.db");
    if (!Files.isRegularFile(file)) return false;
    try {
      int stuck;
      try (Connection c = DriverManager.getConnection(jdbcUrl)) {
        stuck = stuckTransactions(c);
        if (stuck == 0) return false;
      }
      compact(jdbcUrl, file, stuck);
      return true;
    } catch (SQLException e) {
      throw new StoreException("cannot repair the database " + file + " after a crash", e);
    }
  }

  /**
   * Transactions restored from the file as committed that no session owns: what a crash
   * mid-commit leaves and H2 does not finish.
   */
  static int stuckTransactions(Connection c) throws SQLException {
    if (!(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) return 0;
    var database = session.getDatabase();
    TransactionStore transactions = database.getStore().getTransactionStore();
    Set<Transaction> owned = new HashSet<>();
    for (SessionLocal s : database.getSessions(false)) {
      if (s.getTransaction() != null) owned.add(s.getTransaction());
    }
    int stuck = 0;
    for (Transaction t : transactions.getOpenTransactions()) {
      if (!owned.contains(t) && t.getStatus() == Transaction.STATUS_COMMITTED) stuck++;
    }
    return stuck;
  }

  private static void compact(String jdbcUrl, Path file, int stuck) throws SQLException {
    log.warn("{}: {} transaction(s) interrupted mid-commit by a crash; finishing them by compacting the database",
        file, stuck);
    try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
      s.execute("SHUTDOWN COMPACT");
    }
    try (Connection c = DriverManager.getConnection(jdbcUrl)) {
      int left = stuckTransactions(c);
      if (left > 0) {
        throw new SQLException(left + " transaction(s) a crash interrupted mid-commit remain after compacting; "
            + "export what can be read with H2's Recover tool (org.h2.tools.Recover) and start from that");
      }
    }
    log.warn("{}: repaired", file);
  }
}
