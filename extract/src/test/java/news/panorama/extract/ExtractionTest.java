package news.panorama.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import news.panorama.core.Article;
import news.panorama.core.Outcome;
import news.panorama.core.Page;
import org.junit.jupiter.api.Test;

/** The structured extraction: metadata, lead image, body blocks, charsets and scripts, bad pages. */
class ExtractionTest {
  private final HtmlExtractor extractor = new HtmlExtractor();

  private static final String BODY = """
      <p>The regional parliament approved the new water plan on Thursday after a long debate in the chamber.</p>
      <p>Farmers had asked for more time to adapt their irrigation, and the plan now phases in over five years.</p>
      <p>Environmental groups welcomed the vote but said the limits on river extraction were still too loose.</p>
      """;

  private Extraction full(String html) {
    Outcome<Extraction> out = extractor.extractFull(
        new Page("https://news.example.org/a/1", html.getBytes(StandardCharsets.UTF_8), Map.of(), null, null, null, null));
    assertThat(out.value()).as("extraction of %s", out.problems()).isNotNull();
    return out.value();
  }

  @Test
  void readsMetadata_fromJsonLdGraphAndOpenGraph() {
    String html = """
        <html lang="es"><head><title>Water plan approved - Example Daily</title>
        <meta property="og:site_name" content="Example Daily">
        <meta property="og:image" content="https://cdn.example.org/img/river-delta-2024.jpg">
        <meta property="article:modified_time" content="2024-06-07T18:45:00+02:00">
        <link rel="canonical" href="https://news.example.org/water-plan">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Example Daily"},
          {"@type":"NewsArticle","headline":"Water plan approved",
           "alternativeHeadline":"Farmers get five years to adapt their irrigation",
           "datePublished":"2024-06-06T09:30:00+02:00",
           "author":{"@type":"Person","name":"Ana Ruiz"},
           "image":{"@type":"ImageObject","url":"https://cdn.example.org/img/river-delta-2024.jpg",
                    "caption":"The river delta in spring","creditText":"Photo: J. Soler"}}]}
        </script></head><body><article><h1>Water plan approved</h1>
        """ + BODY + "</article></body></html>";

    Extraction x = full(html);

    assertThat(x.title()).isEqualTo("Water plan approved");
    assertThat(x.subtitle()).isEqualTo("Farmers get five years to adapt their irrigation");
    assertThat(x.authors()).containsExactly("Ana Ruiz");
    assertThat(x.published()).isEqualTo(OffsetDateTime.parse("2024-06-06T09:30:00+02:00"));
    assertThat(x.published().getOffset().getTotalSeconds()).isEqualTo(7200);
    assertThat(x.modified()).isEqualTo(OffsetDateTime.parse("2024-06-07T18:45:00+02:00"));
    assertThat(x.language()).isEqualTo("es");
    assertThat(x.siteName()).isEqualTo("Example Daily");
    assertThat(x.canonicalUrl()).isEqualTo("https://news.example.org/water-plan");
    assertThat(x.image()).isEqualTo(new LeadImage("https://cdn.example.org/img/river-delta-2024.jpg",
        "The river delta in spring", "Photo: J. Soler"));
  }

  @Test
  void keepsCaptionOutOfBody_butAsLeadImageCaption() {
    String html = """
        <html><head><title>Water plan</title>
        <meta property="og:image" content="https://cdn.example.org/img/river-delta-2024.jpg"></head>
        <body><article>
        <figure><img src="https://cdn.example.org/img/river-delta-2024.jpg?w=800">
          <figcaption>Farmers irrigating fields near the river delta on Monday. <span class="credit">Reuters/J. Soler</span></figcaption></figure>
        """ + BODY + """
        <blockquote><p>We can live with five years, said the farmers' union leader after the vote.</p></blockquote>
        </article></body></html>""";

    Extraction x = full(html);

    assertThat(x.image()).isNotNull();
    assertThat(x.image().caption()).isEqualTo("Farmers irrigating fields near the river delta on Monday.");
    assertThat(x.image().credit()).isEqualTo("Reuters/J. Soler");
    assertThat(x.text()).doesNotContain("irrigating fields").doesNotContain("Reuters");
    assertThat(x.body()).extracting(Block::kind).containsExactly(Block.Kind.PARAGRAPH,
        Block.Kind.PARAGRAPH, Block.Kind.PARAGRAPH, Block.Kind.QUOTE);
    assertThat(x.body().get(3).text()).startsWith("We can live with five years");
  }

