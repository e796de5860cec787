package news.panorama.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import news.panorama.core.Article;
import news.panorama.core.Briefing;
import news.panorama.core.Bullet;
import news.panorama.core.Citation;
import news.panorama.core.Sentence;
import news.panorama.core.Story;
import news.panorama.core.StorySections;
import news.panorama.core.StoryVersion;
import news.panorama.core.SearchResult;
import news.panorama.core.SearchHit;
import org.jspecify.annotations.Nullable;

/**
 * Renders Panorama's HTML pages from stored records. Everything that comes from an article or a
 * briefing goes through {@link #escape}, and only http(s) URLs become outbound links. Stateless;
 * each page is one string built in a single pass.
 */
final class Pages {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private Pages() {}

  /** A story on the home page, with its briefing when one has been written. */
  record Listed(Story story, @Nullable Briefing briefing, news.panorama.core.@Nullable Translation english) {}

  /** What a story is called: its briefing's headline once it has one, else the story's own. */
  static String headline(Story story, @Nullable Briefing briefing) {
    return briefing != null && !briefing.headline().isBlank() ? briefing.headline() : story.headline();
  }

  static String home(List<Listed> stories, String status, Instant now) {
    StringBuilder body = new StringBuilder();
    if (stories.isEmpty()) {
      body.append("""
          <p class="empty">No stories are stored yet. Panorama shows them here as soon as the \
          first articles have been gathered and grouped.</p>
          """);
    } else {
      body.append("<ol class=\"stories\">\n");
      for (Listed listed : stories) {
        body.append(storyItem(listed, now));
      }
      body.append("</ol>\n");
    }
    return layout("Top stories", status, "<h1>Top stories</h1>\n" + body);
  }

  /**
   * What a story page shows in English beside the original: article titles by article id, and
   * sentences the briefing quotes from articles in other languages (bullets, quotes, the world's
   * take) by their text.
   */
  record English(Map<String, news.panorama.core.Translation> titles, Map<String, news.panorama.core.Translation> lines) {
    static final English NONE = new English(Map.of(), Map.of());

    /** The English line under a quoted text, labelled, or nothing. */
    String line(String text) {
      news.panorama.core.Translation t = lines.get(text);
      return t == null ? "" : "<span class=\"english\">" + escape(t.text()) + "</span> " + label(t);
    }
  }

  static String story(Story story, @Nullable Briefing briefing, List<StoryVersion> versions, List<Article> articles,
      List<EntityPages.Named> named, English english, String status, Instant now) {
    StringBuilder body = new StringBuilder();
    String headline = headline(story, briefing);
    body.append("<article class=\"story\">\n<h1>").append(escape(headline)).append("</h1>\n");
    if (briefing != null && !briefing.subhead().isBlank()) {
      body.append("<p class=\"subhead\">").append(escape(briefing.subhead())).append("</p>\n");
    }
    body.append("<p class=\"meta\">").append(coverage(story)).append(" · ")
        .append(age(story.last(), now)).append("</p>\n");
    body.append(leadImage(articles));
    body.append(EntityPages.links(named));
    Cites cites = new Cites();
    if (briefing != null && !briefing.overview().isEmpty()) {
      body.append(overview(briefing, cites, english));
    }
    body.append(changes(versions, now));
    if (briefing != null) body.append(sections(briefing.sections(), cites, english));
    body.append(articlesBySource(articles, english.titles())).append(cites.sources()).append("</article>\n");
    return layout(headline, status, body.toString());
  }

  /**
   * An article as stored, its paragraphs as the outlet wrote them; the sentence a citation points
   * at ({@code cited}, null for none) is marked and scrolled to, with the link to the original.
   */
  /** Image credits that say the picture may be shown elsewhere: open licences and public-domain sources. */
  private static final java.util.regex.Pattern OPEN_LICENCE = java.util.regex.Pattern.compile(
      "\\bCC[ -]?(BY|0)\\b|creative commons|public domain|wikimedia|wikinews|unsplash|pexels",
      java.util.regex.Pattern.CASE_INSENSITIVE);

