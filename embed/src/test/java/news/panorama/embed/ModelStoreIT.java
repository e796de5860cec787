package news.panorama.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import news.panorama.core.Embedder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls against a real HTTP server on loopback, serving the shipped model's own bytes. */
class ModelStoreIT {
  static byte[] onnx;
  static byte[] tokenizer;
  static final byte[] SMALL = "not really a model".getBytes(StandardCharsets.UTF_8);

  HttpServer server;
  String base;
  final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  @TempDir Path data;
  ModelStore store;

  @BeforeAll
  static void readShippedModel() throws IOException {
    try (InputStream a = ModelStoreIT.class.getResourceAsStream("/e5-small-v2-q.onnx");
         InputStream b = ModelStoreIT.class.getResourceAsStream("/e5-small-v2-q-tokenizer.json")) {
      onnx = a.readAllBytes();
      tokenizer = b.readAllBytes();
    }
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::serve);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    store = new ModelStore(data.resolve("models"), ModelStore.defaultClient(),
        Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void serve(HttpExchange ex) throws IOException {
    String p = ex.getRequestURI().getPath();
    hits.computeIfAbsent(p, k -> new AtomicInteger()).incrementAndGet();
    byte[] body = p.endsWith("/onnx/model_quantized.onnx") ? onnx : p.endsWith("/tokenizer.json") ? tokenizer : SMALL;
    if (p.startsWith("/missing/")) {
      send(ex, 404, "Entry not found".getBytes(StandardCharsets.UTF_8));
    } else if (p.startsWith("/stated/") || p.startsWith("/wrong-stated/") || p.startsWith("/unstated/")) {
      // Hugging Face answers a resolve URL with a redirect that carries the file's SHA-256
      String sha = p.startsWith("/wrong-stated/") ? "0".repeat(64) : Hashes.hex(Hashes.sha256().digest(SMALL));
      if (!p.startsWith("/unstated/")) ex.getResponseHeaders().add("X-Linked-Etag", "\"" + sha + "\"");
      ex.getResponseHeaders().add("Location", "/blob" + p);
      send(ex, 302, new byte[0]);
    } else if (p.startsWith("/truncated/")) {
      ex.sendResponseHeaders(200, body.length);
      OutputStream out = ex.getResponseBody();
      out.write(body, 0, body.length / 2);
      out.flush();
      throw new IOException("connection cut half way"); // the server drops the connection
    } else if (p.startsWith("/stalled/")) {
      ex.sendResponseHeaders(200, body.length);
      OutputStream out = ex.getResponseBody();
      out.write(body, 0, body.length / 2);
      out.flush();
      try {
        Thread.sleep(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IOException("gave up");
    } else {
      send(ex, 200, body);
    }
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static String sha(byte[] b) {
    return Hashes.hex(Hashes.sha256().digest(b));
  }

  /** The shipped E5 model as if it were a downloadable one, pinned to its real hashes. */
  private ModelCard e5Card(String onnxSha) {
    return new ModelCard("test-e5", "the shipped e5-small-v2-q, served on loopback", "English", "MIT", Pooling.MEAN,
        "query: ", "passage: ", 512, 384, null, "https://huggingface.co/unused/resolve/0",
        List.of(new ModelFile("model.onnx", "onnx/model_quantized.onnx", onnxSha, onnx.length),
            new ModelFile("tokenizer.json", "tokenizer.json", sha(tokenizer), tokenizer.length)));
  }

  private static ModelCard smallCard(@Nullable String sha, long bytes) {
    return new ModelCard("tiny", "test bytes", "none", "none", Pooling.MEAN, "", "", 128, 4, null,
        "https://huggingface.co/unused/resolve/0", List.of(new ModelFile("model.onnx", "model.onnx", sha, bytes)));
  }

  private List<Path> modelsFolder() throws IOException {
    Path root = data.resolve("models");
    if (!Files.exists(root)) return List.of();
    try (Stream<Path> s = Files.list(root)) {
      return s.toList();
    }
  }

  @Test
  void pull_checksPinnedHashes_thenTheModelLoadsAndEmbedsLikeTheShippedOne() throws Exception {
    ModelManifest m = store.pull(e5Card(sha(onnx)), base + "/repo", false, ModelStore.PullListener.NONE);

    Path folder = data.resolve("models/test-e5");
    assertThat(folder.resolve("model.onnx")).hasBinaryContent(onnx);
    assertThat(folder.resolve("tokenizer.json")).hasBinaryContent(tokenizer);
    assertThat(m.files()).extracting(ModelManifest.Entry::checkedAgainst).containsOnly("pinned");
    assertThat(m.files().get(0).url()).isEqualTo(base + "/repo/onnx/model_quantized.onnx");
    assertThat(store.manifest("test-e5")).contains(m);
    assertThat(modelsFolder()).containsExactly(folder);

    Embedders.Settings s = new Embedders.Settings(2, 8, 0);
    try (Embedder pulled = Embedders.open("test-e5", store, s);
         Embedder shipped = Embedders.open("e5-small-v2-q", store, s)) {
      String text = "Lindsay Lohan checks into the Betty Ford Center";
      assertThat(pulled.model()).isEqualTo("test-e5");
      assertThat(pulled.embed(text)).containsExactly(shipped.embed(text), offset(1e-6f));
    }
    assertThat(store.verify("test-e5").ok()).isTrue();
  }

  @Test
  void pinnedHashMismatch_refusesTheFile_andLeavesNothingInTheModelsFolder() {
    assertThatThrownBy(() -> store.pull(e5Card("ab".repeat(32)), base + "/repo", false, ModelStore.PullListener.NONE))
        .isInstanceOf(PullException.class)
        .hasMessageContaining("'test-e5'").hasMessageContaining(base + "/repo/onnx/model_quantized.onnx")
        .hasMessageContaining("SHA-256 of model.onnx is " + sha(onnx)).hasMessageContaining("pinned");
    assertThat(store.manifest("test-e5")).isEmpty();
    assertThat(data.resolve("models")).isEmptyDirectory();
  }

  @Test
  void notFound_failsNamingModelUrlAndStatus_andLeavesNothing() {
    assertThatThrownBy(() -> store.pull(smallCard(sha(SMALL), SMALL.length), base + "/missing/", false, ModelStore.PullListener.NONE))
        .isInstanceOf(PullException.class)
        .hasMessage("cannot pull model 'tiny' from " + base + "/missing/model.onnx: the server answered HTTP 404");
    assertThat(data.resolve("models")).isEmptyDirectory();
  }

  @Test
  void truncatedBody_isRefused_andLeavesNothing() {
    assertThatThrownBy(() -> store.pull(e5Card(sha(onnx)), base + "/truncated", false, ModelStore.PullListener.NONE))
        .isInstanceOf(PullException.class)
        .hasMessageContaining("'test-e5'").hasMessageContaining(base + "/truncated/onnx/model_quantized.onnx")
        .hasMessageContaining("broke off after");
    assertThat(data.resolve("models")).isEmptyDirectory();
  }

  @Test
  void bodyThatStopsFlowing_isAbandonedAfterTheStallTimeout() {
    ModelStore impatient = new ModelStore(data.resolve("models"), ModelStore.defaultClient(), Clock.systemUTC(), java.time.Duration.ofSeconds(1));
    assertThatThrownBy(() -> impatient.pull(smallCard(sha(SMALL), SMALL.length), base + "/stalled", false, ModelStore.PullListener.NONE))
        .isInstanceOf(PullException.class)
        .hasMessage("cannot pull model 'tiny' from " + base + "/stalled/model.onnx: no data for 1 s after 9 of 18 bytes");
    assertThat(data.resolve("models")).isEmptyDirectory();
  }

  @Test
  void sizeTheServerAnnounces_mustBeTheFilesSize() {
    assertThatThrownBy(() -> store.pull(smallCard(sha(SMALL), 5), base + "/repo", false, ModelStore.PullListener.NONE))
        .isInstanceOf(PullException.class)
        .hasMessageContaining("announces " + SMALL.length + " bytes, model.onnx has 5");
  }

  @Test
  void withoutAPin_theHashTheServerStatesIsChecked() throws Exception {
    ModelManifest m = store.pull(smallCard(null, SMALL.length), base + "/stated", false, ModelStore.PullListener.NONE);
    assertThat(m.files()).singleElement().satisfies(e -> {
      assertThat(e.checkedAgainst()).isEqualTo("server");
      assertThat(e.sha256()).isEqualTo(sha(SMALL));
      assertThat(e.url()).isEqualTo(base + "/stated/model.onnx");
    });
    assertThat(hits.get("/blob/stated/model.onnx")).hasValue(1);
  }

  @Test
  void withoutAPin_aFileNotMatchingTheStatedHash_isRefused() {
    assertThatThrownBy(() -> store.pull(smallCard(null, SMALL.length), base + "/wrong-stated", false, ModelStore.PullListener.NONE))
        .isInstanceOf(PullException.class).hasMessageContaining("expected " + "0".repeat(64) + " (stated by the server)");
    assertThat(data.resolve("models")).isEmptyDirectory();
  }

  @Test
  void withoutAPinOrAStatedHash_theFileIsRefused() {
    assertThatThrownBy(() -> store.pull(smallCard(null, SMALL.length), base + "/unstated", false, ModelStore.PullListener.NONE))
        .isInstanceOf(PullException.class).hasMessageContaining("no SHA-256 to check model.onnx against");
    assertThat(data.resolve("models")).isEmptyDirectory();
  }

  @Test
  void pulledModel_isNotDownloadedAgain_unlessForced() throws Exception {
    ModelCard card = smallCard(sha(SMALL), SMALL.length);
    store.pull(card, base + "/repo", false, ModelStore.PullListener.NONE);
    store.pull(card, base + "/repo", false, ModelStore.PullListener.NONE);
    assertThat(hits.get("/repo/model.onnx")).hasValue(1);
    store.pull(card, base + "/repo", true, ModelStore.PullListener.NONE);
    assertThat(hits.get("/repo/model.onnx")).hasValue(2);
    assertThat(modelsFolder()).containsExactly(data.resolve("models/tiny"));
  }

  @Test
  void verify_findsAChangedOrMissingFile() throws Exception {
    store.pull(smallCard(sha(SMALL), SMALL.length), base + "/repo", false, ModelStore.PullListener.NONE);
    assertThat(store.verify("tiny").ok()).isTrue();
    Files.writeString(data.resolve("models/tiny/model.onnx"), "changed");
    ModelStore.Verification v = store.verify("tiny");
    assertThat(v.ok()).isFalse();
    assertThat(v.files()).singleElement().satisfies(c -> {
      assertThat(c.expected()).isEqualTo(sha(SMALL));
      assertThat(c.actual()).isEqualTo(sha("changed".getBytes(StandardCharsets.UTF_8)));
    });
    Files.delete(data.resolve("models/tiny/model.onnx"));
    assertThat(store.verify("tiny").files().get(0).actual()).isNull();
  }

  @Test
  void progressIsReported_perFile() throws Exception {
    List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    store.pull(e5Card(sha(onnx)), base + "/repo", false, new ModelStore.PullListener() {
      @Override
      public void started(String file, java.net.URI url, long bytes) {
        events.add("start " + file + " " + bytes);
      }

      @Override
      public void progress(String file, long done, long total) {
        if (done == total) events.add("done " + file);
      }

      @Override
      public void finished(String file, String sha256, String checkedAgainst) {
        events.add("ok " + file + " " + checkedAgainst);
      }
    });
    assertThat(events).containsExactly("start model.onnx " + onnx.length, "done model.onnx", "ok model.onnx pinned",
        "start tokenizer.json " + tokenizer.length, "done tokenizer.json", "ok tokenizer.json pinned");
  }
}
