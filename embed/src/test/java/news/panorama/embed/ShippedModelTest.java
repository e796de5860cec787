package news.panorama.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.nio.file.Path;
import java.util.List;
import news.panorama.core.Embedder;
import news.panorama.core.PanoramaConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedModelTest {
  static Embedder shipped;

  @BeforeAll
  static void open(@TempDir Path data) {
    shipped = Embedders.open(PanoramaConfig.load(null, java.util.Map.of(), java.util.Map.of("data.dir", data.toString())));
  }

  @AfterAll
  static void close() {
    shipped.close();
  }

  private static double dot(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) d += a[i] * b[i];
    return d;
  }

  @Test
  void defaultModel_isTheShippedE5_with384Dimensions() {
    assertThat(shipped.model()).isEqualTo(ModelRegistry.DEFAULT).isEqualTo("e5-small-v2-q");
    assertThat(shipped.dimensions()).isEqualTo(384);
  }

  @Test
  void shippedModel_readsEnglishOnly_whileThePulledOnesAreMultilingual() {
    assertThat(shipped.reads("en")).isTrue();
    assertThat(shipped.reads("ja")).isFalse();
    assertThat(shipped.reads("de")).isFalse();
    assertThat(ModelRegistry.find("multilingual-e5-small").orElseThrow().languageCodes()).isEmpty();
    assertThat(ModelRegistry.find("e5-small-v2-q").orElseThrow().languageCodes()).containsExactly("en");
  }

  @Test
  void twoReportsOfOneEvent_areCloserThanAnUnrelatedHeadline() {
    List<float[]> v = shipped.embed(List.of(
        "Magnitude 6.1 earthquake strikes off the coast of Chile",
        "Strong quake shakes central Chile, buildings sway in Santiago",
        "Parliament passes budget after all-night debate on taxes"));
    assertThat(dot(v.get(0), v.get(1))).isGreaterThan(dot(v.get(0), v.get(2)) + 0.05);
    for (float[] x : v) assertThat(dot(x, x)).isCloseTo(1.0, offset(1e-5));
  }

  @Test
  void vectors_equalLangchain4jsOwnModel_givenTheQueryPrefix() {
    String text = "Tara Reid checks into rehab at Promises in Malibu";
    float[] ours = shipped.embed(text);
    float[] theirs = new E5SmallV2QuantizedEmbeddingModel().embed("query: " + text).content().vector();
    assertThat(ours).containsExactly(theirs, offset(1e-5f));
  }

  @Test
  void modelNotPulled_failsNamingItAndThePullCommand(@TempDir Path data) {
    ModelStore store = ModelStore.in(data);
    Embedders.Settings s = new Embedders.Settings(1, 8, 0);
    assertThatThrownBy(() -> Embedders.open("multilingual-e5-small", store, s))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'multilingual-e5-small'").hasMessageContaining("panorama models pull multilingual-e5-small");
    assertThatThrownBy(() -> Embedders.open("no-such-model", store, s))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown embedding model 'no-such-model'").hasMessageContaining("e5-small-v2-q");
  }

  @Test
  void badModelName_failsAtConfiguration() {
    assertThatThrownBy(() -> PanoramaConfig.load(null, java.util.Map.of(), java.util.Map.of("embed.model", "../etc")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("embed.model");
  }
}
