package news.panorama.extract;

/**
 * One block of an article body, in reading order: its kind and its plain text (whitespace
 * collapsed, line breaks kept only in preformatted blocks).
 */
public record Block(Kind kind, String text) {
  /** What a block is; {@link #HEADING} is a sub-heading inside the body, never the title. */
  public enum Kind {
    PARAGRAPH, HEADING, LIST_ITEM, QUOTE, PREFORMATTED;

    /** The short lower-case name used in JSON ("paragraph", "heading", "list_item"…). */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
