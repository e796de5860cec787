package news.panorama.server;

import static news.panorama.server.Pages.escape;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import news.panorama.core.Source;
import news.panorama.core.Store.Listing;
import news.panorama.core.Store.SourceActivity;
import news.panorama.server.WorldCoverage.CountryTotal;
import news.panorama.server.WorldCoverage.StoryCoverage;
import org.jspecify.annotations.Nullable;

/**
 * The pages that look at the world by place and by outlet: the world map, a country's page with
 * its blindspots, the catalog of sources and one source's page.
 */
final class WorldPages {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  /** Shades of the map, from least to most covered (quantiles of the countries with coverage). */
  static final int SHADES = 5;

  private WorldPages() {}

  /** A story as a country page lists it: its row and what its headline is. */
  record Item(StoryCoverage coverage, String headline, List<Title> titles) {}

  /** A title by one of the country's outlets, with its English rendering when it has one. */
  record Title(Listing article, news.panorama.core.@Nullable Translation english) {}

  /** The world map page: every country shaded by coverage, linked to its page, then the list. */
  static String world(WorldCoverage coverage, String status) {
    StringBuilder body = new StringBuilder("<h1>The world's news</h1>\n<p class=\"meta\">")
        .append(window(coverage)).append(" Pick a country to see its outlets' stories and its blindspots.</p>\n")
        .append(map(coverage));
    List<CountryTotal> countries = coverage.countries();
    if (countries.isEmpty()) {
      body.append("<p class=\"empty\">No article in this window comes from an outlet whose country is known.</p>\n");
    } else {
      body.append("<h2>Countries by coverage</h2>\n<ol class=\"countries\">\n");
      for (CountryTotal c : countries) {
        body.append("<li><a href=\"").append(countryPath(c.country())).append("\">")
            .append(escape(WorldMap.countryName(c.country()))).append("</a> <span class=\"meta\">")
            .append(counts(c)).append("</span></li>\n");
      }
      body.append("</ol>\n");
    }
    return Pages.layout("World map", status, body.toString());
  }

  /** The SVG map: one link per country, keyboard-focusable, with its counts as its accessible name. */
  static String map(WorldCoverage coverage) {
    List<CountryTotal> ranked = coverage.countries();
    StringBuilder svg = new StringBuilder("<figure class=\"map\">\n<svg viewBox=\"0 0 ")
        .append(WorldMap.WIDTH).append(' ').append(WorldMap.HEIGHT)
        .append("\" role=\"group\" aria-label=\"World map of coverage by country\">\n");
    for (WorldMap.Shape shape : WorldMap.shapes()) {
      CountryTotal total = coverage.country(shape.country()).orElse(null);
      int shade = total == null ? 0 : shade(ranked, total);
      String label = WorldMap.countryName(shape.country()) + ": "
          + (total == null ? "no coverage" : counts(total));
      svg.append("<a href=\"").append(countryPath(shape.country())).append("\" class=\"c").append(shade)
          .append("\" data-country=\"").append(shape.country()).append("\" aria-label=\"").append(escape(label))
          .append("\"><title>").append(escape(label)).append("</title>");
      if (!shape.path().isEmpty()) svg.append("<path d=\"").append(shape.path()).append("\"/>");
      if (shape.dot() != null) {
        svg.append("<circle cx=\"").append(Math.round(shape.dot()[0] * 10) / 10.0).append("\" cy=\"")
            .append(Math.round(shape.dot()[1] * 10) / 10.0).append("\" r=\"2.5\"/>");
      }
      svg.append("</a>\n");
    }
    svg.append("</svg>\n<figcaption class=\"meta\">Darker: more articles. Boundaries: Natural Earth via world-atlas.")
        .append(" <span class=\"legend\">");
    for (int i = 0; i <= SHADES; i++) svg.append("<i class=\"c").append(i).append("\"></i>");
    return svg.append(" none → most</span></figcaption>\n</figure>\n").toString();
  }

  /**
   * Shade 1..SHADES by the share of countries with coverage that have more articles than this one,
   * so countries with as many articles get the same shade.
   */
  private static int shade(List<CountryTotal> ranked, CountryTotal total) {
    long more = ranked.stream().filter(c -> c.articles() > total.articles()).count();
    return SHADES - (int) (more * SHADES / Math.max(1, ranked.size()));
  }

