package news.panorama.core;

/**
 * A time expression of an article's text ({@code on Wednesday}, {@code Nov. 19}, {@code last week},
 * {@code in February 2022}), resolved against the publication time when it is relative.
 *
 * @param start character offset in the article text, inclusive
 * @param end character offset in the article text, exclusive
 * @param sentence index of the sentence it occurs in
 * @param value the resolved date in ISO 8601 at its granularity ({@code 2025-11-19},
 *     {@code 2025-W47}, {@code 2025-11}, {@code 2025}), or empty when the expression is relative and
 *     the article has no publication time
 * @param granularity {@code day}, {@code week}, {@code month} or {@code year}
 */
public record DateMention(String text, int start, int end, int sentence, String value, String granularity) {}
