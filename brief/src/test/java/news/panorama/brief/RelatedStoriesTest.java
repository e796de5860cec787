package news.panorama.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Briefing;
import news.panorama.core.Sample;
import news.panorama.core.StorySections.Related;
import news.panorama.text.MultilingualAnalyzer;
import org.junit.jupiter.api.Test;

class RelatedStoriesTest {
  private static final MultilingualAnalyzer ANALYZER = new MultilingualAnalyzer();
  private static final Instant T = Instant.parse("2025-11-20T10:00:00Z");
  private static final List<Annotated> TALKS = Sample.articles().stream().map(ANALYZER::analyze).toList();
  // written for these tests
  private static final List<Annotated> PRISONERS = List.of(ANALYZER.analyze(Article.of("p1", "https://example.org/p1",
      "Wire", "UA", "en", T, "Ukraine and Russia swap prisoners after Umerov talks",
      "Rustem Umerov said Ukraine and Russia exchanged 300 prisoners on Thursday. "
          + "Umerov thanked Turkey and Recep Tayyip Erdogan for mediating the exchange agreed in Istanbul. "
          + "Volodymyr Zelensky said more Ukrainians would come home before winter.")));
  private static final List<Annotated> TRAINS = List.of(ANALYZER.analyze(Article.of("t1", "https://example.org/t1",
      "Le Quotidien", "FR", "fr", T, "Grève à la SNCF : les cheminots bloquent les gares",
      "Les cheminots de la SNCF sont en grève depuis lundi contre la réforme des retraites. "
          + "Les syndicats appellent à reconduire la grève jusqu'à jeudi.")));
  private static final List<Annotated> JAPAN = List.of(ANALYZER.analyze(Article.of("j1", "https://example.jp/1",
      "Example Shimbun", "JP", "ja", T, "東京都が新しい防災計画を発表", "東京都は24日、大地震に備えた新しい防災計画を発表した。")));

  private static Briefing briefing(String story, List<Annotated> articles) {
    return new ExtractiveBriefer().brief(story, articles, 60);
  }

  @Test
  void storiesSharingPeopleAndPlaces_areRelated_andAnUnrelatedOneIsNot() {
    RelatedStories index = new RelatedStories();
    index.update("talks", TALKS, briefing("talks", TALKS));
    index.update("prisoners", PRISONERS, briefing("prisoners", PRISONERS));
    index.update("trains", TRAINS, briefing("trains", TRAINS));
    index.update("japan", JAPAN, briefing("japan", JAPAN));

    List<Related> related = index.of("talks", 5);
    assertThat(related).extracting(Related::story).containsExactly("prisoners");
    assertThat(related.get(0).headline()).isEqualTo(briefing("prisoners", PRISONERS).headline());
    assertThat(related.get(0).blurb()).isNotBlank().hasSizeLessThanOrEqualTo(221);
    assertThat(index.of("prisoners", 5)).extracting(Related::story).containsExactly("talks");
    assertThat(index.of("trains", 5)).isEmpty();
  }

  @Test
  void aStoryMergedAway_isForgotten_andTheOldestStoriesMakeRoom() {
    RelatedStories index = new RelatedStories(2, id -> Optional.empty());
    index.update("talks", TALKS, briefing("talks", TALKS));
    index.update("prisoners", PRISONERS, briefing("prisoners", PRISONERS));
    index.update("prisoners", List.of(), null); // merged into another story
    assertThat(index.of("talks", 5)).isEmpty();
    assertThat(index.size()).isEqualTo(1);

    index.update("prisoners", PRISONERS, briefing("prisoners", PRISONERS));
    index.update("trains", TRAINS, briefing("trains", TRAINS)); // third story: the least recently updated goes
    assertThat(index.size()).isEqualTo(2);
    assertThat(index.of("talks", 5)).isEmpty();
    assertThat(index.of("prisoners", 5)).isEmpty();
  }

  @Test
  void storiesReplayedWithoutBriefing_areDescribedFromTheStore() {
    Briefing stored = briefing("prisoners", PRISONERS);
    RelatedStories index = new RelatedStories(100, id -> id.equals("prisoners")
        ? Optional.of(RelatedStories.describe(stored)) : Optional.empty());
    TALKS.forEach(a -> index.add("talks", a));
    PRISONERS.forEach(a -> index.add("prisoners", a));
    assertThat(index.of("talks", 5)).containsExactly(new Related("prisoners", stored.headline(), RelatedStories.describe(stored).blurb()));
    assertThat(index.of("prisoners", 5)).isEmpty(); // "talks" has no stored briefing: nothing to show for it
  }
}