  /**
   * The story's lead image: the first article's (in publication order) that has one. The picture
   * itself is shown only when its credit names an open licence; otherwise its caption and credit,
   * with a link to it at the outlet, since outlets' photos are licensed to them, not to us.
   */
  static String leadImage(List<Article> articles) {
    for (Article a : articles) {
      if (a.image() == null || !isWebUrl(a.image())) continue;
      String caption = String.valueOf(a.extra().getOrDefault("image_caption", "")).strip();
      String credit = String.valueOf(a.extra().getOrDefault("image_credit", "")).strip();
      StringBuilder out = new StringBuilder("<figure class=\"lead\">\n");
      String line = (caption.isEmpty() ? "" : escape(caption) + " ")
          + "<span class=\"credit\">" + escape(credit.isEmpty() ? "Image: " + a.source() : credit) + " · via "
          + escape(a.source()) + "</span>";
      if (OPEN_LICENCE.matcher(credit).find()) {
        out.append("<img src=\"").append(escape(a.image())).append("\" alt=\"").append(escape(caption))
            .append("\" loading=\"lazy\" referrerpolicy=\"no-referrer\">\n");
      } else {
        line += " · <a href=\"" + escape(a.image()) + "\" rel=\"noopener noreferrer\">see the photo at the outlet</a>";
      }
      return out.append("<figcaption class=\"meta\">").append(line).append("</figcaption>\n</figure>\n").toString();
    }
    return "";
  }

  private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("[^\\r\\n]+");

  static String article(Article article, @Nullable Sentence cited, List<EntityPages.Named> named, String status) {
    StringBuilder body = new StringBuilder();
    String title = article.title().isBlank() ? "(untitled)" : article.title();
    body.append("<article class=\"article\">\n<h1>").append(escape(title)).append("</h1>\n");
    List<String> meta = new ArrayList<>();
    if (!article.source().isBlank()) meta.add(escape(article.source()));
    if (!article.country().isBlank()) meta.add(escape(article.country()));
    if (article.published() != null) meta.add(time(article.published(), DAY_TIME));
    if (!article.authors().isEmpty()) meta.add("by " + escape(String.join(", ", article.authors())));
    body.append("<p class=\"meta\">").append(String.join(" · ", meta)).append("</p>\n");
    if (cited != null && isWebUrl(article.url())) {
      body.append("<p class=\"original\"><a href=\"").append(escape(article.url()))
          .append("\" rel=\"noopener noreferrer\">Read the cited passage at the outlet</a></p>\n");
    }
    String text = article.text();
    java.util.regex.Matcher paragraph = LINE.matcher(text);
    boolean marked = false;
    while (paragraph.find()) {
      if (paragraph.group().isBlank()) continue;
      int from = paragraph.start();
      int to = paragraph.end();
      while (Character.isWhitespace(text.charAt(from))) from++;
      while (Character.isWhitespace(text.charAt(to - 1))) to--;
      body.append("<p>");
      if (cited != null && !marked && cited.start() < to && cited.end() > from) {
        int a = Math.max(from, cited.start());
        int b = Math.min(to, cited.end());
        body.append(escape(text.substring(from, a))).append("<mark id=\"cited\">").append(escape(text.substring(a, b)))
            .append("</mark>").append(escape(text.substring(b, to)));
        marked = true;
      } else {
        body.append(escape(text.substring(from, to)));
      }
      body.append("</p>\n");
    }
    if (isWebUrl(article.url())) {
      body.append("<p class=\"original\"><a href=\"").append(escape(article.url()))
          .append("\" rel=\"noopener noreferrer\">Read the original</a></p>\n");
    }
    body.append(EntityPages.links(named)).append("</article>\n");
    return layout(title, status, body.toString());
  }

  /** The filters of a search as the reader set them (empty strings for none), to keep them in the form. */
  record Filters(String mode, String country, String language, String source, String from, String to) {
    static final Filters NONE = new Filters("", "", "", "", "", "");
  }

