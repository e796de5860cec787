/**
 * The ingest stage: the outlet {@link news.panorama.ingest.Catalog}, the polite
 * {@link news.panorama.ingest.Crawler} that turns feeds into pages, and {@link news.panorama.ingest.Replay}
 * that reads stored corpora offline. Helpers are package-private.
 */
@NullMarked
package news.panorama.ingest;

import org.jspecify.annotations.NullMarked;
