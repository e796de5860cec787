package news.panorama.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import news.panorama.core.Json;

/**
 * The OpenAPI 3.1 description of the JSON API and the feeds, served at {@code /api/openapi.json}.
 * Written here beside the routes it describes; {@code OpenApiIT} checks that every documented path
 * is served, answers with the documented properties, and that every route of the API is documented.
 */
final class OpenApi {
  private static final String DOCUMENT = build();

  private OpenApi() {}

  static String document() {
    return DOCUMENT;
  }

  private static String build() {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("openapi", "3.1.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Panorama API");
    info.put("version", "1");
    info.put("description", "Stories as the whole world tells them: top stories, briefings with citations, "
        + "countries and their blindspots, sources, search, and feeds. Lists take offset and limit and "
        + "give the total in X-Total-Count and the next page in a Link header.");
    ObjectNode paths = doc.putObject("paths");

    get(paths, "/api/v1/stories", "Top stories, broadest coverage first", "StorySummaryList",
        List.of(query("limit", "integer", "stories per page, 1–200 (default 30)"), query("offset", "integer", "stories to skip")));
    get(paths, "/api/v1/stories/{id}", "A story with its briefing and articles (301 to where a merged story went)",
        "StoryDetail", List.of(path("id")));
    get(paths, "/api/v1/stories/{id}/versions", "Every version of a story's briefing, oldest first", "StoryVersionList",
        List.of(path("id")));
    get(paths, "/api/v1/articles/{id}", "An article in the interchange format", "Article", List.of(path("id")));
    get(paths, "/api/v1/search", "Full-text, semantic or hybrid search", "SearchResult", List.of(
        required(query("q", "string", "the words to search for")),
        query("mode", "string", "keyword, semantic or hybrid (default)"),
        query("country", "string", "ISO 3166-1 alpha-2"), query("language", "string", "ISO 639-1"),
        query("source", "string", "source id"), query("story", "string", "story id"),
        query("from", "string", "ISO 8601 date or time"), query("to", "string", "ISO 8601 date or time"),
        query("limit", "integer", "hits, 1–100")));
    get(paths, "/api/v1/countries", "Coverage by country in the recent window (the world map)", "Countries", List.of());
    get(paths, "/api/v1/countries/{code}", "A country's outlets' stories, its blindspots and what only it covers",
        "CountryDetail", List.of(path("code")));
    get(paths, "/api/v1/sources", "The catalog of outlets with their stored articles and crawl health", "SourceList",
        List.of(query("limit", "integer", "sources per page, 1–200 (default 30)"), query("offset", "integer", "sources to skip")));
    get(paths, "/api/v1/sources/{id}", "One outlet and its latest articles", "SourceDetail", List.of(path("id")));
    get(paths, "/api/v1/entities/{key}", "A person, organization or place: its spellings and the stories naming it",
        "Entity", List.of(path("key")));
    get(paths, "/api/v1/status", "The status line and the stored counts", "Status", List.of());
    get(paths, "/health", "Whether the server and its store answer (503 when the store does not)", "Health", List.of());
    feed(paths, "/feeds/top.{format}", "Top stories as RSS 2.0, Atom or JSON Feed", List.of(format()));
    feed(paths, "/feeds/countries/{code}.{format}", "A country's outlets' top stories", List.of(path("code"), format()));
    feed(paths, "/feeds/stories/{id}.{format}", "A story's briefing versions: what changed, newest first",
        List.of(path("id"), format()));
    feed(paths, "/feeds/search.{format}", "A search's hits", List.of(format(), required(query("q", "string", "the words to search for"))));

    ObjectNode schemas = doc.putObject("components").putObject("schemas");
    object(schemas, "Headline", "headline", "subhead");
    object(schemas, "StorySummary", "id", "headline", "first", "last", "articleCount", "sources", "countries",
        "languages", "briefing", "url");
    list(schemas, "StorySummaryList", "StorySummary");
    object(schemas, "StoryDetail", "id", "headline", "first", "last", "articleCount", "sources", "countries",
        "languages", "briefing", "articles", "url");
    object(schemas, "StoryVersion", "storyId", "version", "briefing", "newSources", "added", "dropped");
    list(schemas, "StoryVersionList", "StoryVersion");
    object(schemas, "Article", "id", "url", "source", "country", "language", "title", "text");
    object(schemas, "SearchResult", "total", "hits", "mode");
    object(schemas, "Countries", "from", "to", "countries");
    object(schemas, "CountryDetail", "code", "name", "from", "to", "coverage", "stories", "blindspots", "mainlyHere",
        "outlets");
    object(schemas, "Source", "id", "name", "homepage", "country", "languages", "owner", "inCatalog", "articles",
        "latest", "health", "url");
    list(schemas, "SourceList", "Source");
    object(schemas, "SourceDetail", "source", "recent");
    object(schemas, "Entity", "key", "name", "type", "spellings", "articles", "stories");
    object(schemas, "Status", "status", "articles", "stories");
    object(schemas, "Health", "status", "articles", "stories", "search", "message");
    object(schemas, "Error", "error");
    return doc.toPrettyString();
  }

