package news.panorama.core;

/**
 * A translation backend could not deliver: the service is unreachable, timed out, refused, kept
 * answering "busy" or answered something that is not its documented format. The message names the
 * backend and the reason; callers add which text it was.
 */
public class TranslationException extends RuntimeException {
  private final String backend;
  private final String reason;

  public TranslationException(String backend, String reason) {
    super(backend + ": " + reason);
    this.backend = backend;
    this.reason = reason;
  }

  public TranslationException(String backend, String reason, Throwable cause) {
    super(backend + ": " + reason, cause);
    this.backend = backend;
    this.reason = reason;
  }

  /** The backend that failed, as {@link Translator#backend()} names it. */
  public String backend() {
    return backend;
  }

  /** Why, without the backend's name. */
  public String reason() {
    return reason;
  }
}
