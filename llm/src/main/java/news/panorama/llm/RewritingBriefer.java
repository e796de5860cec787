package news.panorama.llm;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import news.panorama.core.Annotated;
import news.panorama.core.Briefer;
import news.panorama.core.Briefing;
import news.panorama.core.PanoramaConfig;
import news.panorama.core.TranslationException;
import news.panorama.translate.ChatCompletions;

/**
 * The extractive briefer followed by the {@link BriefingRewriter}: what the pipeline uses when
 * {@code brief.rewrite} is on. When the endpoint fails the extractive briefing is kept, so a
 * briefing is never lost to a model. Thread-safe.
 */
public final class RewritingBriefer implements Briefer {
  private final Briefer extractive;
  private final BriefingRewriter rewriter;
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();

  public RewritingBriefer(Briefer extractive, BriefingRewriter rewriter) {
    this.extractive = extractive;
    this.rewriter = rewriter;
  }

  /** {@code extractive} itself when {@code brief.rewrite} is off, else it followed by rewriting through {@code translate.openai-*}. */
  public static Briefer of(PanoramaConfig config, Briefer extractive) {
    if (!config.translate().rewrite()) return extractive;
    return new RewritingBriefer(extractive, new BriefingRewriter(ChatCompletions.open(config.translate())));
  }

  @Override
  public Briefing brief(String storyId, List<Annotated> articles, int maxWords) {
    Briefing b = extractive.brief(storyId, articles, maxWords);
    try {
      BriefingRewriter.Result r = rewriter.rewrite(b);
      rejected.addAndGet(r.rejected().size());
      return r.briefing();
    } catch (TranslationException e) {
      failures.incrementAndGet();
      return b;
    }
  }

  /** Briefings kept extractive because the endpoint failed, since start. */
  public long failures() {
    return failures.get();
  }

  /** Rewritten headlines and bullets discarded by the faithfulness check or as malformed, since start. */
  public long rejected() {
    return rejected.get();
  }
}
