package news.panorama.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import news.panorama.core.Article;
import news.panorama.core.Sample;
import news.panorama.core.Source;

/**
 * A generated news site on loopback for {@code bench ingest}: {@code hosts} JDK HTTP servers on
 * 127.0.0.1 (one port each, so each is its own host to the crawler), serving feeds (RSS 2.0, Atom
 * and JSON Feed in turn) and article pages whose text is resampled from the sentences of the
 * bundled sample, with a seeded {@link Random} so two runs serve the same bytes. Everything is
 * generated up front and served from memory, so the server costs as little as it can.
 */
final class BenchSite implements AutoCloseable {
  private static final String[] TYPES = {"application/rss+xml; charset=utf-8", "application/atom+xml; charset=utf-8",
      "application/feed+json; charset=utf-8"};

  /** What one phase of the benchmark crawls: its outlets, and every URL a crawl of them fetches. */
  record Phase(List<Source> sources, List<String> feedUrls, List<String> pageUrls, int items) {}

  private record Resource(String type, byte[] body) {}

  private final List<HttpServer> servers = new ArrayList<>();
  private final List<String> bases = new ArrayList<>();
  private final List<Map<String, Resource>> resources = new ArrayList<>();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final List<String> sentences;
  private final Random random;
  private final Instant now = Instant.parse("2026-11-25T12:00:00Z");
  private long pageBytes;
  private int pageCount;

  private BenchSite(int hosts, long seed) throws IOException {
    this.random = new Random(seed);
    this.sentences = sampleSentences();
    for (int h = 0; h < hosts; h++) {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
      Map<String, Resource> own = new HashMap<>();
      server.createContext("/", ex -> {
        Resource r = own.get(ex.getRequestURI().getPath());
        if (r == null) {
          ex.sendResponseHeaders(404, -1);
        } else {
          ex.getResponseHeaders().set("Content-Type", r.type());
          ex.sendResponseHeaders(200, r.body().length);
          ex.getResponseBody().write(r.body());
        }
        ex.close();
      });
      server.setExecutor(executor);
      server.start();
      servers.add(server);
      resources.add(own);
      bases.add("http://127.0.0.1:" + server.getAddress().getPort());
    }
  }

  /** Starts {@code hosts} servers with nothing on them yet (every robots.txt is a 404: all allowed). */
  static BenchSite start(int hosts, long seed) throws IOException {
    return new BenchSite(hosts, seed);
  }

