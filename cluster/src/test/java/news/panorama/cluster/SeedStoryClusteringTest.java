package news.panorama.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Sample;
import news.panorama.core.StoryAssignment;
import news.panorama.text.MultilingualAnalyzer;
import org.junit.jupiter.api.Test;

/**
 * The five bundled takes on Zelensky's trip to Turkey form one story, while other news of the same
 * days, including news about Turkey and about Ukraine, stays out of it. The other news is written
 * for this test (no outside news text is bundled).
 */
class SeedStoryClusteringTest {
  private static final MultilingualAnalyzer ANALYZER = new MultilingualAnalyzer();

  /** Unrelated wire-style reports dated 17–19 November 2025. */
  static final List<Article> OTHER_NEWS = List.of(
      other("other-cbrt", "2025-11-17T10:15:00Z", "Turkey's central bank raises interest rates again to curb inflation",
          "ANKARA (Wire) - Turkey's central bank raised its benchmark one-week repo rate by 250 basis points to 42.5 percent on Monday, "
              + "surprising economists who had expected the Monetary Policy Committee to hold rates steady. "
              + "The bank said annual consumer inflation, which stood at 33 percent in October, remained well above its target and that it would keep policy tight until price stability is achieved. "
              + "The lira firmed slightly against the dollar after the decision, while shares of Turkish banks fell on the Istanbul stock exchange. "
              + "Governor Fatih Karahan told reporters that food and rent prices were still rising faster than wages."),
      other("other-quake", "2025-11-17T22:40:00Z", "Magnitude 5.9 earthquake shakes eastern Turkey, damaging homes in Malatya",
          "A magnitude 5.9 earthquake struck eastern Turkey late on Monday, damaging dozens of buildings in Malatya province and sending frightened residents into the streets, the disaster agency AFAD said. "
              + "The quake hit at a depth of 10 kilometres near the town of Puturge, and was felt in Elazig, Adiyaman and Diyarbakir. "
              + "Interior Minister Ali Yerlikaya said 23 people were treated in hospital for minor injuries and no deaths had been reported. "
              + "Rescue teams checked schools and mosques for cracks, and tents were set up for families afraid to return home in freezing temperatures. "
              + "The region is still rebuilding after the devastating earthquakes of February 2023."),
      other("other-grain", "2025-11-18T07:30:00Z", "Ukraine's grain exports through Odesa ports rise despite drone attacks",
          "Ukraine exported 4.1 million tonnes of grain and oilseeds through its Black Sea ports around Odesa in October, up 12 percent from September, the agriculture ministry said on Tuesday. "
              + "Corn and wheat made up most of the shipments, which went mainly to Egypt, Spain, Turkey and China. "
              + "Port operators said ships kept sailing through the corridor hugging the western coast although Russian drones damaged grain silos in Izmail last week. "
              + "Traders expect exports to slow in winter as storms and higher insurance costs weigh on shipping. "
              + "Farmers in the south said power cuts made drying the late corn harvest more expensive."),
      other("other-football", "2025-11-18T20:55:00Z", "Shakhtar Donetsk beat Legia Warsaw to stay top of their Conference League group",
          "Shakhtar Donetsk beat Legia Warsaw 2-1 in Krakow on Tuesday to stay top of their Conference League group, with Brazilian winger Kevin scoring the winner in the 78th minute. "
              + "The Ukrainian club, which has played its European home matches in Poland since the war began, took the lead through Oleh Ocheretko before Legia equalised from a penalty. "
              + "Coach Arda Turan, the former Turkey midfielder, praised his young side for keeping calm after the break. "
              + "Shakhtar need one point from their last two matches to reach the knockout round. "
              + "About 20,000 fans, many of them Ukrainian refugees living in Poland, watched the match."),
      other("other-farm", "2025-11-19T09:10:00Z", "EU farm ministers clash over subsidy cuts in next long-term budget",
          "Agriculture ministers from the European Union clashed in Brussels on Wednesday over plans to fold farm subsidies into a single national fund in the bloc's next long-term budget. "
              + "France, Poland and Ireland said the Common Agricultural Policy must keep its own ring-fenced budget, while the Netherlands and Sweden backed the reform as a way to modernise spending. "
              + "Thousands of farmers drove tractors into the city centre to protest against the cuts and against cheap imports from South America. "
              + "The European Commission said direct payments to farmers would be protected, but critics said the total would fall by a fifth after inflation. "
              + "Ministers will return to the dispute at a summit in December."),
      other("other-energy", "2025-11-19T13:20:00Z", "Turkey and Azerbaijan sign gas supply deal for Syrian power plants",
          "Turkey and Azerbaijan signed an agreement on Wednesday to supply natural gas to Syria through a pipeline from the Turkish border town of Kilis to Aleppo, energy ministers said in Baku. "
              + "Turkish Energy Minister Alparslan Bayraktar said the gas would feed power plants and raise electricity supply in northern Syria by several hours a day. "
              + "The deal is part of a wider plan backed by Qatar to rebuild the Syrian grid after years of civil war. "
              + "Azerbaijan's state energy company SOCAR will provide up to two billion cubic metres a year."),
      other("other-kyiv-energy", "2025-11-19T16:45:00Z", "Ukraine schedules rolling blackouts as Russian strikes hit power plants",
          "Ukraine's grid operator Ukrenergo ordered rolling blackouts across most regions on Wednesday after Russian missile and drone strikes damaged thermal power plants overnight. "
              + "Households in Kyiv, Kharkiv and Poltava will be without electricity for up to 12 hours a day, the company said. "
              + "Energy Minister Svitlana Hrynchuk said engineers were working to restore damaged substations and asked consumers to save power in the evening peak. "
              + "Ukraine is importing electricity from Poland, Slovakia and Romania to cover the shortfall as temperatures fall below zero."));

