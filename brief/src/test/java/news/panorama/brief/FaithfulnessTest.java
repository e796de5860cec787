package news.panorama.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.panorama.core.Bullet;
import news.panorama.core.Citation;
import org.junit.jupiter.api.Test;

class FaithfulnessTest {
  private static Citation cite(String sentence) {
    return new Citation("a-1", 0, "Example", "https://example.org/1", sentence);
  }

  @Test
  void extractiveBullet_isFaithful() {
    String s = "Zelensky will travel to Turkey on Wednesday to meet Erdogan, his office said on 18 November.";
    assertThat(Faithfulness.unsupported(new Bullet(s, List.of(cite(s))))).isEmpty();
  }

  @Test
  void plantedNumberOrName_isRejected() {
    String source = "Ukraine returned 1,200 prisoners on Sunday, Zelensky said.";
    assertThat(Faithfulness.unsupported(new Bullet("Ukraine returned 1,500 prisoners on Sunday, Zelensky said.", List.of(cite(source)))))
        .containsExactly("1,500");
    assertThat(Faithfulness.unsupported(new Bullet("Ukraine returned 1,200 prisoners on Sunday, Putin said.", List.of(cite(source)))))
        .containsExactly("Putin");
  }

  @Test
  void aBulletCanDrawOnSeveralCitedSentences_andScriptsWithoutCapitalsAreCheckedOnNumbers() {
    Bullet b = new Bullet("Talks open in Istanbul on 19 November with 12 delegates.",
        List.of(cite("Talks open in Istanbul on 19 November."), cite("There are 12 delegates.")));
    assertThat(Faithfulness.faithful(b)).isTrue();
    assertThat(Faithfulness.faithful(new Bullet("وصل 15 وفدا إلى إسطنبول", List.of(cite("وصل 12 وفدا إلى إسطنبول"))))).isFalse();
  }
}
