package news.panorama.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import news.panorama.core.Json;

/**
 * A real HTTP server on a free loopback port, for speaking a service's protocol in tests: every
 * request is recorded and answered by the test's function (status, JSON body, headers, and an
 * optional delay before answering). Handles requests on many threads, and counts how many were in
 * flight at once.
 */
final class ProtocolServer implements AutoCloseable {
  /** What a client sent. */
  record Request(String method, String path, Map<String, List<String>> headers, String body) {
    JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        throw new AssertionError("the client sent malformed JSON: " + body, e);
      }
    }

    String header(String name) {
      for (var e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) return e.getValue().get(0);
      }
      return null;
    }
  }

  /** What the server answers. */
  record Reply(int status, String body, Map<String, String> headers, Duration delay) {
    static Reply json(int status, String body) {
      return new Reply(status, body, Map.of("Content-Type", "application/json"), Duration.ZERO);
    }

    Reply withHeader(String name, String value) {
      Map<String, String> h = new java.util.HashMap<>(headers);
      h.put(name, value);
      return new Reply(status, body, h, delay);
    }

    Reply after(Duration d) {
      return new Reply(status, body, headers, d);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  private ProtocolServer(Function<Request, Reply> answer) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> handle(exchange, answer));
    server.setExecutor(threads);
    server.start();
  }

  static ProtocolServer start(Function<Request, Reply> answer) throws IOException {
    return new ProtocolServer(answer);
  }

  private void handle(HttpExchange exchange, Function<Request, Reply> answer) throws IOException {
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    boolean counted = true;
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          Map.copyOf(exchange.getRequestHeaders()), body);
      requests.add(request);
      Reply reply = answer.apply(request);
      if (!reply.delay().isZero()) Thread.sleep(reply.delay().toMillis());
      inFlight.decrementAndGet(); // before answering: once the client has the answer, the request is over
      counted = false;
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client gave up (a timeout under test): nothing to answer
    } finally {
      if (counted) inFlight.decrementAndGet();
    }
  }

  /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int hits() {
    return requests.size();
  }

  List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
