package news.panorama.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Sentence;
import news.panorama.core.StoryAssignment;

/** Hand-made annotations for store tests: the first two sentences of the body, crudely split. */
final class Fixtures {
  private Fixtures() {}

  static Annotated annotated(Article article) {
    List<Sentence> sentences = new ArrayList<>();
    String text = article.text();
    int start = 0;
    while (sentences.size() < 2 && start < text.length()) {
      int stop = text.indexOf(". ", start);
      int end = stop < 0 ? text.length() : stop + 1;
      String sentence = text.substring(start, end);
      sentences.add(new Sentence(sentences.size(), sentence, start, end, terms(sentence)));
      start = end + 1;
    }
    String language = article.language().isEmpty() ? "en" : article.language();
    return new Annotated(article, language, terms(article.title()), sentences, List.of(), List.of());
  }

  static StoryAssignment assign(Article article, String storyId) {
    return new StoryAssignment(article.id(), storyId, false, 0.5);
  }

  private static List<String> terms(String s) {
    return Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(t -> t.length() > 3)
        .toList();
  }
}
