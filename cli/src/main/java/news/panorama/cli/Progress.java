package news.panorama.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr for long work: redrawn in place on a terminal, printed every
 * tenth of the way otherwise (logs and CI). One per task; {@link #step()} may be called from
 * several threads.
 */
final class Progress implements AutoCloseable {
  private final String label;
  private final long total;
  private final PrintStream out;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private long done;
  private long lastDraw;
  private int lastTenth = -1;

  Progress(String label, long total) {
    this(label, total, System.err, System.console() != null);
  }

  Progress(String label, long total, PrintStream out, boolean terminal) {
    this.label = label;
    this.total = total;
    this.out = out;
    this.terminal = terminal;
  }

  synchronized void step() {
    done++;
    long now = System.nanoTime();
    if (terminal) {
      if (now - lastDraw > 100_000_000L || done == total) {
        lastDraw = now;
        out.print("\r" + line());
        out.flush();
      }
    } else if (total > 0) {
      int tenth = (int) (done * 10 / total);
      if (tenth != lastTenth) {
        lastTenth = tenth;
        out.println(line());
      }
    }
  }

  long done() {
    return done;
  }

  double perSecond() {
    double s = (System.nanoTime() - started) / 1e9;
    return s > 0 ? done / s : 0;
  }

  double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  private String line() {
    int width = 30;
    int filled = total > 0 ? (int) Math.min(width, done * width / total) : 0;
    return String.format(Locale.ROOT, "%s [%s%s] %d/%d  %.1f/s", label, "#".repeat(filled),
        " ".repeat(width - filled), done, total, perSecond());
  }

  @Override
  public void close() {
    if (terminal) out.println();
  }
}
