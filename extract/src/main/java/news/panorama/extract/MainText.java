package news.panorama.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jspecify.annotations.Nullable;

/**
 * Finds the article body of a page: removes furniture, scores every element by the paragraph text
 * it holds (a readability-style text-density score, discounted by link density), and reads the
 * paragraphs, sub-headings, list items and quotes of the best one in order. Stateless; the document
 * passed in is modified. Cost is linear in the size of the document.
 */
final class MainText {
  /** Elements whose text becomes one paragraph of the result. */
  private static final Set<String> BLOCKS = Set.of("p", "h2", "h3", "h4", "li", "blockquote", "pre");
  /** Paragraphs shorter than this do not count towards a container's score. */
  private static final int MIN_SCORED_LENGTH = 25;
  /** Blocks with more of their text inside links than this are link lists, not prose. */
  private static final double MAX_BLOCK_LINK_DENSITY = 0.5;

  private MainText() {}

  /** The article text of {@code doc} as paragraphs joined by blank lines; empty when there is none. */
  static String of(Document doc, Predicate<Element> furniture) {
    Element body = doc.body();
    for (Element e : new ArrayList<>(body.select("*"))) {
      if (e != body && e.parent() != null && furniture.test(e)) e.remove();
    }
    Element best = bestContainer(body);
    if (best == null) return "";
    List<String> paragraphs = new ArrayList<>();
    collect(best, paragraphs);
    return String.join("\n\n", paragraphs);
  }

  /** The element with the highest text-density score, or null when the page has no paragraphs. */
  static @Nullable Element bestContainer(Element root) {
    Map<Element, Double> scores = new IdentityHashMap<>();
    for (Element p : root.select("p")) {
      int length = p.text().length();
      if (length < MIN_SCORED_LENGTH) continue;
      Element parent = p.parent();
      if (parent == null) continue;
      scores.merge(parent, (double) length, Double::sum);
      Element grandparent = parent.parent();
      if (grandparent != null) scores.merge(grandparent, length / 2.0, Double::sum);
    }
    @Nullable Element best = null;
    double bestScore = 0;
    for (Map.Entry<Element, Double> e : scores.entrySet()) {
      double score = e.getValue() * (1 - linkDensity(e.getKey()));
      if (score > bestScore) {
        best = e.getKey();
        bestScore = score;
      }
    }
    return best;
  }

  /** The share of an element's text that sits inside links, from 0 to 1. */
  static double linkDensity(Element e) {
    int total = e.text().length();
    if (total == 0) return 0;
    int linked = 0;
    Elements links = e.select("a");
    for (Element a : links) linked += a.text().length();
    return Math.min(1.0, (double) linked / total);
  }

  private static void collect(Element e, List<String> out) {
    for (Element child : e.children()) {
      if (BLOCKS.contains(child.normalName())) {
        String text = child.text().strip();
        if (text.isEmpty() || linkDensity(child) > MAX_BLOCK_LINK_DENSITY
            || Boilerplate.isBoilerplateLine(text)) {
          continue;
        }
        if (out.isEmpty() || !out.get(out.size() - 1).equals(text)) out.add(text);
      } else {
        collect(child, out);
      }
    }
  }
}
