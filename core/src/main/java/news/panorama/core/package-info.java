/**
 * Panorama's shared vocabulary: the immutable records that stages exchange, the entry-point
 * interface of every stage, the JSON Lines interchange format and the configuration object.
 * Nothing here does I/O beyond reading and writing JSON Lines (and {@link news.panorama.core.CappedBody},
 * the capped response reader the stages that call out over HTTP share).
 */
@NullMarked
package news.panorama.core;

import org.jspecify.annotations.NullMarked;
