@NullMarked
package news.panorama.text;

import org.jspecify.annotations.NullMarked;
