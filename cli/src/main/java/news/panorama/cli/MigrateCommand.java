package news.panorama.cli;

import java.util.concurrent.Callable;
import news.panorama.core.PanoramaConfig;
import news.panorama.store.JdbcStore;
import news.panorama.store.StoreCopy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Moves everything stored to another database, for example from the embedded one to PostgreSQL. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = {"Copy every article, story and briefing from the configured database to another one "
        + "(for example --to jdbc:postgresql://db.example/panorama?user=panorama).",
        "Nothing is lost; running it again copies only what is missing. Then set store.jdbc-url to the new database."})
final class MigrateCommand implements Callable<Integer> {
  @Option(names = "--to", required = true, paramLabel = "JDBC_URL", description = "The database to copy into.")
  String to = "";

  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() {
    PanoramaConfig config = options.load();
    if (to.equals(config.jdbcUrl())) throw new IllegalArgumentException("--to is the configured database itself: " + to);
    try (JdbcStore from = Stores.open(config); JdbcStore target = JdbcStore.open(to);
        Progress progress = new Progress("migrate", from.articleCount())) {
      StoreCopy.Report r = StoreCopy.copy(from, target, n -> progress.step());
      System.out.printf("Copied %d articles (%d were already there) and %d briefings; the target holds %d articles in %d stories.%n",
          r.articlesCopied(), r.articlesAlreadyThere(), r.briefingsCopied(), target.articleCount(), target.storyCount());
    }
    return 0;
  }
}
