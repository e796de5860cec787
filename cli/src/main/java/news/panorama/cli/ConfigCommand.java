package news.panorama.cli;

import java.util.concurrent.Callable;
import news.panorama.core.PanoramaConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Prints every setting, its meaning, and the effective configuration. */
@Command(name = "config", mixinStandardHelpOptions = true,
    description = {"Show every setting with its default, and the effective values.",
        "Settings come from defaults, then a properties file, then PANORAMA_* environment variables "
            + "(PANORAMA_SERVER_PORT sets server.port), then flags."})
final class ConfigCommand implements Callable<Integer> {
  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() {
    System.out.println("Settings:");
    ConfigOptions.describe().forEach(System.out::println);
    PanoramaConfig c = options.load();
    System.out.println();
    System.out.println("Effective: " + c);
    return 0;
  }
}
