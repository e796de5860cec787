package news.panorama.server;

import static news.panorama.server.Pages.escape;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.panorama.core.Annotated;
import news.panorama.core.Entity;
import news.panorama.core.SearchHit;
import news.panorama.core.SearchResult;
import news.panorama.core.Store;
import org.jspecify.annotations.Nullable;

/**
 * A person, organization or place across stories and languages: the articles that name it (found
 * by its canonical key in the search index, so "Zelensky", "Zelenskyy" and "Зеленський" are one
 * page), grouped by story, with every spelling the articles use.
 */
final class EntityPages {
  static final int MAX_ARTICLES = 200;
  /** How many articles' annotations are read for the entity's names and spellings. */
  private static final int SAMPLED = 20;

  private EntityPages() {}

  /** An entity as a link: its key and the name shown. */
  record Named(String key, String name, String type, int articles) {}

  /** An entity with the stories that name it, most recent first. */
  record Found(String key, String name, String type, List<String> spellings, long articles,
      List<StoryGroup> stories) {}

  /** A story's articles that name the entity. */
  record StoryGroup(String storyId, String headline, List<SearchHit> articles) {}

  /** The entities named in these articles, by the number of articles naming them, then by mentions. */
  static List<Named> named(List<Annotated> articles, int limit) {
    Map<String, int[]> counts = new HashMap<>();
    Map<String, Entity> first = new LinkedHashMap<>();
    for (Annotated a : articles) {
      for (Entity e : a.entities()) {
        first.putIfAbsent(e.key(), e);
        int[] c = counts.computeIfAbsent(e.key(), k -> new int[2]);
        c[0]++;
        c[1] += e.count();
      }
    }
    return first.values().stream()
        .sorted(Comparator.<Entity>comparingInt(e -> -counts.get(e.key())[0])
            .thenComparingInt(e -> -counts.get(e.key())[1]).thenComparing(Entity::key))
        .limit(limit)
        .map(e -> new Named(e.key(), e.name(), e.type(), counts.get(e.key())[0]))
        .toList();
  }

  /** Links to the entities' pages, as a line under a story or an article. */
  static String links(List<Named> named) {
    if (named.isEmpty()) return "";
    StringBuilder out = new StringBuilder("<p class=\"entities meta\">Named: ");
    for (int i = 0; i < named.size(); i++) {
      Named n = named.get(i);
      if (i > 0) out.append(" · ");
      out.append("<a href=\"").append(escape(path(n.key()))).append("\" title=\"").append(escape(kind(n.type())))
          .append("\">").append(escape(n.name())).append("</a>");
    }
    return out.append("</p>\n").toString();
  }

  /** The entity of {@code key} in the articles found, its names read from their annotations, its stories headed by {@code headline}. */
  static Found find(String key, SearchResult result, Store store, java.util.function.Function<String, String> headline) {
    Map<String, List<SearchHit>> byStory = new LinkedHashMap<>();
    for (SearchHit h : result.hits()) byStory.computeIfAbsent(h.storyId(), k -> new ArrayList<>()).add(h);
    Set<String> spellings = new LinkedHashSet<>();
    Map<String, Integer> names = new HashMap<>();
    String type = "NAME";
    for (SearchHit h : result.hits().subList(0, Math.min(SAMPLED, result.hits().size()))) {
      for (Entity e : store.analyzed(h.articleId()).map(Annotated::entities).orElse(List.of())) {
        if (!e.key().equals(key)) continue;
        spellings.addAll(e.spellings());
        names.merge(e.name(), e.count(), Integer::sum);
        if (!"NAME".equals(e.type())) type = e.type();
      }
    }
    String name = names.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(key);
    List<StoryGroup> stories = new ArrayList<>();
    byStory.forEach((id, hits) -> stories.add(new StoryGroup(id, headline.apply(id), hits)));
    return new Found(key, name, type, List.copyOf(spellings), result.total(), stories);
  }

  static String page(Found f, String status, Instant now) {
    StringBuilder body = new StringBuilder("<h1>").append(escape(f.name())).append("</h1>\n<p class=\"meta\">")
        .append(escape(kind(f.type()))).append(" · named in ").append(f.articles())
        .append(f.articles() == 1 ? " article" : " articles").append(" of ").append(f.stories().size())
        .append(f.stories().size() == 1 ? " story" : " stories");
    if (!f.spellings().isEmpty()) {
      body.append(" · written ");
      for (int i = 0; i < f.spellings().size(); i++) {
        if (i > 0) body.append(", ");
        body.append("<q>").append(escape(f.spellings().get(i))).append("</q>");
      }
    }
    body.append("</p>\n<ol class=\"hits\">\n");
    for (StoryGroup g : f.stories()) {
      body.append("<li class=\"story-hits\"><h2><a href=\"").append(escape(Pages.storyPath(g.storyId()))).append("\">")
          .append(escape(g.headline())).append("</a></h2>\n<ul>\n");
      for (SearchHit h : g.articles()) {
        body.append("<li><a href=\"").append(escape(Pages.articlePath(h.articleId()))).append("\" lang=\"")
            .append(escape(h.language())).append("\">").append(escape(h.title().isBlank() ? "(untitled)" : h.title()))
            .append("</a> <span class=\"meta\">").append(escape(h.source()));
        if (!h.country().isBlank()) body.append(" · ").append(escape(h.country()));
        body.append(" · ").append(escape(h.language())).append(" · ").append(Pages.age(h.published(), now))
            .append("</span></li>\n");
      }
      body.append("</ul></li>\n");
    }
    return Pages.layout(f.name(), status, body.append("</ol>\n").toString());
  }

  record Json(String key, String name, String type, List<String> spellings, long articles, List<StoryJson> stories) {}

  record StoryJson(String id, String headline, String url, List<String> articles) {}

  static Json json(Found f) {
    return new Json(f.key(), f.name(), f.type(), f.spellings(), f.articles(), f.stories().stream()
        .map(g -> new StoryJson(g.storyId(), g.headline(), Pages.storyPath(g.storyId()),
            g.articles().stream().map(SearchHit::articleId).toList()))
        .toList());
  }

  static String path(String key) {
    return "/entities/" + Pages.pathSegment(key);
  }

  private static String kind(@Nullable String type) {
    return switch (type == null ? "" : type) {
      case "PERSON" -> "Person";
      case "ORG" -> "Organization";
      case "PLACE" -> "Place";
      default -> "Name";
    };
  }
}