  /**
   * The search page: the form with its filters, then the hits grouped by story (in the order of each
   * story's best hit), or an error, or nothing before a search.
   */
  static String search(String q, Filters f, @Nullable SearchResult result, Map<String, String> headlines,
      Map<String, news.panorama.core.Translation> english, @Nullable String error, String status) {
    StringBuilder body = new StringBuilder("<h1>Search</h1>\n")
        .append("<form class=\"search full\" action=\"/search\"><input name=\"q\" value=\"").append(escape(q))
        .append("\" aria-label=\"Search articles\"> <button>Search</button>\n<details")
        .append(f.equals(Filters.NONE) ? "" : " open").append("><summary>Filters</summary>\n<div class=\"filters\">")
        .append("<label>By <select name=\"mode\">");
    for (String[] m : new String[][] {{"", "words and meaning"}, {"keyword", "words"}, {"semantic", "meaning"}}) {
      body.append("<option value=\"").append(m[0]).append('"').append(f.mode().equals(m[0]) ? " selected" : "")
          .append('>').append(m[1]).append("</option>");
    }
    body.append("</select></label>")
        .append(filter("country", "Country (code)", f.country(), "text"))
        .append(filter("language", "Language (code)", f.language(), "text"))
        .append(filter("source", "Source", f.source(), "text"))
        .append(filter("from", "From", f.from(), "date"))
        .append(filter("to", "To", f.to(), "date"))
        .append("</div></details></form>\n");
    if (error != null) {
      body.append("<p class=\"error\">").append(escape(error)).append("</p>\n");
    } else if (result != null) {
      body.append("<p class=\"meta\">").append(count((int) Math.min(result.total(), Integer.MAX_VALUE), "article"))
          .append(" found ").append(switch (result.mode()) {
            case KEYWORD -> "by words";
            case SEMANTIC -> "by meaning";
            case HYBRID -> "by words and meaning";
          }).append("</p>\n<ol class=\"hits\">\n");
      Map<String, List<SearchHit>> byStory = new LinkedHashMap<>();
      for (SearchHit h : result.hits()) byStory.computeIfAbsent(h.storyId(), k -> new ArrayList<>()).add(h);
      byStory.forEach((story, hits) -> {
        body.append("<li class=\"story-hits\"><h2><a href=\"").append(storyPath(story)).append("\">")
            .append(escape(headlines.getOrDefault(story, story))).append("</a></h2>\n<ul>\n");
        for (SearchHit h : hits) {
          String title = h.title().isBlank() ? "(untitled)" : h.title();
          body.append("<li><a href=\"").append(articlePath(h.articleId())).append("\">").append(escape(title))
              .append("</a>");
          news.panorama.core.Translation t = english.get(h.articleId());
          if (t != null) body.append("<br><span class=\"english\">").append(escape(t.text())).append("</span> ").append(label(t));
          body.append("\n<p class=\"snippet\">").append(snippet(h.snippet()))
              .append("</p>\n<p class=\"meta\">").append(escape(h.source()));
          if (!h.country().isBlank()) body.append(" · ").append(escape(h.country()));
          if (h.published() != null) body.append(" · ").append(time(h.published(), DAY));
          body.append("</p></li>\n");
        }
        body.append("</ul></li>\n");
      });
      body.append("</ol>\n");
    }
    return layout(q.isBlank() ? "Search" : q + " — search", status, body.toString());
  }

  private static String filter(String name, String label, String value, String type) {
    return "<label>" + label + " <input name=\"" + name + "\" type=\"" + type + "\" value=\"" + escape(value) + "\"></label>";
  }

  /** What the latest version of the briefing changed, when there is more than one. */
  private static String changes(List<StoryVersion> versions, Instant now) {
    if (versions.size() < 2) return "";
    StoryVersion last = versions.get(versions.size() - 1);
    StringBuilder s = new StringBuilder("<section class=\"changes\">\n<h2>What changed</h2>\n<p class=\"meta\">Version ")
        .append(last.version()).append(", ").append(age(last.briefing().generated(), now)).append("</p>\n<ul>\n");
    if (!last.newSources().isEmpty()) {
      s.append("<li>New sources: ").append(escape(String.join(", ", last.newSources()))).append("</li>\n");
    }
    for (String added : last.added()) s.append("<li>New: ").append(escape(added)).append("</li>\n");
    for (String dropped : last.dropped()) s.append("<li class=\"dropped\">No longer in the overview: ").append(escape(dropped)).append("</li>\n");
    return s.append("</ul>\n</section>\n").toString();
  }

  static String notFound(String message, String status) {
    return layout("Not found", status, "<h1>Not found</h1>\n<p>" + escape(message)
        + "</p>\n<p><a href=\"/\">Back to the top stories</a></p>\n");
  }

