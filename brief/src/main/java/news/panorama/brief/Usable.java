package news.panorama.brief;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Predicate;
import news.panorama.core.Sentence;

/**
 * {@link NoiseFilter#usable} remembered per sentence for one briefing, whose sections ask about the
 * same sentences many times (once per mention, per date, per quote). Not thread-safe: one per briefing.
 */
final class Usable implements Predicate<Sentence> {
  private final Map<Sentence, Boolean> known = new IdentityHashMap<>();

  @Override
  public boolean test(Sentence s) {
    return known.computeIfAbsent(s, x -> NoiseFilter.usable(x.text()));
  }
}
