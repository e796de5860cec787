package news.panorama.embed;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import news.panorama.core.Embedder;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Validate;

/**
 * Opens the configured sentence-embedding model. {@code embed.model} names either a model shipped
 * in a jar on the class path (the default, {@value ModelRegistry#DEFAULT}) or a model pulled into
 * {@code <data.dir>/models/<name>/} by {@code panorama models pull}, loaded with the pooling and
 * prefix its manifest records. Anything else fails at once with a sentence saying what to do.
 *
 * <p>Opening loads the model into native memory (about a second and 100 MB for the default); share
 * the returned embedder and close it at shutdown.
 */
public final class Embedders {
  private Embedders() {}

  /**
   * How an embedder runs.
   *
   * @param threads texts embedded at the same time, each on its own pool thread
   * @param batch most texts one pool thread embeds in a row before the next batch is handed out
   * @param cacheSize vectors kept by content hash; 0 turns the cache off
   */
  public record Settings(int threads, int batch, int cacheSize) {
    public Settings {
      Validate.isTrue(threads >= 1, "embed.threads must be at least 1, got " + threads);
      Validate.isTrue(batch >= 1, "embed.batch must be at least 1, got " + batch);
      Validate.isTrue(cacheSize >= 0, "embed.cache-size must not be negative, got " + cacheSize);
    }

    /** {@code embed.threads} (0 = one per available processor), {@code embed.batch}, {@code embed.cache-size}. */
    public static Settings from(PanoramaConfig c) {
      int threads = c.embedThreads() == 0 ? Runtime.getRuntime().availableProcessors() : c.embedThreads();
      return new Settings(threads, c.embedBatch(), c.embedCacheSize());
    }
  }

  /** The model {@code embed.model} names, from the class path or the data folder's models. */
  public static Embedder open(PanoramaConfig config) {
    return open(config.embedModel(), ModelStore.in(config.dataDir()), Settings.from(config));
  }

  /**
   * @throws IllegalArgumentException when the model is neither shipped nor pulled, naming it and
   *     the command that pulls it
   * @throws IllegalStateException when its files are there but do not load
   */
  public static Embedder open(String name, ModelStore store, Settings settings) {
    Optional<ModelCard> card = ModelRegistry.find(name);
    if (card.isPresent() && card.get().shipped()) {
      ModelCard c = card.get();
      OnnxEncoder encoder = OnnxEncoder.fromClasspath(c.resource(), c.pooling());
      return started(c.name(), c.dimensions(), c.queryPrefix(), c.maxTokens(), c.languageCodes(), encoder, settings);
    }
    String folderName = card.map(ModelCard::name).orElse(name);
    Optional<ModelManifest> pulled = store.manifest(folderName);
    if (pulled.isPresent()) {
      ModelManifest m = pulled.get();
      OnnxEncoder encoder = OnnxEncoder.fromFolder(store.folder(folderName), m.pooling());
      return started(m.name(), m.dimensions(), m.queryPrefix(), m.maxTokens(),
          card.map(ModelCard::languageCodes).orElse(Set.of()), encoder, settings);
    }
    if (card.isPresent() && card.get().downloadable()) {
      throw new IllegalArgumentException("embedding model '" + name + "' (setting embed.model) is not in " + store.root()
          + " yet: run `panorama models pull " + card.get().name() + "` (" + card.get().downloadBytes() / 1_000_000 + " MB)");
    }
    if (card.isPresent()) {
      throw new IllegalArgumentException("embedding model '" + name + "' (setting embed.model) ships in the jar langchain4j-embeddings-"
          + card.get().name() + ", which is not on the class path; the shipped model is " + ModelRegistry.DEFAULT);
    }
    String known = ModelRegistry.known().stream().filter(c -> c.shipped() || c.downloadable()).map(ModelCard::name)
        .collect(Collectors.joining(", "));
    List<String> there = store.pulled().stream().map(ModelManifest::name).toList();
    throw new IllegalArgumentException("unknown embedding model '" + name + "' (setting embed.model): known models are " + known
        + (there.isEmpty() ? "" : "; pulled into " + store.root() + ": " + String.join(", ", there))
        + "; see `panorama models list`");
  }

  private static Embedder started(String name, int dimensions, String prefix, int maxTokens, Set<String> languages,
      OnnxEncoder encoder, Settings settings) {
    int actual;
    try {
      actual = encoder.encode(prefix + "dimension probe").length;
    } catch (RuntimeException e) {
      encoder.close();
      throw new IllegalStateException("embedding model '" + name + "' loaded but does not run: " + e.getMessage(), e);
    }
    if (actual != dimensions) {
      encoder.close();
      throw new IllegalStateException("embedding model '" + name + "' gives vectors of " + actual + " dimensions, its manifest says " + dimensions);
    }
    return new BatchingEmbedder(name, dimensions, prefix, maxTokens, languages, encoder, settings);
  }
}
