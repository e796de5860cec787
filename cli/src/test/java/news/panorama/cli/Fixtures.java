package news.panorama.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import news.panorama.core.Article;
import news.panorama.core.ArticleJson;
import news.panorama.core.Sample;

/** Test inputs: the bundled seed sample and two unrelated articles written for these tests. */
final class Fixtures {
  private Fixtures() {}

  /** Two articles about other events on the same days, one of them about Turkey. */
  static List<Article> unrelated() {
    return List.of(
        Article.of("other-lira", "https://example.org/lira", "Example Wire", "GB", "en",
            java.time.Instant.parse("2025-11-18T09:00:00Z"),
            "Turkish lira slips as central bank holds interest rates",
            "The Turkish lira weakened against the dollar on Tuesday after the central bank in Ankara kept "
                + "its benchmark interest rate unchanged at its monthly meeting. Economists had expected a cut "
                + "of 150 basis points as inflation eased in October. The bank said price pressures in food "
                + "and rents remained strong and that it would keep policy tight until inflation falls further. "
                + "Exporters said the currency's slide helped textile and car makers selling to Europe."),
        Article.of("other-rain", "https://example.org/rain", "Example Daily", "AR", "en",
            java.time.Instant.parse("2025-11-19T12:00:00Z"),
            "Heavy rain floods streets in Buenos Aires",
            "Heavy rain flooded streets across Buenos Aires on Wednesday, cutting power to thousands of homes "
                + "and delaying flights at the city's domestic airport. The national weather service warned of "
                + "more storms through Thursday. City officials opened shelters for families forced from low-lying "
                + "neighbourhoods near the river and asked residents to avoid travel."));
  }

  /** The seed sample interleaved with the unrelated articles, as JSON Lines. */
  static Path storyWithNoise(Path dir) throws IOException {
    List<Article> seeds = Sample.articles();
    List<Article> unrelated = unrelated();
    List<String> lines = new ArrayList<>();
    lines.add(ArticleJson.write(unrelated.get(0)));
    for (int i = 0; i < seeds.size(); i++) {
      lines.add(ArticleJson.write(seeds.get(i)));
      if (i == 2) lines.add(ArticleJson.write(unrelated.get(1)));
    }
    return Files.write(dir.resolve("mixed.jsonl"), lines);
  }

  static Path seeds(Path dir) throws IOException {
    return Files.write(dir.resolve("seeds.jsonl"), Sample.articles().stream().map(ArticleJson::write).toList());
  }

  static final String ARTICLE_PAGE = """
      <!doctype html><html lang="en"><head><meta charset="utf-8">
      <title>Zelensky heads to Turkey to revive peace talks | Example News</title>
      <meta property="og:site_name" content="Example News">
      <meta property="article:published_time" content="2025-11-18T10:00:00Z">
      </head><body>
      <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
      <article><h1>Zelensky heads to Turkey to revive peace talks</h1>
      <p>Ukrainian President Volodymyr Zelensky will travel to Turkey on Wednesday to try to revive stalled
      negotiations with Russia, his office said on Tuesday.</p>
      <p>He is expected to meet Turkish President Recep Tayyip Erdogan in Ankara, and US envoy Steve Witkoff
      may join the talks, according to Turkish officials.</p>
      <p>The Kremlin said no Russian representative would attend the meeting.</p>
      </article>
      <footer>Copyright Example News. All rights reserved.</footer>
      </body></html>
      """;

  static final String EMPTY_PAGE = """
      <!doctype html><html><head><title>Login</title></head><body><form><input name="user"></form></body></html>
      """;
}
