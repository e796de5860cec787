package news.panorama.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataTest {
  @Test
  void stripsSiteSuffix_whenSuffixNamesTheSite() {
    assertThat(Metadata.withoutSiteSuffix("Bridge reopens | Example News", List.of("Example News")))
        .isEqualTo("Bridge reopens");
    assertThat(Metadata.withoutSiteSuffix("Bridge reopens - example.com", List.of("example.com")))
        .isEqualTo("Bridge reopens");
    assertThat(Metadata.withoutSiteSuffix("Bridge reopens — EXAMPLE", List.of("example.com")))
        .isEqualTo("Bridge reopens");
  }

  @Test
  void keepsTitle_whenSuffixIsNotTheSite() {
    assertThat(Metadata.withoutSiteSuffix("Election - what we know", List.of("Example News")))
        .isEqualTo("Election - what we know");
    assertThat(Metadata.withoutSiteSuffix("Example News", List.of("Example News")))
        .isEqualTo("Example News");
  }

  @Test
  void readsLanguageCodes_whenGivenWithRegionOrOldCode() {
    assertThat(Metadata.isoLanguage("en-GB")).isEqualTo("en");
    assertThat(Metadata.isoLanguage("pt_BR")).isEqualTo("pt");
    assertThat(Metadata.isoLanguage("iw")).isEqualTo("he");
    assertThat(Metadata.isoLanguage("de, en")).isEqualTo("de");
    assertThat(Metadata.isoLanguage("xx")).isEmpty();
    assertThat(Metadata.isoLanguage("english")).isEmpty();
  }

  @Test
  void parsesCommonDateForms_whenNotStrictIso() {
    Instant t = Instant.parse("2024-03-05T08:30:00Z");
    assertThat(Dates.parse("2024-03-05T09:30:00+01:00")).isEqualTo(t);
    assertThat(Dates.parse("2024-03-05T09:30:00+0100")).isEqualTo(t);
    assertThat(Dates.parse("2024-03-05 08:30:00")).isEqualTo(t);
    assertThat(Dates.parse("Tue, 5 Mar 2024 08:30:00 GMT")).isEqualTo(t);
    assertThat(Dates.parse("2024-03-05")).isEqualTo(Instant.parse("2024-03-05T00:00:00Z"));
    assertThat(Dates.parse("yesterday")).isNull();
  }
}
