package vn.ledger.query.roster;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.query.access.ReaderScope;
import vn.ledger.query.projection.ViewSnapshots;
import vn.ledger.query.sheet.VietnameseNames;
import vn.ledger.query.web.QueryRejection;

/**
 * {@code GET /api/v1/units} and {@code GET /api/v1/members}: the roster as it stands now, from the current rows of
 * {@code stats-v1} (whose tables these queries name). A secretary sees only their units and their members.
 */
@RestController
class RosterController {

    static final String VIEW = "stats-v1";
    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_QUERY_LENGTH = 100;
    private static final ZoneId LOCAL = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A unit not merged away. */
    record UnitView(UUID unitId, String name, String kind, UUID parentUnitId, long members) {}

    record UnitsAnswer(Long position, List<UnitView> units) {}

    /** A member with the unit they belong to today and whether they are exempt today. */
    record MemberView(UUID memberId, String fullName, UUID unitId, String unitName, LocalDate admittedOn,
                      boolean exemptToday) {}

    record MembersAnswer(Long position, int page, int size, long total, List<MemberView> items) {}

    private final JdbcTemplate jdbc;
    private final ViewSnapshots snapshots;

    /** Today in Vietnam: the day "the unit a member belongs to" means (a transfer dated later has not happened). */
    private static LocalDate today() {
        return LocalDate.now(LOCAL);
    }

    RosterController(JdbcTemplate jdbc, ViewSnapshots snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    @GetMapping(path = "/api/v1/units", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The active units", description = """
            Every unit not merged away, by name in Vietnamese order, with its kind, parent and number of members \
            today. A secretary sees only their units.""")
    UnitsAnswer units() {
        ReaderScope scope = ReaderScope.current();
        return snapshots.read(VIEW, snapshot -> {
            List<UnitView> units = new ArrayList<>();
            jdbc.query("""
                    SELECT u.unit_id, u.name, u.kind, u.parent_unit_id,
                           (SELECT count(*) FROM %1$s.membership ms WHERE ms.unit_id = u.unit_id
                              AND ms.valid_to IS NULL AND ms.from_date <= ?
                              AND (ms.to_date IS NULL OR ? < ms.to_date))
                    FROM %1$s.unit u
                    WHERE u.valid_to IS NULL AND u.merged_into_unit_id IS NULL
                    """.formatted(snapshot.schema()), rs -> {
                        UUID unitId = rs.getObject(1, UUID.class);
                        if (scope.allows(unitId)) {
                            units.add(new UnitView(unitId, VietnameseNames.nfc(rs.getString(2)), rs.getString(3),
                                    rs.getObject(4, UUID.class), rs.getLong(5)));
                        }
                    }, java.sql.Date.valueOf(today()), java.sql.Date.valueOf(today()));
            return new UnitsAnswer(snapshot.position(), VietnameseNames.sortedByName(units, UnitView::name,
                    UnitView::unitId));
        });
    }

    @GetMapping(path = "/api/v1/members", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The members as they stand", description = """
            Members with their unit today, in Vietnamese order (given name first), optionally of one unit and \
            matching `q`: any part of the name, with or without diacritics ("nguyen van a" finds "Nguyễn Văn A"). \
            Paged. A secretary sees only their units' members.""")
    MembersAnswer members(@Parameter(description = "only this unit's members") @RequestParam(required = false) UUID unitId,
                          @Parameter(description = "any part of the name") @RequestParam(required = false) String q,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new QueryRejection(400, "invalid-parameter",
                    "page is 0 or more and size 1 to " + MAX_PAGE_SIZE + ".");
        }
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw new QueryRejection(400, "invalid-parameter", "q has at most " + MAX_QUERY_LENGTH + " characters.");
        }
        ReaderScope scope = ReaderScope.current();
        if (unitId != null) {
            scope.require(unitId);
        }
        String folded = VietnameseNames.fold(q);
        LocalDate today = today();
        return snapshots.read(VIEW, snapshot -> {
            List<MemberView> members = new ArrayList<>();
            jdbc.query("""
                    SELECT m.member_id, m.full_name, ms.unit_id, u.name, m.admitted_on,
                           EXISTS (SELECT 1 FROM %1$s.exemption e WHERE e.member_id = m.member_id
                                   AND e.valid_to IS NULL AND e.from_date <= ? AND ? <= e.to_date)
                    FROM %1$s.member m
                    JOIN %1$s.membership ms ON ms.member_id = m.member_id AND ms.valid_to IS NULL
                         AND ms.from_date <= ? AND (ms.to_date IS NULL OR ? < ms.to_date)
                    LEFT JOIN %1$s.unit u ON u.unit_id = ms.unit_id AND u.valid_to IS NULL
                    WHERE m.valid_to IS NULL AND (?::uuid IS NULL OR ms.unit_id = ?::uuid)
                    """.formatted(snapshot.schema()), rs -> {
                        UUID memberUnit = rs.getObject(3, UUID.class);
                        String name = rs.getString(2);
                        if (scope.allows(memberUnit) && VietnameseNames.matches(name, folded)) {
                            members.add(new MemberView(rs.getObject(1, UUID.class), VietnameseNames.nfc(name),
                                    memberUnit, rs.getString(4) == null ? null : VietnameseNames.nfc(rs.getString(4)),
                                    rs.getObject(5, LocalDate.class), rs.getBoolean(6)));
                        }
                    }, java.sql.Date.valueOf(today), java.sql.Date.valueOf(today), java.sql.Date.valueOf(today),
                    java.sql.Date.valueOf(today), unitId, unitId);
            List<MemberView> ordered = VietnameseNames.sorted(members, MemberView::fullName, MemberView::memberId);
            int from = (int) Math.min((long) page * size, ordered.size());
            int to = Math.min(from + size, ordered.size());
            return new MembersAnswer(snapshot.position(), page, size, ordered.size(), ordered.subList(from, to));
        });
    }
}
