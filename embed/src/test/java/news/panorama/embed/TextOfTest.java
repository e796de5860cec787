package news.panorama.embed;

import static org.assertj.core.api.Assertions.assertThat;

import news.panorama.core.Article;
import news.panorama.core.Embedder;
import org.junit.jupiter.api.Test;

class TextOfTest {
  private static Article article(String title, String text) {
    return Article.of("a1", "https://x.example/a1", "x", "", "en", null, title, text);
  }

  @Test
  void titleThenWholeLeadSentences_upToTheBudget() {
    Article a = article("Quake hits Chile", "A strong earthquake shook central Chile on Monday. "
        + "Buildings swayed in Santiago. Officials reported no deaths.");
    assertThat(Embedder.textOf(a, 1000)).isEqualTo("Quake hits Chile A strong earthquake shook central Chile on Monday. "
        + "Buildings swayed in Santiago. Officials reported no deaths.");
    assertThat(Embedder.textOf(a, 80)).isEqualTo("Quake hits Chile A strong earthquake shook central Chile on Monday.");
  }

  @Test
  void textOpeningWithTheTitle_doesNotRepeatIt() {
    Article a = article("Tara Reid enters rehab", "Tara Reid enters rehab\nThe actress checked in on Friday.");
    assertThat(Embedder.textOf(a)).isEqualTo("Tara Reid enters rehab The actress checked in on Friday.");
  }

  @Test
  void titleThatIsOnlyTheStartOfTheFirstWord_isKept() {
    Article a = article("Fire", "Firefighters saved the town.");
    assertThat(Embedder.textOf(a)).isEqualTo("Fire Firefighters saved the town.");
  }

  @Test
  void firstSentenceTooLong_isCutAtAWord() {
    Article a = article("Budget", "The parliament passed the budget after a long night of debate about taxes.");
    assertThat(Embedder.textOf(a, 40)).isEqualTo("Budget The parliament passed the budget");
  }

  @Test
  void whitespaceRunsBecomeOneSpace_andEmptyArticleGivesEmptyText() {
    assertThat(Embedder.textOf(article("  Two\n lines ", "One.\n\n  Two  words."))).isEqualTo("Two lines One. Two words.");
    assertThat(Embedder.textOf(article("", ""))).isEmpty();
    assertThat(Embedder.textOf(article("", "Only text here."))).isEqualTo("Only text here.");
  }

  @Test
  void defaultBudget_isTextChars() {
    Article a = article("Title", "Sentence number one is here. ".repeat(40));
    assertThat(Embedder.textOf(a).length()).isLessThanOrEqualTo(Embedder.TEXT_CHARS).isGreaterThan(Embedder.TEXT_CHARS - 40);
  }
}
