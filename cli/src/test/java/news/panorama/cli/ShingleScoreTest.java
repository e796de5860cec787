package news.panorama.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShingleScoreTest {
  @Test
  void splitsWords_asPythonUnicodeWordPatternDoes() {
    // the combining acute accent (Mn) separates tokens in Python's \w+, as does punctuation
    assertThat(ShingleScore.words("Hello, wörld_1 — 東京 x\u0301y ١٢٣"))
        .containsExactly("Hello", "wörld_1", "東京", "x", "y", "١٢٣");
    assertThat(ShingleScore.words("  ...  ")).isEmpty();
  }

  @Test
  void scoresPages_withMacroAveragesAndF1OfTheAverages() {
    ShingleScore s = new ShingleScore();
    ShingleScore.Page half = s.add("a b c d e", "a b c d x");
    ShingleScore.Page missed = s.add("w x y z", "");

    assertThat(half.matched()).isEqualTo(1);
    assertThat(half.extra()).isEqualTo(1);
    assertThat(half.lost()).isEqualTo(1);
    assertThat(missed.precision()).isNaN();
    assertThat(missed.recall()).isZero();
    ShingleScore.Result r = s.result();
    assertThat(r.precision()).isCloseTo(0.5, within(1e-12));
    assertThat(r.recall()).isCloseTo(0.25, within(1e-12));
    assertThat(r.f1()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(r.accuracy()).isZero();
  }

  @Test
  void countsRepeatedShinglesAsAMultiset_andShortTextsAsOneShingle() {
    ShingleScore s = new ShingleScore();
    ShingleScore.Page repeated = s.add("a b c d a b c d", "a b c d");
    ShingleScore.Page shortText = s.add("one two", "One two");
    ShingleScore.Page exact = s.add("One, two!", "One two");

    assertThat(ShingleScore.shingles(List.of("a", "b", "c", "d", "a", "b", "c", "d")))
        .containsEntry(List.of("a", "b", "c", "d"), 2);
    assertThat(repeated.precision()).isEqualTo(1.0);
    assertThat(repeated.recall()).isCloseTo(1.0 / 5, within(1e-12));
    assertThat(shortText.matched()).isZero(); // case is kept
    assertThat(exact.precision()).isEqualTo(1.0);
    assertThat(exact.recall()).isEqualTo(1.0);
    assertThat(s.result().accuracy()).isCloseTo(1.0 / 3, within(1e-12));
  }
}
