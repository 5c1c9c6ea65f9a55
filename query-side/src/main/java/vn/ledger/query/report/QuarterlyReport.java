package vn.ledger.query.report;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.ToLongFunction;
import vn.ledger.query.stats.QuarterStatsView;
import vn.ledger.query.stats.QuarterlyFigures;

/**
 * One quarterly report to write: the figures, the language, the committee it is of and when it was printed.
 *
 * @param committeeName the committee's name for the heading ({@code ledger.report.committee-name})
 */
record QuarterlyReport(QuarterlyFigures figures, ReportText text, String committeeName, OffsetDateTime printedAt) {

    /** A line of part I: what is counted, in what, and the committee's number. */
    record Total(String label, String measure, long value) {}

    /** Part I: the committee's totals of the quarter, from the per-quarter statistics. */
    List<Total> totals() {
        QuarterStatsView totals = figures.totals();
        return List.of(
                total("totals.sessionsHeld", "measure.sessions", totals, QuarterStatsView::sessionsHeld),
                total("totals.memberAttendances", "measure.attendances", totals,
                        QuarterStatsView::memberAttendances),
                total("totals.guestAttendances", "measure.attendances", totals, QuarterStatsView::guestAttendances),
                total("totals.performanceShowings", "measure.showings", totals,
                        QuarterStatsView::performanceShowings),
                total("totals.performanceAudience", "measure.attendances", totals,
                        QuarterStatsView::performanceAudience),
                total("totals.totalAttendances", "measure.attendances", totals, QuarterStatsView::totalAttendances));
    }

    String title() {
        return text.title(figures);
    }

    String asOf() {
        return text.asOf(figures, printedAt);
    }

    /** The lines under the title: when the figures stand, and that part II is cut to the reader's units if it is. */
    List<String> subtitle() {
        return figures.unitsRestricted() ? List.of(asOf(), text.text("restricted")) : List.of(asOf());
    }

    private Total total(String label, String measure, QuarterStatsView totals, ToLongFunction<QuarterStatsView> value) {
        return new Total(text.text(label), text.text(measure), value.applyAsLong(totals));
    }
}
