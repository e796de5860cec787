/**
 * Sentence embeddings in process: {@link news.panorama.embed.Embedders#open} gives the configured
 * model as a {@link news.panorama.core.Embedder}, run by ONNX Runtime through langchain4j's
 * encoder; {@link news.panorama.embed.ModelStore} keeps downloadable models in the data folder and
 * checks their bytes; {@link news.panorama.embed.ModelRegistry} names the models Panorama knows.
 */
@NullMarked
package news.panorama.embed;

import org.jspecify.annotations.NullMarked;
