package news.panorama.cli;

import java.util.List;
import java.util.concurrent.Callable;
import news.panorama.core.ArticleJson;
import news.panorama.core.Embedder;
import news.panorama.core.Json;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.SearchHit;
import news.panorama.core.SearchQuery;
import news.panorama.core.SearchResult;
import news.panorama.embed.Embedders;
import news.panorama.store.JdbcStore;
import news.panorama.store.LuceneIndex;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Full-text search over what is stored, from the command line. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Search the stored articles: by words (every word must match; \"phrases\", -excluded and a | b work), "
        + "by meaning (nearest embeddings of the configured model), or both fused (the default).",
        "Brings the search index up to date with the database first."})
final class SearchCommand implements Callable<Integer> {
  enum Format { text, json }

  @Parameters(arity = "1..*", paramLabel = "WORD", description = "What to search for.")
  List<String> words = List.of();

  @Option(names = "--country", paramLabel = "CC", description = "Only outlets of this country (ISO 3166-1 alpha-2).")
  @Nullable String country;

  @Option(names = "--language", paramLabel = "LL", description = "Only articles in this language (ISO 639-1).")
  @Nullable String language;

  @Option(names = "--source", paramLabel = "NAME", description = "Only this outlet.")
  @Nullable String source;

  @Option(names = "--story", paramLabel = "ID", description = "Only this story.")
  @Nullable String story;

  @Option(names = "--from", paramLabel = "DATE", description = "Published on or after (ISO 8601).")
  @Nullable String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Published on or before (ISO 8601).")
  @Nullable String to;

  @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "Most hits shown (default: ${DEFAULT-VALUE}).")
  int limit = 20;

  @Option(names = "--mode", defaultValue = "hybrid", paramLabel = "keyword|semantic|hybrid",
      description = "Words, meaning, or both ranked together (default: ${DEFAULT-VALUE}); without stored embeddings, words.")
  String mode = "hybrid";

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() throws Exception {
    PanoramaConfig config = options.load();
    SearchQuery query = new SearchQuery(String.join(" ", words), country, language, source, story,
        ArticleJson.requireTime("--from", from), ArticleJson.requireTime("--to", to), limit, SearchQuery.Mode.parse(mode));
    SearchResult result;
    try (JdbcStore store = Stores.open(config); LuceneIndex index = Stores.index(config)) {
      index.catchUp(store);
      // the query is embedded only when the index holds vectors of the configured model
      boolean byMeaning = query.mode() != SearchQuery.Mode.KEYWORD && config.embedModel().equals(index.vectorModel());
      try (Embedder embedder = byMeaning ? Embedders.open(config) : null) {
        index.embedQueriesWith(embedder);
        result = index.search(query);
      }
    }
    if (format == Format.json) {
      System.out.println(Json.mapper().writeValueAsString(result));
      return 0;
    }
    System.out.println(result.total() + (result.total() == 1 ? " article" : " articles") + " found ("
        + result.mode().name().toLowerCase(java.util.Locale.ROOT) + ")");
    for (SearchHit h : result.hits()) {
      System.out.printf("%n%s%n%s  %s · %s%s · story %s · article %s%n  %s%n", h.title(),
          h.titleGloss() == null ? "" : "  English (gloss): " + h.titleGloss() + "\n", h.source(),
          h.country().isEmpty() ? "" : h.country() + " · ", h.published() == null ? "undated" : h.published(),
          h.storyId(), h.articleId(), h.snippet().replace("<mark>", "*").replace("</mark>", "*"));
    }
    return 0;
  }
}
