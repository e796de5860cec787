package news.panorama.ingest;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one crawl round did. Failures are data: each failed feed or page is one "url: reason" line
 * in {@code problems} (capped at {@link #MAX_PROBLEMS}, the last line saying how many were left out).
 *
 * @param pagesSkipped item links not fetched: already seen (same normalized or canonical URL, or
 *     same content), disallowed by robots.txt, or on a host that is backing off
 * @param pagesFailed item pages that were fetched but gave an error status, no HTML, or too many bytes
 * @param offline true when requests were attempted and not one got an HTTP response (connection
 *     refused, DNS failure, timeout), including hosts skipped because they were unreachable before:
 *     the machine is most likely offline
 * @param feedsNotDue feeds left alone this round because their adaptive polling interval has not passed
 * @param feedItems items read from the feeds fetched
 * @param sourcesParked outlets parked (now or earlier) after using up their error budget
 * @param sources one summary per outlet, in catalog order
 */
public record CrawlReport(
    int feedsFetched,
    int feedsNotModified,
    int feedsFailed,
    int pagesFetched,
    int pagesSkipped,
    int pagesFailed,
    List<String> problems,
    boolean offline,
    int feedsNotDue,
    int feedItems,
    int sourcesParked,
    List<SourceSummary> sources) {
  public static final int MAX_PROBLEMS = 100;

  public CrawlReport {
    problems = List.copyOf(problems);
    sources = List.copyOf(sources);
  }

  /** A report without the per-outlet details. */
  public CrawlReport(int feedsFetched, int feedsNotModified, int feedsFailed, int pagesFetched, int pagesSkipped,
      int pagesFailed, List<String> problems, boolean offline) {
    this(feedsFetched, feedsNotModified, feedsFailed, pagesFetched, pagesSkipped, pagesFailed, problems, offline,
        0, 0, 0, List.of());
  }

  /**
   * How one outlet fared in a round.
   *
   * @param status {@code ok}, {@code partly failed}, {@code failed}, {@code parked} or {@code not due}
   * @param lastProblem the last problem met, if any
   */
  public record SourceSummary(String id, String status, int feedsRead, int feedsFailed, int pagesFetched,
      @Nullable String lastProblem) {}
}
