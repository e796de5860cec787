package news.panorama.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Briefing;
import news.panorama.core.Bullet;
import news.panorama.core.Citation;
import news.panorama.core.Sample;
import news.panorama.core.StorySections;
import news.panorama.text.MultilingualAnalyzer;
import org.junit.jupiter.api.Test;

class ExtractiveBrieferTest {
  private static final Instant NOW = Instant.parse("2025-11-19T12:00:00Z");
  private static final ExtractiveBriefer BRIEFER = new ExtractiveBriefer(Clock.fixed(NOW, ZoneOffset.UTC));
  private static final List<Annotated> SEEDS = Sample.articles().stream().map(new MultilingualAnalyzer()::analyze).toList();
  private static final Map<String, Annotated> BY_ID = SEEDS.stream().collect(Collectors.toMap(Annotated::id, Function.identity()));

  private static int words(Briefing b) {
    return b.overview().stream().mapToInt(x -> NoiseFilter.words(x.text())).sum();
  }

  @Test
  void japaneseStory_getsAnOverview_withWordsCountedByDictionary() {
    // written for this test: a city's disaster plan, in Japanese, which has no spaces between words
    Article tokyo = Article.of("ja-1", "https://example.jp/1", "Example Shimbun", "JP", "ja",
        Instant.parse("2025-11-24T03:00:00Z"), "東京都が新しい防災計画を発表",
        "東京都は24日、大地震に備えた新しい防災計画を発表した。"
            + "計画では、避難所を三百か所増やし、食料と水の備蓄を二倍にする。"
            + "知事は記者会見で「都民の命を守るために全力を尽くす」と述べた。"
            + "専門家は、高齢者の避難支援が今後の大きな課題になると指摘している。");
    Briefing b = BRIEFER.brief("s-ja", List.of(new MultilingualAnalyzer().analyze(tokyo)), 120);
    assertThat(b.overview()).isNotEmpty();
    assertThat(b.overview()).allSatisfy(bullet -> assertThat(tokyo.text()).contains(bullet.text()));
    assertThat(NoiseFilter.words("計画では、避難所を三百か所増やし、食料と水の備蓄を二倍にする。")).isGreaterThan(6);
    assertThat(NoiseFilter.words("Zelensky said on Tuesday — in Madrid — that talks would resume.")).isEqualTo(12);
  }

  @Test
  void noBulletRepeatsTheSubhead_evenWhenOtherOutletsCarryTheSameSentence() {
    // the same lead in two outlets' words: the wire copy that DUC-style stories are full of
    List<Annotated> story = new java.util.ArrayList<>(SEEDS);
    Article lead = SEEDS.get(0).article();
    story.add(new MultilingualAnalyzer().analyze(Article.of("copy", "https://example.org/copy", "Copy Desk", "",
        "en", lead.published(), "Zelensky in Ankara for talks", lead.text())));
    Briefing b = BRIEFER.brief("s-seeds", story, 120);
    var subhead = new MultilingualAnalyzer().analyze(Article.of("s", "", "", "", "en", null, "", b.subhead()))
        .sentences().get(0).terms();
    for (Bullet bullet : b.overview()) {
      var terms = new MultilingualAnalyzer().analyze(Article.of("b", "", "", "", "en", null, "", bullet.text()))
          .sentences().get(0).terms();
      assertThat(Vectors.cosine(Vectors.of(terms), Vectors.of(subhead))).as(bullet.text()).isLessThan(ExtractiveBriefer.SAME);
    }
  }

  @Test
  void seedBriefingHasCitedBulletsFromSeveralOutlets_whenBriefedWithDefaults() {
    Briefing b = BRIEFER.brief("s-seeds", SEEDS, 120);
    assertThat(b.headline()).contains("Zelensky").containsAnyOf("Turkey", "Turkiye", "Ankara");
    assertThat(b.subhead()).isNotBlank().isNotEqualTo(b.headline());
    assertThat(b.overview()).hasSizeBetween(3, 6);
    assertThat(b.generated()).isEqualTo(NOW);
    assertThat(words(b)).isLessThanOrEqualTo(120);
    Set<String> cited = new HashSet<>();
    for (Bullet bullet : b.overview()) {
      assertThat(bullet.text()).doesNotContain("Leave a Reply", "App Store", "REUTERS/", "overlooked by American media");
      assertThat(bullet.citations()).isNotEmpty();
      assertThat(bullet.citations().get(0).quote()).isEqualTo(bullet.text());
      for (Citation c : bullet.citations()) {
        Annotated source = BY_ID.get(c.articleId());
        assertThat(source.sentences().get(c.sentence()).text()).isEqualTo(c.quote());
        assertThat(c.url()).isEqualTo(source.article().url());
        cited.add(c.articleId());
      }
    }
    assertThat(cited).hasSizeGreaterThanOrEqualTo(3);
    assertThat(b.sources()).containsAll(cited);
  }

