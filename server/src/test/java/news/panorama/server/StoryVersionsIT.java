package news.panorama.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Briefing;
import news.panorama.core.Bullet;
import news.panorama.core.Citation;
import news.panorama.core.Json;
import news.panorama.core.Sample;
import news.panorama.core.StoryAssignment;
import news.panorama.store.JdbcStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "What changed": a story briefed twice shows the second version's changes, on its page and in the API. */
class StoryVersionsIT {
  @TempDir Path dir;

  @Test
  void storyPageAndApi_showWhatTheLatestVersionChanged() throws Exception {
    List<Article> seeds = Sample.articles();
    try (JdbcStore store = JdbcStore.open(JdbcStore.h2Url(dir))) {
      for (Article a : seeds) {
        store.save(new Annotated(a, "en", List.of(), List.of(), List.of(), List.of()),
            new StoryAssignment(a.id(), "s-seeds", false, 1.0));
      }
      Article turkey = seeds.get(1);
      Article particle = seeds.get(4);
      Bullet trip = new Bullet("Zelensky travels to Turkey.", List.of(new Citation(turkey.id(), 0, turkey.source(), turkey.url(), "q")));
      Bullet moscow = new Bullet("Moscow sits out the talks.", List.of(new Citation(particle.id(), 3, particle.source(), particle.url(), "q")));
      Instant t = Instant.parse("2025-11-18T10:00:00Z");
      store.saveBriefing(new Briefing("s-seeds", "Zelensky heads to Turkey", "", List.of(trip), List.of(turkey.id()), t));
      store.saveBriefing(new Briefing("s-seeds", "Zelensky heads to Turkey", "", List.of(trip, moscow),
          List.of(turkey.id(), particle.id()), t.plusSeconds(3600)));

      try (WebServer server = WebServer.start(store, "127.0.0.1", 0, () -> "", Clock.systemUTC())) {
        HttpClient http = HttpClient.newHttpClient();
        String page = http.send(HttpRequest.newBuilder(URI.create(server.url() + "stories/s-seeds")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("What changed").contains("Version 2").contains("New sources: Particle")
            .contains("New: Moscow sits out the talks.");
        JsonNode versions = Json.mapper().readTree(http.send(HttpRequest.newBuilder(
            URI.create(server.url() + "api/v1/stories/s-seeds/versions")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).get("added").get(0).asText()).isEqualTo("Moscow sits out the talks.");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/v1/stories/nope/versions")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
      }
    }
  }
}
