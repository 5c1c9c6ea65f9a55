package vn.ledger.query.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import vn.ledger.events.GuestCategory;
import vn.ledger.query.stats.UnitStatsView;

/**
 * The units' table as every format lays it out: after the unit's number and name, the columns of counts, grouped
 * (sessions, members, guests by category, performances), with the attendance rate among the members' columns; and the
 * row that sums the units.
 */
final class UnitTable {

    /**
     * One column after the unit's name.
     *
     * @param group the heading over this column and its neighbours of the same group
     * @param count the unit's number in this column; {@code null} for the attendance rate, which is not a count
     */
    record Column(String group, String label, ToLongFunction<UnitStatsView> count) {

        boolean rate() {
            return count == null;
        }
    }

    /** A run of neighbouring columns under one heading: {@code first} is its index among the columns. */
    record Group(String label, int first, int size) {}

    private UnitTable() {}

    static List<Column> columns(ReportText text) {
        List<Column> columns = new ArrayList<>();
        String sessions = text.text("group.sessions");
        columns.add(new Column(sessions, text.text("col.planned"), UnitStatsView::sessionsPlanned));
        columns.add(new Column(sessions, text.text("col.held"), UnitStatsView::sessionsHeld));
        columns.add(new Column(sessions, text.text("col.cancelled"), UnitStatsView::sessionsCancelled));
        String members = text.text("group.members");
        columns.add(new Column(members, text.text("col.expected"), UnitStatsView::membersExpected));
        columns.add(new Column(members, text.text("col.present"), UnitStatsView::membersPresent));
        columns.add(new Column(members, text.text("col.rate"), null));
        String guests = text.text("group.guests");
        for (GuestCategory category : GuestCategory.values()) {
            columns.add(new Column(guests, text.guestCategory(category), unit -> guests(unit, category)));
        }
        columns.add(new Column(guests, text.text("col.guestTotal"), UnitTable::guests));
        String performances = text.text("group.performances");
        columns.add(new Column(performances, text.text("col.showings"), UnitStatsView::performanceShowings));
        columns.add(new Column(performances, text.text("col.audience"), UnitStatsView::performanceAudience));
        return columns;
    }

    static List<Group> groups(List<Column> columns) {
        List<Group> groups = new ArrayList<>();
        int first = 0;
        for (int i = 1; i <= columns.size(); i++) {
            if (i == columns.size() || !columns.get(i).group().equals(columns.get(first).group())) {
                groups.add(new Group(columns.get(first).group(), first, i - first));
                first = i;
            }
        }
        return groups;
    }

    /** The sum of the units in a column of counts. */
    static long sum(Column column, List<UnitStatsView> units) {
        return units.stream().mapToLong(column.count()).sum();
    }

    /** The rate of the units together: members present of members expected; {@code null} when nobody was expected. */
    static Double rate(List<UnitStatsView> units) {
        long expected = units.stream().mapToLong(UnitStatsView::membersExpected).sum();
        long present = units.stream().mapToLong(UnitStatsView::membersPresent).sum();
        return expected == 0 ? null : (double) present / expected;
    }

    static long guests(UnitStatsView unit, GuestCategory category) {
        Long count = unit.guests() == null ? null : unit.guests().get(category.name());
        return count == null ? 0 : count;
    }

    static long guests(UnitStatsView unit) {
        long total = 0;
        for (GuestCategory category : GuestCategory.values()) {
            total += guests(unit, category);
        }
        return total;
    }
}
