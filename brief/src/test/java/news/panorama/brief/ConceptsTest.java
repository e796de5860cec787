package news.panorama.brief;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(concepts.weight(sentence)).as("two articles: each pair both use, weight 2").isEqualTo(3 * 2);
    boolean[] covered = new boolean[concepts.size()];
    covered[sentence[0]] = true;
    assertThat(concepts.gain(sentence, covered)).isEqualTo(2 * 2);
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
