package news.panorama.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Groups the benchmark commands: each one runs a stage over a public data set and scores it. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Measure a stage on a public benchmark (see docs/benchmarks.md).",
    subcommands = {EvalExtractionCommand.class, EvalClusteringCommand.class, EvalTextCommand.class, EvalSummariesCommand.class})
final class EvalCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
