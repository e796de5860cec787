/**
 * Panorama's stages inside an Apache Flink job fed by Apache Kafka: a topic of fetched pages or
 * interchange articles → extract → analyze (and embed) → one ordered grouping task → the store and
 * briefings → a topic of story updates, with bad records on a dead-letter topic. {@link
 * news.panorama.flink.PanoramaJob} builds the job; {@link news.panorama.flink.FlinkMain} is the
 * {@code panorama flink} command. Optional: the default build does not include this module.
 */
@NullMarked
package news.panorama.flink;

import org.jspecify.annotations.NullMarked;
