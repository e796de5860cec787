package news.panorama.cli;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import news.panorama.core.Article;
import news.panorama.core.PanoramaConfig;
import news.panorama.translate.Gloss;
import news.panorama.translate.Translators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The offline gloss's rate and reach on real titles, on one thread: the first half of the titles
 * (CLDR tables and dictionaries loaded on the way), the other half (loaded, but words not seen
 * before: entries are read from the dictionaries), then all titles again (every word remembered),
 * against only splitting the same titles into words with ICU (the least any gloss must do); and
 * per language, the share of title words given English.
 */
@Command(name = "translate", mixinStandardHelpOptions = true,
    description = {"Gloss the titles (and texts) of non-English articles offline on one thread and print titles/s, "
        + "first pass and loaded, against ICU word breaking of the same titles, and per language the share of title "
        + "words given English. Dictionaries: setting translate.dictionary-dirs."})
final class BenchTranslateCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, arity = "1..*", paramLabel = "FILE", description = "Articles as JSON Lines.")
  List<String> in = new ArrayList<>();

  @Option(names = "--runs", defaultValue = "5", paramLabel = "N", description = "Timed passes once loaded (default: ${DEFAULT-VALUE}).")
  int runs = 5;

  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() throws IOException {
    if (runs < 1) throw new IllegalArgumentException("bench translate needs --runs >= 1");
    PanoramaConfig config = options.load();
    List<Article> articles = new ArrayList<>();
    for (String f : in) {
      for (Article a : Inputs.read(f, "bench translate")) if (!a.language().isEmpty() && !a.language().equals("en")) articles.add(a);
    }
    if (articles.isEmpty()) {
      System.err.println("panorama bench translate: no non-English article with a language in " + String.join(", ", in));
      return 1;
    }
    try (Gloss gloss = Translators.gloss(config)) {
      System.out.printf(Locale.ROOT, "Gloss benchmark: %d non-English titles; dictionaries installed for %s; %d cores, Java %s.%n",
          articles.size(), gloss.dictionaryLanguages(), Runtime.getRuntime().availableProcessors(), Runtime.version());
      List<Article> firstHalf = new ArrayList<>();
      List<Article> secondHalf = new ArrayList<>();
      for (int i = 0; i < articles.size(); i++) (i % 2 == 0 ? firstHalf : secondHalf).add(articles.get(i));
      long t0 = System.nanoTime();
      for (Article a : firstHalf) gloss.gloss(a.title(), a.language());
      double first = (System.nanoTime() - t0) / 1e9;
      t0 = System.nanoTime();
      for (Article a : secondHalf) gloss.gloss(a.title(), a.language());
      double unseen = (System.nanoTime() - t0) / 1e9;
      Map<String, long[]> byLanguage = new TreeMap<>();
      for (Article a : articles) {
        Gloss.Glossed g = gloss.gloss(a.title(), a.language());
        long[] c = byLanguage.computeIfAbsent(a.language(), k -> new long[4]);
        c[0]++;
        c[1] += g.words();
        c[2] += g.glossed();
        c[3] += g.names();
      }
      double[] loaded = new double[runs];
      double[] breaking = new double[runs];
      for (int r = 0; r < runs; r++) {
        long s = System.nanoTime();
        for (Article a : articles) gloss.gloss(a.title(), a.language());
        loaded[r] = articles.size() / ((System.nanoTime() - s) / 1e9);
        s = System.nanoTime();
        long words = 0;
        for (Article a : articles) words += wordBreaks(a.title(), a.language());
        breaking[r] = articles.size() / ((System.nanoTime() - s) / 1e9);
        if (words < 0) System.out.println(words); // keeps the loop's work
      }
      long chars = 0;
      long s = System.nanoTime();
      for (Article a : articles) {
        gloss.gloss(a.text(), a.language());
        chars += a.text().length();
      }
      double textSeconds = (System.nanoTime() - s) / 1e9;
      double median = median(loaded);
      double baseline = median(breaking);
      System.out.printf(Locale.ROOT, "titles: first half %.0f titles/s (%.2f s, loading included); second half, new words "
              + "%.0f titles/s; all again, words remembered %.0f titles/s (median of %d); ICU word breaking alone %.0f titles/s; "
              + "ratio to it %.3f / %.3f%n", firstHalf.size() / first, first, secondHalf.size() / unseen, median, runs, baseline,
          secondHalf.size() / unseen / baseline, median / baseline);
      System.out.printf(Locale.ROOT, "texts: %d characters in %.2f s = %.0f characters/s%n", chars, textSeconds, chars / textSeconds);
      byLanguage.forEach((lang, c) -> System.out.printf(Locale.ROOT,
          "%s: %d titles, %d words, %.1f%% given English, %.1f%% kept or romanized as names%n",
          lang, c[0], c[1], 100.0 * c[2] / Math.max(1, c[1]), 100.0 * c[3] / Math.max(1, c[1])));
    }
    return 0;
  }

  private static long wordBreaks(String title, String language) {
    BreakIterator words = BreakIterator.getWordInstance(new ULocale(language));
    words.setText(title);
    long n = 0;
    for (int end = words.next(); end != BreakIterator.DONE; end = words.next()) {
      if (words.getRuleStatus() != BreakIterator.WORD_NONE) n++;
    }
    return n;
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
