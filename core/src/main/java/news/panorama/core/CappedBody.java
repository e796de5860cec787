package news.panorama.core;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Reads an HTTP response body (java.net.http) into memory up to a number of bytes: a longer body is
 * cancelled as soon as it passes the cap and completes with null, so an endless body costs at most
 * the cap. Shared by the stages that call out over HTTP (crawling, translation services).
 */
public final class CappedBody implements HttpResponse.BodySubscriber<byte @Nullable []> {
  private final long cap;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final CompletableFuture<byte @Nullable []> result = new CompletableFuture<>();
  private Flow.@Nullable Subscription subscription;

  private CappedBody(long cap) {
    this.cap = cap;
  }

  /** A body handler keeping at most {@code cap} bytes, null beyond. */
  public static HttpResponse.BodyHandler<byte @Nullable []> handler(long cap) {
    Validate.isTrue(cap >= 0, "a body cap must not be negative, got " + cap);
    return info -> new CappedBody(cap);
  }

  @Override
  public CompletionStage<byte @Nullable []> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) return;
    for (ByteBuffer b : items) {
      if (out.size() + (long) b.remaining() > cap) {
        result.complete(null);
        if (subscription != null) subscription.cancel();
        return;
      }
      byte[] chunk = new byte[b.remaining()];
      b.get(chunk);
      out.write(chunk, 0, chunk.length);
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(out.toByteArray());
  }
}
