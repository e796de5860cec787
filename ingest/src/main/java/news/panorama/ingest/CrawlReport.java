package news.panorama.ingest;

import java.util.List;

/**
 * What one crawl round did. Failures are data: each failed feed or page is one "url: reason" line
 * in {@code problems} (capped at {@link #MAX_PROBLEMS}, the last line saying how many were left out).
 *
 * @param pagesSkipped item links not fetched: already seen, disallowed by robots.txt, or on a host
 *     that is backing off
 * @param pagesFailed item pages that were fetched but gave an error status, no HTML, or too many bytes
 * @param offline true when requests were attempted and not one got an HTTP response (connection
 *     refused, DNS failure, timeout), including hosts skipped because they were unreachable before:
 *     the machine is most likely offline
 */
public record CrawlReport(
    int feedsFetched,
    int feedsNotModified,
    int feedsFailed,
    int pagesFetched,
    int pagesSkipped,
    int pagesFailed,
    List<String> problems,
    boolean offline) {
  public static final int MAX_PROBLEMS = 100;

  public CrawlReport {
    problems = List.copyOf(problems);
  }
}