  @Test
  void putsOptionalFields_inArticleExtra() {
    String html = """
        <html><head><title>Water plan</title><meta property="og:site_name" content="Example Daily">
        <meta name="description" content="The regional parliament votes on water.">
        <meta property="article:published_time" content="2024-06-06T09:30:00+02:00">
        <link rel="canonical" href="https://news.example.org/water-plan"></head>
        <body><article>""" + BODY + "</article></body></html>";
    Page page = new Page("https://news.example.org/a/1", html.getBytes(StandardCharsets.UTF_8), Map.of(),
        null, null, null, null);

    Article a = extractor.extract(page).value();

    assertThat(a).isNotNull();
    assertThat(a.extra()).containsEntry(HtmlExtractor.EXTRA_SITE_NAME, "Example Daily")
        .containsEntry(HtmlExtractor.EXTRA_SUBTITLE, "The regional parliament votes on water.")
        .containsEntry(HtmlExtractor.EXTRA_PUBLISHED_TIME, "2024-06-06T09:30+02:00")
        .containsEntry(HtmlExtractor.EXTRA_CANONICAL_URL, "https://news.example.org/water-plan")
        .doesNotContainKey(HtmlExtractor.EXTRA_MODIFIED_TIME);
  }

  @Test
  void dropsBoilerplate_bannersCommentFormsShareWidgetsAndNewsletterBoxes() {
    String html = """
        <html><head><title>Water plan</title></head><body>
        <div class="cookie-consent"><p>We use cookies to improve your experience on our website, as described in our policy.</p></div>
        <div class="site-banner"><p>Subscribe today and get unlimited access to every story we publish this year.</p></div>
        <div class="content"><p class="byline">By Ana Ruiz</p>
        <div class="share-tools"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
        """ + BODY + """
        <div class="newsletter-box"><h3>Get our morning briefing</h3><p>Sign up and receive the best stories of the day in your inbox, every day.</p>
        <form><input type="email" name="email"><button>Sign up</button></form></div>
        <p>Download on the App Store</p>
        </div>
        <div id="comments"><h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked *</p>
        <form><textarea name="comment"></textarea><input type="email" name="email"><button>Post Comment</button></form></div>
        </body></html>""";

    Extraction x = full(html);

    assertThat(x.text()).isEqualTo("""
        The regional parliament approved the new water plan on Thursday after a long debate in the chamber.

        Farmers had asked for more time to adapt their irrigation, and the plan now phases in over five years.

        Environmental groups welcomed the vote but said the limits on river extraction were still too loose.""");
  }

  @Test
  void prefersTheArticle_overTeaserCardsWithSummaries() {
    StringBuilder teasers = new StringBuilder("<ul class=\"cards\">");
    for (int i = 0; i < 8; i++) {
      teasers.append("<li><div class=\"card\"><h3><a href=\"/s").append(i).append("\">Another story number ")
          .append(i).append(" about the region</a></h3><div class=\"info\"><div class=\"summary\">")
          .append("A short summary of another story that readers may like, with a full sentence here.")
          .append("</div></div></div></li>");
    }
    teasers.append("</ul>");
    String html = "<html><head><title>Water plan</title></head><body><div class=\"page\"><div class=\"story\">"
        + BODY + "</div>" + teasers + "</div></body></html>";

    assertThat(full(html).text()).startsWith("The regional parliament").doesNotContain("short summary");
  }

