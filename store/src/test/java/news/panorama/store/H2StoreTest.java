package news.panorama.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded H2 database, a file in a temporary folder. */
class H2StoreTest extends StoreContract {
  @TempDir Path dir;
  private int databases;

  @Override
  String newDatabase() {
    return JdbcStore.h2Url(dir.resolve("db" + ++databases));
  }
}
