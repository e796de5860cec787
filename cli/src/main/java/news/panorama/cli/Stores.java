package news.panorama.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import news.panorama.core.PanoramaConfig;
import news.panorama.store.JdbcStore;
import news.panorama.store.LuceneIndex;
import news.panorama.translate.Translators;

/** Where a configuration keeps its database and search index, opened the same way by every command. */
final class Stores {
  private Stores() {}

  /** The database of {@code store.jdbc-url} (embedded H2 under the data folder by default). */
  static JdbcStore open(PanoramaConfig config) {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data folder " + config.dataDir(), e);
    }
    return JdbcStore.open(config.jdbcUrl());
  }

  /**
   * The search index, in the data folder beside the embedded database; titles in other languages
   * are indexed in English too, through the offline gloss (whatever {@code translate.backend} is:
   * indexing must not wait on a service), so that an English query finds them.
   */
  static LuceneIndex index(PanoramaConfig config) {
    LuceneIndex index = LuceneIndex.open(indexFolder(config));
    index.glossTitlesWith(Translators.gloss(config));
    return index;
  }

  static Path indexFolder(PanoramaConfig config) {
    return config.dataDir().resolve("index");
  }
}
