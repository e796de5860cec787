/**
 * English for every story: the offline {@link news.panorama.translate.Gloss} (CLDR names,
 * transliteration, installed FreeDict dictionaries, hand-written function words) and clients of
 * translation services (LibreTranslate, any OpenAI-compatible chat endpoint) with timeouts,
 * retries, a concurrency limit and a persistent cache. {@link news.panorama.translate.Translators}
 * opens the configured backend; {@link news.panorama.translate.Translations} is what pages and
 * commands call.
 */
@NullMarked
package news.panorama.translate;

import org.jspecify.annotations.NullMarked;
