package news.panorama.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.ArticleJson;
import news.panorama.core.DateMention;
import news.panorama.core.Entity;
import news.panorama.core.Json;
import news.panorama.core.JsonLines;
import news.panorama.core.Mention;
import news.panorama.core.Quantity;
import news.panorama.core.Quote;
import news.panorama.text.EntityLinker;
import news.panorama.text.QuoteLinker;
import news.panorama.text.MultilingualAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Interchange lines → the same lines with the text stage's annotations: language, entities with
 * run-wide ids, resolved dates, quotes with speakers and run-wide ids, and amounts. Holds the whole input in memory,
 * because entity ids are decided over all articles of the run.
 */
@Command(name = "annotate", mixinStandardHelpOptions = true,
    description = {"Annotate articles: adds language, entities {id, name, type, country?, mentions}, dates "
        + "{text, start, end, value, granularity}, quotes {id, text, speaker, speakerEntityId?, start, end} and "
        + "numbers {text, value, unit?, counts?} to each line.",
        "Entity ids are shared across all articles of one run, and so are quote ids: one quotation told by several "
            + "articles in other words or trims gets one id; offsets are into `text`."})
final class AnnotateCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, paramLabel = "FILE|-", description = "Articles as JSON Lines (- for stdin).")
  String in = "";

  @Option(names = "--out", defaultValue = "-", paramLabel = "FILE|-", description = "Annotated JSON Lines (default: stdout).")
  String out = "-";

  @Override
  public Integer call() throws IOException {
    List<Article> articles = Inputs.read(in, "annotate");
    if (articles.isEmpty()) {
      System.err.println("panorama annotate: no readable article in " + in);
      return 1;
    }
    List<Annotated> annotated = Inputs.analyze(new MultilingualAnalyzer(), articles, "annotate");
    EntityLinker linker = new EntityLinker();
    annotated.forEach(linker::add);
    Map<String, String> ids = linker.ids();
    QuoteLinker quoteLinker = new QuoteLinker(ids);
    annotated.forEach(quoteLinker::add);
    Map<String, String> quoteIds = quoteLinker.ids();
    try (Writer w = JsonLines.create(out)) {
      for (Annotated a : annotated) {
        w.write(Json.mapper().writeValueAsString(line(a, ids, quoteIds)));
        w.write('\n');
      }
      w.flush();
    }
    return 0;
  }

  /** One output line: the article as read, plus the annotation fields of the batch contract. */
  static ObjectNode line(Annotated a, Map<String, String> ids, Map<String, String> quoteIds) throws IOException {
    ObjectNode node = ArticleJson.toNode(a.article().withoutHtml());
    node.put("language", a.language());
    Map<String, ObjectNode> byId = new LinkedHashMap<>();
    ArrayNode entities = node.putArray("entities");
    for (Entity e : a.entities()) {
      String id = ids.getOrDefault(e.key(), e.key());
      ObjectNode en = byId.get(id);
      if (en == null) {
        en = entities.addObject();
        en.put("id", id);
        en.put("name", e.name());
        en.put("type", e.type());
        if (e.country() != null) en.put("country", e.country());
        en.putArray("mentions");
        byId.put(id, en);
      }
    }
    for (Mention m : a.mentions()) {
      ObjectNode en = byId.get(ids.getOrDefault(m.entity(), m.entity()));
      if (en == null || m.sentence() < 0) continue;
      ObjectNode mn = ((ArrayNode) en.get("mentions")).addObject();
      mn.put("text", m.text());
      mn.put("start", m.start());
      mn.put("end", m.end());
    }
    ArrayNode dates = node.putArray("dates");
    for (DateMention d : a.dates()) {
      ObjectNode dn = dates.addObject();
      dn.put("text", d.text());
      dn.put("start", d.start());
      dn.put("end", d.end());
      dn.put("value", d.value());
      dn.put("granularity", d.granularity());
    }
    ArrayNode quotes = node.putArray("quotes");
    for (int i = 0; i < a.quotes().size(); i++) {
      Quote q = a.quotes().get(i);
      ObjectNode qn = quotes.addObject();
      String quoteId = quoteIds.get(QuoteLinker.key(a.id(), i));
      if (quoteId != null) qn.put("id", quoteId);
      qn.put("text", q.text());
      qn.put("speaker", q.speaker());
      if (q.speakerEntity() != null) qn.put("speakerEntityId", ids.getOrDefault(q.speakerEntity(), q.speakerEntity()));
      qn.put("start", q.start());
      qn.put("end", q.end());
    }
    ArrayNode numbers = node.putArray("numbers");
    for (Quantity n : a.quantities()) {
      ObjectNode nn = numbers.addObject();
      nn.put("text", n.text());
      nn.put("value", n.value());
      if (!n.unit().isEmpty()) nn.put("unit", n.unit());
      if (!n.counts().isEmpty()) nn.put("counts", n.counts());
      nn.put("start", n.start());
      nn.put("end", n.end());
    }
    return node;
  }
}
