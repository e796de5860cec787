package news.panorama.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled sample: five real takes on one story (18 November 2025, Zelensky's trip to Turkey),
 * with their noise. Shown by {@code start} before anything else is ingested; used by tests.
 */
public final class Sample {
  private static final String RESOURCE = "sample/seeds.jsonl";

  private Sample() {}

  public static List<Article> articles() {
    List<Article> out = new ArrayList<>();
    try (InputStream in = Sample.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("the bundled sample " + RESOURCE + " is missing from the build");
      JsonLines.read(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE, out::add,
          bad -> { throw new IllegalStateException("the bundled sample is corrupt: " + bad); });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }
}
