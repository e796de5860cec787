package news.panorama.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleJsonTest {

  @Test
  void roundTrip_keepsKnownAndExtraFields() {
    String line = "{\"id\":\"a1\",\"url\":\"https://x.example/a\",\"source\":\"X\",\"country\":\"tr\","
        + "\"language\":\"EN\",\"published\":\"2025-11-18T09:30:00+03:00\",\"title\":\"T\",\"text\":\"Body.\","
        + "\"authors\":[\"A B\"],\"story\":\"d30001t\"}";
    Article a = ArticleJson.parse(line);
    assertThat(a.country()).isEqualTo("TR");
    assertThat(a.language()).isEqualTo("en");
    assertThat(a.published()).isEqualTo(Instant.parse("2025-11-18T06:30:00Z"));
    assertThat(a.authors()).containsExactly("A B");
    assertThat(a.extra()).containsEntry("story", "d30001t");
    Article back = ArticleJson.parse(ArticleJson.write(a));
    assertThat(back).isEqualTo(a);
  }

  @Test
  void parse_acceptsPlainDatesAndLocalTimes() {
    assertThat(ArticleJson.parseTime("2004-10-25")).isEqualTo(Instant.parse("2004-10-25T00:00:00Z"));
    assertThat(ArticleJson.parseTime("2004-10-25T12:00:00")).isEqualTo(Instant.parse("2004-10-25T12:00:00Z"));
    assertThat(ArticleJson.parseTime("yesterday")).isNull();
  }

  @Test
  void parse_derivesIdFromUrl_whenIdMissing() {
    Article a = ArticleJson.parse("{\"url\":\"https://x.example/a\",\"title\":\"T\"}");
    assertThat(a.id()).hasSize(16).isEqualTo(ArticleJson.idForUrl("https://x.example/a"));
  }

  @Test
  void parse_namesTheProblem_whenFieldsAreBad() {
    assertThatThrownBy(() -> ArticleJson.parse("{\"id\":\"a\",\"title\":\"T\",\"country\":\"Turkey\"}"))
        .hasMessageContaining("'country'").hasMessageContaining("Turkey");
    assertThatThrownBy(() -> ArticleJson.parse("{\"id\":\"a\",\"title\":\"T\",\"published\":\"last week\"}"))
        .hasMessageContaining("'published'");
    assertThatThrownBy(() -> ArticleJson.parse("{\"id\":\"a\"}")).hasMessageContaining("neither 'title' nor 'text'");
    assertThatThrownBy(() -> ArticleJson.parse("[1,2]")).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> ArticleJson.parse("{\"id\":")).hasMessageContaining("not valid JSON");
  }

  @Test
  void read_reportsBadLinesWithNumbers_andGoesOn() {
    String input = "{\"id\":\"a\",\"title\":\"A\"}\nnot json\n\n{\"id\":\"b\",\"text\":\"B\"}\n";
    List<Article> ok = new ArrayList<>();
    List<JsonLines.BadLine> bad = new ArrayList<>();
    JsonLines.read(new StringReader(input), "in.jsonl", ok::add, bad::add);
    assertThat(ok).extracting(Article::id).containsExactly("a", "b");
    assertThat(bad).singleElement().satisfies(b -> {
      assertThat(b.line()).isEqualTo(2);
      assertThat(b.toString()).startsWith("in.jsonl:2: not valid JSON");
    });
  }

  @Test
  void contentHash_changesWithTitleTextOrTime_notWithMetadata() {
    Instant t = Instant.parse("2025-11-18T06:30:00Z");
    Article a = Article.of("a", "https://x.example/a", "X", "TR", "en", t, "Talks in Istanbul", "Delegates met.\n\nNo deal yet.");
    String hash = a.contentHash();

    assertThat(hash).hasSize(64).isEqualTo(Article.contentHash(a.title(), a.text(), t));
    assertThat(Article.of("b", "", "Y", "", "fr", t.plusMillis(300), a.title(), a.text()).contentHash())
        .as("id, URL, outlet, language and sub-second time are not content").isEqualTo(hash);
    assertThat(a.withPublished(t.plusSeconds(60)).contentHash()).isNotEqualTo(hash);
    assertThat(a.withPublished(null).contentHash()).isNotEqualTo(hash);
    assertThat(Article.of("a", "", "X", "", "", t, "Talks in Istanbul", "Delegates met. A deal.").contentHash()).isNotEqualTo(hash);
    // the separator keeps title and text apart: moving a word across them is another content
    assertThat(Article.of("a", "", "X", "", "", t, "Talks in", "Istanbul" + a.text()).contentHash())
        .isNotEqualTo(Article.of("a", "", "X", "", "", t, "Talks inIstanbul", a.text()).contentHash());
  }

  @Test
  void readAll_reportsALineThatIsNotUtf8_andReadsTheOthers(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("in.jsonl");
    byte[] latin1 = "{\"id\":\"b\",\"title\":\"Caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("{\"id\":\"a\",\"title\":\"Caf\u00e9\"}\n".getBytes(StandardCharsets.UTF_8));
      out.write(latin1);
      out.write("{\"id\":\"c\",\"title\":\"C\"}\n".getBytes(StandardCharsets.UTF_8));
    }

    JsonLines.Result r = JsonLines.readAll(file.toString());

    assertThat(r.articles()).extracting(Article::id).containsExactly("a", "c");
    assertThat(r.articles().get(0).title()).isEqualTo("Caf\u00e9");
    assertThat(r.bad()).singleElement().hasToString(file + ":2: not valid UTF-8: a malformed byte sequence (or a NUL byte)"
        + " at character 23 of the line");
  }

  @Test
  void sample_holdsTheFiveSeedDocuments() {
    List<Article> seeds = Sample.articles();
    assertThat(seeds).hasSize(5);
    assertThat(seeds).allSatisfy(a -> {
      assertThat(a.published()).isEqualTo(Instant.parse("2025-11-18T00:00:00Z"));
      assertThat(a.title()).containsIgnoringCase("Zelensky");
    });
    assertThat(seeds.get(2).text()).contains("Leave a Reply");
  }
}
