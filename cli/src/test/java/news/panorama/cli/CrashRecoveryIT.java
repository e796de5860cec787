package news.panorama.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.panorama.core.Article;
import news.panorama.core.ArticleJson;
import news.panorama.core.Sample;
import news.panorama.core.Sentence;
import news.panorama.core.Story;
import news.panorama.store.JdbcStore;
import news.panorama.text.MultilingualAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is lost or duplicated on a crash: a child JVM replays a corpus and is killed with SIGKILL
 * at random moments, several times; after a last run to the end, every article is stored exactly
 * once, every story's count agrees with its articles, and every story has its briefing. The seed
 * that picks the moments is printed, and {@code -Dpanorama.seed=N} reproduces a run.
 */
class CrashRecoveryIT {
  private static final int ARTICLES = 1200;
  @TempDir Path dir;

  @Test
  void killedReplays_thenACompleteOne_storeEveryArticleExactlyOnce() throws Exception {
    long seed = Long.getLong("panorama.seed", System.nanoTime());
    System.out.println("CrashRecoveryIT seed " + seed);
    Random random = new Random(seed);
    Path corpus = corpus(random);
    Path data = dir.resolve("data");

    for (int attempt = 0; attempt < 3; attempt++) {
      int tenth = 1 + random.nextInt(9);
      Process child = replay(corpus, data);
      killWhenProgressReaches(child, ARTICLES * tenth / 10);
      long stored;
      try (JdbcStore store = JdbcStore.open(JdbcStore.h2Url(data))) {
        stored = store.articleCount();
      }
      System.out.printf("CrashRecoveryIT: replay %d killed at %d0%% of its input, %d articles stored%n",
          attempt + 1, tenth, stored);
      if (attempt == 0) assertThat(stored).as("killed mid-way").isBetween(1L, ARTICLES - 1L);
    }
    Process last = replay(corpus, data);
    Thread drain = new Thread(() -> {
      try {
        last.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      } catch (IOException ignored) {
        // the child was destroyed
      }
    });
    drain.setDaemon(true);
    drain.start();
    boolean finished = last.waitFor(300, TimeUnit.SECONDS);
    if (!finished) last.destroyForcibly().waitFor();
    assertThat(finished).as("the final replay finishes within 300 s (seed " + seed + ")").isTrue();
    assertThat(last.exitValue()).isZero();

    try (JdbcStore store = JdbcStore.open(JdbcStore.h2Url(data))) {
      assertThat(store.articleCount()).isEqualTo(ARTICLES);
      for (int i = 0; i < ARTICLES; i++) {
        assertThat(store.article("crash-" + i)).as("article crash-" + i).isPresent();
      }
      List<Story> stories = store.topStories(ARTICLES);
      assertThat(stories.stream().mapToInt(Story::articleCount).sum()).isEqualTo(ARTICLES);
      for (Story s : stories) {
        assertThat(store.annotated(s.id())).as("articles of " + s.id()).hasSize(s.articleCount());
        assertThat(store.briefing(s.id())).as("briefing of " + s.id()).isPresent();
      }
      assertThat(store.storiesDueForBriefing()).isEmpty();
    }
  }

  /** Articles resampled from the seed sample's real sentences: each draws on one seed document. */
  private Path corpus(Random random) throws IOException {
    MultilingualAnalyzer analyzer = new MultilingualAnalyzer();
    List<List<String>> sentences = new ArrayList<>();
    for (Article seed : Sample.articles()) {
      sentences.add(analyzer.analyze(seed).sentences().stream().map(Sentence::text)
          .filter(t -> t.split(" ").length > 6).toList());
    }
    List<String> lines = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < ARTICLES; i++) {
      List<String> pool = sentences.get(i % sentences.size());
      StringBuilder text = new StringBuilder();
      for (int k = 0; k < 6; k++) text.append(pool.get(random.nextInt(pool.size()))).append(' ');
      String id = "crash-" + i;
      ids.add(id);
      lines.add(ArticleJson.write(Article.of(id, "https://example.org/crash/" + i, "Outlet " + (i % 7), "", "en",
          Instant.parse("2025-11-17T00:00:00Z").plusSeconds(60L * i), pool.get(random.nextInt(pool.size())),
          text.toString().strip())));
    }
    assertThat(ids).hasSize(ARTICLES);
    return Files.write(dir.resolve("corpus.jsonl"), lines);
  }

  private static Process replay(Path corpus, Path data) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    // The class path goes through the environment, not the command line: with a command line of
    // several thousand characters (Maven's class path of jars in the local repository), the ONNX
    // Runtime and tokenizer native libraries crash the JVM with SIGSEGV when the model loads.
    // The launcher passes a short "lib/*" class path and is not affected.
    ProcessBuilder builder = new ProcessBuilder(java, "news.panorama.cli.Main",
        "start", "--once", "--data", data.toString(), "--from", corpus.toString())
        .redirectErrorStream(true);
    builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
    return builder.start();
  }

  /**
   * Reads the child's progress lines ("process [###   ] 360/1200 …", one per tenth when not on a
   * terminal) and kills it with SIGKILL — no shutdown hook, no flush, no close — once it has
   * processed {@code articles}.
   */
  private static void killWhenProgressReaches(Process child, int articles) throws Exception {
    Pattern progress = Pattern.compile("process \\[[# ]*\\] (\\d+)/");
    // a child that stops making progress (a store that hangs on open) is killed too, and the test fails
    java.util.concurrent.CompletableFuture<Void> watchdog = java.util.concurrent.CompletableFuture.runAsync(
        child::destroyForcibly, java.util.concurrent.CompletableFuture.delayedExecutor(300, TimeUnit.SECONDS));
    java.util.Deque<String> tail = new java.util.ArrayDeque<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (tail.size() == 40) tail.removeFirst();
        tail.addLast(line);
        Matcher m = progress.matcher(line);
        if (m.find() && Integer.parseInt(m.group(1)) >= articles) {
          watchdog.cancel(false);
          child.destroyForcibly().waitFor();
          return;
        }
      }
    }
    throw new AssertionError("the replay ended before processing " + articles + " articles, exit " + child.waitFor()
        + "; its last output:\n" + String.join("\n", tail));
  }
}
