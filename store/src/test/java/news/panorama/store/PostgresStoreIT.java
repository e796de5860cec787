package news.panorama.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on a real PostgreSQL server: a throw-away cluster on a free loopback port. */
class PostgresStoreIT extends StoreContract {
  private static PostgresServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.startOrSkip();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) server.close();
  }

  @Override
  String newDatabase() throws Exception {
    return server.createDatabase();
  }
}
