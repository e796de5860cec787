package news.panorama.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class TrimmerTest {
  private static final IntPredicate PAST = at -> true;
  private static final IntPredicate UPCOMING = at -> false;

  private static String trim(String sentence, IntPredicate pastDay) {
    return Trimmer.trim(sentence, "en", pastDay).text();
  }

  @Test
  void datelineAndPastWeekday_areDeleted_andTheirWordsReported() {
    Trimmer.Trimmed t = Trimmer.trim(
        "RIVERTON, Ontario (AP) _ The city council on Friday approved the new bridge over the river.", "en", PAST);
    assertThat(t.text()).isEqualTo("The city council approved the new bridge over the river.");
    assertThat(t.removed()).containsExactly("riverton", "ontario", "ap", "on", "friday");
  }

  @Test
  void weekdayAfterAVerb_isDeleted_withTheCommaLeftTidy() {
    assertThat(trim("The mayor said Tuesday that the bridge would open next year.", PAST))
        .isEqualTo("The mayor said that the bridge would open next year.");
    assertThat(trim("The contract was signed, city officials said Wednesday.", PAST))
        .isEqualTo("The contract was signed, city officials said.");
    assertThat(trim("The council met Friday, but no decision followed.", PAST))
        .isEqualTo("The council met, but no decision followed.");
    assertThat(trim("Two engineers were questioned Monday night by the police.", PAST))
        .isEqualTo("Two engineers were questioned by the police.");
  }

  @Test
  void upcomingWeekday_staysBecauseItSaysWhenSomethingWillHappen() {
    String s = "The council will vote on Wednesday on the bridge and its cost.";
    assertThat(trim(s, UPCOMING)).isEqualTo(s);
  }

  @Test
  void weekdayThatTheSentenceNeeds_stays() {
    for (String s : List.of(
        "The council set a Friday deadline for bids on the bridge.",
        "Bids on the bridge will be accepted until Friday at noon.",
        "On Friday the council approved the new bridge over the river.",
        "Friday's vote on the bridge was postponed by the council.",
        "The mayor was expected in Riverton, possibly on Monday.",
        "The council met Monday and Tuesday to discuss the bridge.",
        "The mayor said on Tuesday, Nov. 3, that the bridge would open.",
        "The engineers spent Sunday inspecting the old bridge.")) {
      assertThat(trim(s, PAST)).as(s).isEqualTo(s);
    }
  }

  @Test
  void otherLanguagesKeepTheirWeekdays_butLoseTheirDateline() {
    Trimmer.Trimmed t = Trimmer.trim("BERLIN (dpa) - Die Regierung hat am Freitag neue Hilfen beschlossen.", "de", PAST);
    assertThat(t.text()).isEqualTo("Die Regierung hat am Freitag neue Hilfen beschlossen.");
  }

  @Test
  void anAcronymBeforeASingleDash_isNotADateline() {
    String s = "NATO - the alliance of thirty countries - agreed to send more troops.";
    assertThat(trim(s, PAST)).isEqualTo(s);
  }

  @Test
  void termsOfDeletedWords_leaveTheSentenceTerms_oncePerWord() {
    List<String> terms = List.of("riverton", "ontario", "ap", "city", "council", "friday", "approved", "bridge",
        "friday", "deadline");
    assertThat(Trimmer.remaining(terms, List.of("riverton", "ontario", "ap", "on", "friday")))
        .containsExactly("city", "council", "approved", "bridge", "friday", "deadline");
    assertThat(Trimmer.remaining(List.of("city", "council"), List.of("cities"))).containsExactly("council");
  }
}
