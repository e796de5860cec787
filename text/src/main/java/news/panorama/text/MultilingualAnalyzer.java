package news.panorama.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Mention;
import news.panorama.core.Sentence;
import news.panorama.core.TextAnalyzer;

/**
 * The text stage for any language: language detection (Lingua, the declared language as prior),
 * sentences (ICU, one line at least one sentence), folded content terms (ICU word break, so Chinese
 * and Japanese get dictionary words; country names in any language become one term through CLDR)
 * and names merged across spellings.
 *
 * <p>Thread-safe and meant to be shared. Constructing one loads the language models and the
 * country gazetteer (about 1.5 s and 70 MB together, once per process); after that an article of a
 * few thousand characters takes a few milliseconds. Construct it outside parallel work: Lingua loads
 * its models on the common fork-join pool, so a first load from inside that pool's tasks would wait
 * on itself.
 */
public final class MultilingualAnalyzer implements TextAnalyzer {
  /** How much of an article language detection reads. */
  private static final int DETECTION_CHARS = 2000;

  private final SentenceSplitter splitter = new SentenceSplitter();
  private final BreakIterator wordPrototype = BreakIterator.getWordInstance(ULocale.ROOT);

  public MultilingualAnalyzer() {
    LanguageGuesser.preload();
    Gazetteer.get();
  }

  @Override
  public Annotated analyze(Article article) {
    String text = article.text();
    String sample = article.title() + "\n" + text.substring(0, Math.min(text.length(), DETECTION_CHARS));
    String language = LanguageGuesser.guess(sample, article.language());
    BreakIterator words;
    synchronized (wordPrototype) {
      words = (BreakIterator) wordPrototype.clone();
    }

    List<SentenceSplitter.Span> spans = splitter.split(text, language);
    List<List<Token>> sentenceTokens = new ArrayList<>(spans.size());
    Set<String> lowercase = new HashSet<>();
    for (SentenceSplitter.Span span : spans) {
      List<Token> tokens = Token.of(words, text, span.start(), span.end());
      sentenceTokens.add(tokens);
      for (Token t : tokens) {
        if (Folding.hasCase(t.surface()) && !Folding.isCapitalized(t.surface())) lowercase.add(t.folded());
      }
    }

    NameFinder names = new NameFinder(language, lowercase);
    List<Sentence> sentences = new ArrayList<>(spans.size());
    for (int i = 0; i < spans.size(); i++) {
      SentenceSplitter.Span span = spans.get(i);
      List<Token> tokens = sentenceTokens.get(i);
      Map<Integer, String> countries = new HashMap<>();
      names.scan(text, i, tokens, countries);
      sentences.add(new Sentence(i, text.substring(span.start(), span.end()), span.start(), span.end(),
          terms(tokens, countries, language)));
    }

    String title = article.title();
    List<Token> titleTokens = Token.of(words, title, 0, title.length());
    Map<Integer, String> titleCountries = new HashMap<>();
    new NameFinder(language, lowercase).scan(title, -1, titleTokens, titleCountries);
    List<String> titleTerms = terms(titleTokens, titleCountries, language);

    List<Mention> mentions = names.mentions();
    return new Annotated(article, language, titleTerms, sentences, mentions, NameFinder.entities(mentions));
  }

  /** Content terms of a token run: stop words, lone letters and kana dropped; countries canonical. */
  private static List<String> terms(List<Token> tokens, Map<Integer, String> countries, String language) {
    List<String> out = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      String country = countries.get(i);
      if (country != null) {
        if (!country.isEmpty()) out.add(country);
        continue;
      }
      Token t = tokens.get(i);
      String f = t.folded();
      if (StopWords.contains(language, f)) continue;
      if (!t.number() && f.codePointCount(0, f.length()) < 2 && !isIdeograph(f)) continue;
      out.add(t.number() ? f : Folding.stem(f));
    }
    return out;
  }

  private static boolean isIdeograph(String s) {
    return Character.isIdeographic(s.codePointAt(0));
  }
}
