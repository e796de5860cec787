package news.panorama.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.panorama.core.Article;
import news.panorama.core.Sample;
import news.panorama.text.MultilingualAnalyzer;
import org.junit.jupiter.api.Test;

/**
 * Real newswire about Turkey (the Turkey–Syria crisis, Öcalan's arrest in Italy, the fall of
 * Turkey's government) and Russia (kidnappings in Chechnya) from DUC 2004, re-dated to 17–19
 * November 2025 and mixed with the seeds: the seeds must form one story containing none of them.
 * Skips without the shared data folder.
 */
class DucTurkeyClusteringIT {
  private static final Path SHARED = Path.of(System.getProperty("panorama.shared", "../../shared"));
  private static final Path DUC = SHARED.resolve("data/duc2004/dev.jsonl");
  private static final Set<String> STORIES = Set.of("d30028t", "d30044t", "d31009t", "d30056t");

  @Test
  void seedsStayApartFromRealTurkeyAndRussiaNews_whenRedatedToTheSameDays() throws Exception {
    assumeTrue(Files.isRegularFile(DUC), "no DUC 2004 data at " + DUC.toAbsolutePath());
    List<Article> others = new ArrayList<>();
    Instant start = Instant.parse("2025-11-17T00:00:00Z");
    for (Article a : news.panorama.core.JsonLines.readAll(DUC.toString()).articles()) {
      if (!STORIES.contains(String.valueOf(a.extra().get("story")))) continue;
      Instant when = start.plus(Duration.ofMinutes(53L * others.size() % (3 * 24 * 60)));
      others.add(new Article(a.url(), a.url(), a.source(), a.country(), a.language(), when, a.title(),
          a.text(), a.authors(), null, null, null, a.extra()));
    }
    assertThat(others).hasSize(40);

    MultilingualAnalyzer analyzer = new MultilingualAnalyzer();
    StoryGrouper clusterer = StoryGrouper.withDefaults();
    Map<String, String> story = new LinkedHashMap<>();
    List<Article> seeds = Sample.articles();
    for (Article a : SeedStoryClusteringTest.interleaved(seeds, others)) {
      story.put(a.id(), clusterer.assign(analyzer.analyze(a)).storyId());
    }
    String seedStory = story.get(seeds.get(0).id());
    for (Article seed : seeds) assertThat(story.get(seed.id())).as(seed.id()).isEqualTo(seedStory);
    List<String> intruders = others.stream().map(Article::id).filter(id -> story.get(id).equals(seedStory)).toList();
    assertThat(intruders).isEmpty();
    System.out.printf("seeds: one story of %d; %d DUC articles in %d other stories%n", seeds.size(), others.size(),
        others.stream().map(a -> story.get(a.id())).distinct().count());
  }
}
