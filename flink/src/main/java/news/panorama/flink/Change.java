package news.panorama.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.panorama.core.Json;
import news.panorama.core.StoryAssignment;
import org.jspecify.annotations.Nullable;

/**
 * What grouping, the store and briefing tell the operators after them and the story-updates topic:
 * an article placed in a story, moved by a merge or a split, revised in place, a story due for its
 * briefing, or a briefing written. A Flink POJO; {@link #toJson()} is its form on the topic.
 */
public final class Change {
  /** The kinds of change; the lower-case name is the {@code type} field on the topic. */
  public enum Kind { ASSIGNED, MOVED, REVISED, DUE, BRIEFED }

  public Kind kind = Kind.ASSIGNED;
  public String article = "";
  public String story = "";
  public boolean created;
  public double similarity;
  /** Event time of the article (epoch ms), carried for the briefing's timer. */
  public long time;
  /** The annotation (JSON), only on the way from grouping to the store. */
  public @Nullable String annotated;
  public float @Nullable [] embedding;
  /** A briefing's headline and how many articles it read. */
  public @Nullable String headline;
  public int articles;

  public Change() {}

  static Change of(Kind kind, StoryAssignment a, long time) {
    Change c = new Change();
    c.kind = kind;
    c.article = a.articleId();
    c.story = a.storyId();
    c.created = a.created();
    c.similarity = a.similarity();
    c.time = time;
    return c;
  }

  static Change due(String story, long time) {
    Change c = new Change();
    c.kind = Kind.DUE;
    c.story = story;
    c.time = time;
    return c;
  }

  /** The same change without its payload (what the topic carries). */
  Change light() {
    Change c = of(kind, new StoryAssignment(article, story, created, similarity), time);
    c.headline = headline;
    c.articles = articles;
    return c;
  }

  /** The line on the story-updates topic. */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", kind.name().toLowerCase(java.util.Locale.ROOT));
    if (!article.isEmpty()) m.put("article", article);
    m.put("story", story);
    if (kind == Kind.ASSIGNED) {
      m.put("created", created);
      m.put("similarity", similarity);
    }
    if (kind == Kind.BRIEFED) {
      m.put("headline", headline);
      m.put("articles", articles);
    }
    return Codec.json(m);
  }

  /** Reads a line of the story-updates topic. */
  public static Change fromJson(String line) {
    try {
      JsonNode n = Json.mapper().readTree(line);
      Change c = new Change();
      c.kind = Kind.valueOf(n.path("type").asText().toUpperCase(java.util.Locale.ROOT));
      c.article = n.path("article").asText("");
      c.story = n.path("story").asText("");
      c.created = n.path("created").asBoolean(false);
      c.similarity = n.path("similarity").asDouble(0);
      c.headline = n instanceof ObjectNode o && o.hasNonNull("headline") ? o.get("headline").asText() : null;
      c.articles = n.path("articles").asInt(0);
      return c;
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a story update: " + e.getMessage(), e);
    }
  }

  /**
   * Each article's final story after the updates in topic order (placements, then the moves that
   * merges and splits caused), in order of first placement: what {@code panorama cluster} writes.
   */
  public static Map<String, String> finalStories(List<Change> updates) {
    Map<String, String> storyOf = new LinkedHashMap<>();
    for (Change c : updates) {
      if (c.kind == Kind.ASSIGNED || c.kind == Kind.MOVED) storyOf.put(c.article, c.story);
    }
    return storyOf;
  }

  @Override
  public String toString() {
    return toJson();
  }
}
