package news.panorama.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An ONNX sentence-embedding model run by langchain4j's {@link OnnxBertBiEncoder} (tokenizer,
 * inference, pooling), in an ONNX Runtime session limited to one thread: parallelism comes from
 * running several texts at once on the embedder's pool, which on a 2-core machine embedded about
 * 1.6 times as many texts per second as one text at a time on a session using both cores.
 */
final class OnnxEncoder implements Encoder {
  static {
    // DJL, which tokenizes for langchain4j, logs a CUDA probe and its default lengths at WARN on every
    // start; neither concerns a CPU embedder. A level set by the user (property or file) wins.
    String key = "org.slf4j.simpleLogger.log.ai.djl";
    if (System.getProperty(key) == null) System.setProperty(key, "error");
  }

  private final OrtSession session;
  private final InProcess model;

  private OnnxEncoder(OrtSession session, InputStream tokenizer, Pooling pooling) {
    this.session = session;
    OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(OrtEnvironment.getEnvironment(), session, tokenizer,
        pooling == Pooling.CLS ? PoolingMode.CLS : PoolingMode.MEAN);
    this.model = new InProcess(encoder);
  }

  /** The model and tokenizer shipped in a jar as {@code /<resource>.onnx} and {@code /<resource>-tokenizer.json}. */
  static OnnxEncoder fromClasspath(String resource, Pooling pooling) {
    try (InputStream onnx = open("/" + resource + ".onnx"); InputStream tokenizer = open("/" + resource + "-tokenizer.json")) {
      return new OnnxEncoder(OrtEnvironment.getEnvironment().createSession(onnx.readAllBytes(), options()), tokenizer, pooling);
    } catch (IOException | OrtException e) {
      throw new IllegalStateException("cannot load the embedding model " + resource + " from the class path: " + e.getMessage(), e);
    }
  }

  /** {@code model.onnx} and {@code tokenizer.json} in a folder. */
  static OnnxEncoder fromFolder(Path folder, Pooling pooling) {
    Path onnx = folder.resolve("model.onnx");
    Path tokenizer = folder.resolve("tokenizer.json");
    try (InputStream t = Files.newInputStream(tokenizer)) {
      return new OnnxEncoder(OrtEnvironment.getEnvironment().createSession(onnx.toString(), options()), t, pooling);
    } catch (IOException | OrtException | RuntimeException e) {
      throw new IllegalStateException("cannot load the embedding model in " + folder + " (" + onnx.getFileName() + ", "
          + tokenizer.getFileName() + "): " + e.getMessage(), e);
    }
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = OnnxEncoder.class.getResourceAsStream(resource);
    if (in == null) throw new IOException(resource + " is not on the class path");
    return in;
  }

  private static OrtSession.SessionOptions options() throws OrtException {
    OrtSession.SessionOptions o = new OrtSession.SessionOptions();
    o.setIntraOpNumThreads(1);
    o.setInterOpNumThreads(1);
    return o;
  }

  @Override
  public float[] encode(String text) {
    return model.embed(text).content().vector();
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close the ONNX session: " + e.getMessage(), e);
    }
  }

  /** langchain4j's in-process model over our encoder; one text per call, on the calling thread. */
  private static final class InProcess extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    InProcess(OnnxBertBiEncoder encoder) {
      super(Runnable::run);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }
  }
}
