package news.panorama.embed;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Vectors by content hash, least recently used dropped first. Keys are the SHA-256 of model name
 * and text, so the cache holds 32 bytes per text whatever its length; a 384-dimension vector costs
 * about 1.6 KB. Thread-safe.
 */
final class VectorCache {
  record Key(long a, long b, long c, long d) {
    static Key of(byte[] sha256) {
      ByteBuffer b = ByteBuffer.wrap(sha256);
      return new Key(b.getLong(), b.getLong(), b.getLong(), b.getLong());
    }
  }

  private final int capacity;
  private final LinkedHashMap<Key, float[]> map;
  private long hits;
  private long misses;

  VectorCache(int capacity) {
    this.capacity = capacity;
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, float[]> eldest) {
        return size() > VectorCache.this.capacity;
      }
    };
  }

  synchronized float @Nullable [] get(Key key) {
    float[] v = capacity == 0 ? null : map.get(key);
    if (v == null) misses++; else hits++;
    return v;
  }

  synchronized void put(Key key, float[] vector) {
    if (capacity > 0) map.put(key, vector);
  }

  synchronized int size() {
    return map.size();
  }

  synchronized long hits() {
    return hits;
  }

  synchronized long misses() {
    return misses;
  }
}