  @Test
  void seedSections_haveEveryTake_wednesdayOnThe19th_andThePeskovQuoteOnceWithBothWordings() {
    Briefing b = BRIEFER.brief("s-seeds", SEEDS, 120);
    assertThat(b.sections().takes()).extracting(StorySections.Take::article)
        .containsExactlyElementsOf(SEEDS.stream().map(Annotated::id).toList());
    StorySections.Event wednesday = b.sections().timeline().stream().filter(e -> e.date().equals("2025-11-19"))
        .findFirst().orElseThrow();
    for (Citation c : wednesday.citations()) {
      assertThat(BY_ID.get(c.articleId()).sentences().get(c.sentence()).text()).isEqualTo(c.quote());
    }
    assertThat(b.sections().timeline()).extracting(StorySections.Event::date).isSorted();
    List<StorySections.Said> peskov = b.sections().quotes().stream()
        .filter(q -> (q.text() + q.variants()).contains("discussed in Istanbul")).toList();
    assertThat(peskov).hasSize(1);
    assertThat(peskov.get(0).speaker()).contains("Peskov");
    assertThat(peskov.get(0).variants()).isNotEmpty();
    assertThat(peskov.get(0).citations()).extracting(Citation::articleId).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(2);
    // speakers by their fullest name, as most outlets spell it; Peskov's words inside a long sentence his
    List<String> speakers = b.sections().quotes().stream().map(StorySections.Said::speaker).toList();
    assertThat(speakers).contains("Volodymyr Zelensky", "Dmitry Peskov").doesNotContain("Zelensky", "Volodymyr Zelenskyy");
    assertThat(b.sections().quotes()).filteredOn(q -> q.text().contains("open to a conversation"))
        .extracting(StorySections.Said::speaker).containsExactly("Dmitry Peskov");
  }

  @Test
  void singleSourceStory_getsItsOneTake_andNoQuoteWithoutASpeaker() {
    Briefing b = BRIEFER.brief("s-one", List.of(SEEDS.get(0)), 120);
    assertThat(b.sections().takes()).hasSize(1);
    assertThat(b.sections().quotes()).allSatisfy(q -> assertThat(q.speaker()).isNotBlank());
    assertThat(b.sections().quotes()).allSatisfy(q -> assertThat(q.citations()).hasSize(1));
  }

  /** Written for these tests: wire copy of a made-up story, each title its article's first sentence (no headline). */
  private static List<Annotated> wireStory() {
    String[][] wire = {
        {"w1", "2025-03-07T00:00:00Z", "RIVERTON, Ontario (AP) _ The Riverton city council on Friday approved a new "
            + "bridge over the Grand River after a two-year dispute over its cost. The vote was 7 to 2. Mayor Ann Holt said the bridge would "
            + "cost 40 million dollars and open in 2027. Critics said the city could not afford the project."},
        {"w2", "2025-03-07T00:00:00Z", "The Riverton city council approved a 40 million dollar bridge over the Grand "
            + "River on Friday, ending a two-year dispute. Mayor Ann Holt called the vote a victory for commuters. Two council members "
            + "voted against the plan, citing its cost."},
        {"w3", "2025-03-08T00:00:00Z", "The province of Ontario will pay half of the cost of the Riverton bridge, the "
            + "transport minister said on Saturday. Construction will begin in the spring. The bridge will replace a ferry "
            + "that has carried commuters across the Grand River since 1950."},
        {"w4", "2025-03-09T00:00:00Z", "Ferry workers in Riverton fear for their jobs once the bridge over the Grand River "
            + "opens, their union said Sunday. Shop owners near the ferry landing expect to lose customers. The ferry "
            + "company employs 45 people."}};
    List<Annotated> out = new java.util.ArrayList<>();
    for (String[] w : wire) {
      String firstSentence = w[2].substring(0, w[2].indexOf(". ") + 1);
      out.add(new MultilingualAnalyzer().analyze(Article.of(w[0], "test://" + w[0], "Wire", "CA", "en",
          Instant.parse(w[1]), firstSentence, w[2])));
    }
    return out;
  }

