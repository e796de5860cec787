package news.panorama.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.panorama.core.Article;
import news.panorama.core.Translation;
import news.panorama.core.TranslationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What pages and commands call, over a loopback LibreTranslate. */
class TranslationsIT {
  private static Article article(String id, String language, String title, String text) {
    return Article.of(id, "https://example.org/" + id, "Example", "", language, null, title, text);
  }

  @Test
  void aLongText_goesInPiecesBetweenParagraphs_andComesBackWhole(@TempDir Path empty) throws Exception {
    String p1 = "Le président ukrainien Volodymyr Zelensky est arrivé à Ankara mercredi soir.";
    String p2 = "Il doit y rencontrer le président turc et l'envoyé spécial américain.";
    String p3 = "Moscou n'enverra personne à ces pourparlers, a dit le Kremlin.";
    Map<String, String> phrases = new HashMap<>(Map.of(p1, "Ukrainian President Volodymyr Zelensky arrived in Ankara on Wednesday evening.",
        p2, "He is to meet the Turkish president and the US special envoy there.", p3, "Moscow will send no one to the talks, the Kremlin said."));
    try (ProtocolServer server = ProtocolServer.start(r -> Services.libreTranslate(r, "", phrases));
        Translations t = new Translations(Services.libreTranslate(server, "", Services.quick(0)), new Gloss(List.of(empty)), "en", 100)) {
      Translation out = t.text(article("a-1", "fr", "Zelensky à Ankara", p1 + "\n\n" + p2 + "\n\n" + p3));
      assertThat(out.text()).isEqualTo("Ukrainian President Volodymyr Zelensky arrived in Ankara on Wednesday evening.\n\n"
          + "He is to meet the Turkish president and the US special envoy there.\n\nMoscow will send no one to the talks, the Kremlin said.");
      assertThat(server.requests()).extracting(r -> r.json().path("q").asText()).containsExactly(p1, p2, p3);
    }
  }

  @Test
  void anArticleInTheTargetLanguage_isNotSent(@TempDir Path empty) throws Exception {
    try (ProtocolServer server = ProtocolServer.start(r -> ProtocolServer.Reply.json(500, "{\"error\":\"should not be called\"}"));
        Translations t = new Translations(Services.libreTranslate(server, "", Services.quick(0)), new Gloss(List.of(empty)), "en", 4000)) {
      Translation out = t.title(article("en-1", "en", "Zelensky heads to Turkey", ""));
      assertThat(out.kind()).isEqualTo(Translation.Kind.ORIGINAL);
      assertThat(out.text()).isEqualTo("Zelensky heads to Turkey");
      assertThat(server.hits()).isZero();
    }
  }

  @Test
  void aFailingService_namesTheArticle_andTitleOrGlossFallsBackOnTheGloss(@TempDir Path empty) throws Exception {
    try (ProtocolServer server = ProtocolServer.start(r -> ProtocolServer.Reply.json(500, "{\"error\":\"Cannot translate text\"}"));
        Translations t = new Translations(Services.libreTranslate(server, "", Services.quick(0)), new Gloss(List.of(empty)), "en", 4000)) {
      Article a = article("gold-fr-06", "fr", "Zelensky attendu en Turquie", "");
      assertThatThrownBy(() -> t.title(a)).isInstanceOf(TranslationException.class)
          .hasMessageContaining("libretranslate").hasMessageContaining("article 'gold-fr-06', title")
          .hasMessageContaining("Cannot translate text");
      Translation shown = t.titleOrGloss(a);
      assertThat(shown.kind()).isEqualTo(Translation.Kind.GLOSS);
      assertThat(shown.backend()).isEqualTo("gloss");
      assertThat(shown.text()).contains("Zelensky").contains("in Turkey");
    }
  }
}
