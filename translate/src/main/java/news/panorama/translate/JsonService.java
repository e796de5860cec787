package news.panorama.translate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import news.panorama.core.CappedBody;
import news.panorama.core.Json;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.TranslationException;
import news.panorama.core.Validate;
import org.jspecify.annotations.Nullable;

/**
 * Posts JSON to one service and reads its JSON answer the way every backend must: a time limit on
 * each attempt, a cap on the answer's size, at most {@code concurrency} requests in flight,
 * retries after timeouts, refused connections, 429 and 5xx with waits that double each time or
 * last as long as the service's {@code Retry-After} asks (up to a limit). A 4xx other than 429 and
 * an answer that is not JSON are definite and not retried. Thread-safe; one per backend.
 */
final class JsonService {
  /** Largest answer read; a translation or a chat completion is far smaller. */
  static final int MAX_ANSWER_BYTES = 8 << 20;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

  /** Waits between attempts; tests may record the waits as well. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /**
   * @param timeout limit of one attempt, from sending to the answer's last byte
   * @param retries attempts after the first
   * @param firstBackoff the wait after the first failed attempt, doubled after each further one
   */
  record Settings(Duration timeout, int retries, int concurrency, Duration maxRetryAfter, Duration firstBackoff) {
    Settings {
      Validate.isTrue(!timeout.isNegative() && !timeout.isZero(), "translation timeout must be positive, got " + timeout);
      Validate.isTrue(retries >= 0, "translation retries must not be negative, got " + retries);
      Validate.isTrue(concurrency >= 1, "translation concurrency must be at least 1, got " + concurrency);
    }

    static Settings from(PanoramaConfig.Translate t) {
      return new Settings(t.timeout(), t.retries(), t.concurrency(), t.maxRetryAfter(), Duration.ofMillis(500));
    }
  }

  private final String backend;
  private final HttpClient http;
  private final Settings settings;
  private final Sleeper sleeper;
  private final Semaphore inFlight;

  JsonService(String backend, HttpClient http, Settings settings, Sleeper sleeper) {
    this.backend = backend;
    this.http = http;
    this.settings = settings;
    this.sleeper = sleeper;
    this.inFlight = new Semaphore(settings.concurrency(), true);
  }

  /** A client with the settings' connect timeout and no redirects (a service that redirects a POST is misconfigured). */
  static HttpClient client(Settings settings) {
    return HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  String backend() {
    return backend;
  }

  /**
   * The service's JSON answer to {@code body}.
   *
   * @param errorOf the reason a service gives in an error answer, from its documented error format
   * @throws TranslationException naming the backend, the URL and why, after the retries
   */
  JsonNode post(URI uri, JsonNode body, Map<String, String> headers, Function<JsonNode, Optional<String>> errorOf) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .timeout(settings.timeout())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json");
    headers.forEach(b::header);
    HttpRequest request = b.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
    int attempts = settings.retries() + 1;
    for (int attempt = 1; ; attempt++) {
      Attempt a = once(request, errorOf);
      if (a.json != null) return a.json;
      if (!a.retryable) throw new TranslationException(backend, uri + ": " + a.reason);
      if (attempt == attempts) {
        throw new TranslationException(backend, uri + ": " + a.reason + " (gave up after " + attempts
            + (attempts == 1 ? " attempt)" : " attempts)"));
      }
      Duration wait = backoff(attempt);
      if (a.retryAfter != null) {
        if (a.retryAfter.compareTo(settings.maxRetryAfter()) > 0) {
          throw new TranslationException(backend, uri + ": " + a.reason + "; the service asks to retry after "
              + a.retryAfter.toSeconds() + " s, longer than translate.max-retry-after-seconds ("
              + settings.maxRetryAfter().toSeconds() + " s)");
        }
        if (a.retryAfter.compareTo(wait) > 0) wait = a.retryAfter;
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TranslationException(backend, uri + ": interrupted while waiting to retry after " + a.reason);
      }
    }
  }

  /** The wait after failed attempt {@code n} (1-based): the first backoff doubled n-1 times, at most a minute. */
  Duration backoff(int n) {
    Duration d = settings.firstBackoff().multipliedBy(1L << Math.min(n - 1, 20));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  /** One attempt: the JSON answer, or why not and whether trying again may help. */
  private record Attempt(@Nullable JsonNode json, String reason, boolean retryable, @Nullable Duration retryAfter) {
    static Attempt failed(String reason, boolean retryable, @Nullable Duration retryAfter) {
      return new Attempt(null, reason, retryable, retryAfter);
    }
  }

  private Attempt once(HttpRequest request, Function<JsonNode, Optional<String>> errorOf) {
    HttpResponse<byte @Nullable []> response;
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TranslationException(backend, request.uri() + ": interrupted while waiting for a free connection");
    }
    CompletableFuture<HttpResponse<byte @Nullable []>> f = null;
    try {
      f = http.sendAsync(request, CappedBody.handler(MAX_ANSWER_BYTES));
      response = f.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return Attempt.failed("no complete answer within " + seconds(settings.timeout()), true, null);
    } catch (InterruptedException e) {
      if (f != null) f.cancel(true);
      Thread.currentThread().interrupt();
      throw new TranslationException(backend, request.uri() + ": interrupted");
    } catch (ExecutionException | CancellationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof HttpTimeoutException) {
        return Attempt.failed("no answer within " + seconds(settings.timeout()), true, null);
      }
      if (cause instanceof ConnectException) return Attempt.failed("cannot connect (" + describe(cause) + ")", true, null);
      return Attempt.failed(describe(cause), cause instanceof IOException, null);
    } finally {
      inFlight.release();
    }
    int status = response.statusCode();
    byte[] body = response.body();
    if (body == null) return Attempt.failed("answer larger than " + MAX_ANSWER_BYTES + " bytes", false, null);
    JsonNode json = parse(body);
    if (status >= 200 && status < 300) {
      if (json == null) return Attempt.failed("answered HTTP " + status + " with malformed JSON: " + snippet(body), false, null);
      return new Attempt(json, "", false, null);
    }
    String why = json != null ? errorOf.apply(json).orElse(snippet(body)) : snippet(body);
    String reason = "HTTP " + status + (why.isBlank() ? "" : ": " + why);
    boolean retryable = status == 429 || status >= 500;
    return Attempt.failed(reason, retryable, retryable ? retryAfter(response).orElse(null) : null);
  }

  private static @Nullable JsonNode parse(byte[] body) {
    if (body.length == 0) return null;
    try {
      JsonNode n = Json.mapper().readTree(body);
      return n == null || n.isMissingNode() ? null : n;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * {@code Retry-After} as seconds or as an HTTP date (RFC 9110), measured from now; a date in the
   * past means at once.
   */
  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(JsonService::parseRetryAfter);
  }

  static Optional<Duration> parseRetryAfter(String value) {
    String v = value.strip();
    if (v.matches("\\d{1,9}")) return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + m;
  }

  /** The start of a body for an error message, on one line. */
  static String snippet(byte[] body) {
    String s = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
    if (s.isEmpty()) return "(empty body)";
    return body.length > 300 ? s + "…" : s;
  }
}
