@NullMarked
package news.panorama.ingest;

import org.jspecify.annotations.NullMarked;
