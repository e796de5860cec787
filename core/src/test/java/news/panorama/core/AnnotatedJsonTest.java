package news.panorama.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotatedJsonTest {
  private static final Article ARTICLE = Article.of("a1", "https://x.example/a", "X", "UA", "uk",
      Instant.parse("2025-11-18T09:00:00Z"), "Зеленський у Туреччині", "Зеленський прибуде в середу.");

  @Test
  void roundTrip_keepsDatesQuotesAndQuantities() throws Exception {
    Annotated a = new Annotated(ARTICLE, "uk", List.of("зеленський"),
        List.of(new Sentence(0, "Зеленський прибуде в середу.", 0, 28, List.of("зеленський"))),
        List.of(new Mention("Зеленський", "PERSON", 0, 10, 0, "zelensky")),
        List.of(new Entity("zelensky", "Зеленський", "PERSON", 1, List.of("Зеленський")),
            new Entity("ankara", "Анкара", "PLACE", 1, List.of("Анкара"), "TR")),
        List.of(new DateMention("в середу", 19, 27, 0, "2025-11-19", "day")),
        List.of(new Quote("Ми готові", 30, 39, 0, "Зеленський", "zelensky"), new Quote("Так", 40, 43, 0, "", null)),
        List.of(new Quantity("€140bn", 50, 56, 0, 1.4e11, "EUR", "")));
    String json = Json.mapper().writeValueAsString(a);
    assertThat(Json.mapper().readValue(json, Annotated.class)).isEqualTo(a);
  }

  @Test
  void olderJsonWithoutNewLists_readsThemAsEmpty() throws Exception {
    Annotated old = new Annotated(ARTICLE, "uk", List.of(), List.of(), List.of(),
        List.of(new Entity("zelensky", "Зеленський", "NAME", 1, List.of("Зеленський"))));
    String json = Json.mapper().writeValueAsString(old)
        .replaceAll(",\"dates\":\\[\\]|,\"quotes\":\\[\\]|,\"quantities\":\\[\\]", "");
    assertThat(json).doesNotContain("dates", "quotes", "quantities");
    Annotated back = Json.mapper().readValue(json, Annotated.class);
    assertThat(back.dates()).isEmpty();
    assertThat(back.quotes()).isEmpty();
    assertThat(back).isEqualTo(old);
  }
}
