package news.panorama.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.panorama.core.PanoramaConfig;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options every command shares: where the configuration comes from. */
final class ConfigOptions {
  @Option(names = "--config", paramLabel = "FILE",
      description = "Properties file with settings (default: panorama.properties in the data folder, if present).")
  @Nullable Path file;

  @Option(names = "--data", paramLabel = "DIR", description = "Data folder (setting data.dir; default: ./data).")
  @Nullable Path dataDir;

  @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE",
      description = "Override one setting, e.g. --set cluster.threshold=0.25 (see `panorama config`).")
  Map<String, String> settings = new LinkedHashMap<>();

  PanoramaConfig load(Map<String, String> extraFlags) {
    Map<String, String> flags = new LinkedHashMap<>(settings);
    if (dataDir != null) flags.put("data.dir", dataDir.toString());
    flags.putAll(extraFlags);
    Path f = file;
    if (f == null) {
      String dir = flags.getOrDefault("data.dir", System.getenv().getOrDefault("PANORAMA_DATA_DIR", "data"));
      Path candidate = Path.of(dir).resolve("panorama.properties");
      if (Files.isRegularFile(candidate)) f = candidate;
    }
    return PanoramaConfig.load(f, System.getenv(), flags);
  }

  PanoramaConfig load() {
    return load(Map.of());
  }

  static List<String> describe() {
    return PanoramaConfig.KEYS.entrySet().stream()
        .map(e -> String.format("  %-26s %s (default: %s)", e.getKey(), e.getValue()[1], e.getValue()[0]))
        .toList();
  }
}
