package news.panorama.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Citation;
import news.panorama.core.Sample;
import news.panorama.core.StorySections;
import news.panorama.core.StorySections.Difference;
import news.panorama.text.MultilingualAnalyzer;
import org.junit.jupiter.api.Test;

/** The world's take, agreements and differences, on the seed sample and on stories written for these tests. */
class SectionsTest {
  private static final MultilingualAnalyzer ANALYZER = new MultilingualAnalyzer();
  private static final List<Annotated> SEEDS = Sample.articles().stream().map(ANALYZER::analyze).toList();
  private static final StorySections SEED_SECTIONS = Sections.of(SEEDS);
  private static final Instant MONDAY = Instant.parse("2025-11-17T09:00:00Z");

  /** An article of a test story, analyzed (published on Monday 17 November 2025, URL from its id). */
  static Annotated article(String id, String source, String country, String language, String title, String text) {
    return ANALYZER.analyze(Article.of(id, "https://example.org/" + id, source, country, language, MONDAY, title, text));
  }

  /** Every citation quotes its article's sentence exactly. */
  private static void assertCitationsResolve(List<Citation> citations, List<Annotated> story) {
    Map<String, Annotated> byId = story.stream().collect(Collectors.toMap(Annotated::id, Function.identity()));
    for (Citation c : citations) {
      assertThat(byId.get(c.articleId()).sentences().get(c.sentence()).text()).isEqualTo(c.quote());
    }
  }

  private static Set<String> articles(Difference.Value v) {
    Set<String> out = new HashSet<>();
    v.citations().forEach(c -> out.add(c.articleId()));
    return out;
  }

  @Test
  void seeds_reportAnkaraAgainstIstanbul_withTheOutletsThatSayEach() {
    Difference place = SEED_SECTIONS.differences().stream().filter(d -> d.slot().equals("place")).findFirst().orElseThrow();
    Map<String, Difference.Value> byValue = place.values().stream()
        .collect(Collectors.toMap(Difference.Value::value, Function.identity()));
    assertThat(byValue).containsKeys("Ankara", "Istanbul");
    // the Ukraine-section write-up names Ankara only; the Kyiv Post piece puts the talks in Istanbul
    assertThat(articles(byValue.get("Ankara"))).contains(SEEDS.get(0).id()).doesNotContain(SEEDS.get(3).id());
    assertThat(articles(byValue.get("Istanbul"))).contains(SEEDS.get(3).id()).doesNotContain(SEEDS.get(0).id());
    for (Difference.Value v : place.values()) {
      assertCitationsResolve(v.citations(), SEEDS);
      assertThat(v.citations()).allSatisfy(c -> assertThat(c.quote()).contains(v.value()));
    }
    // cities of different countries (Madrid, Ankara) are legs of a trip, not rival answers
    assertThat(place.values()).extracting(Difference.Value::value).doesNotContain("Madrid", "Paris");
  }

  @Test
  void aTimelineDay_isToldByTheSentenceItsSourcesAgreeOn_notByAnAsideThatNamesIt() {
    // published Monday 17 November 2025: "Wednesday" is 12 November in these past-tense reports
    List<Annotated> story = List.of(
        article("t1", "Wire A", "GB", "en", "Pinochet arrested",
            "Chile's former ruler was arrested in London. The deputy arrived in Madrid late Wednesday with two senators."),
        article("t2", "Wire B", "US", "en", "Pinochet held in London",
            "British police arrested the former Chilean ruler Augusto Pinochet in London on Wednesday at a Spanish judge's request."),
        article("t3", "Wire C", "FR", "en", "Arrest in London",
            "Augusto Pinochet was arrested by British police in a London clinic on Wednesday, acting for a Spanish judge."));
    StorySections.Event wednesday = Sections.of(story).timeline().stream()
        .filter(e -> e.date().equals("2025-11-12")).findFirst().orElseThrow();
    assertThat(wednesday.text()).contains("Pinochet").doesNotContain("deputy");
    assertThat(wednesday.citations()).hasSize(3);
    // each entry cites its own sentence first, and no sentence tells two days
    for (StorySections timelineOf : List.of(Sections.of(story), SEED_SECTIONS)) {
      assertThat(timelineOf.timeline()).allSatisfy(e -> assertThat(e.citations().get(0).quote()).isEqualTo(e.text()));
      assertThat(timelineOf.timeline()).extracting(StorySections.Event::text).doesNotHaveDuplicates();
    }
    // an entry that opens with a pronoun does not say who did what that day: the day goes unshown
    List<Annotated> pronoun = List.of(
        article("p1", "Wire A", "GB", "en", "Party to decide", "He said the party would announce its decision on Thursday."),
        article("p2", "Wire B", "US", "en", "Party weighs coalition", "The party met for five hours on Tuesday in Ankara."));
    assertThat(Sections.of(pronoun).timeline()).extracting(StorySections.Event::text)
        .containsExactly("The party met for five hours on Tuesday in Ankara.");
    List<Annotated> twoDays = List.of(
        article("d1", "Wire A", "GB", "en", "Talks resume", "The owners and players held their first session since Tuesday on Friday."),
        article("d2", "Wire B", "US", "en", "Talks", "Talks resumed on Friday in Manhattan after a long pause."),
        article("d3", "Wire C", "US", "en", "Talks", "The owners and players met on Friday for six hours."));
    assertThat(Sections.of(twoDays).timeline()).extracting(StorySections.Event::text).doesNotHaveDuplicates();
  }

