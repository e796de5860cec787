package news.panorama.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class BoilerplateTest {
  @Test
  void dropsCallsToAction_whenLineIsShort() {
    assertThat(Boilerplate.isBoilerplateLine("Leave a Reply")).isTrue();
    assertThat(Boilerplate.isBoilerplateLine("Download on the App Store")).isTrue();
    assertThat(Boilerplate.isBoilerplateLine("Required fields are marked *")).isTrue();
    assertThat(Boilerplate.isBoilerplateLine("Share this:")).isTrue();
    assertThat(Boilerplate.isBoilerplateLine("Follow us on Instagram")).isTrue();
    assertThat(Boilerplate.isBoilerplateLine("We use cookies to give you the best experience.")).isTrue();
    assertThat(Boilerplate.isBoilerplateLine("ADVERTISEMENT")).isTrue();
  }

  @Test
  void keepsProse_whenPhraseIsPartOfASentence() {
    assertThat(Boilerplate.isBoilerplateLine("The firm's market share on Tuesday rose to 12 percent.")).isFalse();
    assertThat(Boilerplate.isBoilerplateLine("Bakers said the cookie shortage would last a month.")).isFalse();
  }

  @Test
  void marksFurniture_byTagClassIdAndRole() {
    Document doc = Jsoup.parse("""
        <body class="has-sidebar"><nav id="n"></nav><div id="a" class="social-links"></div>
        <div id="b" role="navigation"></div><div id="c" class="article-body"></div>
        <section id="comments"></section><main class="main-sidebar-layout"></main></body>""");
    assertThat(Boilerplate.isFurniture(doc.body())).isFalse();
    assertThat(Boilerplate.isFurniture(doc.getElementById("n"))).isTrue();
    assertThat(Boilerplate.isFurniture(doc.getElementById("a"))).isTrue();
    assertThat(Boilerplate.isFurniture(doc.getElementById("b"))).isTrue();
    assertThat(Boilerplate.isFurniture(doc.getElementById("c"))).isFalse();
    assertThat(Boilerplate.isFurniture(doc.getElementById("comments"))).isTrue();
    assertThat(Boilerplate.isFurniture(doc.selectFirst("main"))).isFalse();
  }
}