  @Test
  void wireLeads_areBullets_trimmedOfDatelineAndPastWeekday_citingTheWholeSentence() {
    List<Annotated> story = wireStory();
    Briefing b = BRIEFER.brief("s-wire", story, 100);
    assertThat(b.overview()).hasSizeBetween(3, 6);
    assertThat(words(b)).isLessThanOrEqualTo(100);
    assertThat(b.overview()).as("an article's lead, its title taken from it, is content")
        .anySatisfy(bullet -> assertThat(bullet.citations().get(0).sentence()).isZero());
    Map<String, Annotated> byId = story.stream().collect(Collectors.toMap(Annotated::id, Function.identity()));
    for (Bullet bullet : b.overview()) {
      Citation own = bullet.citations().get(0);
      assertThat(byId.get(own.articleId()).sentences().get(own.sentence()).text()).isEqualTo(own.quote());
      assertThat(bullet.text()).doesNotContain("(AP)", "on Friday", "Saturday", "Sunday");
      assertThat(isDeletionOf(bullet.text(), own.quote())).as("%s <- %s", bullet.text(), own.quote()).isTrue();
    }
  }

  /** Whether {@code shown} is {@code source} with some words deleted (a comma may go with them). */
  private static boolean isDeletionOf(String shown, String source) {
    String[] kept = shown.split("\\s+");
    String[] all = source.strip().split("\\s+");
    int j = 0;
    for (String w : kept) {
      while (j < all.length && !all[j].equals(w) && !all[j].replaceAll(",$", "").equals(w.replaceAll("[.,]$", ""))) j++;
      if (j == all.length) return false;
      j++;
    }
    return true;
  }

  @Test
  void bulletsAreOrderedMostCentralFirst() {
    List<Annotated> story = wireStory();
    Briefing b = BRIEFER.brief("s-wire", story, 100);
    Vectors.Vector centroid = Vectors.Vector.of(ExtractiveBriefer.centroid(story));
    assertThat(b.overview()).hasSizeGreaterThan(2);
    double previous = Double.MAX_VALUE;
    for (Bullet bullet : b.overview()) {
      var terms = new MultilingualAnalyzer().analyze(Article.of("b", "", "", "", "en", null, "", bullet.text()))
          .sentences().get(0).terms();
      double closeness = Vectors.cosine(Vectors.of(terms), centroid);
      assertThat(closeness).as(bullet.text()).isLessThanOrEqualTo(previous + 1e-9);
      previous = closeness;
    }
  }

  @Test
  void oneArticlesBullets_standInItsTextOrder_inThePlacesCentralityGaveThem() {
    // a sentence that goes on from an earlier one ("He said…") must not come before it
    for (List<Annotated> story : List.of(List.of(SEEDS.get(0)), List.of(SEEDS.get(1)), List.of(SEEDS.get(3)), SEEDS)) {
      Briefing b = BRIEFER.brief("s", story, 120);
      Map<String, Integer> last = new java.util.HashMap<>();
      for (Bullet bullet : b.overview()) {
        Citation own = bullet.citations().get(0);
        int before = last.getOrDefault(own.articleId(), -1);
        assertThat(own.sentence()).as("%s in %s", bullet.text(), own.articleId()).isGreaterThan(before);
        last.put(own.articleId(), own.sentence());
      }
    }
  }

  @Test
  void wordCapIsRespected_whenCapIsSmall() {
    Briefing b = BRIEFER.brief("s-seeds", SEEDS, 60);
    assertThat(b.overview()).isNotEmpty();
    if (b.overview().size() > 1) assertThat(words(b)).isLessThanOrEqualTo(60);
  }

  @Test
  void oneBulletIsGiven_whenCapIsBelowAnySentence() {
    Briefing b = BRIEFER.brief("s-seeds", SEEDS, 3);
    assertThat(b.overview()).hasSize(1);
  }

  @Test
  void singleArticleStoryIsBriefed_whenOnlyOneTakeExists() {
    Annotated one = SEEDS.get(1);
    Briefing b = BRIEFER.brief("s-one", List.of(one), 120);
    assertThat(b.headline()).isEqualTo(one.article().title());
    assertThat(b.overview()).hasSizeBetween(3, 6);
    assertThat(b.sources()).containsExactly(one.id());
  }

