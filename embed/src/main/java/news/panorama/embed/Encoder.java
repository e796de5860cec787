package news.panorama.embed;

/** Runs a model on one text; thread-safe. The seam between the batching embedder and ONNX. */
interface Encoder extends AutoCloseable {
  /** The model's vector for the text (any norm; the caller normalises). */
  float[] encode(String text);

  @Override
  void close();
}