  private static void get(ObjectNode paths, String path, String summary, String schema, List<ObjectNode> parameters) {
    ObjectNode op = operation(paths, path, summary, parameters);
    ObjectNode responses = op.putObject("responses");
    responses.putObject("200").put("description", "OK").putObject("content").putObject("application/json")
        .putObject("schema").put("$ref", "#/components/schemas/" + schema);
    error(responses, "400", "A parameter is malformed; the message names it");
    if (path.contains("{")) error(responses, "404", "Nothing has this id");
  }

  private static void feed(ObjectNode paths, String path, String summary, List<ObjectNode> parameters) {
    ObjectNode content = operation(paths, path, summary, parameters).putObject("responses").putObject("200")
        .put("description", "The feed").putObject("content");
    for (String type : List.of("application/rss+xml", "application/atom+xml", "application/feed+json")) {
      content.putObject(type).putObject("schema").put("type", "string");
    }
  }

  private static ObjectNode operation(ObjectNode paths, String path, String summary, List<ObjectNode> parameters) {
    ObjectNode op = paths.putObject(path).putObject("get");
    op.put("summary", summary);
    op.put("operationId", path.replaceAll("[^A-Za-z]+", " ").strip().replace(' ', '_'));
    ArrayNode params = op.putArray("parameters");
    parameters.forEach(params::add);
    return op;
  }

  private static void error(ObjectNode responses, String status, String description) {
    responses.putObject(status).put("description", description).putObject("content").putObject("application/json")
        .putObject("schema").put("$ref", "#/components/schemas/Error");
  }

  private static ObjectNode path(String name) {
    ObjectNode p = parameter(name, "path", "string", name);
    p.put("required", true);
    return p;
  }

  private static ObjectNode format() {
    ObjectNode p = path("format");
    ((ObjectNode) p.get("schema")).putArray("enum").add("rss").add("atom").add("json");
    return p;
  }

  private static ObjectNode query(String name, String type, String description) {
    return parameter(name, "query", type, description);
  }

  private static ObjectNode required(ObjectNode parameter) {
    return parameter.put("required", true);
  }

  private static ObjectNode parameter(String name, String in, String type, String description) {
    ObjectNode p = Json.mapper().createObjectNode();
    p.put("name", name);
    p.put("in", in);
    p.put("description", description);
    p.putObject("schema").put("type", type);
    return p;
  }

  /** An object schema whose listed properties are all present in every answer (values may be null). */
  private static void object(ObjectNode schemas, String name, String... properties) {
    ObjectNode s = schemas.putObject(name);
    s.put("type", "object");
    ArrayNode required = s.putArray("required");
    ObjectNode props = s.putObject("properties");
    for (String p : properties) {
      required.add(p);
      props.putObject(p);
    }
  }

  private static void list(ObjectNode schemas, String name, String item) {
    ObjectNode s = schemas.putObject(name);
    s.put("type", "array");
    s.putObject("items").put("$ref", "#/components/schemas/" + item);
  }
}
