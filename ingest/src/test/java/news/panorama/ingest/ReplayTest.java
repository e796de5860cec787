package news.panorama.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import news.panorama.core.Article;
import news.panorama.core.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {
  @TempDir Path dir;

  private void corpus() throws Exception {
    Files.createDirectories(dir.resolve("b/deeper"));
    Files.writeString(dir.resolve("a.jsonl"), """
        {"id":"1","url":"https://example.com/1","title":"One","text":"First."}
        {"id":"2","title":""}

        {"id":"3","url":"https://example.com/3","title":"Three","text":"Third."}
        """);
    Files.writeString(dir.resolve("b/page.html"), "<html><title>P</title></html>");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("b/deeper/z.htm.gz")))) {
      out.write("<html><title>Z</title></html>".getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("b/notes.txt"), "not a corpus file");
  }

  @Test
  void listsFilesRecursivelyInSortedOrder_whenGivenADirectoryAndAFile() throws Exception {
    corpus();
    assertThat(Replay.files(List.of(dir, dir.resolve("a.jsonl")))).containsExactly(
        dir.resolve("a.jsonl"), dir.resolve("b/deeper/z.htm.gz"), dir.resolve("b/notes.txt"),
        dir.resolve("b/page.html"), dir.resolve("a.jsonl"));
  }

  @Test
  void failsNamingThePath_whenInputDoesNotExist() {
    assertThatThrownBy(() -> Replay.files(List.of(dir.resolve("nope"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("input " + dir.resolve("nope") + " does not exist");
  }

  @Test
  void readsArticlesAndPages_reportingBadLinesAndSkippingOtherFiles() throws Exception {
    corpus();
    List<Article> articles = new ArrayList<>();
    List<Page> pages = new ArrayList<>();
    List<String> problems = new ArrayList<>();

    Replay.ReplayReport report = Replay.replay(List.of(dir), articles::add, pages::add, problems::add);

    assertThat(report).isEqualTo(new Replay.ReplayReport(4, 2, 2, 1, 1));
    assertThat(articles).extracting(Article::id).containsExactly("1", "3");
    assertThat(problems).containsExactly(dir.resolve("a.jsonl") + ":2: article '2' has neither 'title' nor 'text'");
    assertThat(pages).extracting(Page::file).containsExactly(
        dir.resolve("b/deeper/z.htm.gz").toString(), dir.resolve("b/page.html").toString());
    assertThat(new String(pages.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("<html><title>Z</title></html>");
    assertThat(pages.get(0).url()).isEmpty();
  }

  @Test
  void readsGzippedJsonLines_whenNamedJsonlGz() throws Exception {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("x.jsonl.gz")))) {
      out.write("{\"id\":\"g\",\"title\":\"Gz\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("y.ndjson"), "{\"id\":\"n\",\"title\":\"Nd\"}\n");
    List<Article> articles = new ArrayList<>();

    Replay.replay(List.of(dir), articles::add, p -> { }, p -> { });

    assertThat(articles).extracting(Article::id).containsExactly("g", "n");
  }
}
