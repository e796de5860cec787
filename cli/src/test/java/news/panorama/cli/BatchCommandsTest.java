package news.panorama.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import news.panorama.core.Article;
import news.panorama.core.ArticleJson;
import news.panorama.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchCommandsTest {
  @TempDir Path dir;

  @Test
  void extract_writesOneLinePerArticlePage_andReportsPagesWithout() throws Exception {
    Path pages = Files.createDirectories(dir.resolve("pages"));
    Files.writeString(pages.resolve("a.html"), Fixtures.ARTICLE_PAGE);
    try (var gz = new GZIPOutputStream(Files.newOutputStream(pages.resolve("b.html.gz")))) {
      gz.write(Fixtures.ARTICLE_PAGE.replace("Zelensky heads", "Zelenskyy travels").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    Files.writeString(pages.resolve("login.html"), Fixtures.EMPTY_PAGE);
    Files.writeString(pages.resolve("notes.txt"), "not a page");
    Path out = dir.resolve("out.jsonl");

    CliRun run = CliRun.of("extract", "--in", pages.toString(), "--out", out.toString());

    assertThat(run.exit()).isZero();
    List<Article> articles = Files.readAllLines(out).stream().map(ArticleJson::parse).toList();
    assertThat(articles).hasSize(2);
    assertThat(articles).extracting(Article::file)
        .containsExactlyInAnyOrder(pages.resolve("a.html").toString(), pages.resolve("b.html.gz").toString());
    Article a = articles.stream().filter(x -> x.file().endsWith("a.html")).findFirst().orElseThrow();
    assertThat(a.title()).isEqualTo("Zelensky heads to Turkey to revive peace talks");
    assertThat(a.text()).contains("The Kremlin said no Russian representative").doesNotContain("Sport");
    assertThat(run.err()).contains("login.html");
  }

  @Test
  void extract_failsOnlyWhenNoPageHasAnArticle() throws Exception {
    Path pages = Files.createDirectories(dir.resolve("bad"));
    Files.writeString(pages.resolve("login.html"), Fixtures.EMPTY_PAGE);
    CliRun run = CliRun.of("extract", "--in", pages.toString(), "--out", dir.resolve("o.jsonl").toString());
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains("login.html");
  }

  @Test
  void extract_readsOnePageFromStdin() {
    CliRun run = CliRun.withStdin(Fixtures.ARTICLE_PAGE, "extract", "--in", "-");
    assertThat(run.exit()).isZero();
    assertThat(ArticleJson.parse(run.out().strip()).title()).isEqualTo("Zelensky heads to Turkey to revive peace talks");
  }

  @Test
  void cluster_putsTheSeedsInOneStory_unrelatedOut_andSkipsBadLines() throws Exception {
    Path in = Fixtures.storyWithNoise(dir);
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(in));
    lines.add(3, "{\"id\": \"broken\", \"title\": ");
    Files.write(in, lines);

    CliRun run = CliRun.of("cluster", "--in", in.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.err()).contains(in + ":4:").contains("not valid JSON");
    Map<String, String> story = new LinkedHashMap<>();
    run.out().lines().forEach(l -> {
      String[] f = l.split("\t");
      assertThat(f).hasSize(2);
      story.put(f[0], f[1]);
    });
    assertThat(story).hasSize(7);
    Set<String> seedStories = new HashSet<>();
    story.forEach((id, s) -> { if (id.startsWith("seed-")) seedStories.add(s); });
    assertThat(seedStories).hasSize(1);
    assertThat(story.get("other-lira")).isNotIn(seedStories);
    assertThat(story.get("other-rain")).isNotIn(seedStories);
  }

  @Test
  void cluster_processesInPublishedOrder_fromStdin() throws Exception {
    Article late = Fixtures.unrelated().get(1);
    Article early = Fixtures.unrelated().get(0);
    String stdin = ArticleJson.write(late) + "\n" + ArticleJson.write(early) + "\n";
    CliRun run = CliRun.withStdin(stdin, "cluster", "--in", "-");
    assertThat(run.exit()).isZero();
    assertThat(run.out().lines().map(l -> l.split("\t")[0]).toList()).containsExactly("other-lira", "other-rain");
  }

  @Test
  void cluster_failsWhenNothingIsReadable() throws Exception {
    Path in = Files.writeString(dir.resolve("bad.jsonl"), "nonsense\n{\"id\":\"x\"}\n");
    CliRun run = CliRun.of("cluster", "--in", in.toString());
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains(in + ":1:").contains(in + ":2:").contains("neither 'title' nor 'text'");
  }

  @Test
  void brief_json_citesAtLeastThreeSeedDocuments() throws Exception {
    CliRun run = CliRun.of("brief", "--in", Fixtures.seeds(dir).toString(), "--format", "json");
    assertThat(run.exit()).isZero();
    JsonNode b = Json.mapper().readTree(run.out());
    assertThat(b.get("headline").asText()).containsIgnoringCase("Zelensk");
    assertThat(b.get("bullets").size()).isBetween(3, 6);
    Set<String> cited = new HashSet<>();
    b.get("bullets").forEach(bullet -> {
      assertThat(bullet.get("citations").size()).isPositive();
      bullet.get("citations").forEach(c -> {
        cited.add(c.get("article").asText());
        assertThat(c.get("end").asInt()).isGreaterThan(c.get("start").asInt());
      });
    });
    assertThat(cited).hasSizeGreaterThanOrEqualTo(3);
    assertThat(b.get("takes")).hasSize(5);
    assertThat(b.get("related")).isEmpty();
    // the timeline puts "Wednesday" (seed-001, published Tuesday 18 November 2025) on the 19th
    boolean wednesday = false;
    for (JsonNode e : b.get("timeline")) wednesday |= e.get("date").asText().equals("2025-11-19");
    assertThat(wednesday).as("timeline %s", b.get("timeline")).isTrue();
    // the Peskov quote appears once, with its other wording as a variant
    int peskov = 0;
    for (JsonNode q : b.get("quotes")) {
      String all = q.get("text").asText() + q.get("variants").toString();
      if (all.contains("discussed in Istanbul")) {
        peskov++;
        assertThat(q.get("speaker").asText()).contains("Peskov");
        assertThat(q.get("variants").size()).isPositive();
      }
    }
    assertThat(peskov).as("quotes %s", b.get("quotes")).isEqualTo(1);
  }

  @Test
  void brief_words_capsTheOverview_andMarkdownNumbersCitations() throws Exception {
    CliRun run = CliRun.of("brief", "--in", Fixtures.seeds(dir).toString(), "--words", "60", "--format", "json");
    JsonNode b = Json.mapper().readTree(run.out());
    int words = 0;
    for (JsonNode bullet : b.get("bullets")) words += bullet.get("text").asText().split("\\s+").length;
    assertThat(b.get("bullets").size() == 1 || words <= 60).as("%d words in %d bullets", words, b.get("bullets").size()).isTrue();

    CliRun text = CliRun.of("brief", "--in", Fixtures.seeds(dir).toString(), "--words", "60", "--format", "text");
    assertThat(text.out().strip().split("\n")).as("one bullet per line, nothing else").hasSize(b.get("bullets").size());

    CliRun md = CliRun.of("brief", "--in", Fixtures.seeds(dir).toString(), "--format", "md");
    assertThat(md.out()).startsWith("# ").contains("- ").contains("[1]").contains("[1]: ");
  }

  @Test
  void brief_failsOnBadInputOnly() throws Exception {
    Path in = Files.writeString(dir.resolve("bad.jsonl"), "{}\n");
    CliRun run = CliRun.of("brief", "--in", in.toString());
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains(in + ":1:");
  }

  @Test
  void analysis_thatFailsOnOneArticle_namesIt_andAnalyzesTheRest() {
    news.panorama.text.MultilingualAnalyzer real = new news.panorama.text.MultilingualAnalyzer();
    List<Article> articles = new java.util.ArrayList<>(news.panorama.core.Sample.articles());
    articles.addAll(Fixtures.unrelated());
    String broken = articles.get(2).id();
    // the real analyzer, failing as a bug in it would on one article
    news.panorama.core.TextAnalyzer failingOnOne = a -> {
      if (a.id().equals(broken)) throw new IllegalStateException("index 7 out of bounds for length 5");
      return real.analyze(a);
    };
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    List<news.panorama.core.Annotated> analyzed;
    synchronized (CliRun.class) {
      java.io.PrintStream old = System.err;
      System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
      try {
        analyzed = Inputs.analyze(failingOnOne, articles, "analyze");
      } finally {
        System.setErr(old);
      }
    }
    assertThat(analyzed).extracting(news.panorama.core.Annotated::id)
        .as("every other article, in input order")
        .containsExactlyElementsOf(articles.stream().map(Article::id).filter(id -> !id.equals(broken)).toList());
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("skipped article " + broken + ": the text analysis failed")
        .contains("index 7 out of bounds for length 5");
  }

  @Test
  void everyCommand_hasHelp() {
    for (String c : List.of("start", "extract", "cluster", "brief", "config")) {
      CliRun run = CliRun.of(c, "--help");
      assertThat(run.exit()).as(c).isZero();
      assertThat(run.out()).as(c).contains("Usage: panorama " + c);
    }
    assertThat(CliRun.of("--help").out()).contains("start", "extract", "cluster", "brief");
  }

  @Test
  void badSetting_failsWithASentence() {
    CliRun run = CliRun.of("cluster", "--in", "-", "--set", "cluster.threshold=high");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("cluster.threshold").contains("not a number");
  }
}
