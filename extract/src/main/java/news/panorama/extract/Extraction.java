package news.panorama.extract;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything extraction reads from one page: the article's metadata and its body as ordered
 * blocks. Strings are empty, never null, when the page does not say; dates keep the offset the page
 * gave (UTC when it gave none). Immutable.
 *
 * @param subtitle the standfirst or description under the headline
 * @param canonicalUrl the page's declared canonical address
 * @param image the lead picture with its caption and credit, kept out of the body
 * @param body paragraphs, sub-headings, list items, quotes and preformatted blocks, in order
 */
public record Extraction(
    String title,
    String subtitle,
    List<String> authors,
    @Nullable OffsetDateTime published,
    @Nullable OffsetDateTime modified,
    String language,
    String siteName,
    String canonicalUrl,
    @Nullable LeadImage image,
    List<Block> body) {

  public Extraction {
    authors = List.copyOf(authors);
    body = List.copyOf(body);
  }

  /** The body as plain text: blocks separated by blank lines, no title, byline or caption. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (Block b : body) {
      if (!sb.isEmpty()) sb.append("\n\n");
      sb.append(b.text());
    }
    return sb.toString();
  }
}
