package news.panorama.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import news.panorama.core.Source;
import org.junit.jupiter.api.Test;

class ReachabilityTest {
  private static Source source(String id, String... feeds) {
    return new Source(id, id, "http://127.0.0.1/", List.of(feeds), List.of(), "GB", List.of("en"),
        Source.OwnerType.PRIVATE, "");
  }

  @Test
  void reachable_whenOneHostAcceptsAConnection() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<Source> sources = List.of(source("dead", "http://127.0.0.1:" + closed + "/feed"),
          source("alive", "http://127.0.0.1:" + open.getLocalPort() + "/feed"));
      assertThat(Reachability.anyReachable(sources, 8, Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void unreachable_fast_whenNoHostAnswers() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    long t = System.nanoTime();
    boolean reached = Reachability.anyReachable(List.of(source("dead", "http://127.0.0.1:" + closed + "/feed"),
        source("nowhere", "http://nonexistent.invalid/feed")), 8, Duration.ofSeconds(3));
    assertThat(reached).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void targets_areDistinctHostsInCatalogOrder_upToTheLimit() {
    List<Source> sources = List.of(source("a", "https://feeds.example.org/a", "https://feeds.example.org/b"),
        source("b", "https://news.example.net/rss", "http://news.example.net/rss"), source("c", "https://c.example/x"));
    assertThat(Reachability.targets(sources, 3)).extracting(u -> u.getScheme() + "://" + u.getHost())
        .containsExactly("https://feeds.example.org", "https://news.example.net", "http://news.example.net");
  }
}
