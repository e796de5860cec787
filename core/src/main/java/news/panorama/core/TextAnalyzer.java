package news.panorama.core;

/**
 * The text stage: language, sentences, normalized terms and named things of one article.
 * Implementations are safe to share across threads; building one may load large models.
 */
public interface TextAnalyzer {
  Annotated analyze(Article article);
}
