package news.panorama.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import news.panorama.core.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
  private static final String GOOD = """
      {"id":"example","name":"Example News","homepage":"https://example.com/","feeds":["https://example.com/feed.xml"],"sitemaps":[],"country":"GB","languages":["en"],"owner_type":"public_broadcaster","notes":"a note"}
      """;

  private static String line(String field, String value) {
    return GOOD.strip().replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\[[^\\]]*\\])", "\"" + field + "\":" + value);
  }

  private static Catalog parse(String text) {
    return Catalog.parse(new StringReader(text), "test.jsonl");
  }

  @Test
  void bundledCatalogIsValidAndWide_whenLoaded() {
    Catalog c = Catalog.bundled();
    List<Source> sources = c.sources();

    assertThat(sources).hasSizeGreaterThanOrEqualTo(300);
    Set<String> countries = new HashSet<>();
    Set<String> languages = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (Source s : sources) {
      countries.add(s.country());
      languages.addAll(s.languages());
      assertThat(ids.add(s.id())).as("unique id %s", s.id()).isTrue();
      assertThat(s.feeds().size() + s.sitemaps().size()).as("feeds of %s", s.id()).isPositive();
    }
    countries.remove("");
    assertThat(countries).hasSizeGreaterThanOrEqualTo(80);
    assertThat(languages).hasSizeGreaterThanOrEqualTo(40);
    // international services in many languages, and every country's own outlets first
    assertThat(sources).filteredOn(s -> s.id().startsWith("bbc-") && s.country().isEmpty()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(sources).filteredOn(s -> !s.country().isEmpty()).hasSizeGreaterThan(sources.size() * 3 / 4);
    assertThat(sources).anyMatch(s -> s.ownerType() == Source.OwnerType.PUBLIC_BROADCASTER)
        .anyMatch(s -> s.ownerType() == Source.OwnerType.WIRE_AGENCY)
        .anyMatch(s -> s.ownerType() == Source.OwnerType.STATE_CONTROLLED);
    assertThat(c.byId("bbc-news")).get().extracting(Source::country).isEqualTo("GB");
  }

  @Test
  void readsEveryField_whenLineIsValid() {
    Source s = parse(GOOD).byId("example").orElseThrow();

    assertThat(s).isEqualTo(new Source("example", "Example News", "https://example.com/",
        List.of("https://example.com/feed.xml"), List.of(), "GB", List.of("en"),
        Source.OwnerType.PUBLIC_BROADCASTER, "a note"));
  }

  @Test
  void loadsFile_andNamesMissingFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("c.jsonl");
    Files.writeString(f, GOOD + "\n\n");
    assertThat(Catalog.load(f).sources()).hasSize(1);
    assertThatThrownBy(() -> Catalog.load(dir.resolve("missing.jsonl")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot read catalog " + dir.resolve("missing.jsonl"));
  }

  @Test
  void rejectsUnknownCountry_namingLine() {
    assertThatThrownBy(() -> parse(GOOD + line("country", "\"ZZ\"").replace("example", "other")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("test.jsonl:2: outlet 'other': unknown country code 'ZZ'");
  }

  @Test
  void acceptsKosovoAndInternational_whenCountryIsXkOrEmpty() {
    assertThat(parse(line("country", "\"XK\"")).sources()).hasSize(1);
    assertThat(parse(line("country", "\"\"")).sources().get(0).country()).isEmpty();
  }

  @Test
  void rejectsUnknownLanguage_namingLine() {
    assertThatThrownBy(() -> parse(line("languages", "[\"en\",\"english\"]")))
        .hasMessageContaining("test.jsonl:1: outlet 'example': unknown language code 'english'");
  }

  @Test
  void rejectsDuplicateId_namingLine() {
    assertThatThrownBy(() -> parse(GOOD + GOOD))
        .hasMessageContaining("test.jsonl:2: duplicate id 'example'");
  }

  @Test
  void rejectsBadUrls_namingField() {
    assertThatThrownBy(() -> parse(line("feeds", "[\"/feed.xml\"]")))
        .hasMessageContaining("test.jsonl:1: outlet 'example' feed '/feed.xml' must be an absolute http or https URL");
    assertThatThrownBy(() -> parse(line("homepage", "\"ftp://example.com/\"")))
        .hasMessageContaining("outlet 'example' homepage 'ftp://example.com/' must be an absolute http or https URL");
    assertThatThrownBy(() -> parse(line("sitemaps", "[\"https://exa mple.com/s.xml\"]")))
        .hasMessageContaining("outlet 'example' sitemap 'https://exa mple.com/s.xml' is not a valid URL");
  }

  @Test
  void rejectsOutlet_whenNoFeedAndNoSitemap() {
    assertThatThrownBy(() -> parse(line("feeds", "[]")))
        .hasMessageContaining("test.jsonl:1: outlet 'example' has no feed and no sitemap");
  }

  @Test
  void rejectsUnknownOwnerType_listingKnownOnes() {
    assertThatThrownBy(() -> parse(line("owner_type", "\"government\"")))
        .hasMessageContaining("unknown owner_type 'government' (expected one of public_broadcaster, private, "
            + "state_controlled, wire_agency, non_profit, unknown)");
  }

  @Test
  void rejectsMalformedLines_listingAllWithLineNumbers() {
    assertThatThrownBy(() -> parse("{not json\n" + GOOD + "[1]\n{\"name\":\"x\"}\n"))
        .hasMessageStartingWith("invalid catalog test.jsonl:")
        .hasMessageContaining("test.jsonl:1: not valid JSON")
        .hasMessageContaining("test.jsonl:3: expected a JSON object")
        .hasMessageContaining("test.jsonl:4: field 'id' is missing");
  }

  @Test
  void addRemoveAndWrite_roundTripTheFile(@TempDir Path dir) {
    Catalog c = parse(GOOD);
    Source other = Catalog.parseSource(line("id", "\"other\""));
    Path file = dir.resolve("c.jsonl");

    c.with(other).write(file);
    Catalog read = Catalog.load(file);

    assertThat(read.sources()).containsExactly(c.sources().get(0), other);
    assertThat(read.without("example").sources()).containsExactly(other);
    assertThatThrownBy(() -> read.with(other)).hasMessageContaining("an outlet with id 'other' is already in");
    assertThatThrownBy(() -> read.without("nope")).hasMessageContaining("no outlet with id 'nope'");
  }

  @Test
  void opml_roundTripsOutletsAndTakesDefaultsForPlainLists() {
    Catalog c = parse(GOOD);
    String opml = Opml.write(c.sources());

    assertThat(Opml.read(opml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "", "fr")).isEqualTo(
        List.of(new Source("example", "Example News", "https://example.com/", List.of("https://example.com/feed.xml"),
            List.of(), "GB", List.of("en"), Source.OwnerType.PUBLIC_BROADCASTER, "")));
    String plain = "<opml version=\"2.0\"><body><outline text=\"Le Journal\" xmlUrl=\"https://journal.example/rss\"/></body></opml>";
    assertThat(Opml.read(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8), "FR", "fr")).singleElement()
        .satisfies(s -> {
          assertThat(s.id()).isEqualTo("le-journal");
          assertThat(s.homepage()).isEqualTo("https://journal.example/");
          assertThat(s.country()).isEqualTo("FR");
          assertThat(s.languages()).containsExactly("fr");
        });
    assertThatThrownBy(() -> Opml.read(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8), "ZZ", "fr"))
        .hasMessageContaining("Le Journal").hasMessageContaining("unknown country code 'ZZ'");
    assertThatThrownBy(() -> Opml.read("<html/>".getBytes(java.nio.charset.StandardCharsets.UTF_8), "", "en"))
        .hasMessageContaining("not an OPML file");
  }

  @Test
  void countryOf_anArticleWithoutOne_comesFromItsOutletOrItsCountryDomain() {
    Catalog c = parse(GOOD);
    java.time.Instant t = java.time.Instant.parse("2025-11-18T00:00:00Z");
    assertThat(c.countryOf(article("example", "file:a", ""))).as("by source id").isEqualTo("GB");
    assertThat(c.countryOf(article("Example News", "file:a", ""))).as("by outlet name").isEqualTo("GB");
    assertThat(c.countryOf(article("EXAMPLE", "file:a", ""))).as("by id in another case").isEqualTo("GB");
    assertThat(c.countryOf(article("wire", "https://www.example.com/world/1", ""))).as("by home page host").isEqualTo("GB");
    assertThat(c.countryOf(article("wire", "https://news.example.com/1", ""))).as("by a sub-domain").isEqualTo("GB");
    assertThat(c.countryOf(article("x", "https://www.lemonde.fr/a", ""))).as("by .fr").isEqualTo("FR");
    assertThat(c.countryOf(article("x", "https://www.thetimes.co.uk/a", ""))).as(".uk is GB").isEqualTo("GB");
    assertThat(c.countryOf(article("x", "https://startup.io/a", ""))).as(".io says nothing").isEmpty();
    assertThat(c.countryOf(article("APW", "duc2004://d1/APW1", ""))).as("nothing tells").isEmpty();
    assertThat(c.countryOf(article("example", "https://x.fr/", "DE"))).as("the article's own country wins").isEqualTo("DE");
  }

  private static news.panorama.core.Article article(String source, String url, String country) {
    return news.panorama.core.Article.of("a", url, source, country, "en", null, "Title", "Text.");
  }
}