  static String error(String message, String status) {
    return layout("Error", status, "<h1>Error</h1>\n<p>" + escape(message) + "</p>\n");
  }

  /** The site-relative address of a story's page. */
  static String storyPath(String id) {
    return "/stories/" + pathSegment(id);
  }

  static String articlePath(String id) {
    return "/articles/" + pathSegment(id);
  }

  /** Escapes text for HTML element content and quoted attribute values. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** "3 h ago" within two days, else the date. */
  /** "3 h ago" or a date, in a {@code <time>} element; "undated" when there is no time. */
  static String age(@Nullable Instant then, Instant now) {
    if (then == null) return "undated";
    Duration d = Duration.between(then, now);
    String text;
    if (d.toMinutes() < 1) {
      text = "just now";
    } else if (d.toHours() < 1) {
      text = d.toMinutes() + " min ago";
    } else if (d.toHours() < 48) {
      text = d.toHours() + " h ago";
    } else {
      text = DAY.format(then);
    }
    return "<time datetime=\"" + then + "\">" + text + "</time>";
  }

  private static String storyItem(Listed listed, Instant now) {
    Story story = listed.story();
    Briefing briefing = listed.briefing();
    String headline = headline(story, briefing);
    String dek = "";
    if (briefing != null) {
      dek = !briefing.subhead().isBlank() ? briefing.subhead()
          : briefing.overview().isEmpty() ? "" : briefing.overview().get(0).text();
    }
    StringBuilder li = new StringBuilder("<li>\n<h2><a href=\"")
        .append(escape(storyPath(story.id()))).append("\">").append(escape(headline))
        .append("</a></h2>\n");
    if (listed.english() != null) {
      li.append("<p class=\"english\">").append(escape(listed.english().text())).append(' ').append(label(listed.english()))
          .append("</p>\n");
    }
    if (!dek.isBlank()) {
      li.append("<p class=\"dek\">").append(escape(dek)).append("</p>\n");
    }
    li.append("<p class=\"meta\">").append(coverage(story));
    if (!story.languages().isEmpty()) {
      li.append(" · ").append(escape(String.join(", ", story.languages())));
    }
    li.append(" · ").append(age(story.last(), now)).append("</p>\n</li>\n");
    return li.toString();
  }

  private static String coverage(Story story) {
    return count(story.sources().size(), "source") + " · "
        + count(story.countries().size(), "country", "countries") + " · "
        + count(story.articleCount(), "article");
  }

  /**
   * Numbers the citations of a page in order of first use, so that every section's markers point
   * into one list of sources at the end.
   */
  private static final class Cites {
    private final Map<String, Integer> numbers = new LinkedHashMap<>();
    private final List<Citation> cited = new ArrayList<>();

    /** The numbered markers of {@code citations}, each linking to the cited article. */
    String markers(List<Citation> citations) {
      StringBuilder out = new StringBuilder();
      for (Citation c : citations) {
        Integer n = numbers.get(c.articleId() + "#" + c.sentence());
        if (n == null) {
          cited.add(c);
          n = cited.size();
          numbers.put(c.articleId() + "#" + c.sentence(), n);
        }
        out.append("<a class=\"cite\" href=\"").append(escape(citationLink(c)))
            .append("\" title=\"").append(escape(c.source() + ": " + c.quote())).append("\">[")
            .append(n).append("]</a>");
      }
      return out.toString();
    }

    String sources() {
      if (cited.isEmpty()) return "";
      StringBuilder out = new StringBuilder("<h2>Sources</h2>\n<ol class=\"sources\">\n");
      for (Citation c : cited) {
        out.append("<li><a href=\"").append(escape(citationLink(c))).append("\">")
            .append(escape(c.source().isBlank() ? "(unknown source)" : c.source()))
            .append("</a>: <q>").append(escape(c.quote())).append("</q></li>\n");
      }
      return out.append("</ol>\n").toString();
    }
  }

  /** Overview bullets with numbered citation markers. */
  private static String overview(Briefing briefing, Cites cites, English english) {
    StringBuilder out = new StringBuilder("<ul class=\"overview\">\n");
    for (Bullet bullet : briefing.overview()) {
      out.append("<li>").append(escape(bullet.text())).append(cites.markers(bullet.citations()))
          .append(english.line(bullet.text())).append("</li>\n");
    }
    return out.append("</ul>\n").toString();
  }