  @Test
  void noiseSentencesAreSkipped_whenPageHasFurniture() {
    assertThat(NoiseFilter.usable("Leave a Reply Cancel reply, your thoughts are welcome here.")).isFalse();
    assertThat(NoiseFilter.usable("Required fields are marked with an asterisk below.")).isFalse();
    assertThat(NoiseFilter.usable("Get the full experience in the app, it is free today.")).isFalse();
    assertThat(NoiseFilter.usable("By Jane Doe and John Roe 5 hours ago in World News.")).isFalse();
    assertThat(NoiseFilter.usable("Ukrainian President Volodymyr Zelenskiy attends a press conference in Paris. REUTERS/Sarah Meyssonnier")).isFalse();
    assertThat(NoiseFilter.usable("Zelensky Heads to Ankara for Crucial Peace Talks with Trump Envoy")).isFalse();
    assertThat(NoiseFilter.usable("The Kremlin said no Russian representatives would attend the talks.")).isTrue();
  }

  @Test
  void noiseSentencesAreSkipped_whateverTheirCase() {
    assertThat(NoiseFilter.usable("Please CLICK HERE to read the whole story about the vote.")).isFalse();
    assertThat(NoiseFilter.usable("Visit WWW.example.com for the full schedule of the games.")).isFalse();
    assertThat(NoiseFilter.usable("Sign Up today and get our weekly Newsletter for free.")).isFalse();
    assertThat(NoiseFilter.usable("The minister will follow the talks closely, aides said.")).isTrue();
  }

  @Test
  void citedHeadlinesAndBareAttributions_areNotBullets_inJapanese() {
    assertThat(NoiseFilter.usable("『市議選の票数問題、開票作業時の入力ミスが原因』。")).isFalse();
    assertThat(NoiseFilter.usable("共同通信『復旧作業を開始』。")).isFalse();
    assertThat(NoiseFilter.usable("毎日新聞、東京新聞などが伝えた。")).isFalse();
    // a related article's title, then the outlet and its headline (a source list's line)
    assertThat(NoiseFilter.usable("「台湾島」表記の地球儀発売中止に日本メーカーが中国で生産MSN産経新聞ニュース『「台湾島」地球儀の「学研トイズ」解散へ』。"))
        .isFalse();
    assertThat(NoiseFilter.usable("ウィキニュース、2008年9月2日『麻生内閣の発足』。")).isFalse();
    assertThat(NoiseFilter.usable("市の選挙管理委員会は、開票時の入力ミスが原因だったと発表したと地元紙が伝えた。")).isTrue();
    assertThat(NoiseFilter.usable("委員会は『再点検の結果』と題した報告書を公表し、入力ミスを認めた。")).isTrue();
  }

  @Test
  void photoCaptionIsSkipped_whenItEndsOnPlaceAndDate() {
    assertThat(NoiseFilter.usable("The mayor and the engineers inspect the bridge site in Riverton, Ontario, March 6, 2025.")).isFalse();
    assertThat(NoiseFilter.usable("The council approved the bridge on March 6, 2025.")).isTrue();
    // the same in Japanese: a cited paper and its date, against a sentence that happens on a date
    assertThat(NoiseFilter.usable("日本経済新聞、2005年12月30日。")).isFalse();
    assertThat(NoiseFilter.usable("東日本旅客鉄道、2006年7月15日9: 00。")).isFalse();
    assertThat(NoiseFilter.usable("asahi. com『羽越線脱線、復旧作業始まる運転再開の見通し立たず』。")).isFalse();
    assertThat(NoiseFilter.usable("共同通信『車両の運び出し完了、復旧作業を開始山形JR脱線事故』。")).isFalse();
    assertThat(NoiseFilter.usable("JR東日本は『復旧には4日から5日程度かかる』と説明した。")).isTrue();
    assertThat(NoiseFilter.usable("国土交通省は事故の調査官を任命すると2005年12月30日に発表した。")).isTrue();
  }

  @Test
  void outletSuffixAndQuotesAreRemoved_whenTitleHasThem() {
    assertThat(Headlines.clean("Zelensky heads to Turkey for talks - Reuters")).isEqualTo("Zelensky heads to Turkey for talks");
    assertThat(Headlines.clean("“Zelensky heads to Turkey” | BBC News")).isEqualTo("Zelensky heads to Turkey");
    assertThat(Headlines.clean("NAIROBI, Kenya (AP) _ Rebels seized the town on Sunday."))
        .isEqualTo("Rebels seized the town on Sunday.");
    assertThat(Headlines.clean("US - China trade talks resume in Geneva")).isEqualTo("US - China trade talks resume in Geneva");
  }