  /** A country's page: its outlets' stories, its blindspots, and what only it covers. */
  static String country(String code, WorldCoverage coverage, List<Item> stories, List<Item> blindspots,
      List<Item> mainlyHere, List<Source> outlets, String status, Instant now) {
    String name = WorldMap.countryName(code);
    StringBuilder body = new StringBuilder("<h1>").append(escape(name)).append("</h1>\n<p class=\"meta\">")
        .append(coverage.country(code).map(WorldPages::counts).orElse("No articles from its outlets"))
        .append(" · ").append(window(coverage)).append(" <a href=\"/feeds/countries/").append(escape(code))
        .append(".atom\">Feed</a></p>\n");
    // "its" rather than a possessive: "United States's", "Philippines's" read wrong, and CLDR's names carry no article
    body.append("<section class=\"here\">\n<h2>Top stories in its media</h2>\n");
    items(body, stories, now, "None of its outlets' articles is in this window.");
    body.append("</section>\n<section class=\"blindspots\">\n<h2>Blindspots</h2>\n<p class=\"meta\">Stories the outlets of ")
        .append(WorldCoverage.BLINDSPOT_COUNTRIES).append(" or more other countries covered and its outlets did not.</p>\n");
    items(body, blindspots, now, coverage.country(code).isEmpty()
        ? "Without articles from its outlets in this window, Panorama cannot tell what they missed."
        : "None: every widely covered story was covered here too.");
    body.append("</section>\n<section class=\"mainly\">\n<h2>Covered mainly here</h2>\n<p class=\"meta\">Stories with two thirds or more of their articles from its outlets.</p>\n");
    items(body, mainlyHere, now, "None.");
    body.append("</section>\n");
    if (!outlets.isEmpty()) {
      body.append("<section>\n<h2>Outlets in the catalog</h2>\n<ul class=\"outlets\">\n");
      for (Source s : outlets) body.append("<li>").append(sourceLink(s.id(), s.name())).append(" <span class=\"meta\">")
          .append(escape(ownerType(s.ownerType()))).append(" · ").append(escape(String.join(", ", s.languages())))
          .append("</span></li>\n");
      body.append("</ul>\n</section>\n");
    }
    return Pages.layout(name, status, body.toString());
  }

  private static void items(StringBuilder body, List<Item> items, Instant now, String none) {
    if (items.isEmpty()) {
      body.append("<p class=\"empty\">").append(escape(none)).append("</p>\n");
      return;
    }
    body.append("<ol class=\"stories\">\n");
    for (Item item : items) {
      StoryCoverage c = item.coverage();
      body.append("<li>\n<h3><a href=\"").append(escape(Pages.storyPath(c.storyId()))).append("\">")
          .append(escape(item.headline())).append("</a></h3>\n");
      for (Title t : item.titles()) {
        body.append("<p class=\"local\">");
        if (t.english() != null) {
          body.append(escape(t.english().text())).append(' ').append(Pages.label(t.english()))
              .append(" <details><summary>original (").append(escape(t.article().language())).append(")</summary><span lang=\"")
              .append(escape(t.article().language())).append("\">").append(escape(t.article().title())).append("</span></details>");
        } else {
          body.append("<span lang=\"").append(escape(t.article().language())).append("\">")
              .append(escape(t.article().title())).append("</span>");
        }
        body.append(" <span class=\"meta\">— ").append(escape(t.article().source())).append("</span></p>\n");
      }
      body.append("<p class=\"meta\">").append(c.articles()).append(c.articles() == 1 ? " article" : " articles")
          .append(" from ").append(c.countries()).append(c.countries() == 1 ? " country" : " countries");
      String flags = countriesOf(c);
      if (!flags.isEmpty()) body.append(" (").append(flags).append(")");
      body.append(" · ").append(Pages.age(c.latest(), now)).append("</p>\n</li>\n");
    }
    body.append("</ol>\n");
  }

  private static String countriesOf(StoryCoverage c) {
    StringBuilder out = new StringBuilder();
    int shown = 0;
    for (Map.Entry<String, Integer> e : c.byCountry().entrySet()) {
      if (e.getKey().isEmpty()) continue;
      if (shown++ == 8) {
        out.append(", …");
        break;
      }
      if (!out.isEmpty()) out.append(", ");
      out.append("<a href=\"").append(countryPath(e.getKey())).append("\">").append(escape(e.getKey())).append("</a>");
    }
    return out.toString();
  }

