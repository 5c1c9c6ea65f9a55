package vn.ledger.benchmark;

import java.io.PrintStream;

/** A plain-text progress bar on stderr, redrawn at most four times a second. */
final class Progress {

    private static final int WIDTH = 30;
    private final String label;
    private long total;
    private final String unit;
    private final PrintStream out = System.err;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private long current;

    Progress(String label, long total, String unit) {
        this.label = label;
        this.total = Math.max(1, total);
        this.unit = unit;
    }

    /** A total learnt on the way (a rebuild's head moves on). */
    void total(long value) {
        total = Math.max(1, value);
    }

    void set(long value) {
        current = value;
        long now = System.nanoTime();
        if (now - lastDrawn < 250_000_000L) {
            return;
        }
        lastDrawn = now;
        draw(false);
    }

    /** Where it stands: done of total, and the rate since it started. */
    String summary() {
        double seconds = (System.nanoTime() - started) / 1e9;
        return String.format("%,d of %,d %s in %.0f s, %,.0f/s", current, total, unit, seconds, current / seconds);
    }

    void done() {
        draw(true);
    }

    private void draw(boolean last) {
        double seconds = (System.nanoTime() - started) / 1e9;
        double ratio = Math.min(1.0, (double) current / total);
        int filled = (int) Math.round(ratio * WIDTH);
        double rate = seconds > 0 ? current / seconds : 0;
        long eta = rate > 0 && !last ? Math.max(0, (long) ((total - current) / rate)) : 0;
        out.printf("\r%-24s [%s%s] %3.0f%% %,d %s  %,.0f/s  %s   ", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), ratio * 100, current, unit, rate,
                last ? String.format("%.1f s", seconds) : String.format("ETA %d:%02d", eta / 60, eta % 60));
        if (last) {
            out.println();
        }
        out.flush();
    }
}
