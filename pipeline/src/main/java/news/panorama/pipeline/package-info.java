@NullMarked
package news.panorama.pipeline;

import org.jspecify.annotations.NullMarked;
