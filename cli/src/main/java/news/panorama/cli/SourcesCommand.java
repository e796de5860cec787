package news.panorama.cli;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import news.panorama.core.Json;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.Source;
import news.panorama.ingest.Catalog;
import news.panorama.ingest.Crawler;
import news.panorama.ingest.Opml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The outlet catalog: list, edit, check, exchange as OPML. */
@Command(name = "sources", mixinStandardHelpOptions = true,
    description = {"List, edit and check the outlets Panorama crawls.",
        "Edits go to the file of setting ingest.catalog; when it is not set, to catalog.jsonl in the data "
            + "folder, which the first edit creates as a copy of the bundled catalog (and which is then used "
            + "instead of the bundled one)."},
    subcommands = {SourcesCommand.ListSources.class, SourcesCommand.Add.class, SourcesCommand.Remove.class,
        SourcesCommand.Check.class, SourcesCommand.ImportOpml.class, SourcesCommand.ExportOpml.class})
final class SourcesCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Print the outlets of the catalog in effect.")
  static final class ListSources implements Callable<Integer> {
    @Option(names = "--format", defaultValue = "table", paramLabel = "json|table",
        description = "json: one JSON object per outlet with the catalog fields; table: one line per outlet.")
    String format = "table";

    @Mixin ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
      Catalog c = Catalog.effective(options.load());
      switch (format) {
        case "json" -> c.sources().forEach(s -> System.out.println(Catalog.toJson(s)));
        case "table" -> {
          System.out.printf("%-32s %-3s %-8s %-18s %s%n", "ID", "CC", "LANG", "OWNER", "NAME");
          for (Source s : c.sources()) {
            System.out.printf("%-32s %-3s %-8s %-18s %s%n", s.id(), s.country().isEmpty() ? "--" : s.country(),
                String.join(",", s.languages()), s.ownerType().name().toLowerCase(Locale.ROOT), s.name());
          }
          System.out.println(c.sources().size() + " outlets in " + c.name());
        }
        default -> throw new IllegalArgumentException("--format must be json or table, got '" + format + "'");
      }
      return 0;
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an outlet to the user's catalog.")
  static final class Add implements Callable<Integer> {
    @Option(names = "--id", required = true, description = "Unique id: lower-case letters, digits, '.', '_' or '-'.") String id = "";
    @Option(names = "--name", required = true) String name = "";
    @Option(names = "--homepage", required = true) String homepage = "";
    @Option(names = "--feed", paramLabel = "URL", description = "RSS, Atom or JSON Feed URL (repeatable).") List<String> feeds = new ArrayList<>();
    @Option(names = "--sitemap", paramLabel = "URL", description = "News sitemap URL (repeatable).") List<String> sitemaps = new ArrayList<>();
    @Option(names = "--country", defaultValue = "", description = "ISO 3166-1 alpha-2; empty for international.") String country = "";
    @Option(names = "--language", required = true, paramLabel = "CODE", description = "ISO 639-1 (repeatable).") List<String> languages = new ArrayList<>();
    @Option(names = "--owner", defaultValue = "unknown",
        description = "public_broadcaster, private, state_controlled, wire_agency, non_profit or unknown.") String owner = "unknown";
    @Option(names = "--notes", defaultValue = "") String notes = "";
    @Mixin ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() throws IOException {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("name", name);
      m.put("homepage", homepage);
      m.put("feeds", feeds);
      m.put("sitemaps", sitemaps);
      m.put("country", country);
      m.put("languages", languages);
      m.put("owner_type", owner);
      m.put("notes", notes);
      Source s = Catalog.parseSource(Json.mapper().writeValueAsString(m));
      PanoramaConfig config = options.load();
      Path file = Catalog.editableFile(config);
      Catalog.load(file).with(s).write(file);
      System.out.println("Added " + s.id() + " to " + file);
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove outlets from the user's catalog.")
  static final class Remove implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "ID") List<String> ids = new ArrayList<>();
    @Mixin ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
      Path file = Catalog.editableFile(options.load());
      Catalog c = Catalog.load(file);
      for (String id : ids) c = c.without(id);
      c.write(file);
      System.out.println("Removed " + String.join(", ", ids) + " from " + file);
      return 0;
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = {"Fetch each feed once (politely: robots.txt, per-host delay, the crawl's limits) and report "
          + "its status, item count and newest item date.", "Needs network access; exits 1 when a feed failed."})
  static final class Check implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "ID", description = "Outlets to check (default: all).") List<String> ids = new ArrayList<>();
    @Mixin ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
      PanoramaConfig config = options.load();
      Catalog c = Catalog.effective(config);
      List<Source> sources = ids.isEmpty() ? c.sources() : ids.stream()
          .map(id -> c.byId(id).orElseThrow(() -> new IllegalArgumentException("no outlet with id '" + id + "' in " + c.name())))
          .toList();
      HttpClient http = HttpClient.newBuilder().connectTimeout(config.fetchTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
      List<Crawler.FeedCheck> checks = new Crawler(Crawler.Settings.from(config), http, Clock.systemUTC()).check(sources);
      int failed = 0;
      for (Crawler.FeedCheck f : checks) {
        if (!f.status().equals("ok")) failed++;
        System.out.printf("%-28s %-7s %5d items  last %-20s %s%s%n", f.sourceId(), f.status(), f.items(),
            f.lastItem() == null ? "-" : f.lastItem().toString(), f.feed(), f.problem() == null ? "" : "  (" + f.problem() + ")");
      }
      System.out.println(checks.size() + " feeds checked, " + failed + " not ok");
      return failed == 0 ? 0 : 1;
    }
  }

  @Command(name = "import-opml", mixinStandardHelpOptions = true, description = "Add the feeds of an OPML file to the user's catalog.")
  static final class ImportOpml implements Callable<Integer> {
    @Parameters(paramLabel = "FILE") Path file = Path.of("");
    @Option(names = "--country", defaultValue = "", description = "Country for outlines without one (default: international).") String country = "";
    @Option(names = "--language", required = true, description = "Language for outlines without one (ISO 639-1).") String language = "";
    @Mixin ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() throws IOException {
      List<Source> read = Opml.read(Files.readAllBytes(file), country, language);
      Path target = Catalog.editableFile(options.load());
      Catalog c = Catalog.load(target);
      int added = 0;
      for (Source s : read) {
        if (c.byId(s.id()).isPresent()) {
          System.err.println("skipped " + s.id() + ": an outlet with that id is already in the catalog");
          continue;
        }
        c = c.with(s);
        added++;
      }
      c.write(target);
      System.out.println("Imported " + added + " of " + read.size() + " outlets into " + target);
      return 0;
    }
  }

  @Command(name = "export-opml", mixinStandardHelpOptions = true, description = "Write the catalog in effect as OPML.")
  static final class ExportOpml implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "-", paramLabel = "FILE|-") String out = "-";
    @Mixin ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() throws IOException {
      String opml = Opml.write(Catalog.effective(options.load()).sources());
      if (out.equals("-")) {
        System.out.print(opml);
      } else {
        Files.writeString(Path.of(out), opml, StandardCharsets.UTF_8);
      }
      return 0;
    }
  }

}
