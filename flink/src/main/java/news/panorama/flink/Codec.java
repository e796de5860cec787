package news.panorama.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import news.panorama.cluster.StoryGrouper;
import news.panorama.core.Annotated;
import news.panorama.core.Json;
import org.jspecify.annotations.Nullable;

/** The job's few encodings: records as Panorama's JSON, the grouping state as Java serialization. */
final class Codec {
  /** Only Panorama's grouping classes, the JDK's and fastutil's are read back from a snapshot. */
  private static final ObjectInputFilter GROUPER_ONLY = ObjectInputFilter.Config.createFilter(
      "news.panorama.**;java.**;it.unimi.dsi.fastutil.**;!*");

  private Codec() {}

  static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** The text stage's annotation of article {@code id}, from its JSON. */
  static Annotated annotated(@Nullable String json, String id) {
    if (json == null) throw new IllegalStateException("article " + id + " comes without its annotation");
    try {
      return Json.mapper().readValue(json, Annotated.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("article " + id + ": unreadable annotation", e);
    }
  }

  static byte[] snapshot(StoryGrouper grouper) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(grouper);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot snapshot the grouping state", e);
    }
    return bytes.toByteArray();
  }

  static StoryGrouper grouper(byte[] snapshot) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(snapshot))) {
      in.setObjectInputFilter(GROUPER_ONLY);
      return (StoryGrouper) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("the checkpointed grouping state cannot be read (another Panorama version?)", e);
    }
  }
}
