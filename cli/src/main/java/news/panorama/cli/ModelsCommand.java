package news.panorama.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import news.panorama.core.PanoramaConfig;
import news.panorama.embed.ModelCard;
import news.panorama.embed.ModelManifest;
import news.panorama.embed.ModelRegistry;
import news.panorama.embed.ModelStore;
import news.panorama.embed.PullException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Sentence-embedding models: which are shipped, which can be pulled into the data folder, and their checks. */
@Command(name = "models", mixinStandardHelpOptions = true,
    description = {"List, download and check the sentence-embedding models (setting embed.model).",
        "One English model ships inside Panorama; multilingual ones are pulled into <data.dir>/models/NAME/ "
            + "(model.onnx, tokenizer.json, manifest.json) from Hugging Face, with every file's size and SHA-256 checked."},
    subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Pull.class, ModelsCommand.Verify.class})
final class ModelsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Print every known model (shipped, downloadable) and every pulled one, with its status.")
  static final class ListModels implements Callable<Integer> {
    @Mixin ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
      PanoramaConfig config = options.load();
      ModelStore store = ModelStore.in(config.dataDir());
      List<ModelManifest> pulled = store.pulled();
      PrintStream out = System.out;
      out.printf("%-40s %-22s %-20s %-5s %-7s %s%n", "NAME", "STATUS", "LANGUAGES", "DIM", "POOLING", "SOURCE");
      for (ModelCard c : ModelRegistry.known()) {
        String status;
        if (c.shipped()) {
          status = "shipped";
        } else if (pulled.stream().anyMatch(m -> m.name().equals(c.name()))) {
          status = "pulled";
        } else if (c.downloadable()) {
          status = "not pulled (" + megabytes(c.downloadBytes()) + ")";
        } else {
          continue; // an in-jar model whose jar is not on the class path
        }
        if (c.name().equals(config.embedModel())) status += ", in use";
        out.printf("%-40s %-22s %-20s %-5d %-7s %s%n", c.name(), status, c.languages(), c.dimensions(),
            c.pooling().name().toLowerCase(Locale.ROOT), c.source());
      }
      for (ModelManifest m : pulled) {
        if (ModelRegistry.find(m.name()).isPresent()) continue;
        String status = "pulled (own)" + (m.name().equals(config.embedModel()) ? ", in use" : "");
        out.printf("%-40s %-22s %-20s %-5d %-7s %s%n", m.name(), status, "", m.dimensions(),
            m.pooling().name().toLowerCase(Locale.ROOT), m.source());
      }
      out.println("Models folder: " + store.root().toAbsolutePath() + "; in use (embed.model): " + config.embedModel()
          + "; default: " + ModelRegistry.DEFAULT + ".");
      return 0;
    }
  }

  @Command(name = "pull", mixinStandardHelpOptions = true,
      description = {"Download a model into <data.dir>/models/NAME/ and check it.",
          "Files go to a temporary folder, each is checked against its size and the SHA-256 pinned in Panorama's "
              + "registry (or, for a file without a pin, the SHA-256 the server states as X-Linked-Etag), and the "
              + "folder is moved into place only when all pass. Known models: multilingual-e5-small, "
              + "paraphrase-multilingual-MiniLM-L12-v2."})
  static final class Pull implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "Model to download (see `panorama models list`).")
    String name = "";

    @Option(names = "--base-url", paramLabel = "URL",
        description = "Download from this URL instead of Hugging Face (a mirror with the same layout, e.g. "
            + "URL/onnx/model_quantized.onnx and URL/tokenizer.json). The pinned hashes still apply.")
    @Nullable String baseUrl;

    @Option(names = "--force", description = "Download again although the model is already pulled.")
    boolean force;

    @Mixin ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
      ModelCard card = ModelRegistry.find(name).orElseThrow(() -> new IllegalArgumentException("unknown model '" + name
          + "'; models that can be pulled: " + ModelRegistry.known().stream().filter(ModelCard::downloadable)
          .map(ModelCard::name).collect(Collectors.joining(", "))));
      if (!card.downloadable()) {
        System.out.println("Model " + card.name() + " ships inside Panorama (" + card.source() + "); nothing to pull.");
        return 0;
      }
      ModelStore store = ModelStore.in(options.load().dataDir());
      Optional<ModelManifest> before = store.manifest(card.name());
      if (before.isPresent() && !force) {
        System.out.println("Model " + card.name() + " is already in " + store.folder(card.name()).toAbsolutePath()
            + " (pulled " + before.get().pulledAt() + "); `panorama models verify " + card.name()
            + "` checks it, --force downloads it again.");
        return 0;
      }
      System.err.println("Pulling " + card.name() + " (" + megabytes(card.downloadBytes()) + ") from "
          + (baseUrl != null ? baseUrl : card.baseUrl()) + " …");
      ModelManifest m;
      try {
        m = store.pull(card, baseUrl, force, new ByteProgress(System.err, System.console() != null));
      } catch (PullException e) {
        if (System.console() != null) System.err.println();
        System.err.println("panorama: " + e.getMessage());
        return 1;
      } catch (IOException e) {
        System.err.println("panorama: cannot pull model '" + card.name() + "' into " + store.root() + ": " + e);
        return 1;
      }
      System.out.println("Pulled " + m.name() + " into " + store.folder(m.name()).toAbsolutePath() + ":");
      for (ModelManifest.Entry e : m.files()) {
        System.out.printf(Locale.ROOT, "  %-15s %s  sha256 %s (checked against the %s hash)%n", e.name(), megabytes(e.bytes()),
            e.sha256(), "pinned".equals(e.checkedAgainst()) ? "pinned" : "server-stated");
      }
      System.out.println("Use it with --set embed.model=" + m.name() + ", or embed.model=" + m.name() + " in panorama.properties.");
      return 0;
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Recompute the SHA-256 of a pulled model's files and compare them with the pinned (or recorded) hashes; exit 1 on any difference.")
  static final class Verify implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "A pulled model.")
    String name = "";

    @Mixin ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() throws IOException {
      Optional<ModelCard> card = ModelRegistry.find(name);
      if (card.isPresent() && card.get().shipped()) {
        System.out.println("Model " + card.get().name() + " ships inside Panorama's jars (checked by Maven); nothing to verify.");
        return 0;
      }
      ModelStore store = ModelStore.in(options.load().dataDir());
      ModelStore.Verification v = store.verify(card.map(ModelCard::name).orElse(name));
      for (ModelStore.FileCheck c : v.files()) {
        if (c.ok()) {
          System.out.printf("  %-15s ok        %s%n", c.file(), c.actual());
        } else if (c.actual() == null) {
          System.out.printf("  %-15s MISSING   expected %s%n", c.file(), c.expected());
        } else {
          System.out.printf("  %-15s MISMATCH  expected %s, found %s%n", c.file(), c.expected(), c.actual());
        }
      }
      System.out.println(v.ok() ? "Model " + v.model() + " is intact."
          : "Model " + v.model() + " is damaged: run `panorama models pull " + v.model() + " --force`.");
      return v.ok() ? 0 : 1;
    }
  }

  /** Bytes downloaded per file: redrawn in place on a terminal, a line per tenth otherwise. */
  private static final class ByteProgress implements ModelStore.PullListener {
    private final PrintStream out;
    private final boolean terminal;
    private long started;
    private int lastTenth;

    ByteProgress(PrintStream out, boolean terminal) {
      this.out = out;
      this.terminal = terminal;
    }

    @Override
    public void started(String file, URI url, long bytes) {
      started = System.nanoTime();
      lastTenth = -1;
      out.println("  " + file + " ← " + url);
    }

    @Override
    public void progress(String file, long done, long total) {
      double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
      String line = String.format(Locale.ROOT, "  %-15s %6.1f / %.1f MB  %5.1f MB/s", file, done / 1e6, total / 1e6, done / 1e6 / seconds);
      if (terminal) {
        out.print("\r" + line);
        out.flush();
      } else {
        int tenth = (int) (done * 10 / Math.max(1, total));
        if (tenth != lastTenth) {
          lastTenth = tenth;
          out.println(line);
        }
      }
    }

    @Override
    public void finished(String file, String sha256, String checkedAgainst) {
      if (terminal) out.println();
      out.println("  " + file + ": SHA-256 matches the " + ("pinned".equals(checkedAgainst) ? "pinned" : "server-stated") + " value");
    }
  }
}
