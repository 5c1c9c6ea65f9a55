package vn.ledger.query.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.ledger.events.AttendanceCorrected;
import vn.ledger.events.AttendanceRecorded;
import vn.ledger.events.ExemptionGranted;
import vn.ledger.events.GuestsCorrected;
import vn.ledger.events.GuestsCounted;
import vn.ledger.events.MemberAdmitted;
import vn.ledger.events.MemberTransferred;
import vn.ledger.events.PerformanceCorrected;
import vn.ledger.events.PerformanceLogged;
import vn.ledger.events.SessionCancelled;
import vn.ledger.events.SessionRescheduled;
import vn.ledger.events.SessionScheduled;
import vn.ledger.events.UnitMerged;
import vn.ledger.events.UnitRegistered;
import vn.ledger.events.UnitRenamed;
import vn.ledger.query.projection.SetStatements.Column;

/**
 * The versioned tables of {@code stats-v1} as {@link StatsWriter} writes them: each table's natural key and value
 * columns, in the order of {@code db/projection/stats-v1}, with the SQL type each is read and written as.
 */
final class StatsTables {

    /** A table's key columns and value columns; {@code valid_from} and {@code valid_to} come on top. */
    record Table(String name, List<Column> keys, List<Column> values) {

        List<String> valueNames() {
            return values.stream().map(Column::name).toList();
        }

        int valueIndex(String column) {
            int index = valueNames().indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException(name + " has no value column " + column);
            }
            return index;
        }

        /** Key columns, value columns, valid_from, valid_to: the columns of a version as written. */
        List<Column> versionColumns() {
            List<Column> columns = new ArrayList<>(keys);
            columns.addAll(values);
            columns.add(new Column("valid_from", "bigint"));
            columns.add(new Column("valid_to", "bigint"));
            return columns;
        }

        List<String> conflictColumns() {
            List<String> columns = new ArrayList<>(keys.stream().map(Column::name).toList());
            columns.add("valid_from");
            return columns;
        }
    }

    /** In the order a batch is written (none refers to another; the order only keeps the statements alike). */
    static final List<Table> ALL = List.of(
            new Table("unit", List.of(uuid("unit_id")), List.of(text("name"), text("kind"), uuid("parent_unit_id"),
                    uuid("merged_into_unit_id"), date("merged_on"))),
            new Table("member", List.of(uuid("member_id")), List.of(text("full_name"), date("admitted_on"))),
            new Table("membership", List.of(uuid("member_id"), date("from_date")),
                    List.of(uuid("unit_id"), date("to_date"))),
            new Table("exemption", List.of(uuid("member_id"), date("from_date")), List.of(date("to_date"))),
            new Table("session", List.of(uuid("session_id")), List.of(date("scheduled_on"), text("quarter"),
                    bool("held"), bool("cancelled"))),
            new Table("session_unit", List.of(uuid("session_id"), uuid("unit_id")), List.of()),
            new Table("attendance", List.of(uuid("session_id"), uuid("member_id")),
                    List.of(text("status"), text("mode"))),
            new Table("guest", List.of(uuid("session_id"), text("category")), List.of(integer("attendances"))),
            new Table("performance", List.of(uuid("performance_id")), List.of(uuid("session_id"), text("title"),
                    text("genre"), uuid("performer_unit_id"), text("venue"), date("performed_on"), text("quarter"),
                    integer("audience"))));

    private static final Map<String, Table> BY_NAME = ALL.stream()
            .collect(Collectors.toMap(Table::name, Function.identity()));

    /** The events that change a table; the rest change no number. */
    private static final Set<Class<?>> EVENTS = Set.copyOf(Stream.of(UnitRegistered.class, UnitRenamed.class,
            UnitMerged.class, MemberAdmitted.class, MemberTransferred.class, ExemptionGranted.class,
            SessionScheduled.class, SessionRescheduled.class, SessionCancelled.class, AttendanceRecorded.class,
            AttendanceCorrected.class, GuestsCounted.class, GuestsCorrected.class, PerformanceLogged.class,
            PerformanceCorrected.class).toList());

    private StatsTables() {}

    static Table named(String name) {
        Table table = BY_NAME.get(name);
        if (table == null) {
            throw new IllegalArgumentException("stats-v1 has no table " + name);
        }
        return table;
    }

    static boolean concerns(Object payload) {
        return EVENTS.contains(payload.getClass());
    }

    /** A column's value as the writer keeps it: UUID, java.sql.Date, String, Integer or Boolean. */
    static Object read(ResultSet row, Column column) throws SQLException {
        return switch (column.type()) {
            case "uuid" -> row.getObject(column.name(), java.util.UUID.class);
            case "date" -> row.getDate(column.name());
            case "integer" -> row.getObject(column.name(), Integer.class);
            case "boolean" -> row.getObject(column.name(), Boolean.class);
            default -> row.getString(column.name());
        };
    }

    private static Column uuid(String name) {
        return new Column(name, "uuid");
    }

    private static Column date(String name) {
        return new Column(name, "date");
    }

    private static Column text(String name) {
        return new Column(name, "text");
    }

    private static Column integer(String name) {
        return new Column(name, "integer");
    }

    private static Column bool(String name) {
        return new Column(name, "boolean");
    }
}
