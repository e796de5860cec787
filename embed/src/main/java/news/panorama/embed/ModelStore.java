package news.panorama.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import news.panorama.core.Json;
import news.panorama.core.Validate;
import org.jspecify.annotations.Nullable;

/**
 * The models folder, {@code <data.dir>/models}: one folder per pulled model holding
 * {@code model.onnx}, {@code tokenizer.json} and {@code manifest.json}.
 *
 * <p>{@link #pull} downloads a model's files into a hidden staging folder, checks every file's
 * size and SHA-256, writes the manifest and only then moves the folder into place in one rename;
 * a failed pull leaves nothing behind. The hash a file must have is the one pinned in
 * {@link ModelRegistry}; for a file without a pin it is the hash the server states (Hugging Face
 * sends the SHA-256 of large files as the {@code X-Linked-Etag} header), and a file with neither is
 * refused. A store may be shared across threads, but two pulls of one model at once are not supported.
 */
public final class ModelStore {
  public static final String MANIFEST = "manifest.json";
  /** Default wait for a server's answer, and for the next bytes of a body once it flows. */
  public static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);
  private static final int PROGRESS_STEP = 1 << 20;

  private final Path root;
  private final HttpClient http;
  private final Clock clock;
  private final Duration stallTimeout;

  /**
   * @param root the models folder (need not exist yet)
   * @param http the client downloads go through; it should follow redirects, as Hugging Face
   *     answers file URLs with a redirect to its storage
   * @param stallTimeout longest wait for response headers, and for more bytes while a body is read;
   *     the download as a whole has no deadline (a large model on a slow line is not an error)
   */
  public ModelStore(Path root, HttpClient http, Clock clock, Duration stallTimeout) {
    this.root = root;
    this.http = http;
    this.clock = clock;
    this.stallTimeout = stallTimeout;
  }

  public ModelStore(Path root, HttpClient http, Clock clock) {
    this(root, http, clock, STALL_TIMEOUT);
  }

  /** The store of a data folder, downloading with {@link #defaultClient()}. */
  public static ModelStore in(Path dataDir) {
    return new ModelStore(dataDir.resolve("models"), defaultClient(), Clock.systemUTC());
  }

  /** Connect timeout 30 s, redirects followed (never from HTTPS to HTTP). */
  public static HttpClient defaultClient() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  static boolean isSafeName(String name) {
    return !name.isEmpty() && name.length() <= 100 && name.matches("[A-Za-z0-9._-]+") && !name.startsWith(".");
  }

  public Path root() {
    return root;
  }

  /** The folder a model of that name lives in. */
  public Path folder(String name) {
    Validate.isTrue(isSafeName(name), "model name '" + name + "' may hold only letters, digits, '.', '_' and '-', and not start with '.'");
    return root.resolve(name);
  }

  /**
   * The manifest of a pulled model, or empty when there is no such folder with a manifest.
   *
   * @throws UncheckedIOException when the manifest exists but cannot be read
   */
  public Optional<ModelManifest> manifest(String name) {
    Path file = folder(name).resolve(MANIFEST);
    if (!Files.isRegularFile(file)) return Optional.empty();
    try {
      return Optional.of(Json.mapper().readValue(file.toFile(), ModelManifest.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the manifest of model '" + name + "' at " + file + ": " + e.getMessage(), e);
    }
  }

  /** Manifests of every pulled model, by name; folders without a readable manifest are left out. */
  public List<ModelManifest> pulled() {
    if (!Files.isDirectory(root)) return List.of();
    List<ModelManifest> out = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        if (!isSafeName(name)) continue;
        try {
          manifest(name).ifPresent(out::add);
        } catch (UncheckedIOException e) {
          // a broken folder is reported by verify, not by listing
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the models folder " + root + ": " + e.getMessage(), e);
    }
    out.sort(Comparator.comparing(ModelManifest::name));
    return out;
  }

  /** Reports a pull's progress; called on the pulling thread. */
  public interface PullListener {
    PullListener NONE = new PullListener() {};

    default void started(String file, URI url, long bytes) {}

    default void progress(String file, long done, long total) {}

    default void finished(String file, String sha256, String checkedAgainst) {}
  }

  /**
   * Downloads a model's files and checks them (see the class comment).
   *
   * @param baseUrl where to download from instead of the card's base URL (a mirror, a test
   *     server); the files' paths are appended to it
   * @param force download again although the model is already pulled
   * @return the manifest written, or the existing one when the model was pulled before and not forced
   * @throws PullException naming the model, the URL and the reason, when a file cannot be had or
   *     is refused
   */
  public ModelManifest pull(ModelCard card, @Nullable String baseUrl, boolean force, PullListener listener) throws IOException {
    Validate.isTrue(card.downloadable(), "model '" + card.name() + "' ships in a jar and is not downloaded");
    String base = baseUrl != null ? baseUrl : card.baseUrl();
    Validate.isTrue(base != null && (base.startsWith("http://") || base.startsWith("https://")),
        "the base URL of model '" + card.name() + "' must start with http:// or https://, got '" + base + "'");
    Path target = folder(card.name());
    if (!force) {
      Optional<ModelManifest> existing = manifest(card.name());
      if (existing.isPresent()) return existing.get();
    }
    Files.createDirectories(root);
    Path staging = Files.createTempDirectory(root, ".pull-" + card.name() + "-");
    try {
      List<ModelManifest.Entry> entries = new ArrayList<>();
      for (ModelFile f : card.files()) {
        URI url = URI.create(base.replaceAll("/+$", "") + "/" + f.path());
        entries.add(download(card, f, url, staging.resolve(f.name()), listener));
      }
      ModelManifest manifest = ModelManifest.of(card, entries, clock.instant());
      Json.mapper().writerWithDefaultPrettyPrinter().writeValue(staging.resolve(MANIFEST).toFile(), manifest);
      install(staging, target);
      return manifest;
    } finally {
      deleteTree(staging);
    }
  }

  private ModelManifest.Entry download(ModelCard card, ModelFile f, URI url, Path dest, PullListener listener) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(stallTimeout)
        .header("User-Agent", "Panorama/0.1 (models pull)").GET().build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PullException(card.name(), url, "interrupted");
    } catch (java.net.http.HttpTimeoutException e) {
      throw new PullException(card.name(), url, "no answer within " + stallTimeout.toSeconds() + " s", e);
    } catch (java.net.ConnectException e) {
      throw new PullException(card.name(), url, "cannot connect to " + url.getHost()
          + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
    } catch (IOException e) {
      throw new PullException(card.name(), url, "request failed: " + e, e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new PullException(card.name(), url, "the server answered HTTP " + response.statusCode());
      }
      String expected;
      String checkedAgainst;
      if (f.sha256() != null) {
        expected = f.sha256();
        checkedAgainst = "pinned";
      } else {
        expected = statedSha256(response).orElseThrow(() -> new PullException(card.name(), url,
            "no SHA-256 to check " + f.name() + " against: none is pinned in Panorama's registry and the server states none (X-Linked-Etag)"));
        checkedAgainst = "server";
      }
      OptionalLong announced = response.headers().firstValueAsLong("Content-Length");
      if (announced.isPresent() && announced.getAsLong() != f.bytes()) {
        throw new PullException(card.name(), url, "the server announces " + announced.getAsLong() + " bytes, "
            + f.name() + " has " + f.bytes());
      }
      listener.started(f.name(), url, f.bytes());
      MessageDigest md = Hashes.sha256();
      long done = 0;
      Watchdog watchdog = new Watchdog(body, stallTimeout);
      try (watchdog; OutputStream out = Files.newOutputStream(dest)) {
        byte[] buf = new byte[1 << 16];
        long nextReport = PROGRESS_STEP;
        for (int n; (n = body.read(buf)) > 0; watchdog.fed()) {
          if (done + n > f.bytes()) {
            throw new PullException(card.name(), url, "the body runs past the " + f.bytes() + " bytes " + f.name() + " has");
          }
          out.write(buf, 0, n);
          md.update(buf, 0, n);
          done += n;
          if (done >= nextReport) {
            listener.progress(f.name(), done, f.bytes());
            nextReport = done + PROGRESS_STEP;
          }
        }
      } catch (PullException e) {
        throw e;
      } catch (IOException e) {
        if (!watchdog.fired()) {
          throw new PullException(card.name(), url, "the transfer broke off after " + done + " of " + f.bytes() + " bytes: " + e.getMessage(), e);
        }
      }
      if (watchdog.fired()) {
        throw new PullException(card.name(), url, "no data for " + stallTimeout.toSeconds() + " s after " + done + " of " + f.bytes() + " bytes");
      }
      listener.progress(f.name(), done, f.bytes());
      if (done != f.bytes()) {
        throw new PullException(card.name(), url, "got " + done + " of " + f.bytes() + " bytes (truncated)");
      }
      String actual = Hashes.hex(md.digest());
      if (!actual.equals(expected)) {
        throw new PullException(card.name(), url, "SHA-256 of " + f.name() + " is " + actual + ", expected " + expected
            + ("pinned".equals(checkedAgainst) ? " (pinned in Panorama's registry)" : " (stated by the server)") + "; file refused");
      }
      listener.finished(f.name(), actual, checkedAgainst);
      return new ModelManifest.Entry(f.name(), url.toString(), actual, done, checkedAgainst);
    }
  }

  /**
   * Closes a body that stops delivering bytes for longer than the timeout, which makes the blocked
   * read return; java.net.http has no read timeout of its own.
   */
  private static final class Watchdog implements AutoCloseable {
    private final Thread thread;
    private volatile long lastFed = System.nanoTime();
    private volatile boolean fired;
    private volatile boolean done;

    Watchdog(InputStream body, Duration timeout) {
      long limit = timeout.toNanos();
      long tick = Math.max(1, Math.min(1000, timeout.toMillis() / 4));
      thread = Thread.ofVirtual().name("model-pull-watchdog").start(() -> {
        while (!done) {
          try {
            Thread.sleep(tick);
          } catch (InterruptedException e) {
            return;
          }
          if (!done && System.nanoTime() - lastFed > limit) {
            fired = true;
            try {
              body.close();
            } catch (IOException ignored) {
              // the reader sees the end of the body either way
            }
            return;
          }
        }
      });
    }

    void fed() {
      lastFed = System.nanoTime();
    }

    boolean fired() {
      return fired;
    }

    @Override
    public void close() {
      done = true;
      thread.interrupt();
    }
  }

  /** The SHA-256 a server states for a file: Hugging Face's X-Linked-Etag, on the redirect or the answer. */
  static Optional<String> statedSha256(HttpResponse<?> response) {
    for (HttpResponse<?> r = response; r != null; r = r.previousResponse().orElse(null)) {
      Optional<String> etag = r.headers().firstValue("X-Linked-Etag");
      if (etag.isPresent()) {
        String v = etag.get().trim();
        if (v.startsWith("W/")) v = v.substring(2);
        v = v.replace("\"", "").toLowerCase(Locale.ROOT);
        if (Hashes.isSha256(v)) return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  private void install(Path staging, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = root.resolve(".old-" + target.getFileName() + "-" + System.nanoTime());
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    if (old != null) deleteTree(old);
  }

  /** One file's check by {@link #verify}. */
  public record FileCheck(String file, String expected, @Nullable String actual) {
    public boolean ok() {
      return expected.equals(actual);
    }
  }

  /** The outcome of {@link #verify}: every file of the manifest with its expected and actual hash. */
  public record Verification(String model, List<FileCheck> files) {
    public Verification {
      files = List.copyOf(files);
    }

    public boolean ok() {
      return !files.isEmpty() && files.stream().allMatch(FileCheck::ok);
    }
  }

  /**
   * Recomputes the SHA-256 of a pulled model's files and compares each with the registry's pin when
   * the model is a known one, else with the hash its manifest recorded. A missing file has a null
   * actual hash.
   *
   * @throws IllegalArgumentException when the model is not pulled
   */
  public Verification verify(String name) throws IOException {
    ModelManifest m = manifest(name).orElseThrow(() -> new IllegalArgumentException(
        "model '" + name + "' is not pulled into " + root + "; run `panorama models pull " + name + "`"));
    Optional<ModelCard> card = ModelRegistry.find(name);
    List<FileCheck> checks = new ArrayList<>();
    for (ModelManifest.Entry e : m.files()) {
      String expected = e.sha256();
      if (card.isPresent()) {
        for (ModelFile f : card.get().files()) {
          if (f.name().equals(e.name()) && f.sha256() != null) expected = f.sha256();
        }
      }
      String actual;
      try {
        actual = Hashes.ofFile(folder(name).resolve(e.name()));
      } catch (NoSuchFileException missing) {
        actual = null;
      }
      checks.add(new FileCheck(e.name(), expected, actual));
    }
    return new Verification(m.name(), checks);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
