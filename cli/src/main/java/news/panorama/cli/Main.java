package news.panorama.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code panorama} command: each subcommand wires stages together and does nothing else. */
@Command(name = "panorama", mixinStandardHelpOptions = true, version = "Panorama 0.1.0",
    description = "A self-hosted world-news engine: every story as the whole world tells it.",
    subcommands = {StartCommand.class, ExtractCommand.class, ClusterCommand.class, BriefCommand.class,
        ConfigCommand.class, EvalCommand.class, SourcesCommand.class, CrawlCommand.class, IngestCommand.class,
        AnnotateCommand.class, SearchCommand.class, ExportCommand.class,
        MigrateCommand.class, PruneCommand.class, BenchCommand.class, ModelsCommand.class, TranslateCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  /**
   * Lucene logs a notice at every start when the JDK's incubating vector module is not enabled; it
   * only concerns speed, so it is kept for errors. Held here so the setting is not collected.
   */
  private static final java.util.logging.Logger LUCENE = java.util.logging.Logger.getLogger("org.apache.lucene");

  static {
    LUCENE.setLevel(java.util.logging.Level.SEVERE);
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (tests call this in-process). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof IllegalArgumentException) {
        line.getErr().println("panorama: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    return cl.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
