package news.panorama.embed;

import news.panorama.core.Validate;
import org.jspecify.annotations.Nullable;

/**
 * One file of a downloadable model: where it lives in the model's repository, what it is called in
 * the models folder, its size and, when known, its SHA-256.
 *
 * @param name file name in {@code <data.dir>/models/<model>/}: {@code model.onnx} or {@code tokenizer.json}
 * @param path path below the model's base URL, e.g. {@code onnx/model_quantized.onnx}
 * @param sha256 the file's SHA-256 in lower-case hex, pinned in this registry; null when no
 *     trustworthy value was known, in which case a pull checks the value the server states
 * @param bytes exact size; a body that runs longer is cut off and refused
 */
public record ModelFile(String name, String path, @Nullable String sha256, long bytes) {
  public ModelFile {
    Validate.notBlank(name, "model file name");
    Validate.notBlank(path, "model file path");
    Validate.isTrue(sha256 == null || Hashes.isSha256(sha256), "model file " + name + ": sha256 must be 64 lower-case hex digits");
    Validate.isTrue(bytes > 0, "model file " + name + ": bytes must be positive");
  }
}
