package news.panorama.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Closes the pipelines a test opened (releasing their embedding model) after each test. */
final class OpenPipelines implements AfterEachCallback {
  private final List<Pipeline> opened = new ArrayList<>();

  /** Registers a pipeline to close after the test, and returns it. */
  Pipeline opened(Pipeline p) {
    opened.add(p);
    return p;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    opened.forEach(Pipeline::close);
    opened.clear();
  }
}
