package news.panorama.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import news.panorama.core.Article;
import news.panorama.core.ArticleJson;
import news.panorama.core.Json;
import news.panorama.core.JsonLines;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Translation;
import news.panorama.core.TranslationException;
import news.panorama.translate.Gloss;
import news.panorama.translate.Translations;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Interchange lines → the same lines with their title and text in English (or translate.target), for evaluation. */
@Command(name = "translate", mixinStandardHelpOptions = true,
    description = {"Translate each article's title and text into translate.target (English by default) with the backend of "
        + "translate.backend, adding title_en, text_en, translation_backend and translation_kind (translation, gloss or "
        + "original) to each line.",
        "With the default backend (gloss, offline) the English is a word-by-word gloss from CLDR names, installed FreeDict "
            + "dictionaries and transliteration, not a translation. Service translations are cached in "
            + "<data>/translations.mv.db. A record that fails is reported with its id and the reason on stderr and left "
            + "out; the rest goes on. The field names follow the target language (title_fr with translate.target=fr)."})
final class TranslateCommand implements java.util.concurrent.Callable<Integer> {
  @Option(names = "--in", required = true, paramLabel = "FILE|-", description = "Articles as JSON Lines (- for stdin).")
  String in = "";

  @Option(names = "--out", defaultValue = "-", paramLabel = "FILE|-", description = "Output JSON Lines (default: stdout).")
  String out = "-";

  @Option(names = "--titles-only", description = "Translate titles only (text_<lang> is left out): quicker, and cheaper with a paid service.")
  boolean titlesOnly;

  @Mixin ConfigOptions config = new ConfigOptions();

  /** One article's translations, or why there are none. */
  private record Done(Article article, @Nullable Translation title, @Nullable Translation text, String failure) {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    PanoramaConfig c = config.load();
    List<Article> articles = Inputs.read(in, "translate");
    if (articles.isEmpty()) {
      System.err.println("panorama translate: no readable article in " + in);
      return 1;
    }
    String lang = c.translate().target();
    int threads = c.translate().backend().equals(Gloss.NAME)
        ? Math.max(1, Math.min(c.translate().concurrency(), Runtime.getRuntime().availableProcessors()))
        : c.translate().concurrency();
    Map<Translation.Kind, Integer> kinds = new EnumMap<>(Translation.Kind.class);
    int failed = 0;
    long words = 0;
    long glossedWords = 0;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (Translations translations = Translations.open(c);
        Writer w = JsonLines.create(out);
        Progress progress = new Progress("translate", articles.size())) {
      @Nullable Gloss gloss = translations.translator() instanceof Gloss g ? g : null;
      List<Future<Done>> futures = new ArrayList<>(articles.size());
      for (Article a : articles) {
        futures.add(pool.submit(() -> {
          try {
            Translation title = translations.title(a);
            @Nullable Translation text = titlesOnly ? null : translations.text(a);
            return new Done(a, title, text, "");
          } catch (TranslationException e) {
            return new Done(a, null, null, e.getMessage());
          } finally {
            progress.step();
          }
        }));
      }
      for (Future<Done> f : futures) {
        Done d;
        try {
          d = f.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("translating failed: " + e.getCause(), e.getCause());
        }
        if (d.title() == null) {
          failed++;
          System.err.println("panorama translate: skipped " + d.failure());
          continue;
        }
        kinds.merge(d.title().kind(), 1, Integer::sum);
        if (gloss != null && d.title().isGloss()) {
          Gloss.Glossed g = gloss.gloss(d.article().title(), d.article().language());
          words += g.words();
          glossedWords += g.glossed();
        }
        ObjectNode node = ArticleJson.toNode(d.article().withoutHtml());
        node.put("title_" + lang, d.title().text());
        if (d.text() != null) node.put("text_" + lang, d.text().text());
        node.put("translation_backend", d.title().backend());
        node.put("translation_kind", d.title().kind().name().toLowerCase(Locale.ROOT));
        w.write(Json.mapper().writeValueAsString(node));
        w.write('\n');
      }
      w.flush();
      if (gloss != null) gloss.problems().forEach(p -> System.err.println("panorama translate: " + p));
    } finally {
      pool.shutdownNow();
    }
    StringBuilder summary = new StringBuilder(String.format(Locale.ROOT, "panorama translate: %d articles", articles.size() - failed));
    kinds.forEach((k, n) -> summary.append(", ").append(n).append(' ').append(k.name().toLowerCase(Locale.ROOT)));
    if (failed > 0) summary.append(", ").append(failed).append(" failed");
    if (words > 0) summary.append(String.format(Locale.ROOT, "; %.1f%% of %d glossed title words given English", 100.0 * glossedWords / words, words));
    System.err.println(summary);
    return articles.size() > failed ? 0 : 1;
  }
}
