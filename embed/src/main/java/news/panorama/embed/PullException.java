package news.panorama.embed;

import java.io.IOException;
import java.net.URI;

/** A model file that could not be downloaded or was refused; the message names model, URL and reason. */
public final class PullException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String model;
  private final URI url;

  PullException(String model, URI url, String reason) {
    this(model, url, reason, null);
  }

  PullException(String model, URI url, String reason, @org.jspecify.annotations.Nullable Throwable cause) {
    super("cannot pull model '" + model + "' from " + url + ": " + reason, cause);
    this.model = model;
    this.url = url;
  }

  public String model() {
    return model;
  }

  public URI url() {
    return url;
  }
}