  @Test
  void decodesCharset_fromHeaderMetaBomAndUndeclaredLegacyBytes() {
    String html = "<html><head>%s<title>Café crème</title></head><body><div>"
        + "<p>Le café du village a rouvert ses portes après des travaux de rénovation très importants.</p>"
        + "<p>Les habitants étaient nombreux à venir goûter le premier café de la saison à midi.</p>"
        + "<p>La mairie a salué une réouverture attendue depuis de longs mois par tout le quartier.</p>"
        + "</div></body></html>";
    Charset latin = StandardCharsets.ISO_8859_1;
    byte[] withMeta = html.formatted("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">").getBytes(latin);
    byte[] undeclared = html.formatted("").getBytes(latin);
    byte[] utf8 = html.formatted("").getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[utf8.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, bom, 3, utf8.length);
    // the BOM wins over a wrong header, as in browsers
    Page fromBom = new Page("", bom, Map.of("Content-Type", List.of("text/html; charset=iso-8859-1")), "b.html", null, null, null);

    for (Page page : List.of(Page.ofFile("meta.html", withMeta), Page.ofFile("legacy.html", undeclared), fromBom,
        new Page("", undeclared, Map.of("Content-Type", List.of("text/html; charset=ISO-8859-1")), "h.html", null, null, null))) {
      Extraction x = extractor.extractFull(page).value();
      assertThat(x).as(page.file()).isNotNull();
      assertThat(x.title()).as(page.file()).isEqualTo("Café crème");
      assertThat(x.text()).as(page.file()).startsWith("Le café du village a rouvert ses portes après");
    }
  }

  @Test
  void extractsRightToLeftPages_inArabicAndHebrew() {
    String arabic = """
        <html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>البرلمان يقر خطة المياه</title></head><body>
        <nav><a href="/">الرئيسية</a> <a href="/world">العالم</a></nav><article>
        <p>أقر البرلمان الإقليمي خطة المياه الجديدة يوم الخميس بعد نقاش طويل داخل القاعة.</p>
        <p>وكان المزارعون قد طلبوا مزيدا من الوقت لتكييف أنظمة الري لديهم مع القواعد الجديدة.</p>
        <p>ورحبت المجموعات البيئية بالتصويت لكنها قالت إن القيود على سحب المياه ما زالت ضعيفة؟</p>
        </article></body></html>""";
    String hebrew = """
        <html lang="he" dir="rtl"><head><meta charset="utf-8"><title>הפרלמנט אישר את תוכנית המים</title></head><body>
        <article><p>הפרלמנט האזורי אישר ביום חמישי את תוכנית המים החדשה לאחר דיון ארוך במליאה.</p>
        <p>החקלאים ביקשו זמן נוסף כדי להתאים את מערכות ההשקיה שלהם לכללים החדשים של התוכנית.</p>
        <p>ארגוני הסביבה בירכו על ההצבעה אך אמרו שהמגבלות על שאיבת המים מהנהר עדיין רופפות.</p>
        </article></body></html>""";

    Extraction ar = full(arabic);
    Extraction he = full(hebrew);

    assertThat(ar.language()).isEqualTo("ar");
    assertThat(ar.text()).startsWith("أقر البرلمان").endsWith("ما زالت ضعيفة؟").doesNotContain("الرئيسية");
    assertThat(ar.body()).hasSize(3);
    assertThat(he.language()).isEqualTo("he");
    assertThat(he.body()).hasSize(3);
    assertThat(he.text()).startsWith("הפרלמנט האזורי אישר");
  }

  @Test
  void extractsCjkPages_whoseSentencesHaveNoSpaces() {
    String japanese = """
        <html lang="ja"><head><meta charset="utf-8"><title>水計画が承認</title></head><body>
        <ul class="menu"><li><a href="/">ホーム</a></li><li><a href="/news">ニュース</a></li></ul>
        <div class="article-body">
        <p>地方議会は木曜日、長い議論の末に新しい水計画を承認した。</p>
        <p>農家は灌漑設備を整えるための時間を求めており、計画は五年かけて段階的に導入される。</p>
        <p>環境団体は採決を歓迎したが、川からの取水制限はまだ緩いと指摘した。</p>
        </div></body></html>""";
    String chinese = """
        <html lang="zh-CN"><head><meta charset="gb2312"><title>水计划获批</title></head><body>
        <div class="content"><p>地区议会星期四在长时间辩论后批准了新的水资源计划。</p>
        <p>农民此前要求更多时间来调整灌溉系统，该计划将在五年内分阶段实施。</p>
        <p>环保团体对投票表示欢迎，但表示对河流取水的限制仍然过于宽松。</p>
        <p>议会还决定每年公布一次各流域的用水数据，以便公众监督计划的执行情况。</p></div></body></html>""";

    Extraction ja = full(japanese);
    Outcome<Extraction> zh = extractor.extractFull(Page.ofFile("zh.html", chinese.getBytes(Charset.forName("GB18030"))));

    assertThat(ja.language()).isEqualTo("ja");
    assertThat(ja.body()).hasSize(3);
    assertThat(ja.text()).startsWith("地方議会は木曜日").doesNotContain("ホーム");
    assertThat(zh.value()).as("%s", zh.problems()).isNotNull();
    assertThat(zh.value().language()).isEqualTo("zh");
    assertThat(zh.value().text()).startsWith("地区议会星期四").contains("农民此前要求");
  }

  @Test
  void survivesMalformedHtml_unclosedTagsAndStrayEndTags() {
    String html = "<html><head><title>Water plan</title><body><div class=content><p>The regional parliament approved "
        + "the new water plan on Thursday after a long debate in the chamber.<p>Farmers had asked for more time "
        + "to adapt their irrigation, and the plan now phases in over five years.</span></b><p>Environmental groups "
        + "welcomed the vote but said the limits on river extraction were still too loose.<table><tr><td>"
        + "</div></div></body>";

    Outcome<Extraction> out = extractor.extractFull(Page.ofFile("bad.html", html.getBytes(StandardCharsets.UTF_8)));

    assertThat(out.value()).isNotNull();
    assertThat(out.value().body()).hasSize(3);
    assertThat(out.value().text()).endsWith("still too loose.");
  }

  @Test
  void reportsNoArticle_forEmptyAndNonArticlePages() {
    List<byte[]> pages = List.of(new byte[0], "<html><body></body></html>".getBytes(StandardCharsets.UTF_8),
        "<html><body><ul><li><a href=/a>Politics</a></li><li><a href=/b>Sport</a></li></ul></body></html>"
            .getBytes(StandardCharsets.UTF_8),
        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xFF, (byte) 0xFE, 0, 1});

    for (byte[] body : pages) {
      Outcome<Article> out = extractor.extract(Page.ofFile("x.html", body));
      assertThat(out.ok()).isFalse();
      assertThat(out.problems()).hasSize(1);
      assertThat(out.problems().get(0)).startsWith("no article found on x.html");
    }
  }
}