  @Test
  void aShortQuotationTwice_isOneQuote_andAQuotedPhraseIsNone() {
    String text = "Harbor Mayor Ellen Brandt opened the new ferry terminal on Monday. A crowd chanting ``Go Harbor'' "
        + "cheered as the first boat left. ``You are a beautiful sight,'' Brandt told the crew.";
    List<Annotated> story = List.of(
        article("q1", "Wire", "US", "en", "Ferry terminal opens", text),
        article("q2", "Daily", "US", "en", "Harbor opens its ferry terminal", "The ferry terminal opened. " + text));
    List<StorySections.Said> quotes = Sections.of(story).quotes();
    assertThat(quotes).extracting(StorySections.Said::text).containsExactly("You are a beautiful sight");
    assertThat(quotes.get(0).citations()).extracting(Citation::articleId).containsExactlyInAnyOrder("q1", "q2");
  }

  @Test
  void anAgreementIsShownInAWordingThatReadsAlone() {
    List<Annotated> story = List.of(
        article("g1", "Wire A", "GB", "en", "Lockout", "The league said the owners must pay the players with guaranteed contracts."),
        article("g2", "Wire B", "US", "en", "Lockout", "It means the owners must pay the players with guaranteed contracts."),
        article("g3", "Wire C", "US", "en", "Lockout", "The arbitrator ruled that owners must pay the players with guaranteed contracts now."));
    assertThat(Agreements.of(story, new Usable())).isNotEmpty()
        .allSatisfy(a -> assertThat(a.text()).doesNotStartWith("It "));
  }

  @Test
  void seeds_agreementsAreStatedByAtLeastTwoOutlets() {
    assertThat(SEED_SECTIONS.agreements()).isNotEmpty();
    for (StorySections.Agreement a : SEED_SECTIONS.agreements()) {
      assertThat(a.citations()).extracting(Citation::source).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(2);
      assertThat(a.citations().get(0).quote()).isEqualTo(a.text());
      assertCitationsResolve(a.citations(), SEEDS);
    }
  }

  @Test
  void seeds_agreementsDoNotRepeatWhatTheOverviewSays() {
    news.panorama.core.Briefing b = new ExtractiveBriefer().brief("seeds", SEEDS, 120);
    java.util.Set<String> inOverview = new java.util.HashSet<>();
    b.overview().forEach(x -> x.citations().forEach(c -> inOverview.add(c.articleId() + "#" + c.sentence())));
    assertThat(inOverview).isNotEmpty();
    assertThat(b.sections().agreements()).isNotEmpty();
    for (StorySections.Agreement a : b.sections().agreements()) {
      assertThat(a.citations()).noneMatch(c -> inOverview.contains(c.articleId() + "#" + c.sentence()));
    }
    // without the overview, the batch sections keep every agreement, the overview's among them
    assertThat(SEED_SECTIONS.agreements().size()).isGreaterThan(b.sections().agreements().size());
  }

  @Test
  void seeds_everyCountryWithCoverageHasItsTake_quotedFromItsOwnOutlets() {
    Map<String, String> countryOf = SEEDS.stream()
        .collect(Collectors.toMap(Annotated::id, a -> a.article().country()));
    assertThat(SEED_SECTIONS.countries()).extracting(StorySections.CountryTake::country)
        .containsExactlyInAnyOrder("TR", "UA", "US"); // two seed outlets have no known country
    for (StorySections.CountryTake t : SEED_SECTIONS.countries()) {
      assertThat(t.terms()).isNotEmpty().hasSizeLessThanOrEqualTo(WorldTake.MAX_TERMS);
      assertThat(t.quote()).isNotNull();
      assertThat(countryOf.get(t.quote().articleId())).isEqualTo(t.country());
      assertCitationsResolve(List.of(t.quote()), SEEDS);
    }
  }

