package news.panorama.core;

import org.jspecify.annotations.Nullable;

/**
 * A direct quotation in an article's text, in any quote style, and who said it.
 *
 * @param text the quoted words, without the quote marks
 * @param start character offset of the quoted words in the article text, inclusive
 * @param end character offset of the quoted words in the article text, exclusive
 * @param sentence index of the sentence the quotation starts in
 * @param speaker the speaker's name as the article writes it, empty when unknown
 * @param speakerEntity key of the speaker's {@link Entity} in this article, absent when unknown
 */
public record Quote(String text, int start, int end, int sentence, String speaker, @Nullable String speakerEntity) {}
