package news.panorama.core;

/**
 * A text put into another language, and how: by a translation service, glossed word by word
 * offline, or left as it was because it already was in the target language. A {@link Kind#GLOSS}
 * must be shown as such, never as a translation.
 *
 * @param sourceLanguage ISO 639-1 code of the original, {@code ""} when it was unknown
 * @param backend the backend that produced it, as {@link Translator#backend()} names it
 */
public record Translation(String text, String sourceLanguage, String targetLanguage, String backend, Kind kind) {
  /** How a text came to be in the target language. */
  public enum Kind {
    /** Translated by a translation service or a language model. */
    TRANSLATION,
    /** Glossed offline, word by word and name by name: the gist, not a translation. */
    GLOSS,
    /** Already in the target language; the text is the original. */
    ORIGINAL
  }

  public Translation {
    Validate.notBlank(targetLanguage, "target language");
    Validate.notBlank(backend, "translation backend");
  }

  /** The text unchanged, because it already is in {@code language}. */
  public static Translation original(String text, String language, String backend) {
    return new Translation(text, language, language, backend, Kind.ORIGINAL);
  }

  public boolean isGloss() {
    return kind == Kind.GLOSS;
  }
}
