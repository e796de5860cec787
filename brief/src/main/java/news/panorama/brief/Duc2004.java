package news.panorama.brief;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reading the DUC 2004 task-2 layout that ROUGE scores against: reference summaries
 * {@code models/d30001.m.100.t.a} (the cluster id without its final {@code t}, then the assessor) and
 * summaries named by cluster id ({@code peers/<system>/d30001t}). The data stays outside the repository.
 */
public final class Duc2004 {
  private Duc2004() {}

  /** The reference summaries of a cluster (e.g. {@code d30001t}), sorted by file name. */
  public static List<String> references(Path dir, String cluster) throws IOException {
    String prefix = (cluster.endsWith("t") ? cluster.substring(0, cluster.length() - 1) : cluster) + ".";
    List<Path> files;
    try (Stream<Path> s = Files.list(dir.resolve("models"))) {
      files = s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
    }
    List<String> out = new ArrayList<>();
    for (Path f : files) out.add(Files.readString(f, StandardCharsets.ISO_8859_1));
    return out;
  }

  /** A file read as ROUGE reads it: bytes as Latin-1, so no input is rejected. */
  public static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.ISO_8859_1);
  }

  /** The systems with summaries under {@code peers/}, sorted. */
  public static List<String> systems(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve("peers"))) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** The exception list's folder beside the data. */
  public static Path exceptions(Path dir) {
    return dir.resolve(Rouge.EXCEPTIONS_DIR);
  }
}