  /**
   * Adds {@code items} feed items in feeds of {@code perFeed} items, one outlet per feed, spread
   * over the hosts in turn; each item links to a page of its feed's host, generated only when
   * {@code withPages}.
   */
  Phase phase(String name, int items, int perFeed, boolean withPages) {
    List<Source> sources = new ArrayList<>();
    List<String> feedUrls = new ArrayList<>();
    List<String> pageUrls = new ArrayList<>();
    int feeds = (items + perFeed - 1) / perFeed;
    for (int f = 0; f < feeds; f++) {
      int host = f % bases.size();
      String base = bases.get(host);
      int format = f % TYPES.length;
      String feedPath = "/" + name + "/" + f + (format == 2 ? ".json" : ".xml");
      int count = Math.min(perFeed, items - f * perFeed);
      List<String[]> entries = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String path = "/" + name + "/" + f + "/" + i + ".html";
        String title = headline();
        Instant published = now.minusSeconds(60L * (f * perFeed + i));
        entries.add(new String[] {base + path, title, published.toString()});
        if (withPages) {
          byte[] page = page(base + path, title, published);
          resources.get(host).put(path, new Resource("text/html; charset=utf-8", page));
          pageUrls.add(base + path);
          pageBytes += page.length;
          pageCount++;
        }
      }
      resources.get(host).put(feedPath, new Resource(TYPES[format], feed(format, base, entries)));
      feedUrls.add(base + feedPath);
      sources.add(new Source(name + "-" + f, "Bench " + name + " " + f, base + "/", List.of(base + feedPath), List.of(),
          "NZ", List.of("en"), Source.OwnerType.PRIVATE, ""));
    }
    return new Phase(List.copyOf(sources), List.copyOf(feedUrls), List.copyOf(pageUrls), items);
  }

  int hosts() {
    return servers.size();
  }

  int sentenceCount() {
    return sentences.size();
  }

  long averagePageBytes() {
    return pageCount == 0 ? 0 : pageBytes / pageCount;
  }

  private String headline() {
    String s = sentences.get(random.nextInt(sentences.size()));
    String[] words = s.split("\\s+");
    return String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 6 + random.nextInt(6))))
        .replaceAll("[,;:.]+$", "");
  }

  private String paragraph() {
    StringBuilder b = new StringBuilder();
    int n = 2 + random.nextInt(3);
    for (int i = 0; i < n; i++) b.append(i == 0 ? "" : " ").append(sentences.get(random.nextInt(sentences.size())));
    return b.toString();
  }

  /** An article page as outlets publish them: head metadata, navigation, the story, a related list, a footer. */
  private byte[] page(String url, String title, Instant published) {
    StringBuilder b = new StringBuilder(12_000);
    b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
        .append(" | Bench Daily</title><link rel=\"canonical\" href=\"").append(url).append("\">")
        .append("<meta property=\"og:title\" content=\"").append(esc(title)).append("\">")
        .append("<meta property=\"article:published_time\" content=\"").append(published).append("\">")
        .append("<meta name=\"author\" content=\"Bench Desk\"></head><body>")
        .append("<header><nav><ul>");
    for (String section : List.of("World", "Politics", "Business", "Science", "Sport", "Culture", "Opinion")) {
      b.append("<li><a href=\"/").append(section.toLowerCase(Locale.ROOT)).append("\">").append(section).append("</a></li>");
    }
    b.append("</ul></nav></header><main><article><h1>").append(esc(title)).append("</h1>")
        .append("<p class=\"byline\">By Bench Desk · <time datetime=\"").append(published).append("\">")
        .append(DateTimeFormatter.ISO_LOCAL_DATE.format(published.atZone(java.time.ZoneOffset.UTC))).append("</time></p>");
    int paragraphs = 6 + random.nextInt(7);
    for (int i = 0; i < paragraphs; i++) b.append("<p>").append(esc(paragraph())).append("</p>");
    b.append("</article><aside><h2>Most read</h2><ul>");
    for (int i = 0; i < 5; i++) b.append("<li><a href=\"/related/").append(i).append("\">").append(esc(headline())).append("</a></li>");
    b.append("</ul></aside></main><footer><p>© Bench Daily. All rights reserved.</p>")
        .append("<a href=\"/privacy\">Privacy</a> <a href=\"/contact\">Contact</a></footer></body></html>");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] feed(int format, String base, List<String[]> entries) {
    StringBuilder b = new StringBuilder();
    DateTimeFormatter rfc = DateTimeFormatter.RFC_1123_DATE_TIME;
    switch (format) {
      case 0 -> {
        b.append("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Bench</title><link>")
            .append(base).append("/</link><description>generated</description>");
        for (String[] e : entries) {
          b.append("<item><title>").append(esc(e[1])).append("</title><link>").append(e[0]).append("</link><guid>")
              .append(e[0]).append("</guid><pubDate>")
              .append(rfc.format(Instant.parse(e[2]).atZone(java.time.ZoneOffset.UTC))).append("</pubDate>")
              .append("<description>").append(esc(e[1])).append("</description></item>");
        }
        b.append("</channel></rss>");
      }
      case 1 -> {
        b.append("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Bench</title>")
            .append("<id>").append(base).append("/</id><updated>").append(entries.get(0)[2]).append("</updated>");
        for (String[] e : entries) {
          b.append("<entry><title>").append(esc(e[1])).append("</title><link href=\"").append(e[0]).append("\"/><id>")
              .append(e[0]).append("</id><updated>").append(e[2]).append("</updated><summary>").append(esc(e[1]))
              .append("</summary></entry>");
        }
        b.append("</feed>");
      }
      default -> {
        b.append("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Bench\",\"home_page_url\":\"")
            .append(base).append("/\",\"items\":[");
        for (int i = 0; i < entries.size(); i++) {
          String[] e = entries.get(i);
          b.append(i == 0 ? "" : ",").append("{\"id\":\"").append(e[0]).append("\",\"url\":\"").append(e[0])
              .append("\",\"title\":\"").append(e[1].replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\"date_published\":\"")
              .append(e[2]).append("\"}");
        }
        b.append("]}");
      }
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** Every sentence of the bundled sample's bodies that is long enough to read as one. */
  private static List<String> sampleSentences() {
    List<String> out = new ArrayList<>();
    for (Article a : Sample.articles()) {
      for (String s : a.text().split("(?<=[.!?])\\s+")) {
        String t = s.strip();
        if (t.split("\\s+").length >= 6 && !t.contains("\n")) out.add(t);
      }
    }
    if (out.isEmpty()) throw new IllegalStateException("the bundled sample has no sentences to build pages from");
    return List.copyOf(out);
  }

  @Override
  public void close() {
    servers.forEach(s -> s.stop(0));
    executor.shutdownNow();
  }
}
