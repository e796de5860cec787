package news.panorama.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.text.MultilingualAnalyzer;
import org.junit.jupiter.api.Test;

class ConceptsTest {
  private static final MultilingualAnalyzer ANALYZER = new MultilingualAnalyzer();

  private static Annotated article(String id, String text) {
    return ANALYZER.analyze(Article.of(id, "test://" + id, "Outlet " + id, "", "en",
        Instant.parse("2025-11-18T10:00:00Z"), "", text));
  }

  private static List<String> terms(String sentence) {
    return article("x", sentence).sentences().get(0).terms();
  }

  @Test
  void aPairCounts_whenAtLeastThreeArticlesUseIt_weightedByHowMany() {
    List<Annotated> story = new ArrayList<>();
    for (int i = 0; i < 4; i++) story.add(article("a" + i, "The city council approved the bridge."));
    story.add(article("b", "The harbour master praised the ferry."));
    story.add(article("c", "The harbour master doubted the ferry."));
    Concepts concepts = Concepts.of(story);

    int[] council = concepts.in(terms("The city council met."));
    assertThat(council).hasSize(1);
    assertThat(concepts.weight(council[0])).isEqualTo(4);
    assertThat(concepts.in(terms("The harbour master spoke."))).as("used by two articles only").isEmpty();
    assertThat(concepts.in(terms("The council city met."))).as("pairs keep their order").isEmpty();
  }

  @Test
  void coverageCountsEachConceptOnce_andNothingAlreadyCovered() {
    List<Annotated> story = List.of(article("a", "The city council approved the bridge."),
        article("b", "The city council approved the bridge."));
    Concepts concepts = Concepts.of(story);
    int[] sentence = concepts.in(terms("The city council approved the bridge, the city council said."));
    assertThat(sentence).hasSize(3);
    for (int id : sentence) assertThat(concepts.weight(id)).as("two articles: each pair both use, weight 2").isEqualTo(2);
    assertThat(concepts.worth(sentence)).isCloseTo(3 * Math.pow(2, Concepts.IMPORTANCE_EXPONENT), within(1e-9));
    boolean[] covered = new boolean[concepts.size()];
    covered[sentence[0]] = true;
    assertThat(concepts.gain(sentence, covered)).isCloseTo(2 * Math.pow(2, Concepts.IMPORTANCE_EXPONENT), within(1e-9));
  }

  @Test
  void whatAConceptIsWorth_growsFasterThanTheOutletsThatUseIt() {
    List<Annotated> story = new ArrayList<>();
    for (int i = 0; i < 4; i++) story.add(article("a" + i, "The city council approved the bridge."));
    for (int i = 0; i < 2; i++) story.add(article("b" + i, "The harbour master praised the ferry."));
    Concepts concepts = Concepts.of(List.of(story.get(0), story.get(1), story.get(2), story.get(3),
        story.get(4), story.get(5), article("c", "The harbour master doubted the ferry.")));
    int[] council = concepts.in(terms("The city council met."));
    int[] harbour = concepts.in(terms("The harbour master spoke."));
    assertThat(concepts.weight(council[0])).isEqualTo(4);
    assertThat(concepts.weight(harbour[0])).isEqualTo(3);
    assertThat(concepts.worth(council)).isCloseTo(8, within(1e-9)); // 4^1.5
    // one fact four outlets report is worth more than the same total spread thinner
    assertThat(concepts.worth(council) / 4).isGreaterThan(concepts.worth(harbour) / 3);
    boolean[] covered = new boolean[concepts.size()];
    covered[council[0]] = true;
    assertThat(concepts.gain(council, covered)).isZero();
    assertThat(concepts.gain(harbour, covered)).isEqualTo(concepts.worth(harbour));
  }

  @Test
  void aStoryOfOneArticle_countsSentences() {
    Annotated one = article("a", "The city council approved the bridge. The bridge will cost millions. "
        + "The city council debated the bridge for weeks. Critics of the city council were loud.");
    Concepts concepts = Concepts.of(List.of(one));
    int[] pair = concepts.in(terms("The city council met."));
    assertThat(pair).hasSize(1);
    assertThat(concepts.weight(pair[0])).isEqualTo(3);
  }
}
