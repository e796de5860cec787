package news.panorama.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.JsonLines;
import news.panorama.core.Sample;
import news.panorama.core.StoryAssignment;
import news.panorama.text.MultilingualAnalyzer;
import org.junit.jupiter.api.Test;

/**
 * A grouper written out and read back mid-stream (Java serialization, as the Flink job checkpoints
 * it) goes on exactly as the original: same stories, same similarities, same moves.
 */
class StoryGrouperSnapshotTest {
  @Test
  void aRestoredCopy_groupsTheRestOfTheStreamAsTheOriginal() throws Exception {
    MultilingualAnalyzer analyzer = new MultilingualAnalyzer();
    List<Article> articles = new ArrayList<>(Sample.articles());
    articles.addAll(SeedStoryClusteringTest.OTHER_NEWS);
    try (InputStream in = getClass().getResourceAsStream("/crosslingual.jsonl")) {
      JsonLines.read(new InputStreamReader(in, StandardCharsets.UTF_8), "crosslingual.jsonl", articles::add,
          bad -> { throw new AssertionError(bad.toString()); });
    }
    List<Annotated> stream = articles.stream().map(analyzer::analyze).toList();
    int half = stream.size() / 2;

    StoryGrouper original = StoryGrouper.withDefaults();
    for (Annotated a : stream.subList(0, half)) {
      original.assign(a);
      original.moved();
    }
    StoryGrouper copy = roundTrip(original);

    List<String> expected = rest(original, stream.subList(half, stream.size()));
    List<String> actual = rest(copy, stream.subList(half, stream.size()));
    assertThat(actual).hasSize(stream.size() - half).isEqualTo(expected);
    assertThat(copy.openStories()).isEqualTo(original.openStories());
  }

  private static List<String> rest(StoryGrouper g, List<Annotated> articles) {
    List<String> out = new ArrayList<>();
    for (Annotated a : articles) {
      StoryAssignment s = g.assign(a);
      out.add(s + " moved " + g.moved());
    }
    return out;
  }

  private static StoryGrouper roundTrip(StoryGrouper g) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(g);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (StoryGrouper) in.readObject();
    }
  }
}
