@NullMarked
package news.panorama.server;

import org.jspecify.annotations.NullMarked;
