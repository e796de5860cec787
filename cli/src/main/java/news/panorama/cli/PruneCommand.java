package news.panorama.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import news.panorama.core.PanoramaConfig;
import news.panorama.pipeline.Retention;
import news.panorama.store.JdbcStore;
import news.panorama.store.LuceneIndex;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Retention on demand: drops the full text of old articles, keeping what stories are made of. */
@Command(name = "prune", mixinStandardHelpOptions = true,
    description = {"Drop the full text of the articles published more than N days ago (undated ones: stored more than N days ago), "
        + "with their sentences and earlier revisions' text; their title, outlet, country, language, dates, entities, "
        + "embedding and story stay, as do stories, briefings and their versions. The search index keeps their titles.",
        "Running it again drops only what has aged since. `start` does this daily when store.full-text-days is set."})
final class PruneCommand implements Callable<Integer> {
  @Option(names = "--older-than-days", paramLabel = "N",
      description = "Age limit in days (default: the setting store.full-text-days).")
  @Nullable Integer days;

  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() {
    PanoramaConfig config = options.load();
    int limit = days != null ? days : config.fullTextDays();
    if (limit < 1) {
      throw new IllegalArgumentException("prune needs an age limit: --older-than-days N (N >= 1), or the setting "
          + "store.full-text-days");
    }
    try (JdbcStore store = Stores.open(config); LuceneIndex index = Stores.index(config)) {
      index.catchUp(store);
      Retention retention = new Retention(store, index, limit, Clock.systemUTC());
      System.out.println(retention.describe(retention.apply()));
    }
    return 0;
  }
}
