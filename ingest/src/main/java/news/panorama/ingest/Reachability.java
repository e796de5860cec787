package news.panorama.ingest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import news.panorama.core.Source;

/**
 * Whether the network answers at all, found out in seconds: a few of the catalog's hosts are
 * resolved and connected to (TCP only, no request is sent) at the same time, and one answer is
 * enough. A crawl round over hundreds of outlets on a machine without network would otherwise spend
 * minutes on failing name lookups before it could say that it is offline. Costs at most
 * {@code timeout} and one short-lived thread per host tried; safe to call from any thread.
 */
public final class Reachability {
  private Reachability() {}

  /**
   * @param hosts how many distinct hosts to try, in catalog order
   * @param timeout how long to wait for the first answer
   */
  public static boolean anyReachable(List<Source> sources, int hosts, Duration timeout) {
    List<URI> targets = targets(sources, hosts);
    if (targets.isEmpty()) return false;
    CountDownLatch done = new CountDownLatch(targets.size());
    AtomicBoolean reached = new AtomicBoolean();
    for (URI target : targets) {
      Thread.ofVirtual().name("reachability-" + target.getHost()).start(() -> {
        try {
          if (connects(target, timeout)) {
            reached.set(true);
            while (done.getCount() > 0) done.countDown(); // one answer is enough
          }
        } finally {
          done.countDown();
        }
      });
    }
    try {
      done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return reached.get();
  }

  private static boolean connects(URI target, Duration timeout) {
    try (Socket socket = new Socket()) {
      InetAddress address = InetAddress.getByName(target.getHost());
      int port = target.getPort() > 0 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
      socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The first {@code hosts} distinct hosts of the sources' feeds and sitemaps. */
  static List<URI> targets(List<Source> sources, int hosts) {
    Set<String> seen = new LinkedHashSet<>();
    List<URI> out = new ArrayList<>();
    for (Source s : sources) {
      List<String> urls = new ArrayList<>(s.feeds());
      urls.addAll(s.sitemaps());
      for (String url : urls) {
        try {
          URI u = URI.create(url);
          if (u.getHost() != null && seen.add(u.getScheme() + "://" + u.getHost() + ":" + u.getPort())) out.add(u);
        } catch (IllegalArgumentException e) {
          // a bad URL is the crawler's to report
        }
        if (out.size() >= hosts) return out;
      }
    }
    return out;
  }
}
