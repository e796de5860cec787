package news.panorama.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.panorama.core.Article;
import org.junit.jupiter.api.Test;

/** Wire copy republished by several outlets is marked, the first publisher kept; other text is not. */
class NearDuplicatesTest {
  /** A made-up wire story written for this test. */
  private static final String WIRE = """
      The harbour authority of the fictional port city of Velmora said on Tuesday that it would close \
      the northern container terminal for three weeks to repair a crane that collapsed during a storm \
      last month. Shipping lines were told to divert vessels to the southern quay, where officials \
      expect waiting times of up to two days. A spokeswoman for the authority said no one was hurt when \
      the crane fell, but that engineers found cracks in two neighbouring cranes during an inspection. \
      Local business groups warned that the closure could delay deliveries of fruit and building \
      materials before the holiday season, and asked the city council for temporary storage space \
      near the railway station.""";

  private static final String UNRELATED = """
      A chess club in a small mountain village has won the regional team championship for the first \
      time in its forty year history, beating a team from the capital in the final round. The club \
      meets twice a week in the back room of the village bakery, and its youngest player is eleven \
      years old. Its captain said the players had prepared for months by studying endgames from old \
      tournament books donated by a retired teacher, and that the prize money would pay for new clocks \
      and a trip to the national finals in the spring.""";

  private static Article article(String id, String source, String published, String title, String text) {
    return Article.of(id, "https://" + source + ".example/" + id, source, "", "en", Instant.parse(published), title, text);
  }

  @Test
  void wireCopyAtTwoOutlets_laterIsMarked_withTheFirstPublisher() {
    NearDuplicates marker = new NearDuplicates();
    Article first = marker.mark(article("a1", "Coast Daily", "2026-03-03T08:00:00Z",
        "Velmora shuts northern terminal", "By Coast Daily staff with agencies\n\n" + WIRE
            + "\n\nSubscribe to our morning newsletter for more port news."));
    Article second = marker.mark(article("b7", "Inland Herald", "2026-03-03T09:30:00Z",
        "Storm-hit crane forces three-week port closure", WIRE
            + "\n\nCopyright Inland Herald. All rights reserved. Share this story."));

    assertThat(first.extra()).doesNotContainKeys(NearDuplicates.DUPLICATE_OF, NearDuplicates.FIRST_PUBLISHED_BY);
    assertThat(second.extra()).containsEntry(NearDuplicates.DUPLICATE_OF, "a1")
        .containsEntry(NearDuplicates.FIRST_PUBLISHED_BY, "Coast Daily");
    assertThat(second.title()).isEqualTo("Storm-hit crane forces three-week port closure");
    assertThat(second.text()).isEqualTo(WIRE + "\n\nCopyright Inland Herald. All rights reserved. Share this story.");
  }

  @Test
  void editedCopy_aSentenceAddedAndOneTrimmed_stillMatches() {
    NearDuplicates marker = new NearDuplicates();
    marker.mark(article("a1", "Coast Daily", "2026-03-03T08:00:00Z", "Terminal closed", WIRE));
    String edited = WIRE.replace("last month.", "last month, the third such accident in the region this year.")
        .replace(" A spokeswoman", " Velmora's mayor was due to visit the site on Wednesday. A spokeswoman")
        .replace(", and asked the city council for temporary storage space near the railway station.", ".");

    Article copy = marker.mark(article("c3", "Valley Post", "2026-03-03T10:00:00Z", "Port closure", edited));

    assertThat(copy.extra()).containsEntry(NearDuplicates.DUPLICATE_OF, "a1");
  }

  @Test
  void copiesArrivingOutOfOrder_theEarliestPublishedStaysTheOriginal() {
    NearDuplicates marker = new NearDuplicates();
    Article late = marker.mark(article("late", "Night Wire", "2026-03-03T12:00:00Z", "Crane", WIRE));
    Article early = marker.mark(article("early", "Dawn News", "2026-03-03T07:00:00Z", "Crane repairs", WIRE + " More soon."));
    Article third = marker.mark(article("third", "Noon Times", "2026-03-03T13:00:00Z", "Port", WIRE));

    assertThat(late.extra()).isEmpty();
    assertThat(early.extra()).as("published before the copy seen first, so it is the original").isEmpty();
    assertThat(third.extra()).containsEntry(NearDuplicates.DUPLICATE_OF, "early")
        .containsEntry(NearDuplicates.FIRST_PUBLISHED_BY, "Dawn News");
  }

