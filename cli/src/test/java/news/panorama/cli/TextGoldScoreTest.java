package news.panorama.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import news.panorama.cli.TextGoldScore.Gold;
import news.panorama.cli.TextGoldScore.GoldDate;
import news.panorama.cli.TextGoldScore.GoldEntity;
import news.panorama.cli.TextGoldScore.GoldNumber;
import news.panorama.cli.TextGoldScore.GoldQuote;
import news.panorama.cli.TextGoldScore.Labels;
import news.panorama.cli.TextGoldScore.Report;
import news.panorama.core.Article;
import news.panorama.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextGoldScoreTest {
  private static final Set<String> ALL = Set.of("entities", "dates", "quotes", "numbers");

  private static final String TEXT_A = "Olaf Berg met Anna Kern in Oslo on Monday. \"We will build the bridge before winter comes,\" "
      + "Berg's spokesman quoted him. The plan costs 3 million euros, 12% more than planned, so what.";
  private static final String TEXT_B = "Berg besuchte Oslo am 3. Mai 2025.";

  private static Gold goldA() {
    Article a = Article.of("a", "", "", "", "en", Instant.parse("2025-11-19T10:00:00Z"), "A", TEXT_A);
    return new Gold(a, new Labels("a", "en", ALL,
        List.of(new GoldEntity("berg", "PERSON", null, List.of("Olaf Berg", "Berg")),
            new GoldEntity("kern", "PERSON", null, List.of("Anna Kern")),
            new GoldEntity("oslo", "PLACE", "NO", List.of("Oslo"))),
        List.of(new GoldDate("Monday", "2025-11-17", "day", true)),
        List.of(new GoldQuote("We will build the bridge before winter", "berg")),
        List.of(new GoldNumber("3 million euros", 3e6, "EUR"), new GoldNumber("12%", 12, "%"))));
  }

  private static Gold goldB() {
    Article b = Article.of("b", "", "", "", "de", Instant.parse("2025-11-19T10:00:00Z"), "B", TEXT_B);
    return new Gold(b, new Labels("b", "de", Set.of("entities", "dates"),
        List.of(new GoldEntity("berg", "PERSON", null, List.of("Berg")), new GoldEntity("oslo", "PLACE", "NO", List.of("Oslo"))),
        List.of(new GoldDate("3. Mai 2025", "2025-05-03", "day", false)), List.of(), List.of()));
  }

  private static ObjectNode entity(ArrayNode to, String id, String type, String text, String... mentions) {
    ObjectNode e = to.addObject().put("id", id).put("type", type).put("name", mentions[0]);
    ArrayNode ms = e.putArray("mentions");
    for (String m : mentions) {
      int at = text.indexOf(m);
      ms.addObject().put("text", m).put("start", at).put("end", at + m.length());
    }
    return e;
  }

  private static void span(ArrayNode to, String text, String piece, Map<String, Object> fields) {
    int at = text.indexOf(piece);
    assertThat(at).as(piece).isNotNegative();
    ObjectNode n = to.addObject().put("text", piece);
    fields.forEach((k, v) -> {
      if (v instanceof Double d) n.put(k, d);
      else n.put(k, String.valueOf(v));
    });
    n.put("start", at).put("end", at + piece.length());
  }

  /** Predictions with known errors, as annotate would write them. */
  private static Map<String, JsonNode> predicted() {
    ObjectNode a = Json.mapper().createObjectNode().put("language", "en");
    ArrayNode ea = a.putArray("entities");
    entity(ea, "p1", "PERSON", TEXT_A, "Olaf Berg", "Berg's"); // possessive normalised away: 2 right
    entity(ea, "p2", "PLACE", TEXT_A, "Anna Kern"); // right surface, wrong type
    entity(ea, "p3", "PLACE", TEXT_A, "Monday"); // false positive; Oslo is missed
    ArrayNode da = a.putArray("dates");
    span(da, TEXT_A, "Monday", Map.of("value", "2025-11-24", "granularity", "day")); // wrong value: a miss and a false positive
    ArrayNode qa = a.putArray("quotes");
    span(qa, TEXT_A, "We will build the bridge before winter comes,", Map.of("speaker", "Berg", "speakerEntityId", "p1"));
    span(qa, TEXT_A, "The plan costs 3", Map.of("speaker", "")); // 4 words, not a gold quote: false positive
    span(qa, TEXT_A, "so what", Map.of("speaker", "")); // 2 words: ignored
    ArrayNode na = a.putArray("numbers");
    span(na, TEXT_A, "3 million euros", Map.of("value", 3e6, "unit", "EUR"));
    span(na, TEXT_A, "12%", Map.of("value", 12.0)); // unit missing: a miss and a false positive

    ObjectNode b = Json.mapper().createObjectNode().put("language", "de");
    ArrayNode eb = b.putArray("entities");
    entity(eb, "p1", "PERSON", TEXT_B, "Berg");
    entity(eb, "p1", "PLACE", TEXT_B, "Oslo"); // same id as Berg: a merging error
    ArrayNode db = b.putArray("dates");
    span(db, TEXT_B, "3. Mai 2025", Map.of("value", "2025-05-03", "granularity", "day"));
    span(db, TEXT_B, "Mai 2025", Map.of("value", "2025-05-03", "granularity", "day")); // a piece of a matched date: ignored
    b.putArray("quotes");
    b.putArray("numbers");
    return Map.of("a", a, "b", b);
  }

  @Test
  void scoresAHandMadePairWithKnownFigures() {
    List<Gold> gold = List.of(goldA(), goldB());
    assertThat(TextGoldScore.problems(gold)).isEmpty();

    Report r = TextGoldScore.score(gold, predicted(), Map.of("a", "en", "b", "nl"));

    assertThat(r.language.all.ok).isEqualTo(1);
    assertThat(r.language.all.n).isEqualTo(2);
    assertThat(r.languageLong.all.n).isEqualTo(1); // TEXT_B is short
    assertThat(r.languageLong.all.ok).isEqualTo(1);

    assertThat(new int[] {r.entities.all.tp, r.entities.all.fp, r.entities.all.fn}).containsExactly(5, 1, 1);
    assertThat(new int[] {r.entities.of("en").tp, r.entities.of("en").fp, r.entities.of("en").fn}).containsExactly(3, 1, 1);
    assertThat(new int[] {r.entities.of("de").tp, r.entities.of("de").fp, r.entities.of("de").fn}).containsExactly(2, 0, 0);
    assertThat(r.entities.all.precision()).isEqualTo(5 / 6.0);
    assertThat(r.entityTypes.all.ok).isEqualTo(4);
    assertThat(r.entityTypes.all.n).isEqualTo(5);
    // matched surfaces: (p1,berg) x3, (p2,kern), (p1,oslo): p1 holds 4 surfaces (6 pairs), 3 of them both berg
    assertThat(r.mergePairsPredicted).isEqualTo(6);
    assertThat(r.mergePairsBoth).isEqualTo(3);
    assertThat(r.mergePairsGold).isEqualTo(3);
    assertThat(r.mergePrecision()).isEqualTo(0.5);
    assertThat(r.mergeRecall()).isEqualTo(1.0);

    assertThat(new int[] {r.dates.all.tp, r.dates.all.fp, r.dates.all.fn}).containsExactly(1, 1, 1);
    assertThat(r.datesDetected.all.ok).isEqualTo(2);
    assertThat(r.relativeDates.all.ok).isZero();
    assertThat(r.relativeDates.all.n).isEqualTo(1);

    assertThat(new int[] {r.quotes.all.tp, r.quotes.all.fp, r.quotes.all.fn}).containsExactly(1, 1, 0);
    assertThat(r.speakers.all.ok).isEqualTo(1);
    assertThat(r.speakers.all.n).isEqualTo(1);

    assertThat(new int[] {r.numbers.all.tp, r.numbers.all.fp, r.numbers.all.fn}).containsExactly(1, 1, 1);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    r.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "test", true);
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("goal F1 >= 0.85 (NOT MET)").contains("precision 0.500 (3/6)")
        .contains("a: \"Oslo\" (oslo, PLACE)").contains("b: de taken for nl").contains("a: \"Monday\" = 2025-11-17 (relative): we say 2025-11-24");
  }

  @Test
  void speakerIsRightByEntityIdOrByName_andWrongForAnotherEntity() {
    Gold g = goldA();
    JsonNode p = predicted().get("a");
    ObjectNode byName = Json.mapper().createObjectNode().put("speaker", "Olaf Berg");
    ObjectNode byId = Json.mapper().createObjectNode().put("speaker", "he").put("speakerEntityId", "p1");
    ObjectNode other = Json.mapper().createObjectNode().put("speaker", "Anna Kern").put("speakerEntityId", "p2");
    assertThat(TextGoldScore.speakerRight(g, p, byName, "berg")).isTrue();
    assertThat(TextGoldScore.speakerRight(g, p, byId, "berg")).isTrue();
    assertThat(TextGoldScore.speakerRight(g, p, other, "berg")).isFalse();
  }

  @Test
  void normalisesSurfaces() {
    assertThat(TextGoldScore.surface("Zelensky’s")).isEqualTo("Zelensky");
    assertThat(TextGoldScore.surface("Erdoğan'ın")).isEqualTo("Erdoğan");
    assertThat(TextGoldScore.surface("Cumhurbaşkanlığı Külliyesi'nde")).isEqualTo("Cumhurbaşkanlığı Külliyesi");
    assertThat(TextGoldScore.surface("U.S.")).isEqualTo("U.S");
    assertThat(TextGoldScore.surface("Pedro\u00a0 Sánchez ")).isEqualTo("Pedro Sánchez");
    assertThat(TextGoldScore.surface("O'Brien")).isEqualTo("O'Brien");
    assertThat(TextGoldScore.surface("L'Équipe")).isEqualTo("L'Équipe");
    assertThat(TextGoldScore.surface("Ukrainians'")).isEqualTo("Ukrainians");
  }

  @Test
  void spansTakeWholeWordsAndDoNotShareAPlace() {
    String text = "On Wednesday, Nov. 19 and Wednesday’s talks; not Wednesdays.";
    int[][] s = TextGoldScore.spans(text, List.of("Wednesday", "Wednesday, Nov. 19", "Wednesday"));
    assertThat(s[1]).containsExactly(3, 21);
    assertThat(s[0]).containsExactly(26, 35);
    assertThat(s[2]).isNull(); // the third is inside "Wednesdays": not a whole word
  }

  @Test
  void reportsMalformedLabels() {
    Gold g = goldA();
    Labels l = g.labels();
    Labels bad = new Labels("a", "en", Set.of("entities", "nonsense"),
        List.of(new GoldEntity("berg", "PERSON", null, List.of("Olaf Berg", "Bergen")), new GoldEntity("x", "THING", null, List.of("Oslo"))),
        List.of(new GoldDate("Tuesday", "2025-11-18", "day", true), new GoldDate("Monday", "2025-13", "week", true)),
        List.of(new GoldQuote("We will build the bridge", "nobody")), l.numbers());
    List<String> problems = TextGoldScore.problems(List.of(new Gold(g.article(), bad)));
    assertThat(String.join("\n", problems)).contains("unknown feature in complete: nonsense").contains("surface not in text: Bergen")
        .contains("bad type THING").contains("date text not in text").contains("bad date value 2025-13")
        .contains("speaker nobody is not among the entities");
  }

  private static Path shippedGold() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("eval/text-gold"))) return dir.resolve("eval/text-gold");
    }
    throw new AssertionError("eval/text-gold not found above " + Path.of("").toAbsolutePath());
  }

  @Test
  void shippedGoldSetIsWellFormed() throws IOException {
    Path dir = shippedGold();
    TextGoldScore.Loaded loaded = TextGoldScore.load(dir);

    assertThat(loaded.problems()).isEmpty();
    long lines = Files.readAllLines(dir.resolve("articles.jsonl")).stream().filter(l -> !l.isBlank()).count();
    assertThat(loaded.gold()).hasSize((int) lines); // every article has a label line
    assertThat(loaded.gold().stream().map(Gold::id).distinct().count()).isEqualTo(lines);
    Map<String, Long> perLanguage = loaded.gold().stream()
        .collect(Collectors.groupingBy(Gold::language, TreeMap::new, Collectors.counting()));
    for (String lang : List.of("de", "fr", "es", "ru", "uk", "tr", "ar")) assertThat(perLanguage.get(lang)).as(lang).isGreaterThanOrEqualTo(7);
    assertThat(perLanguage).containsKeys("it", "pt", "en");
    for (Gold g : loaded.gold()) {
      assertThat(g.article().language()).as(g.id()).isEqualTo(g.language());
      assertThat(g.article().publishedTime()).as(g.id()).isPresent();
    }
    assertThat(loaded.gold().stream().filter(g -> g.labels().complete().contains("entities")).count()).isGreaterThanOrEqualTo(60);
  }

  @Test
  void evalTextScoresAGoldFolder(@TempDir Path dir) throws IOException {
    String article = "{\"id\":\"x\",\"url\":\"https://example.org/x\",\"source\":\"S\",\"country\":\"GB\",\"language\":\"en\","
        + "\"published\":\"2025-11-19T10:00:00Z\",\"title\":\"T\",\"text\":\"Olaf Berg met Anna Kern in Oslo on Monday.\"}\n";
    String labels = "{\"id\":\"x\",\"language\":\"en\",\"complete\":[\"entities\",\"dates\",\"quotes\",\"numbers\"],"
        + "\"entities\":[{\"key\":\"oslo\",\"type\":\"PLACE\",\"country\":\"NO\",\"mentions\":[\"Oslo\"]}],"
        + "\"dates\":[{\"text\":\"on Monday\",\"value\":\"2025-11-17\",\"granularity\":\"day\",\"relative\":true}],"
        + "\"quotes\":[],\"numbers\":[]}\n";
    Files.writeString(dir.resolve("articles.jsonl"), article);
    Files.writeString(dir.resolve("labels.jsonl"), labels);

    CliRun run = CliRun.of("eval", "text", "--gold", dir.toString(), "--errors");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("1 articles (en 1)").contains("Entities: distinct mention surfaces per article")
        .contains("relative dates resolved right").contains("goal >= 0.90");
  }
}