  /** The briefing's sections after the overview, each left out when empty. */
  private static String sections(StorySections s, Cites cites, English english) {
    StringBuilder out = new StringBuilder();
    if (!s.agreements().isEmpty()) {
      out.append("<section class=\"agreements\">\n<h2>Where sources agree</h2>\n<ul>\n");
      for (StorySections.Agreement a : s.agreements()) {
        out.append("<li>").append(escape(a.text())).append(" <span class=\"meta\">")
            .append(count(outlets(a.citations()), "outlet")).append("</span>").append(cites.markers(a.citations()))
            .append("</li>\n");
      }
      out.append("</ul>\n</section>\n");
    }
    if (!s.differences().isEmpty()) {
      out.append("<section class=\"differences\">\n<h2>Where sources differ</h2>\n<ul>\n");
      for (StorySections.Difference d : s.differences()) {
        out.append("<li><strong>").append(escape(d.slot())).append("</strong>: ");
        List<String> values = new ArrayList<>();
        for (StorySections.Difference.Value v : d.values()) {
          values.add("<span class=\"value\">" + escape(v.value()) + "</span> <span class=\"meta\">("
              + escape(String.join(", ", sourceNames(v.citations()))) + ")</span>" + cites.markers(v.citations()));
        }
        out.append(String.join(" · ", values)).append("</li>\n");
      }
      out.append("</ul>\n</section>\n");
    }
    if (!s.countries().isEmpty()) {
      out.append("<section class=\"world\">\n<h2>The world&#39;s take</h2>\n<dl>\n");
      for (StorySections.CountryTake c : s.countries()) {
        out.append("<dt>").append(escape(c.country())).append(" <span class=\"meta\">")
            .append(count(c.articles(), "article")).append("</span></dt>\n<dd>");
        if (!c.terms().isEmpty()) {
          out.append("<p class=\"terms\">").append(escape(String.join(" · ", c.terms()))).append("</p>");
        }
        if (c.quote() != null) {
          out.append("<blockquote>").append(escape(c.quote().quote())).append(cites.markers(List.of(c.quote())))
              .append(english.line(c.quote().quote())).append("</blockquote>");
        }
        out.append("</dd>\n");
      }
      out.append("</dl>\n</section>\n");
    }
    if (!s.timeline().isEmpty()) {
      out.append("<section class=\"timeline\">\n<h2>Timeline</h2>\n<ol>\n");
      for (StorySections.Event e : s.timeline()) {
        out.append("<li><time datetime=\"").append(escape(e.date())).append("\">").append(escape(e.date()))
            .append("</time> ").append(escape(e.text())).append(cites.markers(e.citations())).append("</li>\n");
      }
      out.append("</ol>\n</section>\n");
    }
    if (!s.quotes().isEmpty()) {
      out.append("<section class=\"quotes\">\n<h2>Quotes</h2>\n<ul>\n");
      for (StorySections.Said q : s.quotes()) {
        out.append("<li><q>").append(escape(q.text())).append("</q> — ").append(escape(q.speaker()))
            .append(cites.markers(q.citations())).append(english.line(q.text()));
        if (!q.variants().isEmpty()) {
          out.append("<details><summary>Also reported as</summary><ul>");
          for (String v : q.variants()) out.append("<li><q>").append(escape(v)).append("</q></li>");
          out.append("</ul></details>");
        }
        out.append("</li>\n");
      }
      out.append("</ul>\n</section>\n");
    }
    if (!s.related().isEmpty()) {
      out.append("<section class=\"related\">\n<h2>Related stories</h2>\n<ul>\n");
      for (StorySections.Related r : s.related()) {
        out.append("<li><a href=\"").append(escape(storyPath(r.story()))).append("\">").append(escape(r.headline()))
            .append("</a>");
        if (!r.blurb().isBlank()) out.append("<p>").append(escape(r.blurb())).append("</p>");
        out.append("</li>\n");
      }
      out.append("</ul>\n</section>\n");
    }
    return out.toString();
  }

  private static List<String> sourceNames(List<Citation> citations) {
    List<String> out = new ArrayList<>();
    for (Citation c : citations) {
      String name = c.source().isBlank() ? "(unknown source)" : c.source();
      if (!out.contains(name)) out.add(name);
    }
    return out;
  }

