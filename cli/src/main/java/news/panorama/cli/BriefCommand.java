package news.panorama.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import news.panorama.brief.ExtractiveBriefer;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Briefing;
import news.panorama.core.Bullet;
import news.panorama.core.Citation;
import news.panorama.core.Json;
import news.panorama.core.PanoramaConfig;
import news.panorama.pipeline.PublishedOrder;
import news.panorama.text.MultilingualAnalyzer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** All lines of the input are one story → its cited briefing. */
@Command(name = "brief", mixinStandardHelpOptions = true,
    description = {"Write the cited briefing of one story: every line of the input is an article of that story.",
        "Every overview bullet cites the source sentences it came from."})
final class BriefCommand implements Callable<Integer> {
  enum Format { json, md, text }

  @Option(names = "--in", required = true, paramLabel = "FILE|-", description = "The story's articles as JSON Lines (- for stdin).")
  String in = "";

  @Option(names = "--words", paramLabel = "N", description = "Cap on the overview's length in words (default: setting brief.words).")
  @Nullable Integer words;

  @Option(names = "--format", defaultValue = "text", paramLabel = "json|md|text", description = "Output format (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  @Mixin ConfigOptions config = new ConfigOptions();

  @Override
  public Integer call() throws IOException {
    PanoramaConfig c = config.load();
    int cap = words != null ? words : c.briefWords();
    if (cap < 1) throw new IllegalArgumentException("--words must be at least 1, got " + cap);
    List<Article> articles = PublishedOrder.sort(Inputs.read(in, "brief"));
    if (articles.isEmpty()) {
      System.err.println("panorama brief: no readable article in " + in);
      return 1;
    }
    List<Annotated> annotated = Inputs.analyze(new MultilingualAnalyzer(), articles, "analyze");
    Briefing b = new ExtractiveBriefer().brief(storyId(articles), annotated, cap);
    System.out.print(render(b, format));
    System.out.flush();
    return 0;
  }

  private static String storyId(List<Article> articles) {
    Object first = articles.get(0).extra().get("story");
    boolean same = first != null && articles.stream().allMatch(a -> first.equals(a.extra().get("story")));
    return same ? first.toString() : "story";
  }

  static String render(Briefing b, Format format) throws IOException {
    return switch (format) {
      case json -> Json.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(b) + "\n";
      case md -> markdown(b);
      case text -> text(b);
    };
  }

  private static String markdown(Briefing b) {
    StringBuilder s = new StringBuilder("# ").append(b.headline()).append("\n\n");
    if (!b.subhead().isBlank()) s.append("*").append(b.subhead()).append("*\n\n");
    List<Citation> all = new java.util.ArrayList<>();
    for (Bullet bullet : b.overview()) {
      s.append("- ").append(bullet.text());
      for (Citation c : bullet.citations()) {
        all.add(c);
        s.append(" [").append(all.size()).append("]");
      }
      s.append("\n");
    }
    s.append("\n");
    for (int i = 0; i < all.size(); i++) {
      Citation c = all.get(i);
      s.append(String.format(Locale.ROOT, "[%d]: %s, sentence %d (%s) — \"%s\"%n", i + 1, c.source(), c.sentence(), c.url(), c.quote()));
    }
    return s.toString();
  }

  private static String text(Briefing b) {
    StringBuilder s = new StringBuilder(b.headline()).append("\n");
    if (!b.subhead().isBlank()) s.append(b.subhead()).append("\n");
    s.append("\n");
    for (Bullet bullet : b.overview()) {
      s.append("* ").append(bullet.text()).append("\n");
      for (Citation c : bullet.citations()) {
        s.append("    cites ").append(c.articleId()).append(" #").append(c.sentence()).append(" (").append(c.source()).append(")\n");
      }
    }
    return s.toString();
  }
}
