package news.panorama.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
