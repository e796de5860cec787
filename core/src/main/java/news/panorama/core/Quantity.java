package news.panorama.core;

/**
 * An amount an article states: money, a percentage or a count of something
 * ({@code €140bn}, {@code 12%}, {@code 1,200 prisoners}).
 *
 * @param start character offset in the article text, inclusive
 * @param end character offset in the article text, exclusive
 * @param sentence index of the sentence it occurs in
 * @param value the normalized number ({@code €140bn} → 1.4E11)
 * @param unit an ISO 4217 currency code, {@code %}, or empty for a plain count
 * @param counts what is counted when the text says it ({@code prisoners}), else empty
 */
public record Quantity(String text, int start, int end, int sentence, double value, String unit, String counts) {}