  @Test
  void unrelatedArticles_andOwnTakesOnTheSameStory_areNotMarked() {
    NearDuplicates marker = new NearDuplicates();
    marker.mark(article("a1", "Coast Daily", "2026-03-03T08:00:00Z", "Terminal closed", WIRE));
    Article other = marker.mark(article("x1", "Hill Gazette", "2026-03-03T09:00:00Z", "Chess", UNRELATED));
    Article ownTake = marker.mark(article("o1", "Harbour Voice", "2026-03-03T11:00:00Z", "Our port, three weeks shut",
        "Dock workers at Velmora were sent home early on Tuesday after the harbour authority announced the closure "
            + "of the northern container terminal. Several of them told this newspaper they feared losing wages, "
            + "since the southern quay already has a full roster. The authority has not said whether staff will be "
            + "moved. Traders at the fish market said lorries were already queueing on the coast road by noon, and "
            + "a ferry operator said its timetable would not change."));

    assertThat(other.extra()).isEmpty();
    assertThat(ownTake.extra()).isEmpty();
  }

  @Test
  void shortBodies_areIgnored_andAnExistingMarkIsKept() {
    NearDuplicates marker = new NearDuplicates();
    Article brief = article("s1", "Coast Daily", "2026-03-03T08:00:00Z", "Brief", "Port closed for three weeks.");
    assertThat(marker.mark(brief)).isSameAs(brief);
    assertThat(marker.mark(article("s2", "Other", "2026-03-03T09:00:00Z", "Brief", "Port closed for three weeks.")).extra())
        .isEmpty();
    assertThat(marker.remembered()).isZero();

    Article replayed = new Article("r2", "", "Inland Herald", "", "en", Instant.parse("2026-03-03T09:00:00Z"), "t", WIRE,
        List.of(), null, null, null, Map.of(NearDuplicates.DUPLICATE_OF, "gone-1", NearDuplicates.FIRST_PUBLISHED_BY, "Old Wire"));
    assertThat(marker.mark(replayed).extra()).containsEntry(NearDuplicates.DUPLICATE_OF, "gone-1");
    assertThat(marker.mark(article("r3", "Third", "2026-03-03T10:00:00Z", "t", WIRE)).extra())
        .as("a later copy points at the original the replayed mark named")
        .containsEntry(NearDuplicates.DUPLICATE_OF, "gone-1").containsEntry(NearDuplicates.FIRST_PUBLISHED_BY, "Old Wire");
  }

  @Test
  void window_isBounded_andForgetsTheOldestFirst() {
    int capacity = 50;
    NearDuplicates marker = new NearDuplicates(capacity);
    marker.mark(article("a1", "Coast Daily", "2026-03-03T08:00:00Z", "Terminal closed", WIRE));
    for (int i = 0; i < 3 * capacity; i++) {
      marker.mark(article("n" + i, "Filler", "2026-03-04T08:00:00Z", "Number " + i, numbered(i)));
      assertThat(marker.remembered()).isLessThanOrEqualTo(capacity);
      assertThat(marker.indexed()).isLessThanOrEqualTo(capacity * NearDuplicates.BANDS);
    }
    assertThat(marker.remembered()).isEqualTo(capacity);
    assertThat(marker.mark(article("b1", "Inland Herald", "2026-03-05T08:00:00Z", "Again", WIRE)).extra())
        .as("the original left the window").isEmpty();
    assertThat(marker.mark(article("n-copy", "Other", "2026-03-05T09:00:00Z", "Again", numbered(3 * capacity - 1))).extra())
        .as("a recent one is still remembered").containsEntry(NearDuplicates.DUPLICATE_OF, "n" + (3 * capacity - 1));
  }

  @Test
  void words_areCapped_soAHugeBodyCostsNoMoreThanMaxWords() {
    String huge = (UNRELATED + " ").repeat(2_000);
    assertThat(NearDuplicates.words(huge)).hasSize(NearDuplicates.MAX_WORDS);
    assertThat(NearDuplicates.words("Ünïcode, CAFÉ-au-lait! 東京都 42")).containsExactly("ünïcode", "café", "au", "lait", "東", "京", "都", "42");
  }

  /** A distinct text per number: 60 words of the chess story drawn in an order seeded by the number. */
  private static String numbered(int n) {
    String[] vocabulary = UNRELATED.split("\\W+");
    java.util.Random random = new java.util.Random(n);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 60; i++) b.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
    return b.toString();
  }
}
