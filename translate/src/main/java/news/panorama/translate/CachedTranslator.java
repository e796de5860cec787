package news.panorama.translate;

import java.util.Optional;
import news.panorama.core.Translation;
import news.panorama.core.Translator;

/**
 * A service backend behind the persistent {@link TranslationCache}: a text the backend translated
 * once, into the same language, is answered from disk. Only real translations are kept (an
 * unchanged original costs nothing). Closing closes the backend, and the cache when this
 * translator was given it to own.
 */
final class CachedTranslator implements Translator {
  private final Translator backend;
  private final TranslationCache cache;
  private final boolean ownsCache;

  CachedTranslator(Translator backend, TranslationCache cache, boolean ownsCache) {
    this.backend = backend;
    this.cache = cache;
    this.ownsCache = ownsCache;
  }

  /** The cache, for its counts. */
  TranslationCache cache() {
    return cache;
  }

  @Override
  public String backend() {
    return backend.backend();
  }

  @Override
  public Translation translate(String text, String sourceLanguage, String targetLanguage) {
    if (sourceLanguage.equals(targetLanguage) || text.isBlank()) return Translation.original(text, targetLanguage, backend());
    Optional<TranslationCache.Entry> hit = cache.get(backend(), sourceLanguage, targetLanguage, text);
    if (hit.isPresent()) {
      return new Translation(hit.get().text(), hit.get().sourceLanguage(), targetLanguage, backend(), Translation.Kind.TRANSLATION);
    }
    Translation t = backend.translate(text, sourceLanguage, targetLanguage);
    if (t.kind() == Translation.Kind.TRANSLATION) {
      cache.put(backend(), sourceLanguage, targetLanguage, text, new TranslationCache.Entry(t.sourceLanguage(), t.text()));
    }
    return t;
  }

  @Override
  public void close() {
    backend.close();
    if (ownsCache) cache.close();
  }
}