  @Test
  void storyInTwoLanguages_eachCountrysTermsComeFromItsOwnCoverage() {
    // written for this test: a French rail strike as French and British outlets tell it
    List<Annotated> story = List.of(
        article("fr-1", "Le Quotidien", "FR", "fr", "Grève à la SNCF : les cheminots bloquent les gares",
            "Les cheminots de la SNCF sont en grève depuis lundi matin contre la réforme des retraites. "
                + "Les syndicats dénoncent une réforme injuste et appellent à reconduire la grève. "
                + "La grève des cheminots perturbe fortement les trains régionaux."),
        article("fr-2", "Ouest Matin", "FR", "fr", "Les syndicats de cheminots durcissent la grève",
            "Les syndicats de cheminots ont voté la reconduction de la grève jusqu'à jeudi. "
                + "Selon les syndicats, la réforme des retraites menace les cheminots les plus âgés. "
                + "Les usagers des trains régionaux cherchent des solutions pour se rendre au travail."),
        article("gb-1", "London Daily", "GB", "en", "French rail strike leaves Eurostar passengers stranded",
            "Eurostar cancelled a third of its trains between London and Paris because of the French rail strike. "
                + "British travellers were stranded at St Pancras as Eurostar warned of more cancellations. "
                + "Eurostar said passengers could rebook their tickets free of charge."),
        article("gb-2", "Channel News", "GB", "en", "Eurostar cancels trains as French strike continues",
            "Eurostar passengers face another day of cancellations as the French rail strike continues. "
                + "Holidaymakers travelling from London were told to check Eurostar before leaving home. "
                + "The strike over pension reform is backed by the main French unions."));
    StorySections s = Sections.of(story);
    Map<String, StorySections.CountryTake> byCountry = s.countries().stream()
        .collect(Collectors.toMap(StorySections.CountryTake::country, Function.identity()));
    assertThat(byCountry).containsOnlyKeys("FR", "GB");
    assertThat(byCountry.get("FR").articles()).isEqualTo(2);
    assertThat(byCountry.get("FR").terms()).containsAnyOf("cheminots", "syndicats", "grève", "SNCF").doesNotContain("Eurostar");
    assertThat(byCountry.get("GB").terms()).contains("Eurostar").doesNotContain("cheminots", "syndicats");
    assertThat(byCountry.get("FR").quote().articleId()).startsWith("fr-");
    assertThat(byCountry.get("GB").quote().articleId()).startsWith("gb-");
  }

  @Test
  void differentCasualtyCounts_areADifference_whileTheSameFigureRoundedIsNot() {
    // written for this test
    List<Annotated> story = List.of(
        article("a", "Wire One", "", "en", "Blast in market",
            "At least 12 people were killed in the market blast on Monday, the police said. "
                + "About 1,200 residents were evacuated from nearby streets."),
        article("b", "Wire Two", "", "en", "Market explosion",
            "The explosion killed 15 people and wounded dozens, hospital officials said on Monday. "
                + "Roughly 1,180 residents were evacuated from nearby streets."),
        article("c", "Wire Three", "", "en", "Deadly blast",
            "The blast killed 15 people in the crowded market, according to the health ministry."));
    List<Difference> differences = Sections.of(story).differences();
    Difference killed = differences.stream().filter(d -> d.slot().startsWith("number of")).findFirst().orElseThrow();
    assertThat(killed.values()).hasSize(2);
    assertThat(articles(killed.values().get(0))).containsExactlyInAnyOrder("b", "c"); // the most widely stated first
    assertThat(articles(killed.values().get(1))).containsExactly("a");
    assertThat(differences).filteredOn(d -> d.slot().contains("resident")).isEmpty(); // 1,200 vs 1,180: rounding
  }

  @Test
  void twoCitiesInEveryAccount_orAPastMeeting_areNotADifference() {
    // written for this test: every outlet names both cities; one also recalls last spring's talks elsewhere
    List<Annotated> story = List.of(
        article("a", "Wire One", "", "en", "Protests spread",
            "Thousands marched in Lyon and in Marseille on Sunday against the new law. "
                + "Earlier talks in Bordeaux in March 2025 failed to settle the dispute."),
        article("b", "Wire Two", "", "en", "Marches against the law",
            "Protesters gathered in Marseille and in Lyon to oppose the law on Sunday."));
    assertThat(Sections.of(story).differences()).isEmpty();
  }

  @Test
  void theSameAnnouncementOnDifferentDays_isADateDifference() {
    // written for this test; published on Monday 17 November 2025
    List<Annotated> story = List.of(
        article("a", "Wire One", "", "en", "Summit date set",
            "The foreign ministry said the peace summit will open in Geneva on Thursday with twelve delegations."),
        article("b", "Wire Two", "", "en", "Summit announced",
            "The foreign ministry said the peace summit will open in Geneva on Friday with twelve delegations."));
    Difference date = Sections.of(story).differences().stream().filter(d -> d.slot().equals("date")).findFirst().orElseThrow();
    assertThat(date.values()).extracting(Difference.Value::value).containsExactlyInAnyOrder("2025-11-20", "2025-11-21");
  }
}
