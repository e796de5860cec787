/**
 * The extraction stage: {@link news.panorama.extract.HtmlExtractor} turns a fetched or replayed
 * page into a clean {@link news.panorama.core.Article}. Everything else here is package-private.
 */
@NullMarked
package news.panorama.extract;

import org.jspecify.annotations.NullMarked;
