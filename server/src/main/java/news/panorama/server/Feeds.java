package news.panorama.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import news.panorama.core.Json;
import org.jspecify.annotations.Nullable;

/**
 * Panorama's feeds in the three formats readers' apps take: RSS 2.0 and Atom 1.0 written by ROME,
 * and JSON Feed 1.1. A feed is a title, the page it mirrors and its items, newest first.
 */
final class Feeds {
  /** The formats, by the extension of the feed's address. */
  enum Format {
    RSS("rss", "application/rss+xml; charset=utf-8"),
    ATOM("atom", "application/atom+xml; charset=utf-8"),
    JSON("json", "application/feed+json; charset=utf-8");

    final String extension;
    final String contentType;

    Format(String extension, String contentType) {
      this.extension = extension;
      this.contentType = contentType;
    }

    /** The format of an extension; fails with a sentence naming it when there is none. */
    static Format of(String extension) {
      for (Format f : values()) {
        if (f.extension.equals(extension.toLowerCase(Locale.ROOT))) return f;
      }
      throw new IllegalArgumentException("no feed format '" + extension + "': use .rss, .atom or .json");
    }
  }

  /** One item: a stable id, a title, the page it links to (absolute), a plain-text summary, a time. */
  record Item(String id, String title, String link, String summary, @Nullable Instant updated) {}

  /** A feed: its title, the page it mirrors and its own address (both absolute), and its items. */
  record Feed(String title, String page, String self, List<Item> items) {}

  private Feeds() {}

  static String render(Feed feed, Format format) {
    return format == Format.JSON ? json(feed) : xml(feed, format == Format.RSS ? "rss_2.0" : "atom_1.0");
  }

  private static String xml(Feed feed, String type) {
    SyndFeed out = new SyndFeedImpl();
    out.setFeedType(type);
    out.setTitle(feed.title());
    out.setLink(feed.page());
    out.setUri(feed.self());
    out.setDescription(feed.title() + ", from Panorama");
    SyndLink self = new SyndLinkImpl();
    self.setRel("self");
    self.setHref(feed.self());
    SyndLink alternate = new SyndLinkImpl();
    alternate.setRel("alternate");
    alternate.setHref(feed.page());
    out.setLinks(List.of(alternate, self));
    Instant newest = feed.items().stream().map(Item::updated).filter(t -> t != null).max(Instant::compareTo)
        .orElse(Instant.EPOCH);
    out.setPublishedDate(Date.from(newest));
    List<SyndEntry> entries = new ArrayList<>();
    for (Item item : feed.items()) {
      SyndEntry e = new SyndEntryImpl();
      e.setTitle(item.title());
      e.setLink(item.link());
      e.setUri(item.id());
      Date when = Date.from(item.updated() == null ? newest : item.updated());
      e.setPublishedDate(when);
      e.setUpdatedDate(when);
      SyndContentImpl summary = new SyndContentImpl();
      summary.setType("text/plain");
      summary.setValue(item.summary());
      e.setDescription(summary);
      entries.add(e);
    }
    out.setEntries(entries);
    try {
      return new SyndFeedOutput().outputString(out);
    } catch (FeedException e) {
      throw new IllegalStateException("cannot write the feed '" + feed.title() + "': " + e.getMessage(), e);
    }
  }

  private static String json(Feed feed) {
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("version", "https://jsonfeed.org/version/1.1");
    out.put("title", feed.title());
    out.put("home_page_url", feed.page());
    out.put("feed_url", feed.self());
    ArrayNode items = out.putArray("items");
    for (Item item : feed.items()) {
      ObjectNode i = items.addObject();
      i.put("id", item.id());
      i.put("url", item.link());
      i.put("title", item.title());
      i.put("content_text", item.summary());
      if (item.updated() != null) {
        i.put("date_published", item.updated().toString());
        i.put("date_modified", item.updated().toString());
      }
    }
    return out.toString();
  }
}
