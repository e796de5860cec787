package news.panorama.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import news.panorama.brief.ExtractiveBriefer;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Briefing;
import news.panorama.core.Bullet;
import news.panorama.core.Citation;
import news.panorama.core.Json;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.StorySections;
import news.panorama.llm.RewritingBriefer;
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
    if (annotated.isEmpty()) {
      System.err.println("panorama brief: no article of " + in + " could be analyzed");
      return 1;
    }
    Briefing b = RewritingBriefer.of(c, new ExtractiveBriefer()).brief(storyId(articles), annotated, cap);
    System.out.print(render(b, annotated, format));
    System.out.flush();
    return 0;
  }

  private static String storyId(List<Article> articles) {
    Object first = articles.get(0).extra().get("story");
    boolean same = first != null && articles.stream().allMatch(a -> first.equals(a.extra().get("story")));
    return same ? first.toString() : "story";
  }

  static String render(Briefing b, List<Annotated> articles, Format format) throws IOException {
    return switch (format) {
      case json -> Json.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(contract(b, articles)) + "\n";
      case md -> markdown(b);
      case text -> text(b);
    };
  }

  /**
   * The briefing as the batch contract spells it: citations as {article, start, end} offsets into
   * the article's text; {@code related} is empty in batch (there are no other stories).
   */
  static ObjectNode contract(Briefing b, List<Annotated> articles) {
    Map<String, Annotated> byId = new HashMap<>();
    for (Annotated a : articles) byId.putIfAbsent(a.id(), a);
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("story", b.storyId());
    out.put("headline", b.headline());
    out.put("subhead", b.subhead());
    ArrayNode bullets = out.putArray("bullets");
    for (Bullet bullet : b.overview()) {
      ObjectNode n = bullets.addObject();
      n.put("text", bullet.text());
      citations(n, bullet.citations(), byId);
    }
    ArrayNode takes = out.putArray("takes");
    for (StorySections.Take t : b.sections().takes()) {
      takes.addObject().put("article", t.article()).put("source", t.source()).put("country", t.country())
          .put("language", t.language()).put("title", t.title()).put("url", t.url());
    }
    ArrayNode countries = out.putArray("countries");
    for (StorySections.CountryTake t : b.sections().countries()) {
      ObjectNode n = countries.addObject().put("country", t.country()).put("articles", t.articles());
      ArrayNode terms = n.putArray("terms");
      t.terms().forEach(terms::add);
      if (t.quote() == null) {
        n.putNull("quote");
      } else {
        ObjectNode q = n.putObject("quote").put("text", t.quote().quote()).put("article", t.quote().articleId());
        offsets(q, t.quote(), byId);
      }
    }
    ArrayNode timeline = out.putArray("timeline");
    for (StorySections.Event e : b.sections().timeline()) {
      ObjectNode n = timeline.addObject().put("date", e.date()).put("text", e.text());
      citations(n, e.citations(), byId);
    }
    ArrayNode quotes = out.putArray("quotes");
    for (StorySections.Said q : b.sections().quotes()) {
      ObjectNode n = quotes.addObject().put("speaker", q.speaker()).put("text", q.text());
      ArrayNode variants = n.putArray("variants");
      q.variants().forEach(variants::add);
      citations(n, q.citations(), byId);
    }
    ArrayNode agreements = out.putArray("agreements");
    for (StorySections.Agreement a : b.sections().agreements()) {
      citations(agreements.addObject().put("text", a.text()), a.citations(), byId);
    }
    ArrayNode differences = out.putArray("differences");
    for (StorySections.Difference d : b.sections().differences()) {
      ArrayNode values = differences.addObject().put("slot", d.slot()).putArray("values");
      for (StorySections.Difference.Value v : d.values()) {
        ObjectNode n = values.addObject().put("value", v.value());
        ArrayNode ids = n.putArray("articles");
        v.citations().stream().map(Citation::articleId).distinct().forEach(ids::add);
        citations(n, v.citations(), byId);
      }
    }
    ArrayNode related = out.putArray("related");
    for (StorySections.Related r : b.sections().related()) {
      related.addObject().put("story", r.story()).put("headline", r.headline()).put("blurb", r.blurb());
    }
    return out;
  }

  private static void citations(ObjectNode parent, List<Citation> citations, Map<String, Annotated> byId) {
    ArrayNode out = parent.putArray("citations");
    for (Citation c : citations) offsets(out.addObject().put("article", c.articleId()), c, byId);
  }

  /** The cited sentence's character offsets into its article's text, when the article is known. */
  private static void offsets(ObjectNode n, Citation c, Map<String, Annotated> byId) {
    Annotated a = byId.get(c.articleId());
    if (a != null && c.sentence() >= 0 && c.sentence() < a.sentences().size()) {
      n.put("start", a.sentences().get(c.sentence()).start()).put("end", a.sentences().get(c.sentence()).end());
    }
  }

  /** The briefing for reading: every section, citations as numbered references listed at the end. */
  private static String markdown(Briefing b) {
    StringBuilder s = new StringBuilder("# ").append(b.headline()).append("\n\n");
    if (!b.subhead().isBlank()) s.append("*").append(b.subhead()).append("*\n\n");
    List<Citation> all = new java.util.ArrayList<>();
    java.util.function.Function<List<Citation>, String> refs = cs -> {
      StringBuilder r = new StringBuilder();
      for (Citation c : cs) {
        int n = all.indexOf(c);
        if (n < 0) {
          all.add(c);
          n = all.size() - 1;
        }
        r.append(" [").append(n + 1).append("]");
      }
      return r.toString();
    };
    for (Bullet bullet : b.overview()) s.append("- ").append(bullet.text()).append(refs.apply(bullet.citations())).append("\n");
    StorySections x = b.sections();
    if (!x.agreements().isEmpty()) {
      s.append("\n## Where sources agree\n\n");
      for (StorySections.Agreement a : x.agreements()) s.append("- ").append(a.text()).append(refs.apply(a.citations())).append("\n");
    }
    if (!x.differences().isEmpty()) {
      s.append("\n## Where sources differ\n\n");
      for (StorySections.Difference d : x.differences()) {
        s.append("- **").append(d.slot()).append("**:");
        for (StorySections.Difference.Value v : d.values()) s.append(" ").append(v.value()).append(refs.apply(v.citations())).append(";");
        s.setLength(s.length() - 1);
        s.append("\n");
      }
    }
    if (!x.countries().isEmpty()) {
      s.append("\n## The world's take\n\n");
      for (StorySections.CountryTake t : x.countries()) {
        s.append("- **").append(t.country()).append("** (").append(t.articles()).append(t.articles() == 1 ? " article" : " articles")
            .append("): ").append(String.join(", ", t.terms()));
        if (t.quote() != null) s.append(" — \"").append(t.quote().quote()).append("\"").append(refs.apply(List.of(t.quote())));
        s.append("\n");
      }
    }
    if (!x.timeline().isEmpty()) {
      s.append("\n## Timeline\n\n");
      for (StorySections.Event e : x.timeline()) s.append("- ").append(e.date()).append(": ").append(e.text()).append(refs.apply(e.citations())).append("\n");
    }
    if (!x.quotes().isEmpty()) {
      s.append("\n## Quotes\n\n");
      for (StorySections.Said q : x.quotes()) {
        s.append("- ").append(q.speaker()).append(": \"").append(q.text()).append("\"").append(refs.apply(q.citations())).append("\n");
      }
    }
    if (!x.takes().isEmpty()) {
      s.append("\n## Alternative takes\n\n");
      for (StorySections.Take t : x.takes()) {
        s.append("- ").append(t.source().isBlank() ? "(unknown source)" : t.source());
        if (!t.country().isBlank()) s.append(" (").append(t.country()).append(")");
        s.append(": ").append(t.title()).append(t.url().isBlank() ? "" : " <" + t.url() + ">").append("\n");
      }
    }
    s.append("\n");
    for (int i = 0; i < all.size(); i++) {
      Citation c = all.get(i);
      s.append(String.format(Locale.ROOT, "[%d]: %s, sentence %d%s — \"%s\"%n", i + 1, c.source(), c.sentence(),
          c.url().isBlank() ? "" : " (" + c.url() + ")", c.quote()));
    }
    return s.toString();
  }

  /** The overview alone, one bullet per line: what summary benchmarks score. */
  static String text(Briefing b) {
    StringBuilder s = new StringBuilder();
    for (Bullet bullet : b.overview()) s.append(bullet.text().replace('\n', ' ')).append("\n");
    return s.toString();
  }
}
