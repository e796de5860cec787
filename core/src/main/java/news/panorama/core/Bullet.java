package news.panorama.core;

import java.util.List;

/** One overview bullet of a briefing, with the source sentences it was drawn from. */
public record Bullet(String text, List<Citation> citations) {
  public Bullet {
    Validate.isTrue(!citations.isEmpty(), "a bullet must cite at least one source sentence");
    citations = List.copyOf(citations);
  }
}
