package news.panorama.core;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a stage made of one input: a value when it worked, and a short list of problems either way.
 * Malformed content is data, not an exception: a page with no article yields an empty outcome with
 * the reason, and the batch goes on.
 */
public record Outcome<T>(@Nullable T value, List<String> problems) {
  private static final int MAX_PROBLEMS = 10;

  public Outcome {
    problems = List.copyOf(problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems);
  }

  public static <T> Outcome<T> of(T value) {
    return new Outcome<>(value, List.of());
  }

  public static <T> Outcome<T> of(T value, List<String> problems) {
    return new Outcome<>(value, problems);
  }

  public static <T> Outcome<T> failed(String problem) {
    return new Outcome<>(null, List.of(problem));
  }

  public Optional<T> get() {
    return Optional.ofNullable(value);
  }

  public boolean ok() {
    return value != null;
  }
}