  /** The catalog with each source's activity in the store. */
  static String sources(List<Source> catalog, Map<String, SourceActivity> activity, Function<String, String> health,
      String status, Instant now) {
    StringBuilder body = new StringBuilder("<h1>Sources</h1>\n<p class=\"meta\">")
        .append(catalog.size()).append(" outlets in the catalog; ")
        .append(activity.size()).append(" with stored articles.</p>\n<table class=\"catalog\">\n")
        .append("<thead><tr><th>Outlet</th><th>Country</th><th>Languages</th><th>Owner</th><th>Articles</th><th>Latest</th><th>Health</th></tr></thead>\n<tbody>\n");
    java.util.Set<String> listed = new java.util.HashSet<>();
    for (Source s : catalog) {
      listed.add(s.id());
      row(body, s.id(), s.name(), s.country(), String.join(", ", s.languages()), ownerType(s.ownerType()),
          activity.get(s.id()), health.apply(s.id()), now);
    }
    for (SourceActivity a : activity.values()) {
      if (!listed.contains(a.source())) row(body, a.source(), a.source(), "", "", "not in the catalog", a, "", now);
    }
    return Pages.layout("Sources", status, body.append("</tbody>\n</table>\n").toString());
  }

  private static void row(StringBuilder body, String id, String name, String country, String languages, String owner,
      @Nullable SourceActivity activity, String health, Instant now) {
    body.append("<tr><td>").append(sourceLink(id, name)).append("</td><td>")
        .append(country.isEmpty() ? "" : "<a href=\"" + countryPath(country) + "\">" + escape(country) + "</a>")
        .append("</td><td>").append(escape(languages)).append("</td><td>").append(escape(owner)).append("</td><td>")
        .append(activity == null ? 0 : activity.articles()).append("</td><td>")
        .append(activity == null ? "" : Pages.age(activity.latest(), now)).append("</td><td>").append(escape(health))
        .append("</td></tr>\n");
  }

  /** One source: what the catalog says about it and its latest stored articles. */
  static String source(String id, @Nullable Source source, @Nullable SourceActivity activity, List<Listing> recent,
      String health, String status, Instant now) {
    String name = source == null ? id : source.name();
    StringBuilder body = new StringBuilder("<h1>").append(escape(name)).append("</h1>\n<p class=\"meta\">");
    if (source != null) {
      if (!source.country().isEmpty()) {
        body.append("<a href=\"").append(countryPath(source.country())).append("\">")
            .append(escape(WorldMap.countryName(source.country()))).append("</a> · ");
      }
      body.append(escape(String.join(", ", source.languages()))).append(" · ").append(escape(ownerType(source.ownerType())));
      if (Pages.isWebUrl(source.homepage())) {
        body.append(" · <a href=\"").append(escape(source.homepage())).append("\" rel=\"noopener noreferrer\">homepage</a>");
      }
    } else {
      body.append("Not in the catalog (articles imported from a file or an archive)");
    }
    body.append("</p>\n<p class=\"meta\">").append(activity == null ? 0 : activity.articles()).append(" articles stored");
    if (!health.isEmpty()) body.append(" · last crawl: ").append(escape(health));
    body.append("</p>\n<h2>Latest articles</h2>\n");
    if (recent.isEmpty()) {
      body.append("<p class=\"empty\">No stored article.</p>\n");
    } else {
      body.append("<ol class=\"hits\">\n");
      for (Listing a : recent) {
        body.append("<li><a href=\"").append(escape(Pages.articlePath(a.articleId()))).append("\">")
            .append(escape(a.title().isBlank() ? "(untitled)" : a.title())).append("</a> <span class=\"meta\">")
            .append(a.published() == null ? "undated" : DAY.format(a.published()))
            .append(" · <a href=\"").append(escape(Pages.storyPath(a.storyId()))).append("\">the story</a></span></li>\n");
      }
      body.append("</ol>\n");
    }
    return Pages.layout(name, status, body.toString());
  }

  static String countryPath(String code) {
    return "/countries/" + code;
  }

  static String sourcePath(String id) {
    return "/sources/" + Pages.pathSegment(id);
  }

  private static String sourceLink(String id, String name) {
    return "<a href=\"" + escape(sourcePath(id)) + "\">" + escape(name) + "</a>";
  }

  private static String counts(CountryTotal c) {
    return c.articles() + (c.articles() == 1 ? " article" : " articles") + " in " + c.stories()
        + (c.stories() == 1 ? " story" : " stories") + " from " + c.sources() + (c.sources() == 1 ? " outlet" : " outlets");
  }

  private static String window(WorldCoverage coverage) {
    return "Articles from " + DAY.format(coverage.from()) + " to " + DAY.format(coverage.to()) + ".";
  }

  static String ownerType(Source.OwnerType type) {
    return switch (type) {
      case PUBLIC_BROADCASTER -> "public broadcaster";
      case PRIVATE -> "private";
      case STATE_CONTROLLED -> "state-controlled";
      case WIRE_AGENCY -> "wire agency";
      case NON_PROFIT -> "non-profit";
      case UNKNOWN -> "owner unknown";
    };
  }
}
