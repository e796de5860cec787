@NullMarked
package news.panorama.cluster;

import org.jspecify.annotations.NullMarked;
