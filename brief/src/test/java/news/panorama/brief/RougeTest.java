package news.panorama.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RougeTest {
  private static final Rouge ROUGE = new Rouge(Map.of("children", "child", "said", "say", "went", "go"), 100, 0.5);

  @Test
  void cutsToTheFirstWords_beforePunctuationIsRemoved() {
    assertThat(Rouge.words("one two-thirds,\n three  four", 3)).containsExactly("one", "two-thirds,", "three");
    assertThat(Rouge.words("  ", 3)).isEmpty();
    assertThat(Rouge.words("a b c", 0)).containsExactly("a", "b", "c");
    // "-- ," counts as two words although it yields no token
    Rouge limited = new Rouge(Map.of(), 3, 0.5);
    assertThat(limited.tokens("-- , cat dog")).containsExactly("cat");
  }

  @Test
  void tokenizes_likeRouge() {
    assertThat(Rouge.tokenize("The U.S. House's two-thirds ``vote'' _ 1998 -- ok"))
        .containsExactly("the", "u", "s", "house", "s", "two", "thirds", "vote", "1998", "ok");
    assertThat(Rouge.tokenize("Café 50%")).containsExactly("caf", "50");
  }

  @Test
  void stems_longerTokensOnly_exceptionsFirst() {
    assertThat(ROUGE.stem("was")).isEqualTo("was");
    assertThat(ROUGE.stem("ran")).isEqualTo("ran");
    assertThat(ROUGE.stem("said")).isEqualTo("say");
    assertThat(ROUGE.stem("children")).isEqualTo("child");
    assertThat(ROUGE.stem("went")).isEqualTo("go"); // 4 letters: looked up
    assertThat(ROUGE.stem("elections")).isEqualTo("elect");
    assertThat(ROUGE.stem("talks")).isEqualTo("talk");
    assertThat(ROUGE.stem("generalization")).isEqualTo("gener");
    assertThat(ROUGE.stem("happy")).isEqualTo("happi");
  }

  @Test
  void porter_takesAFurtherStep4Suffix_asRougesPerlStemmerDoes() {
    assertThat(Rouge.lucenePorter("governmental")).isEqualTo("government");
    assertThat(Rouge.porter("governmental")).isEqualTo("govern");
    assertThat(Rouge.porter("congressional")).isEqualTo("congress");
    assertThat(Rouge.porter("traditionally")).isEqualTo("tradit");
    assertThat(Rouge.porter("tradition")).isEqualTo("tradit");
    // not when step 5 trimmed the word: the suffix was never at the end after step 4
    assertThat(Rouge.porter("baseball")).isEqualTo("basebal");
    assertThat(Rouge.porter("atmosphere")).isEqualTo("atmospher");
    // ordinary words as Lucene stems them
    assertThat(Rouge.porter("national")).isEqualTo("nation");
    assertThat(Rouge.porter("caresses")).isEqualTo("caress");
    assertThat(Rouge.measure("tr")).isZero();
    assertThat(Rouge.measure("trouble")).isEqualTo(1);
    assertThat(Rouge.measure("troubles")).isEqualTo(2);
  }

  @Test
  void countsClippedNgramMatches_summedOverReferences() {
    Rouge r = new Rouge(Map.of(), 100, 0.5);
    // summary: the cat the cat (4 unigrams, 3 bigrams)
    String summary = "The cat, the cat.";
    List<String> refs = List.of("the cat sat", "a dog");
    // ROUGE-1: hits = min(2,1) the + min(2,1) cat = 2 against ref 1, 0 against ref 2; refs have 3 + 2 unigrams
    Rouge.Score one = r.score(summary, refs, 1);
    assertThat(one.recall()).isEqualTo(0.4);
    assertThat(one.precision()).isEqualTo(0.25); // 2 / (2 refs × 4)
    assertThat(one.f()).isCloseTo(2 * 0.4 * 0.25 / 0.65, within(1e-12));
    // ROUGE-2: "the cat" once in ref 1 (hits 1); refs have 2 + 1 bigrams; summary 3 bigrams
    Rouge.Score two = r.score(summary, refs, 2);
    assertThat(two.recall()).isEqualTo(Rouge.round5(1 / 3.0));
    assertThat(two.precision()).isEqualTo(Rouge.round5(1 / 6.0));
    // no shared n-gram, or an empty summary: all zero
    assertThat(r.score("nothing here", refs, 1)).isEqualTo(new Rouge.Score(0, 0, 0));
    assertThat(r.score("", refs, 2)).isEqualTo(new Rouge.Score(0, 0, 0));
    assertThat(r.scoreUpTo(summary, refs, 4)).hasSize(4);
  }

  @Test
  void roundsLikePrintf() {
    assertThat(Rouge.format5(1 / 64.0)).isEqualTo("0.01562"); // exact tie: to even, as C's printf
    assertThat(Rouge.format5(0.123456)).isEqualTo("0.12346");
    assertThat(Rouge.format5(0)).isEqualTo("0.00000");
  }
}
