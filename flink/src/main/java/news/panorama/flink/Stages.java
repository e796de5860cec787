package news.panorama.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Store;
import news.panorama.core.TextAnalyzer;
import news.panorama.store.JdbcStore;
import news.panorama.text.MultilingualAnalyzer;

/**
 * The stage objects that are costly to open and safe to share, once per task manager (JVM) rather
 * than once per parallel task: the text stage (language models, gazetteer) and the store (a
 * connection pool; an embedded H2 database can be opened by one process only).
 */
final class Stages {
  private static TextAnalyzer analyzer;
  private static final Map<String, Shared> STORES = new HashMap<>();

  private record Shared(JdbcStore store, int users) {}

  private Stages() {}

  static synchronized TextAnalyzer analyzer() {
    if (analyzer == null) analyzer = new MultilingualAnalyzer();
    return analyzer;
  }

  /** The configured store, opened on first use; give it back with {@link #release}. */
  static synchronized Store store(PanoramaConfig config) {
    Shared s = STORES.get(config.jdbcUrl());
    if (s == null) {
      try {
        Files.createDirectories(config.dataDir());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the data folder " + config.dataDir(), e);
      }
      s = new Shared(JdbcStore.open(config.jdbcUrl()), 0);
    }
    STORES.put(config.jdbcUrl(), new Shared(s.store(), s.users() + 1));
    return s.store();
  }

  /** Closes the store when its last user gives it back. */
  static synchronized void release(PanoramaConfig config) {
    Shared s = STORES.get(config.jdbcUrl());
    if (s == null) return;
    if (s.users() <= 1) {
      STORES.remove(config.jdbcUrl());
      s.store().close();
    } else {
      STORES.put(config.jdbcUrl(), new Shared(s.store(), s.users() - 1));
    }
  }
}
