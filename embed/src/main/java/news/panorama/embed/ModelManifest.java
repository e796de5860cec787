package news.panorama.embed;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code manifest.json} beside a pulled model's files: everything needed to load it again
 * (pooling, prefix, token limit) and to check its bytes later ({@code panorama models verify}).
 * A model folder written by hand with such a manifest loads like a pulled one.
 *
 * @param files every file with the URL it came from, its SHA-256 and what that hash was checked
 *     against when it was pulled: {@code "pinned"} (Panorama's registry) or {@code "server"} (the
 *     hash the server stated, Hugging Face's {@code X-Linked-Etag})
 */
public record ModelManifest(
    String name,
    String source,
    String licence,
    Pooling pooling,
    String queryPrefix,
    String passagePrefix,
    int maxTokens,
    int dimensions,
    List<Entry> files,
    @Nullable Instant pulledAt) {

  public ModelManifest {
    files = List.copyOf(files);
  }

  /** One pulled file. */
  public record Entry(String name, String url, String sha256, long bytes, String checkedAgainst) {}

  static ModelManifest of(ModelCard card, List<Entry> files, Instant pulledAt) {
    return new ModelManifest(card.name(), card.source(), card.licence(), card.pooling(), card.queryPrefix(),
        card.passagePrefix(), card.maxTokens(), card.dimensions(), files, pulledAt);
  }
}