  private static Article other(String id, String published, String title, String text) {
    return Article.of(id, "test://" + id, "Test Wire", "", "en", Instant.parse(published), title, text);
  }

  /** Seeds and other news interleaved by time, as a crawler would deliver them. */
  static List<Article> interleaved(List<Article> seeds, List<Article> others) {
    List<Article> out = new ArrayList<>();
    int o = 0;
    for (int s = 0; s < seeds.size(); s++) {
      out.add(seeds.get(s));
      for (int k = 0; k < 2 && o < others.size(); k++) out.add(others.get(o++));
    }
    while (o < others.size()) out.add(others.get(o++));
    return out;
  }

  @Test
  void seedsFormOneStoryWithoutOtherNews_whenInterleavedWithNewsOfTheSameDays() {
    List<Article> seeds = Sample.articles();
    StoryGrouper clusterer = StoryGrouper.withDefaults();
    Map<String, String> story = new LinkedHashMap<>();
    for (Article a : interleaved(seeds, OTHER_NEWS)) {
      Annotated annotated = ANALYZER.analyze(a);
      StoryAssignment assignment = clusterer.assign(annotated);
      story.put(a.id(), assignment.storyId());
    }
    String seedStory = story.get(seeds.get(0).id());
    for (Article seed : seeds) assertThat(story.get(seed.id())).as(seed.id()).isEqualTo(seedStory);
    for (Article other : OTHER_NEWS) assertThat(story.get(other.id())).as(other.id()).isNotEqualTo(seedStory);
    assertThat(seedStory).isEqualTo("s-" + seeds.get(0).id());
  }

  @Test
  void sameInputGivesSameStories_whenRunTwice() {
    List<Article> input = interleaved(Sample.articles(), OTHER_NEWS);
    List<Annotated> analyzed = input.stream().map(ANALYZER::analyze).toList();
    StoryGrouper first = StoryGrouper.withDefaults();
    StoryGrouper second = StoryGrouper.withDefaults();
    for (Annotated a : analyzed) assertThat(second.assign(a)).isEqualTo(first.assign(a));
  }

  @Test
  void storiesOutsideTheWindowAreForgotten_whenTimeMovesOn() {
    StoryGrouper clusterer = new StoryGrouper(StoryGrouper.Settings.defaults().withWindow(java.time.Duration.ofHours(24)));
    Annotated early = ANALYZER.analyze(Sample.articles().get(0));
    clusterer.assign(early);
    Article later = Article.of("later", "", "Test Wire", "", "en", Instant.parse("2025-11-25T00:00:00Z"),
        Sample.articles().get(1).title(), Sample.articles().get(1).text());
    StoryAssignment a = clusterer.assign(ANALYZER.analyze(later));
    assertThat(a.created()).isTrue();
    assertThat(clusterer.openStories()).isEqualTo(1);
  }
}
