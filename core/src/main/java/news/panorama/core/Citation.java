package news.panorama.core;

/**
 * Where a sentence of a briefing comes from: one sentence of one source article.
 *
 * @param sentence the index of the cited {@link Sentence} in that article
 * @param quote the cited sentence's text, so a reader can check it without opening the article
 */
public record Citation(String articleId, int sentence, String source, String url, String quote) {}
