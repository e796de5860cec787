package news.panorama.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import news.panorama.brief.Faithfulness;
import news.panorama.core.Briefing;
import news.panorama.core.Bullet;
import news.panorama.core.Citation;
import news.panorama.core.Json;
import news.panorama.translate.ChatCompletions;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites a briefing's headline and overview bullets through a language model, for readability,
 * and keeps each rewrite only if the briefing stage's {@link Faithfulness} check passes: every
 * number and name of a rewritten bullet must occur in the sentences the bullet cites (a headline:
 * in the original headline or any cited sentence). A rewrite that fails, a reply that is not the
 * asked-for JSON, or a failing endpoint leaves the extractive text in place. Citations are never
 * touched. Thread-safe.
 */
public final class BriefingRewriter {
  /**
   * What came of a rewrite.
   *
   * @param briefing the briefing with the rewrites that passed
   * @param rejected why each discarded rewrite was discarded, for logs and tests
   */
  public record Result(Briefing briefing, List<String> rejected) {
    public Result {
      rejected = List.copyOf(rejected);
    }
  }

  static final String INSTRUCTION = """
      You edit news briefings. Rewrite the headline and each bullet so that they read well as short, \
      plain English news prose. Use only facts from the cited sentences given with each bullet: never add \
      a number, date, name or place that is not in them, and keep every number exactly as written. Keep the \
      bullets in the same order. Reply with JSON only, in the form {"headline": "...", "bullets": ["...", ...]}, \
      with exactly one rewritten bullet per input bullet.""";

  private final ChatCompletions chat;

  public BriefingRewriter(ChatCompletions chat) {
    this.chat = chat;
  }

  /**
   * The briefing with its faithful rewrites.
   *
   * @throws news.panorama.core.TranslationException when the endpoint fails (callers keep the extractive briefing)
   */
  public Result rewrite(Briefing b) {
    if (b.overview().isEmpty()) return new Result(b, List.of());
    String reply = chat.complete(List.of(ChatCompletions.Message.system(INSTRUCTION), ChatCompletions.Message.user(prompt(b))));
    JsonNode json = parse(reply);
    List<String> rejected = new ArrayList<>();
    if (json == null || !json.path("bullets").isArray() || json.path("bullets").size() != b.overview().size()) {
      rejected.add("the reply is not {\"headline\", \"bullets\"} with " + b.overview().size() + " bullets: " + shorten(reply));
      return new Result(b, rejected);
    }
    List<Bullet> bullets = new ArrayList<>();
    for (int i = 0; i < b.overview().size(); i++) {
      Bullet original = b.overview().get(i);
      String text = json.path("bullets").path(i).asText("").strip();
      @Nullable Bullet rewritten = text.isEmpty() ? null : new Bullet(text, original.citations());
      List<String> missing = rewritten == null ? List.of("(empty)") : Faithfulness.unsupported(rewritten);
      if (missing.isEmpty()) {
        bullets.add(rewritten);
      } else {
        bullets.add(original);
        rejected.add("bullet " + (i + 1) + " kept extractive: the rewrite says " + String.join(", ", missing)
            + ", which its cited sentences do not");
      }
    }
    String headline = b.headline();
    String proposed = json.path("headline").asText("").strip();
    if (!proposed.isEmpty()) {
      List<String> missing = Faithfulness.unsupported(new Bullet(proposed, headlineSources(b)));
      if (missing.isEmpty()) {
        headline = proposed;
      } else {
        rejected.add("headline kept extractive: the rewrite says " + String.join(", ", missing) + ", which no source does");
      }
    }
    Briefing out = new Briefing(b.storyId(), headline, b.subhead(), bullets, b.sources(), b.generated(), b.sections());
    return new Result(out, rejected);
  }

  /** The headline's sources: the original headline and every sentence the overview cites. */
  private static List<Citation> headlineSources(Briefing b) {
    List<Citation> out = new ArrayList<>();
    out.add(new Citation("", -1, "", "", b.headline()));
    for (Bullet bullet : b.overview()) out.addAll(bullet.citations());
    return out;
  }

  /** The briefing as the model sees it: the headline, then each bullet with the sentences it cites. */
  static String prompt(Briefing b) {
    StringBuilder s = new StringBuilder("Headline: ").append(b.headline()).append("\n\n");
    for (int i = 0; i < b.overview().size(); i++) {
      Bullet bullet = b.overview().get(i);
      s.append("Bullet ").append(i + 1).append(": ").append(bullet.text()).append('\n');
      for (Citation c : bullet.citations()) s.append("  cited: ").append(c.quote()).append('\n');
    }
    return s.toString();
  }

  /** The JSON object in a reply, which models sometimes wrap in a Markdown code fence; null when there is none. */
  static @Nullable JsonNode parse(String reply) {
    String r = reply.strip();
    int open = r.indexOf('{');
    int close = r.lastIndexOf('}');
    if (open < 0 || close <= open) return null;
    try {
      JsonNode n = Json.mapper().readTree(r.substring(open, close + 1));
      return n != null && n.isObject() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String shorten(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() > 200 ? one.substring(0, 200) + "…" : one;
  }
}
