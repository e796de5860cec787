package news.panorama.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import news.panorama.core.Annotated;
import news.panorama.core.DateMention;
import news.panorama.core.Entity;
import news.panorama.core.Quantity;
import news.panorama.core.Quote;
import news.panorama.core.Article;
import news.panorama.core.Mention;
import news.panorama.core.Sentence;
import news.panorama.core.TextAnalyzer;

/**
 * The text stage for any language: language detection (Lingua, the declared language as prior),
 * sentences (ICU, one line at least one sentence), folded content terms (ICU word break, so Chinese
 * and Japanese get dictionary words; country names in any language become one term through CLDR)
 * names merged across spellings and scripts and typed (person, organization, place with its country),
 * time expressions resolved against the publication date, quotations with their speakers, and
 * amounts with their units.
 *
 * <p>Thread-safe and meant to be shared. Constructing one loads the language models and the
 * country gazetteer (about 1.5 s and 70 MB together, once per process); after that an article of a
 * few thousand characters takes a few milliseconds. Construct it outside parallel work: Lingua loads
 * its models on the common fork-join pool, so a first load from inside that pool's tasks would wait
 * on itself.
 */
public final class MultilingualAnalyzer implements TextAnalyzer {
  private final SentenceSplitter splitter = new SentenceSplitter();
  private final BreakIterator wordPrototype = BreakIterator.getWordInstance(ULocale.ROOT);

  public MultilingualAnalyzer() {
    LanguageGuesser.preload();
    Gazetteer.get();
  }

  @Override
  public Annotated analyze(Article article) {
    String text = article.text();
    String language = LanguageGuesser.guess(article.title(), text, article.language());
    BreakIterator words;
    synchronized (wordPrototype) {
      words = (BreakIterator) wordPrototype.clone();
    }

    List<SentenceSplitter.Span> spans = splitter.split(text, language);
    List<List<Token>> sentenceTokens = new ArrayList<>(spans.size());
    Set<String> lowercase = new HashSet<>();
    Set<String> seen = new HashSet<>();
    boolean glued = false;
    for (SentenceSplitter.Span span : spans) {
      List<Token> tokens = Token.of(words, text, span.start(), span.end());
      sentenceTokens.add(tokens);
      for (Token t : tokens) {
        seen.add(t.folded());
        glued |= Token.gluedAt(t.surface()) > 0;
        if (Folding.hasCase(t.surface()) && !Folding.isCapitalized(t.surface())) lowercase.add(t.folded());
      }
    }
    if (glued) sentenceTokens.replaceAll(tokens -> Token.splitGlued(tokens, seen));

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
    List<Entity> entities = NameFinder.entities(mentions, names.countries());

    IntUnaryOperator sentenceOf = offset -> sentenceAt(spans, offset);
    LocalDate published = article.publishedTime().map(t -> LocalDate.ofInstant(t, ZoneOffset.UTC)).orElse(null);
    List<DateMention> dates = new ArrayList<>();
    for (DateFinder.Found f : DateFinder.find(text, language, published)) {
      dates.add(new DateMention(text.substring(f.start(), f.end()), f.start(), f.end(), sentenceOf.applyAsInt(f.start()),
          f.value(), f.granularity()));
    }
    List<Quote> quotes = QuoteFinder.find(text, language, mentions, sentenceOf);
    List<Quantity> quantities = QuantityFinder.find(text, language, article.country(), sentenceOf, offset -> insideAny(dates, offset));
    return new Annotated(article, language, titleTerms, sentences, mentions, entities, dates, quotes, quantities);
  }

  /** The index of the sentence containing {@code offset}, or of the last one starting before it. */
  private static int sentenceAt(List<SentenceSplitter.Span> spans, int offset) {
    int lo = 0;
    int hi = spans.size() - 1;
    int found = 0;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (spans.get(mid).start() <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** Whether {@code offset} falls inside one of the (ordered, disjoint) dates. */
  private static boolean insideAny(List<DateMention> dates, int offset) {
    int lo = 0;
    int hi = dates.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      DateMention d = dates.get(mid);
      if (offset < d.start()) hi = mid - 1;
      else if (offset >= d.end()) lo = mid + 1;
      else return true;
    }
    return false;
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
