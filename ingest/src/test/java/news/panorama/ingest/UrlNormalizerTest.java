package news.panorama.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UrlNormalizerTest {
  @Test
  void removesTrackingParametersFragmentAndDefaultPort() {
    assertThat(UrlNormalizer.normalize("HTTPS://News.Example.com:443/a/b?id=7&utm_source=rss&utm_medium=x&fbclid=1#top"))
        .isEqualTo("https://news.example.com/a/b?id=7");
    assertThat(UrlNormalizer.normalize("http://example.com?utm_campaign=z")).isEqualTo("http://example.com/");
    assertThat(UrlNormalizer.normalize("not a url")).isEqualTo("not a url");
  }

  @Test
  void canonicalLink_honouredOnTheSameSiteOnly() {
    byte[] same = "<html><head><link href=\"/story-1?utm_source=x\" rel=\"canonical\"></head></html>".getBytes(StandardCharsets.UTF_8);
    byte[] other = "<html><head><link rel='canonical' href='https://elsewhere.org/x'></head></html>".getBytes(StandardCharsets.UTF_8);

    assertThat(UrlNormalizer.canonical(same, "https://www.example.com/amp/story-1")).isEqualTo("https://www.example.com/story-1");
    assertThat(UrlNormalizer.canonical(other, "https://www.example.com/a")).isNull();
  }
}
