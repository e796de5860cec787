package news.panorama.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.panorama.core.Article;
import news.panorama.core.ArticleJson;
import news.panorama.core.Outcome;
import news.panorama.core.Page;
import news.panorama.core.Source;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {
  private final HtmlExtractor extractor = new HtmlExtractor();

  private static final String NEWS_PAGE = """
      <!doctype html>
      <html lang="en-GB">
      <head>
        <meta charset="utf-8">
        <title>Harbour bridge reopens after repairs | Example News</title>
        <meta property="og:title" content="Harbour bridge reopens after repairs - Example News">
        <meta property="og:site_name" content="Example News">
        <meta property="og:image" content="/img/bridge.jpg">
        <meta name="author" content="Jane Doe">
        <meta property="article:author" content="https://example.com/authors/jane">
        <link rel="canonical" href="https://example.com/news/bridge-reopens">
        <script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Example News"},
          {"@type":"NewsArticle","headline":"Harbour bridge reopens","datePublished":"2024-03-05T09:30:00+01:00",
           "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"Omar Haddad"}]}]}
        </script>
      </head>
      <body class="has-sidebar">
        <div id="cookie-banner">We use cookies to improve your experience. <a href="/privacy">Accept</a></div>
        <header><a href="/">Example News</a><nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
        <main>
          <article>
            <h1>Harbour bridge reopens after repairs</h1>
            <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
            <div class="article-body">
              <p>The harbour bridge reopened to traffic on Tuesday morning after eight months of repairs to its steel cables, the city council said.</p>
              <p>Engineers replaced more than two hundred cables and repainted the main span, work that cost about 40 million euros.</p>
              <h2>Commuters relieved</h2>
              <p>Commuters who had faced detours of up to an hour said they were glad to have their old route back.</p>
              <p>Advertisement</p>
              <ul><li>Buses return to route 12 on Monday.</li><li>Cyclists keep a separate lane.</li></ul>
              <blockquote>It is the same bridge, only safer, said the mayor.</blockquote>
              <p>Share this article</p>
            </div>
            <div class="related-links"><h3>Related</h3><ul><li><a href="/a">Ferry prices rise</a></li><li><a href="/b">New tunnel planned</a></li></ul></div>
          </article>
          <section id="comments">
            <h3>Leave a Reply</h3>
            <p>Your email address will not be published. Required fields are marked *</p>
          </section>
          <form class="comment-form"><textarea></textarea><button>Post Comment</button></form>
        </main>
        <aside class="sidebar"><p>Most read: a very long list of other stories that people liked this week on the site.</p></aside>
        <div class="newsletter"><p>Sign up for our newsletter to get the best stories every morning in your inbox.</p></div>
        <footer><p>© 2024 Example News. All rights reserved.</p><p>Download on the App Store</p></footer>
      </body>
      </html>
      """;

  private static final Source SOURCE = new Source("example", "Example Daily", "https://example.com/",
      List.of("https://example.com/feed.xml"), List.of(), "GB", List.of("en"),
      Source.OwnerType.PRIVATE, "");

  @Test
  void extractsTitleDateAuthorsAndCleanText_whenNewsPageHasFurniture() {
    Page page = new Page("https://example.com/news/bridge-reopens?utm=rss",
        NEWS_PAGE.getBytes(StandardCharsets.UTF_8), Map.of("content-type", List.of("text/html")),
        null, null, "Feed title", Instant.parse("2024-03-06T00:00:00Z"));

    Outcome<Article> out = extractor.extract(page);

    assertThat(out.problems()).isEmpty();
    Article a = out.value();
    assertThat(a).isNotNull();
    assertThat(a.title()).isEqualTo("Harbour bridge reopens after repairs");
    assertThat(a.url()).isEqualTo("https://example.com/news/bridge-reopens");
    assertThat(a.id()).isEqualTo(ArticleJson.idForUrl("https://example.com/news/bridge-reopens"));
    assertThat(a.published()).isEqualTo(Instant.parse("2024-03-05T08:30:00Z"));
    assertThat(a.authors()).containsExactly("Jane Doe", "Omar Haddad");
    assertThat(a.image()).isEqualTo("https://example.com/img/bridge.jpg");
    assertThat(a.language()).isEqualTo("en");
    assertThat(a.source()).isEqualTo("Example News");
    assertThat(a.country()).isEmpty();
    assertThat(a.file()).isNull();
    assertThat(a.text()).isEqualTo("""
        The harbour bridge reopened to traffic on Tuesday morning after eight months of repairs to its steel cables, the city council said.

        Engineers replaced more than two hundred cables and repainted the main span, work that cost about 40 million euros.

        Commuters relieved

        Commuters who had faced detours of up to an hour said they were glad to have their old route back.

        Buses return to route 12 on Monday.

        Cyclists keep a separate lane.

        It is the same bridge, only safer, said the mayor.""");
  }

  @Test
  void usesCatalogSourceForNameCountryAndLanguage_whenPageComesFromSource() {
    String html = NEWS_PAGE.replace("<html lang=\"en-GB\">", "<html>");
    Page page = new Page("https://example.com/news/bridge-reopens", html.getBytes(StandardCharsets.UTF_8),
        Map.of(), null, SOURCE, null, null);

    Article a = extractor.extract(page).value();

    assertThat(a).isNotNull();
    assertThat(a.source()).isEqualTo("Example Daily");
    assertThat(a.country()).isEqualTo("GB");
    assertThat(a.language()).isEqualTo("en");
  }

  @Test
  void fallsBackToFeedHints_whenPageHasNoTitleOrDate() {
    String html = "<html><body><div><p>" + "The council met on Monday to discuss the budget. ".repeat(3)
        + "</p><p>" + "Members agreed to review spending in the spring. ".repeat(3) + "</p></div></body></html>";
    Instant feedDate = Instant.parse("2024-01-02T03:04:05Z");
    Page page = new Page("", html.getBytes(StandardCharsets.UTF_8), Map.of(), "corpus/a.html", null,
        "Council discusses budget", feedDate);

    Article a = extractor.extract(page).value();

    assertThat(a).isNotNull();
    assertThat(a.title()).isEqualTo("Council discusses budget");
    assertThat(a.published()).isEqualTo(feedDate);
    assertThat(a.url()).isEmpty();
    assertThat(a.file()).isEqualTo("corpus/a.html");
    assertThat(a.id()).isEqualTo(ArticleJson.idForUrl("file:corpus/a.html"));
    assertThat(a.source()).isEmpty();
  }

  @Test
  void decodesWindows1251_whenMetaCharsetSaysSo() {
    String html = """
        <html lang="ru"><head><meta charset="windows-1251"><title>Новости дня</title>
        <meta property="article:published_time" content="2024-05-01T12:00:00Z"></head>
        <body><article>
        <p>Городской совет утвердил новый бюджет на следующий год после долгого обсуждения.</p>
        <p>Депутаты договорились увеличить расходы на школы, больницы и общественный транспорт.</p>
        <p>Решение вступит в силу с первого января, сообщила пресс-служба администрации города.</p>
        </article></body></html>
        """;
    Page page = Page.ofFile("ru.html", html.getBytes(Charset.forName("windows-1251")));

    Article a = extractor.extract(page).value();

    assertThat(a).isNotNull();
    assertThat(a.title()).isEqualTo("Новости дня");
    assertThat(a.language()).isEqualTo("ru");
    assertThat(a.published()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
    assertThat(a.text()).isEqualTo("""
        Городской совет утвердил новый бюджет на следующий год после долгого обсуждения.

        Депутаты договорились увеличить расходы на школы, больницы и общественный транспорт.

        Решение вступит в силу с первого января, сообщила пресс-служба администрации города.""");
  }

  @Test
  void decodesWithHeaderCharset_whenContentTypeNamesIt() {
    String html = "<html><head><title>Café</title></head><body><div>"
        + "<p>Le café du village a rouvert ses portes après des travaux de rénovation importants.</p>"
        + "<p>Les habitants étaient nombreux à venir goûter le premier café de la saison à midi.</p>"
        + "<p>La mairie a salué une réouverture attendue depuis de longs mois par tout le quartier.</p>"
        + "</div></body></html>";
    Page page = new Page("https://exemple.fr/cafe", html.getBytes(StandardCharsets.ISO_8859_1),
        Map.of("content-type", List.of("text/html; charset=ISO-8859-1")), null, null, null, null);

    Article a = extractor.extract(page).value();

    assertThat(a).isNotNull();
    assertThat(a.title()).isEqualTo("Café");
    assertThat(a.text()).startsWith("Le café du village");
    assertThat(a.source()).isEqualTo("exemple.fr");
  }

  @Test
  void fails_whenPageHasNoArticle() {
    String html = """
        <html><head><title>Sign in | Example News</title></head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <div class="menu"><ul><li><a href="/a">Politics</a></li><li><a href="/b">Business</a></li></ul></div>
        <form><p>Email</p><input name="email"><p>Password</p><input name="pw"></form>
        <p>Forgot your password?</p>
        </body></html>
        """;
    Page page = new Page("https://example.com/login", html.getBytes(StandardCharsets.UTF_8), Map.of(),
        null, null, null, null);

    Outcome<Article> out = extractor.extract(page);

    assertThat(out.ok()).isFalse();
    assertThat(out.problems()).containsExactly("no article found on https://example.com/login: no prose on the page");
  }

  @Test
  void cutsAndReports_whenPageIsOverSizeLimit() {
    String start = "<html><head><title>Big page</title></head><body><div>"
        + "<p>The first paragraph of a very large page explains what happened in the town today.</p>"
        + "<p>The second paragraph adds detail about who was there and what they said to reporters.</p>"
        + "<p>The third paragraph closes the story with a note about what comes next for the town.</p>";
    byte[] body = (start + "<!--" + "x".repeat(HtmlExtractor.MAX_BYTES) + "-->").getBytes(StandardCharsets.UTF_8);
    Page page = Page.ofFile("big.html", body);

    Outcome<Article> out = extractor.extract(page);

    assertThat(out.ok()).isTrue();
    assertThat(out.problems()).containsExactly("big.html is " + body.length
        + " bytes, over the limit of 10000000; only the first 10000000 were read");
  }

  @Test
  void keepsArticleText_whenEveryContainerHasAFurnitureName() {
    String html = "<html><head><title>Story</title></head><body><div class=\"content-with-sidebar\">"
        + "<p>This paragraph sits inside a container whose class mentions a sidebar by accident.</p>"
        + "<p>The lenient pass keeps it, because the strict rules would otherwise leave nothing at all.</p>"
        + "<p>Only tag rules apply in that second pass, so the text of the story is still found here.</p>"
        + "</div></body></html>";

    Article a = extractor.extract(Page.ofFile("s.html", html.getBytes(StandardCharsets.UTF_8))).value();

    assertThat(a).isNotNull();
    assertThat(a.text()).startsWith("This paragraph sits inside");
  }

  @Test
  void keepsEmbeddedPost_whenItsWrapperHasASocialName() {
    String html = "<html><body><article>"
        + "<p>The council voted on Monday to close the old harbour road for the whole of next summer.</p>"
        + "<p>Residents were quick to reply online, and the mayor answered them within the hour.</p>"
        + "<div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\">"
        + "<p>The road will reopen in September, and buses will run every ten minutes until then.</p>"
        + "</blockquote></div>"
        + "<p>Shop owners on the road said they feared losing most of their summer trade this year.</p>"
        + "<div class=\"social-share\"><p>Share this story with your friends on every network.</p></div>"
        + "</article></body></html>";

    Article a = extractor.extract(Page.ofFile("e.html", html.getBytes(StandardCharsets.UTF_8))).value();

    assertThat(a).isNotNull();
    assertThat(a.text()).contains("The road will reopen in September").doesNotContain("Share this story");
  }

  @Test
  void dropsTeaserList_whenItemsOpenWithAHeadlineLink() {
    String html = "<html><body><div class=\"page\">"
        + "<div class=\"ticker\"><ul>"
        + "<li><a href=\"/a\">Floods close three schools in the northern valley</a> NORTHTOWN: Heavy rain on Sunday"
        + " left three schools under water, and pupils will stay home until Thursday at least.</li>"
        + "<li><a href=\"/b\">City council approves the new tram line budget</a> SOUTHTOWN: The council voted"
        + " on Monday to fund the second tram line, after two years of debate among its members.</li>"
        + "<li><a href=\"/c\">Local team wins the regional cup after a late goal</a> EASTON: A goal in the last"
        + " minute gave the club its first cup in twelve years, and fans filled the square.</li>"
        + "</ul></div>"
        + "<div class=\"story\">"
        + "<p>The harbour bridge reopened on Tuesday after eight months of repairs to its steel frame.</p>"
        + "<p><a href=\"/works\">Repairs to the frame</a> took longer than planned, the city engineer said.</p>"
        + "<p>Drivers had used a ferry and a long detour through the hills while the bridge was shut.</p>"
        + "</div></div></body></html>";

    Article a = extractor.extract(Page.ofFile("t.html", html.getBytes(StandardCharsets.UTF_8))).value();

    assertThat(a).isNotNull();
    assertThat(a.text()).startsWith("The harbour bridge reopened")
        .contains("Repairs to the frame took longer")
        .doesNotContain("NORTHTOWN").doesNotContain("tram line");
  }

  @Test
  void keepsUnlinkedListAndItsHeading_afterTheLastParagraph() {
    String html = "<html><body><article>"
        + "<p>Twenty teams have now qualified for the summer tournament, after the last round of games.</p>"
        + "<p>The final four places will be decided in the play-offs in March, the organisers said today.</p>"
        + "<p>Officials said a full report on the work and its cost would be published before the end of the year.</p><h3>Qualified teams</h3><ul><li>England (Group A): tenth appearance</li>"
        + "<li>Ukraine (Group B): third appearance</li><li>Finland (Group J): first appearance</li></ul>"
        + "<h3>Latest</h3><ul><li><a href=\"/x\">Coach leaves after the defeat at home</a></li>"
        + "<li><a href=\"/y\">Stadium plans go to the council next week</a></li></ul>"
        + "</article></body></html>";

    Article a = extractor.extract(Page.ofFile("l.html", html.getBytes(StandardCharsets.UTF_8))).value();

    assertThat(a).isNotNull();
    assertThat(a.text()).endsWith("Qualified teams\n\nEngland (Group A): tenth appearance\n\n"
        + "Ukraine (Group B): third appearance\n\nFinland (Group J): first appearance");
  }

  @Test
  void keepsSentence_whoseLinkCoversMostOfIt() {
    String html = "<html><body><article>"
        + "<p>The inquiry into the collapse of the harbour wall opened on Monday in the town hall.</p>"
        + "<p><a href=\"/earlier\">The first inquiry had been closed in 2017 for lack of evidence</a>, according to the panel chair.</p>"
        + "<p>Engineers told the panel that the wall had not been inspected for more than ten years.</p><p>Officials said a full report on the work and its cost would be published before the end of the year.</p>"
        + "</article></body></html>";

    Article a = extractor.extract(Page.ofFile("k.html", html.getBytes(StandardCharsets.UTF_8))).value();

    assertThat(a).isNotNull();
    assertThat(a.text()).contains("The first inquiry had been closed in 2017 for lack of evidence, according to the panel chair.");
  }

  @Test
  void dropsStandfirstFromBody_whenItStandsApartFromTheParagraphs() {
    String standfirst = "The town's bridge is open again after eight months, and traffic is back to normal.";
    String html = "<html><head><meta name=\"description\" content=\"" + standfirst + "\"></head><body>"
        + "<article><div class=\"intro\"><div><p>" + standfirst + "</p></div></div>"
        + "<div class=\"text\"><p>The harbour bridge reopened on Tuesday after repairs to its steel frame.</p>"
        + "<p>Drivers had used a ferry and a long detour through the hills while the bridge was shut.</p><p>Officials said a full report on the work and its cost would be published before the end of the year.</p>"
        + "</div></article></body></html>";

    Extraction x = extractor.extractFull(Page.ofFile("s.html", html.getBytes(StandardCharsets.UTF_8))).value();

    assertThat(x).isNotNull();
    assertThat(x.subtitle()).isEqualTo(standfirst);
    assertThat(x.text()).startsWith("The harbour bridge reopened").doesNotContain("traffic is back");
  }

  @Test
  void keepsFirstParagraph_whenTheDescriptionRepeatsIt() {
    String first = "The harbour bridge reopened on Tuesday after repairs to its steel frame.";
    String html = "<html><head><meta name=\"description\" content=\"" + first + "\"></head><body>"
        + "<article><p>" + first + "</p>"
        + "<p>Drivers had used a ferry and a long detour through the hills while the bridge was shut.</p><p>Officials said a full report on the work and its cost would be published before the end of the year.</p>"
        + "</article></body></html>";

    Extraction x = extractor.extractFull(Page.ofFile("f.html", html.getBytes(StandardCharsets.UTF_8))).value();

    assertThat(x).isNotNull();
    assertThat(x.text()).startsWith(first);
  }
}
