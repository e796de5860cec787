package news.panorama.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Offline ingestion of recorded crawls and corpora through the same pipeline as the live crawl. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Replay WARC files (a Panorama crawl recorded with ingest.warc-dir, or public news WARCs "
        + "such as CC-NEWS) and JSON Lines into the store, offline, through the same pipeline as the live crawl.",
        "Same as `start --once --from PATH...`."})
final class IngestCommand implements Callable<Integer> {
  @Option(names = "--warc", arity = "1..*", paramLabel = "FILE", description = "WARC files or folders (.warc, .warc.gz).")
  List<Path> warc = new ArrayList<>();

  @Option(names = "--jsonl", arity = "1..*", paramLabel = "FILE", description = "JSON Lines in the interchange format.")
  List<Path> jsonl = new ArrayList<>();

  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() throws Exception {
    if (warc.isEmpty() && jsonl.isEmpty()) throw new IllegalArgumentException("ingest needs --warc FILE... or --jsonl FILE...");
    StartCommand start = new StartCommand();
    start.from = new ArrayList<>(warc);
    start.from.addAll(jsonl);
    start.once = true;
    start.options = options;
    return start.call();
  }
}
