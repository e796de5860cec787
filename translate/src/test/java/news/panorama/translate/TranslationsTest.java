package news.panorama.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TranslationsTest {
  @Test
  void pieces_cutAfterParagraphsThenSentencesThenWords_andJoinBackToTheText() {
    String text = "First paragraph is here.\n\nSecond one has two sentences. This is the second.\n\nThird.";
    List<String> pieces = Translations.pieces(text, 40);
    assertThat(String.join("", pieces)).isEqualTo(text);
    assertThat(pieces).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(40));
    assertThat(pieces.get(0)).isEqualTo("First paragraph is here.\n\n");
    assertThat(pieces.get(1)).isEqualTo("Second one has two sentences. ");

    String oneLongSentence = "word ".repeat(30).strip();
    List<String> words = Translations.pieces(oneLongSentence, 22);
    assertThat(String.join("", words)).isEqualTo(oneLongSentence);
    assertThat(words).allSatisfy(p -> assertThat(p).doesNotStartWith(" ").hasSizeLessThanOrEqualTo(22));

    assertThat(Translations.pieces("short", 100)).containsExactly("short");
  }

  @Test
  void pieces_ofRandomTexts_areBoundedAndRejoin() {
    long seed = System.nanoTime();
    java.util.Random random = new java.util.Random(seed);
    String[] parts = {"word", "Ankara", "élection", "トルコ", ".", ". ", "\n\n", " ", "  ", "!", "a-b"};
    for (int round = 0; round < 200; round++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(400);
      for (int i = 0; i < n; i++) b.append(parts[random.nextInt(parts.length)]);
      String text = b.toString();
      int max = 100 + random.nextInt(200);
      List<String> pieces = Translations.pieces(text, max);
      assertThat(String.join("", pieces)).as("seed %d, round %d", seed, round).isEqualTo(text);
      assertThat(pieces).as("seed %d, round %d", seed, round).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(max));
    }
  }
}