  private static int outlets(List<Citation> citations) {
    return sourceNames(citations).size();
  }

  private static String articlesBySource(List<Article> articles, Map<String, news.panorama.core.Translation> english) {
    Map<String, List<Article>> bySource = new LinkedHashMap<>();
    for (Article a : articles) {
      bySource.computeIfAbsent(a.source().isBlank() ? "(unknown source)" : a.source(),
          k -> new ArrayList<>()).add(a);
    }
    StringBuilder out = new StringBuilder("<h2>Coverage</h2>\n<dl class=\"coverage\">\n");
    bySource.forEach((source, list) -> {
      out.append("<dt>").append(escape(source));
      String country = list.get(0).country();
      if (!country.isBlank()) {
        out.append(" <span class=\"country\">").append(escape(country)).append("</span>");
      }
      out.append("</dt>\n");
      for (Article a : list) {
        news.panorama.core.Translation t = english.get(a.id());
        out.append("<dd><a href=\"").append(escape(articlePath(a.id()))).append("\"")
            .append(a.language().isBlank() ? "" : " lang=\"" + escape(a.language()) + "\"").append(">")
            .append(escape(a.title().isBlank() ? "(untitled)" : a.title())).append("</a>");
        if (t != null) out.append("<br><span class=\"english\">").append(escape(t.text())).append("</span> ").append(label(t));
        if (a.published() != null) {
          out.append(" · ").append(time(a.published(), DAY));
        }
        out.append("</dd>\n");
      }
    });
    return out.append("</dl>\n").toString();
  }

  /** The only markup a snippet may carry: the index's {@code <mark>} around the words found. */
  private static final org.jsoup.safety.Safelist SNIPPET = org.jsoup.safety.Safelist.none().addTags("mark");

  /**
   * A search snippet, which the index builds from an outlet's text with the words found marked:
   * escaped by the index already, and cleaned again with jsoup's safelist so that nothing but
   * {@code <mark>} can ever reach the page, whatever the highlighter does.
   */
  static String snippet(String html) {
    return org.jsoup.Jsoup.clean(html, SNIPPET);
  }

  /** How an English title came to be: a gloss (the gist, word by word) or a translation by a named backend. */
  static String label(news.panorama.core.Translation t) {
    if (t.isGloss()) {
      String credit = "ja".equals(t.sourceLanguage()) ? " Japanese words: JMdict (EDRDG, CC BY-SA 3.0)." : "";
      return "<span class=\"label\" title=\"Glossed word by word offline: the gist, not a translation." + credit
          + "\">gloss</span>";
    }
    return "<span class=\"label\" title=\"Translated by " + escape(t.backend()) + "\">translated</span>";
  }

  static String layout(String title, String status, String body) {
    String banner = status.isBlank() ? ""
        : "<p class=\"status\" role=\"status\">" + escape(status) + "</p>\n";
    return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s · Panorama</title>
        <link rel="stylesheet" href="/static/panorama.css">
        </head>
        <body>
        <header><a class="brand" href="/">Panorama</a>
        <nav><a href="/">Top stories</a> <a href="/world">World map</a> <a href="/sources">Sources</a></nav>
        <form class="search" action="/search"><input name="q" placeholder="Search" aria-label="Search articles"></form></header>
        %s<main>
        %s</main>
        <footer>Every story as the whole world tells it · <a href="/api/openapi.json">API</a> · <a href="/feeds/top.atom">Feed</a></footer>
        </body>
        </html>
        """.formatted(escape(title), banner, body);
  }

  /** A citation opens the cited passage, marked in the stored article, which links to the original. */
  private static String citationLink(Citation c) {
    return articlePath(c.articleId()) + "?s=" + c.sentence() + "#cited";
  }

  static boolean isWebUrl(String url) {
    String u = url.strip().toLowerCase(Locale.ROOT);
    return u.startsWith("http://") || u.startsWith("https://");
  }

  private static String time(Instant t, DateTimeFormatter format) {
    return "<time datetime=\"" + t + "\">" + format.format(t) + "</time>";
  }

  private static String count(int n, String one) {
    return count(n, one, one + "s");
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  static String pathSegment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
