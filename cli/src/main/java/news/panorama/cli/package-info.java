@NullMarked
package news.panorama.cli;

import org.jspecify.annotations.NullMarked;
