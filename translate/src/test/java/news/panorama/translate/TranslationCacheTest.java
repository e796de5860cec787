package news.panorama.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslationCacheTest {
  @Test
  void entriesSurviveReopening_keyedByBackendLanguagesAndText(@TempDir Path dir) {
    try (TranslationCache c = TranslationCache.inDataDir(dir)) {
      c.put("libretranslate", "", "en", "Le chômage recule", new TranslationCache.Entry("fr", "Unemployment falls"));
      assertThat(c.get("libretranslate", "", "en", "Le chômage recule")).contains(new TranslationCache.Entry("fr", "Unemployment falls"));
      assertThat(c.get("openai:m", "", "en", "Le chômage recule")).isEmpty();
      assertThat(c.get("libretranslate", "fr", "en", "Le chômage recule")).isEmpty();
      assertThat(c.get("libretranslate", "", "de", "Le chômage recule")).isEmpty();
    }
    try (TranslationCache c = TranslationCache.inDataDir(dir)) {
      assertThat(c.get("libretranslate", "", "en", "Le chômage recule")).contains(new TranslationCache.Entry("fr", "Unemployment falls"));
      assertThat(c.size()).isEqualTo(1);
    }
    assertThat(TranslationCache.key("b", "fr", "en", "x")).hasSize(64).isNotEqualTo(TranslationCache.key("b", "fr", "en", "y"));
    assertThat(TranslationCache.key("ab", "", "en", "x")).isNotEqualTo(TranslationCache.key("a", "b", "en", "x"));
  }

  @Test
  void aCacheInUse_cannotBeOpenedTwice_andSaysWhy(@TempDir Path dir) {
    try (TranslationCache c = TranslationCache.inDataDir(dir)) {
      assertThat(c.file()).exists();
      assertThatThrownBy(() -> TranslationCache.inDataDir(dir)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(TranslationCache.FILE_NAME).hasMessageContaining("another Panorama process");
    }
  }
}
