package news.panorama.embed;

/** How a model's per-token vectors become one sentence vector; fixed by how the model was trained. */
public enum Pooling {
  /** Average of all token vectors (MiniLM, E5, the sentence-transformers models). */
  MEAN,
  /** The vector of the first, [CLS], token (BGE). */
  CLS
}