  @Test
  void aLeadRunOnAsTitle_givesItsFirstSentenceAsHeadline() {
    // wire copy puts the lead paragraph in the title, cut off with "..."
    String lead = "King Norodom Sihanouk on Tuesday praised agreements by Cambodia's top two political parties _ "
        + "previously bitter rivals _ to form a coalition government led by strongman Hun Sen.";
    String next = " In a short letter sent to news agencies, the king said he had received copies of the agreements.";
    Article a = Article.of("wire", "test://wire", "APW", "", "en", NOW, lead + " In a short letter sent to news agencies, the king said ...",
        lead + next);
    assertThat(Headlines.of(new MultilingualAnalyzer().analyze(a))).isEqualTo("King Norodom Sihanouk on Tuesday praised "
        + "agreements by Cambodia's top two political parties — previously bitter rivals — to form a coalition government "
        + "led by strongman Hun Sen.");
    // a headline that is not the lead stays whole
    Article b = Article.of("own", "test://own", "APW", "", "en", NOW, "Sihanouk hails deal. Hun Sen stays", lead + next);
    assertThat(Headlines.of(new MultilingualAnalyzer().analyze(b))).isEqualTo("Sihanouk hails deal. Hun Sen stays");
  }

  @Test
  void aLongLeadAsHeadline_isCutToItsMainClause_andACutOffTitleGivesTheWholeSentence() {
    String lead = "The harbour authority has threatened to close the new ferry terminal over a safety dispute, a port "
        + "official said Monday, a step that could delay the opening of the river crossing.";
    Article a = Article.of("long", "test://long", "APW", "", "en", NOW, lead, lead + " Ferries kept running.");
    assertThat(Headlines.of(new MultilingualAnalyzer().analyze(a)))
        .isEqualTo("The harbour authority has threatened to close the new ferry terminal over a safety dispute");
    // a title cut off inside the lead sentence ("…") gives the sentence
    String sentence = "The city council approved the new bridge over the river after two years of dispute over its cost.";
    Article b = Article.of("cut", "test://cut", "APW", "", "en", NOW, "The city council approved the new bridge over the river ...",
        sentence + " Work starts in spring.");
    assertThat(Headlines.of(new MultilingualAnalyzer().analyze(b))).isEqualTo(sentence);
    // an opening phrase goes when the clause names its subject, a relative clause set off by commas goes,
    // and what the event did stays (", killing 12")
    assertThat(Headlines.shortened("In a ruling awaited by both the club owners and the players' union, arbitrator Anne Kerr "
        + "decides Monday whether players with guaranteed contracts are paid during the lockout.", "en"))
        .isEqualTo("Arbitrator Anne Kerr decides Monday whether players with guaranteed contracts are paid during the lockout.");
    assertThat(Headlines.shortened("Less than a week before the president is to arrive for a visit meant to bolster the accord, "
        + "the two sides exchanged angry accusations over settlements and street clashes.", "en"))
        .startsWith("Less than a week");
    assertThat(Headlines.shortened("Senator Ray Boyd, who admitted to his colleagues on Thursday night that he had misled them, "
        + "stunned the chamber on Saturday by saying he would resign.", "en"))
        .isEqualTo("Senator Ray Boyd stunned the chamber on Saturday by saying he would resign.");
    assertThat(Headlines.shortened("A storm turned the crowded harbour market on the busiest day of the year into a trap for "
        + "hundreds, killing 12 people and injuring 40.", "en")).endsWith("killing 12 people and injuring 40.");
    // other languages keep their sentence
    String german = "Die Hafenbehörde hat gedroht, das neue Fährterminal wegen eines Streits über die Sicherheit zu schließen, "
        + "sagte ein Sprecher am Montag, was die Eröffnung der Flussquerung verzögern könnte.";
    Article c = Article.of("de", "test://de", "dpa", "", "de", NOW, german, german + " Die Fähren fahren weiter.");
    assertThat(Headlines.of(new MultilingualAnalyzer().analyze(c))).isEqualTo(german);
  }

  @Test
  void emptyStoryIsRejected_withASentence() {
    assertThatThrownBy(() -> BRIEFER.brief("s-x", List.of(), 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no articles");
  }

  @Test
  void articleWithoutUsableSentencesStillGetsAHeadline_whenTextIsOnlyFurniture() {
    Article a = Article.of("bare", "test://bare", "Test", "", "en", NOW, "Ankara talks begin",
        "Download on the App Store\nLeave a Reply");
    Briefing b = BRIEFER.brief("s-bare", List.of(new MultilingualAnalyzer().analyze(a)), 100);
    assertThat(b.headline()).isEqualTo("Ankara talks begin");
    assertThat(b.overview()).isEmpty();
  }
}
