package news.panorama.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanoramaConfigTest {

  @Test
  void defaults_workOffline() {
    PanoramaConfig c = PanoramaConfig.defaults();
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.jdbcUrl()).startsWith("jdbc:h2:file:").endsWith("panorama");
    assertThat(c.catalog()).isNull();
    assertThat(c.fullTextDays()).as("full text kept forever").isZero();
  }

  @Test
  void fullTextRetention_comesFromTheEnvironment_andMustNotBeNegative() {
    assertThat(PanoramaConfig.load(null, Map.of("PANORAMA_STORE_FULL_TEXT_DAYS", "90"), Map.of()).fullTextDays()).isEqualTo(90);
    assertThatThrownBy(() -> PanoramaConfig.load(null, Map.of(), Map.of("store.full-text-days", "-1")))
        .hasMessageContaining("store.full-text-days").hasMessageContaining("between 0 and");
  }

  @Test
  void layers_fileThenEnvironmentThenFlags(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("panorama.properties");
    Files.writeString(file, "server.port=9000\ningest.per-host-delay-ms=500\ncluster.threshold=0.3\n");
    PanoramaConfig c = PanoramaConfig.load(file,
        Map.of("PANORAMA_SERVER_PORT", "9100", "PANORAMA_INGEST_PER_HOST_DELAY_MS", "700", "PANORAMA_UNRELATED", "x", "PATH", "/bin"),
        Map.of("server.port", "9200"));
    assertThat(c.port()).isEqualTo(9200);
    assertThat(c.perHostDelay()).isEqualTo(Duration.ofMillis(700));
    assertThat(c.clusterThreshold()).isEqualTo(0.3);
  }

  @Test
  void badValues_failNamingKeyAndOrigin(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> PanoramaConfig.load(null, Map.of("PANORAMA_SERVER_PORT", "eighty"), Map.of()))
        .hasMessageContaining("server.port").hasMessageContaining("PANORAMA_SERVER_PORT").hasMessageContaining("whole number");
    Path file = dir.resolve("p.properties");
    Files.writeString(file, "server.prot=1\n");
    assertThatThrownBy(() -> PanoramaConfig.load(file, Map.of(), Map.of()))
        .hasMessageContaining("unknown setting 'server.prot'").hasMessageContaining(file.toString());
    assertThatThrownBy(() -> PanoramaConfig.load(null, Map.of(), Map.of("cluster.threshold", "1.5")))
        .hasMessageContaining("between");
  }

  @Test
  void ingestLimits_parsedAndValidated() {
    PanoramaConfig c = PanoramaConfig.load(null, Map.of(),
        Map.of("ingest.allow-networks", "127.0.0.0/8, ::1/128", "ingest.warc-dir", "w"));
    assertThat(c.allowNetworks()).containsExactly("127.0.0.0/8", "::1/128");
    assertThat(c.warcDir()).isEqualTo(Path.of("w"));
    assertThat(PanoramaConfig.defaults().allowNetworks()).isEmpty();
    assertThat(PanoramaConfig.defaults().warcDir()).isNull();
    assertThatThrownBy(() -> PanoramaConfig.load(null, Map.of(), Map.of("ingest.allow-networks", "localhost")))
        .hasMessageContaining("ingest.allow-networks").hasMessageContaining("not an address range");
  }

  @Test
  void translation_offlineGlossByDefault_keysFromTheNamedVariable_neverPrinted() {
    PanoramaConfig.Translate t = PanoramaConfig.defaults().translate();
    assertThat(t.backend()).isEqualTo("gloss");
    assertThat(t.target()).isEqualTo("en");
    assertThat(t.rewrite()).isFalse();
    assertThat(t.openAiKey().isSet()).isFalse();
    assertThat(t.dictionaryDirs()).containsExactly(Path.of("/usr/share/dictd"));

    PanoramaConfig c = PanoramaConfig.load(null,
        Map.of("MY_LT_KEY", "lt-secret", "OPENAI_API_KEY", "sk-secret", "PANORAMA_TRANSLATE_BACKEND", "openai"),
        Map.of("translate.libretranslate-key-env", "MY_LT_KEY", "translate.openai-model", "llama3.1",
            "translate.openai-base-url", "http://127.0.0.1:8000/v1/"));
    assertThat(c.translate().backend()).isEqualTo("openai");
    assertThat(c.translate().libreTranslateKey().value()).isEqualTo("lt-secret");
    assertThat(c.translate().openAiKey().value()).isEqualTo("sk-secret");
    assertThat(c.translate().openAiBaseUrl()).hasToString("http://127.0.0.1:8000/v1");
    assertThat(c.toString()).doesNotContain("lt-secret").doesNotContain("sk-secret").contains("(set)");
  }

  @Test
  void translation_badSettingsFailWithASentence() {
    assertThatThrownBy(() -> PanoramaConfig.load(null, Map.of(), Map.of("translate.backend", "deepl")))
        .hasMessageContaining("translate.backend").hasMessageContaining("gloss, libretranslate, openai");
    assertThatThrownBy(() -> PanoramaConfig.load(null, Map.of(), Map.of("translate.backend", "openai")))
        .hasMessageContaining("translate.openai-model").hasMessageContaining("must name a model");
    assertThatThrownBy(() -> PanoramaConfig.load(null, Map.of(), Map.of("brief.rewrite", "true")))
        .hasMessageContaining("translate.openai-model");
    assertThatThrownBy(() -> PanoramaConfig.load(null, Map.of(), Map.of("translate.libretranslate-url", "localhost:5000")))
        .hasMessageContaining("translate.libretranslate-url").hasMessageContaining("http");
    assertThatThrownBy(() -> PanoramaConfig.load(null, Map.of(), Map.of("brief.rewrite", "maybe")))
        .hasMessageContaining("brief.rewrite").hasMessageContaining("true or false");
  }
}
