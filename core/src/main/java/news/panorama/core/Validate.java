package news.panorama.core;

import org.jspecify.annotations.Nullable;

/** One-line preconditions that fail at the boundary with a sentence naming what was wrong. */
public final class Validate {
  private Validate() {}

  public static String notBlank(@Nullable String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }

  public static void isTrue(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
