package news.panorama.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchingEmbedderTest {
  /** A model whose vector for a text is (length, first char, 1, 0…), counting its runs. */
  static final class CountingEncoder implements Encoder {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostRunning = new AtomicInteger();
    final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
    volatile long sleepMillis;

    @Override
    public float[] encode(String text) {
      calls.incrementAndGet();
      seen.add(text);
      int now = running.incrementAndGet();
      mostRunning.accumulateAndGet(now, Math::max);
      try {
        if (sleepMillis > 0) Thread.sleep(sleepMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        running.decrementAndGet();
      }
      float[] v = new float[4];
      v[0] = text.length();
      v[1] = text.charAt(0);
      v[2] = 1;
      return v;
    }

    @Override
    public void close() {}
  }

  private static BatchingEmbedder embedder(CountingEncoder enc, int threads, int batch, int cache) {
    return new BatchingEmbedder("fake", 4, "", 512, enc, new Embedders.Settings(threads, batch, cache));
  }

  private static float[] expected(String text) {
    double n = Math.sqrt((double) text.length() * text.length() + (double) text.charAt(0) * text.charAt(0) + 1);
    return new float[] {(float) (text.length() / n), (float) (text.charAt(0) / n), (float) (1 / n), 0};
  }

  @Test
  void secondEmbedOfSameText_comesFromTheCache_withoutRunningTheModel() {
    CountingEncoder enc = new CountingEncoder();
    try (BatchingEmbedder e = embedder(enc, 2, 8, 100)) {
      float[] first = e.embed("Quake hits Chile");
      float[] second = e.embed("Quake hits Chile");
      assertThat(enc.calls).hasValue(1);
      assertThat(second).containsExactly(first);
      assertThat(e.cacheHits()).isEqualTo(1);
    }
  }

  @Test
  void cacheIsBounded_leastRecentlyUsedTextIsEmbeddedAgain() {
    CountingEncoder enc = new CountingEncoder();
    try (BatchingEmbedder e = embedder(enc, 1, 8, 2)) {
      e.embed(List.of("a1", "b22", "c333"));
      e.embed(List.of("b22", "c333"));
      assertThat(enc.calls).hasValue(3);
      e.embed("a1");
      assertThat(enc.calls).hasValue(4);
    }
  }

  @Test
  void cacheSizeZero_runsTheModelEveryTime() {
    CountingEncoder enc = new CountingEncoder();
    try (BatchingEmbedder e = embedder(enc, 1, 8, 0)) {
      e.embed("same");
      e.embed("same");
      assertThat(enc.calls).hasValue(2);
    }
  }

  @Test
  void duplicatesInOneCall_areEmbeddedOnce() {
    CountingEncoder enc = new CountingEncoder();
    try (BatchingEmbedder e = embedder(enc, 2, 8, 0)) {
      List<float[]> v = e.embed(List.of("x", "yy", "x"));
      assertThat(enc.calls).hasValue(2);
      assertThat(v.get(2)).containsExactly(v.get(0));
      v.get(0)[0] = 42;
      assertThat(v.get(2)[0]).isNotEqualTo(42);
    }
  }

  @Test
  void manyTextsOverSeveralThreadsAndBatches_comeBackInInputOrder() {
    CountingEncoder enc = new CountingEncoder();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 203; i++) texts.add((char) ('a' + i % 26) + "x".repeat(i));
    try (BatchingEmbedder e = embedder(enc, 3, 7, 1000)) {
      List<float[]> out = e.embed(texts);
      assertThat(out).hasSize(texts.size());
      for (int i = 0; i < texts.size(); i++) {
        assertThat(out.get(i)).as("text %d", i).containsExactly(expected(texts.get(i)), org.assertj.core.data.Offset.offset(1e-6f));
      }
    }
  }

  @Test
  void vectorsHaveNormOne() {
    CountingEncoder enc = new CountingEncoder();
    try (BatchingEmbedder e = embedder(enc, 1, 8, 0)) {
      float[] v = e.embed("Floods in Jakarta");
      double sum = 0;
      for (float x : v) sum += x * x;
      assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void blankAndEmptyTexts_getTheZeroVector_withoutRunningTheModel() {
    CountingEncoder enc = new CountingEncoder();
    try (BatchingEmbedder e = embedder(enc, 1, 8, 0)) {
      List<float[]> v = e.embed(List.of("", "  \n\t", "ok"));
      assertThat(v.get(0)).containsOnly(0f).hasSize(4);
      assertThat(v.get(1)).containsOnly(0f).hasSize(4);
      assertThat(enc.calls).hasValue(1);
      assertThat(e.embed(List.of())).isEmpty();
    }
  }

  @Test
  void prefixIsPutBeforeEveryText_andLongTextsAreCut() {
    CountingEncoder enc = new CountingEncoder();
    try (BatchingEmbedder e = new BatchingEmbedder("fake", 4, "query: ", 10, enc, new Embedders.Settings(1, 8, 0))) {
      e.embed(List.of("short", "y".repeat(500)));
      assertThat(enc.seen).containsExactlyInAnyOrder("query: short", "query: " + "y".repeat(60));
    }
  }

  @Test
  void concurrentCallers_neverRunMoreTextsAtOnceThanThreads() throws Exception {
    CountingEncoder enc = new CountingEncoder();
    enc.sleepMillis = 3;
    try (BatchingEmbedder e = embedder(enc, 2, 4, 0)) {
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> callers = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        int caller = c;
        Thread t = new Thread(() -> {
          List<String> texts = new ArrayList<>();
          for (int i = 0; i < 15; i++) texts.add("caller " + caller + " text " + i);
          try {
            go.await();
          } catch (InterruptedException ex) {
            return;
          }
          e.embed(texts);
        });
        t.start();
        callers.add(t);
      }
      go.countDown();
      for (Thread t : callers) t.join();
      assertThat(enc.calls).hasValue(60);
      assertThat(enc.mostRunning.get()).isEqualTo(2);
    }
  }

  @Test
  void modelFailure_isAnIllegalStateNamingTheModel() {
    Encoder broken = new Encoder() {
      @Override
      public float[] encode(String text) {
        throw new RuntimeException("ORT said no");
      }

      @Override
      public void close() {}
    };
    try (BatchingEmbedder e = new BatchingEmbedder("fake", 4, "", 512, broken, new Embedders.Settings(2, 8, 0))) {
      assertThatThrownBy(() -> e.embed(List.of("a", "b", "c")))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("'fake'").hasMessageContaining("ORT said no");
    }
  }

  @Test
  void closedEmbedder_refusesWork() {
    BatchingEmbedder e = embedder(new CountingEncoder(), 1, 8, 0);
    e.close();
    assertThatThrownBy(() -> e.embed("x")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }
}
