@NullMarked
package news.panorama.store;

import org.jspecify.annotations.NullMarked;
