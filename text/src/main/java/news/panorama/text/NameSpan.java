package news.panorama.text;

/**
 * A name a script-specific finder found ({@link JapaneseNames}, {@link ChineseNames}): characters
 * {@code [start, end)} of the text, a {@link NameFinder} kind, its entity key, and its country's code
 * when it names a country ({@code ""} otherwise).
 */
record NameSpan(int start, int end, String kind, String key, String country) {}
