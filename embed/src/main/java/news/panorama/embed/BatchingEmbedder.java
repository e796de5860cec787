package news.panorama.embed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import news.panorama.core.Embedder;

/**
 * The {@link Embedder} behind {@link Embedders}: blank texts get the zero vector, known texts come
 * from the cache, and the rest are split into batches of at most {@code batch} texts that the
 * pool's {@code threads} threads embed one text after another. Callers' threads only wait, so at
 * most {@code threads} texts are being embedded at any moment however many callers there are.
 */
final class BatchingEmbedder implements Embedder {
  private final String model;
  private final int dimensions;
  private final String prefix;
  private final int maxChars;
  private final Set<String> languages;
  private final Encoder encoder;
  private final int threads;
  private final int batch;
  private final ExecutorService pool;
  private final VectorCache cache;
  private volatile boolean closed;

  /**
   * @param prefix put before every text (E5's "query: ")
   * @param maxTokens the model's limit; a text is cut to 6 characters per token before tokenizing,
   *     so one huge input cannot hold a thread for long
   */
  BatchingEmbedder(String model, int dimensions, String prefix, int maxTokens, Encoder encoder, Embedders.Settings settings) {
    this(model, dimensions, prefix, maxTokens, Set.of(), encoder, settings);
  }

  /** @param languages the ISO 639-1 codes the model reads, or empty for a multilingual model */
  BatchingEmbedder(String model, int dimensions, String prefix, int maxTokens, Set<String> languages, Encoder encoder,
      Embedders.Settings settings) {
    this.languages = Set.copyOf(languages);
    this.model = model;
    this.dimensions = dimensions;
    this.prefix = prefix;
    this.maxChars = maxTokens * 6;
    this.encoder = encoder;
    this.threads = settings.threads();
    this.batch = settings.batch();
    this.cache = new VectorCache(settings.cacheSize());
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "panorama-embed-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public String model() {
    return model;
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  @Override
  public boolean reads(String language) {
    return languages.isEmpty() || languages.contains(language);
  }

  /** Cache lookups that found a vector, since start (for benchmarks and tests). */
  long cacheHits() {
    return cache.hits();
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    if (closed) throw new IllegalStateException("the embedder of model '" + model + "' is closed");
    float[][] out = new float[texts.size()][];
    Map<VectorCache.Key, List<Integer>> todo = new LinkedHashMap<>();
    List<String> inputs = new ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      String text = texts.get(i);
      if (text.isBlank()) {
        out[i] = new float[dimensions];
        continue;
      }
      String input = text.length() > maxChars ? text.substring(0, maxChars) : text;
      VectorCache.Key key = VectorCache.Key.of(Hashes.of(model, input));
      float[] known = cache.get(key);
      if (known != null) {
        out[i] = known.clone();
        continue;
      }
      List<Integer> at = todo.get(key);
      if (at == null) {
        todo.put(key, at = new ArrayList<>(1));
        inputs.add(input);
      }
      at.add(i);
    }
    if (!inputs.isEmpty()) {
      float[][] vectors = run(inputs);
      int v = 0;
      for (Map.Entry<VectorCache.Key, List<Integer>> e : todo.entrySet()) {
        float[] vector = vectors[v++];
        cache.put(e.getKey(), vector);
        for (int i : e.getValue()) out[i] = vector.clone();
      }
    }
    return Arrays.asList(out);
  }

  private float[][] run(List<String> inputs) {
    int n = inputs.size();
    int size = Math.max(1, Math.min(batch, (n + threads - 1) / threads));
    float[][] vectors = new float[n][];
    List<Future<?>> batches = new ArrayList<>();
    for (int start = 0; start < n; start += size) {
      int from = start;
      int to = Math.min(n, start + size);
      batches.add(pool.submit(() -> {
        for (int i = from; i < to; i++) vectors[i] = normalised(encoder.encode(prefix + inputs.get(i)));
      }));
    }
    try {
      for (Future<?> f : batches) f.get();
    } catch (ExecutionException e) {
      batches.forEach(f -> f.cancel(true));
      throw new IllegalStateException("embedding model '" + model + "' failed on a batch: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      batches.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while embedding with model '" + model + "'", e);
    }
    return vectors;
  }

  private float[] normalised(float[] v) {
    if (v.length != dimensions) {
      throw new IllegalStateException("model '" + model + "' gave a vector of " + v.length + " dimensions, expected " + dimensions);
    }
    double sum = 0;
    for (float x : v) sum += (double) x * x;
    if (sum == 0) return v;
    float inv = (float) (1 / Math.sqrt(sum));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) out[i] = v[i] * inv;
    return out;
  }

  @Override
  public void close() {
    if (closed) return;
    closed = true;
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    encoder.close();
  }
}
