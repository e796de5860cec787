package news.panorama.core;

import java.util.Arrays;

/**
 * An article's sentence embedding as stored and indexed: the vector and the model that made it,
 * since vectors of different models cannot be compared.
 *
 * @param model the embedding model's name ({@link Embedder#model()})
 * @param values the vector, L2 norm 1; the record owns it and nobody may change it
 */
public record Embedding(String model, float[] values) {
  public Embedding {
    Validate.notBlank(model, "embedding model");
    Validate.isTrue(values.length > 0, "an embedding of model '" + model + "' has no values");
  }

  /** An embedding when there is a vector, else null. */
  public static @org.jspecify.annotations.Nullable Embedding of(String model, float @org.jspecify.annotations.Nullable [] values) {
    return values == null ? null : new Embedding(model, values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Embedding e && e.model.equals(model) && Arrays.equals(e.values, values);
  }

  @Override
  public int hashCode() {
    return 31 * model.hashCode() + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Embedding[" + model + ", " + values.length + " dimensions]";
  }
}
