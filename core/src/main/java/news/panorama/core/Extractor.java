package news.panorama.core;

/**
 * The extraction stage: turns a web page into a clean article (title, date, body text without
 * menus, banners or comment forms). Implementations are stateless and safe to share across threads.
 */
public interface Extractor {
  /** The article on the page, or the reason there is none. */
  Outcome<Article> extract(Page page);
}
