@NullMarked
package news.panorama.extract;

import org.jspecify.annotations.NullMarked;
