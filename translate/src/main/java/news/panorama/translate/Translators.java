package news.panorama.translate;

import news.panorama.core.PanoramaConfig;
import news.panorama.core.Translator;

/**
 * Opens the translation backend {@code translate.backend} names: the offline {@link Gloss}
 * (default), a LibreTranslate server, or an OpenAI-compatible chat endpoint. Service backends come
 * behind the persistent {@link TranslationCache} in the data folder, which the returned translator
 * closes with itself; the gloss needs no cache.
 */
public final class Translators {
  private Translators() {}

  /**
   * @throws IllegalStateException when the translation cache cannot be opened (another process holds it)
   */
  public static Translator open(PanoramaConfig config) {
    PanoramaConfig.Translate t = config.translate();
    return switch (t.backend()) {
      case Gloss.NAME -> new Gloss(t.dictionaryDirs());
      case LibreTranslate.NAME -> cached(libreTranslate(t), config);
      case "openai" -> cached(new ChatTranslator(ChatCompletions.open(t)), config);
      default -> throw new IllegalArgumentException("unknown translation backend '" + t.backend() + "' (setting translate.backend)");
    };
  }

  /** The gloss with the configured dictionary folders, whatever the backend: the fallback when a service fails. */
  public static Gloss gloss(PanoramaConfig config) {
    return new Gloss(config.translate().dictionaryDirs());
  }

  private static Translator libreTranslate(PanoramaConfig.Translate t) {
    JsonService.Settings s = JsonService.Settings.from(t);
    return new LibreTranslate(t.libreTranslateUrl(), t.libreTranslateKey().value(),
        new JsonService(LibreTranslate.NAME, JsonService.client(s), s, d -> Thread.sleep(d)));
  }

  private static Translator cached(Translator backend, PanoramaConfig config) {
    return new CachedTranslator(backend, TranslationCache.inDataDir(config.dataDir()), true);
  }
}
