package news.panorama.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import news.panorama.brief.ExtractiveBriefer;
import news.panorama.core.Annotated;
import news.panorama.core.Article;
import news.panorama.core.Briefer;
import news.panorama.core.Briefing;
import news.panorama.core.Bullet;
import news.panorama.core.Citation;
import news.panorama.core.Json;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Sample;
import news.panorama.text.MultilingualAnalyzer;
import news.panorama.translate.ChatCompletions;
import org.junit.jupiter.api.Test;

/**
 * Rewriting through a loopback server that speaks OpenAI's chat-completions JSON, the model's reply
 * decided by each test from the prompt it was sent.
 */
class BriefingRewriterIT {
  /** A chat-completions endpoint on a free loopback port; {@code reply} turns the user message into the model's answer. */
  private static final class Model implements AutoCloseable {
    final HttpServer server;
    final AtomicInteger calls = new AtomicInteger();

    Model(int status, Function<String, String> reply) throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/v1/chat/completions", exchange -> {
        calls.incrementAndGet();
        JsonNode request = Json.mapper().readTree(exchange.getRequestBody());
        JsonNode messages = request.path("messages");
        String content = reply.apply(messages.get(messages.size() - 1).path("content").asText());
        ObjectNode answer = Json.mapper().createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
            .put("created", 1_732_000_000L).put("model", request.path("model").asText());
        ObjectNode choice = answer.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        byte[] body = (status == 200 ? answer.toString()
            : "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\",\"param\":null,\"code\":null}}")
            .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.start();
    }

    PanoramaConfig config() {
      return PanoramaConfig.load(null, Map.of(), Map.of("brief.rewrite", "true", "translate.openai-model", "editor",
          "translate.openai-base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "translate.retries", "0"));
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  private static Citation cite(String id, String sentence) {
    return new Citation(id, 0, "Example", "https://example.org/" + id, sentence);
  }

  private static Briefing briefing() {
    return new Briefing("story-1", "Zelensky heads to Turkey for talks", "", List.of(
        new Bullet("Ukraine returned 1,200 prisoners on Sunday, Zelensky said.",
            List.of(cite("a-1", "Ukraine returned 1,200 prisoners on Sunday, Zelensky said."))),
        new Bullet("Talks open in Istanbul on 19 November.", List.of(cite("a-2", "Talks open in Istanbul on 19 November.")))),
        List.of("a-1", "a-2"), Instant.parse("2025-11-18T12:00:00Z"));
  }

  private static String rewrite(String headline, String... bullets) {
    ObjectNode o = Json.mapper().createObjectNode().put("headline", headline);
    ArrayNode b = o.putArray("bullets");
    for (String s : bullets) b.add(s);
    return "```json\n" + o + "\n```";
  }

  @Test
  void aPlantedNumber_isRejected_andTheExtractiveBulletKept_theFaithfulRewritesKept() throws Exception {
    try (Model model = new Model(200, prompt -> rewrite("Zelensky travels to Turkey for peace talks",
        "Zelensky said Ukraine got 1,500 prisoners back on Sunday.", "The talks begin in Istanbul on 19 November."))) {
      BriefingRewriter rewriter = new BriefingRewriter(ChatCompletions.open(model.config().translate()));
      Briefing original = briefing();
      BriefingRewriter.Result r = rewriter.rewrite(original);
      assertThat(r.briefing().overview().get(0)).isEqualTo(original.overview().get(0));
      assertThat(r.rejected()).singleElement().asString().contains("bullet 1").contains("1,500");
      assertThat(r.briefing().overview().get(1).text()).isEqualTo("The talks begin in Istanbul on 19 November.");
      assertThat(r.briefing().overview().get(1).citations()).isEqualTo(original.overview().get(1).citations());
      assertThat(r.briefing().headline()).isEqualTo("Zelensky travels to Turkey for peace talks");
      assertThat(r.briefing().sources()).isEqualTo(original.sources());
    }
  }

  @Test
  void aHeadlineNamingWhatNoSourceNames_isRejected() throws Exception {
    try (Model model = new Model(200, prompt -> rewrite("Zelensky meets Putin in Turkey",
        "Ukraine returned 1,200 prisoners on Sunday, Zelensky said.", "Talks open in Istanbul on 19 November."))) {
      BriefingRewriter.Result r = new BriefingRewriter(ChatCompletions.open(model.config().translate())).rewrite(briefing());
      assertThat(r.briefing().headline()).isEqualTo("Zelensky heads to Turkey for talks");
      assertThat(r.rejected()).singleElement().asString().contains("headline").contains("Putin");
    }
  }

  @Test
  void aReplyThatIsNotTheAskedForJson_leavesTheBriefingAsItWas() throws Exception {
    try (Model model = new Model(200, prompt -> "Sure! Here is a better briefing: Zelensky goes to Turkey.")) {
      BriefingRewriter.Result r = new BriefingRewriter(ChatCompletions.open(model.config().translate())).rewrite(briefing());
      assertThat(r.briefing()).isEqualTo(briefing());
      assertThat(r.rejected()).singleElement().asString().contains("not {\"headline\", \"bullets\"}");
    }
  }

  @Test
  void onTheSeedStory_everyRewriteWithAPlantedNumberIsRejected_andAFailingModelKeepsTheBriefing() throws Exception {
    MultilingualAnalyzer analyzer = new MultilingualAnalyzer();
    List<Annotated> seeds = new ArrayList<>();
    for (Article a : Sample.articles()) seeds.add(analyzer.analyze(a));
    Briefing extractive = new ExtractiveBriefer().brief("seeds", seeds, 120);
    assertThat(extractive.overview()).isNotEmpty();
    // the model adds a number no source has to every bullet, and keeps the headline
    try (Model model = new Model(200, prompt -> {
      List<String> bullets = new ArrayList<>();
      for (String line : prompt.split("\n")) {
        if (line.startsWith("Bullet ")) bullets.add(line.substring(line.indexOf(": ") + 2) + " Some 98,765 people watched.");
      }
      return rewrite(prompt.substring("Headline: ".length(), prompt.indexOf('\n')), bullets.toArray(String[]::new));
    })) {
      RewritingBriefer briefer = (RewritingBriefer) RewritingBriefer.of(model.config(), new ExtractiveBriefer());
      Briefing b = briefer.brief("seeds", seeds, 120);
      assertThat(b.overview()).isEqualTo(extractive.overview());
      assertThat(b.headline()).isEqualTo(extractive.headline());
      assertThat(briefer.rejected()).isEqualTo(extractive.overview().size());
      assertThat(model.calls.get()).isEqualTo(1);
    }
    try (Model broken = new Model(500, prompt -> "")) {
      RewritingBriefer briefer = (RewritingBriefer) RewritingBriefer.of(broken.config(), new ExtractiveBriefer());
      assertThat(briefer.brief("seeds", seeds, 120).overview()).isEqualTo(extractive.overview());
      assertThat(briefer.failures()).isEqualTo(1);
    }
  }

  @Test
  void rewritingIsOffByDefault() {
    Briefer extractive = new ExtractiveBriefer();
    assertThat(RewritingBriefer.of(PanoramaConfig.defaults(), extractive)).isSameAs(extractive);
  }
}
