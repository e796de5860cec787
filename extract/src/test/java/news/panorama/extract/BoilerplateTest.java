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
  void dropsAdLabelsGalleryCountersAndSharePrompts() {
    assertThat(Boilerplate.isBoilerplateLine("Advert")).isTrue();
    assertThat(Boilerplate.isBoilerplateLine("Реклама")).isTrue();
    assertThat(Boilerplate.isBoilerplateLine("Anzeige")).isTrue();
    assertThat(Boilerplate.isBoilerplateLine("Image 3 of 12")).isTrue();
    assertThat(Boilerplate.isBoilerplateLine("Foto 2/5")).isTrue();
    assertThat(Boilerplate.isBoilerplateLine("This slideshow requires JavaScript.")).isTrue();
    assertThat(Boilerplate.isBoilerplateLine("Like this story? Share it with a friend!")).isTrue();
    assertThat(Boilerplate.isBoilerplateLine("Subscribe now. Click here for more information.")).isTrue();
    assertThat(Boilerplate.isBoilerplateLine("Image 3 of the series shows the harbour at night, as the mayor said.")).isFalse();
  }

  @Test
  void keepsProse_whenPhraseIsPartOfASentence() {
    assertThat(Boilerplate.isBoilerplateLine("The firm's market share on Tuesday rose to 12 percent.")).isFalse();
    assertThat(Boilerplate.isBoilerplateLine("Bakers said the cookie shortage would last a month.")).isFalse();
  }

  @Test
  void marksFurniture_byClassIdAndRole() {
    Document doc = Jsoup.parse("""
        <body class="has-sidebar"><div id="a" class="social-links"></div>
        <div id="b" role="navigation"></div><div id="c" class="article-body"></div>
        <section id="comments"></section><main class="main-sidebar-layout"></main></body>""");
    assertThat(Boilerplate.isFurnitureName(doc.body())).isFalse();
    assertThat(Boilerplate.isFurnitureName(doc.getElementById("a"))).isTrue();
    assertThat(Boilerplate.isFurnitureName(doc.getElementById("b"))).isTrue();
    assertThat(Boilerplate.isFurnitureName(doc.getElementById("c"))).isFalse();
    assertThat(Boilerplate.isFurnitureName(doc.getElementById("comments"))).isTrue();
    assertThat(Boilerplate.isFurnitureName(doc.selectFirst("main"))).isFalse();
  }

  @Test
  void keepsEmbeddedPost_whenClassNamesAnEmbed() {
    Document doc = Jsoup.parse("""
        <div id="a" class="social-media-embed"></div><div id="b" class="embedded-post share"></div>
        <div id="c" class="social-share"></div>""");
    assertThat(Boilerplate.isFurnitureName(doc.getElementById("a"))).isFalse();
    assertThat(Boilerplate.isFurnitureName(doc.getElementById("b"))).isFalse();
    assertThat(Boilerplate.isFurnitureName(doc.getElementById("c"))).isTrue();
  }

  @Test
  void marksCaptions_byClassWordsAnywhereInTheName() {
    Document doc = Jsoup.parse("""
        <div id="a" class="InlineImage-imageEmbedCaption"></div><div id="b" class="photo-credit"></div>
        <div id="c" class="story-body"></div>""");
    assertThat(Boilerplate.isCaptionName(doc.getElementById("a"))).isTrue();
    assertThat(Boilerplate.isCaptionName(doc.getElementById("b"))).isTrue();
    assertThat(Boilerplate.isCaptionName(doc.getElementById("c"))).isFalse();
  }

  @Test
  void recognisesBylinesAndSentenceEnds_inSeveralScripts() {
    assertThat(Boilerplate.isByline("By Jane Doe")).isTrue();
    assertThat(Boilerplate.isByline("Updated 5 March 2024, 10:00")).isTrue();
    assertThat(Boilerplate.isByline("Bystanders filmed the rescue from the bridge.")).isFalse();
    assertThat(Boilerplate.hasSentenceEnd("東京で会議が開かれた。")).isTrue();
    assertThat(Boilerplate.hasSentenceEnd("هل انتهى الاجتماع؟")).isTrue();
    assertThat(Boilerplate.hasSentenceEnd("Breaking news")).isFalse();
  }
}
