/**
 * Wires the stages together: extract → text → cluster → store, then brief the stories that
 * changed. The same {@link news.panorama.pipeline.Pipeline} serves batch replay, the live crawl loop
 * and the batch commands; it holds no stage logic of its own.
 */
@NullMarked
package news.panorama.pipeline;

import org.jspecify.annotations.NullMarked;
