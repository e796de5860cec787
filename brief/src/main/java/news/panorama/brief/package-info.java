@NullMarked
package news.panorama.brief;

import org.jspecify.annotations.NullMarked;
