package news.panorama.core;

/**
 * Puts a text into another language: the translation stage's entry point. Implementations are a
 * translation service (LibreTranslate, any OpenAI-compatible chat endpoint) or the offline gloss,
 * which needs no service and says so in {@link Translation#kind()}.
 *
 * <p>Implementations are thread-safe and meant to be shared, one per process. A service call costs
 * a network round trip (implementations cache by content); the gloss costs microseconds per title.
 */
public interface Translator extends AutoCloseable {
  /** The backend's name as {@code translate.backend} spells it, with its model when it has one. */
  String backend();

  /**
   * The text in {@code targetLanguage}. A text already in the target language comes back unchanged
   * as {@link Translation.Kind#ORIGINAL}.
   *
   * @param sourceLanguage ISO 639-1 code, or {@code ""} when unknown (the backend guesses)
   * @param targetLanguage ISO 639-1 code
   * @throws TranslationException when the backend cannot deliver (service down, refused, malformed
   *     answer), naming the backend and the reason
   */
  Translation translate(String text, String sourceLanguage, String targetLanguage);

  /** Releases connections, caches and files; the default holds none. */
  @Override
  default void close() {}
}
