package vn.ledger.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.ledger.command.roster.RosterWriter;
import vn.ledger.events.AttendanceCorrected;
import vn.ledger.events.AttendanceEntry;
import vn.ledger.events.AttendanceMode;
import vn.ledger.events.AttendanceRecorded;
import vn.ledger.events.AttendanceStatus;
import vn.ledger.events.DiscussionNoted;
import vn.ledger.events.ExemptionGranted;
import vn.ledger.events.GuestCategory;
import vn.ledger.events.GuestsCorrected;
import vn.ledger.events.GuestsCounted;
import vn.ledger.events.MemberAdmitted;
import vn.ledger.events.MemberStatus;
import vn.ledger.events.MemberTransferred;
import vn.ledger.events.PerformanceCorrected;
import vn.ledger.events.PerformanceLogged;
import vn.ledger.events.RecordReviewed;
import vn.ledger.events.RecordSubmitted;
import vn.ledger.events.ReviewDecision;
import vn.ledger.events.SessionCancelled;
import vn.ledger.events.SessionFormat;
import vn.ledger.events.SessionRescheduled;
import vn.ledger.events.SessionScheduled;
import vn.ledger.events.UnitKind;
import vn.ledger.events.UnitRegistered;

/**
 * Generates a committee's ledger from a seed: its units and members, then month by month the transfers and
 * exemptions that take effect in that month and every cell's sessions (a monthly one, and a thematic one in the last
 * month of each quarter), each with the events a secretary's phone would record: scheduled, sometimes rescheduled or
 * cancelled, attendance as members arrive (mostly one at a time), the absentees, a late correction, guests,
 * performances at some thematic sessions, discussion, submitted, reviewed, and for some a return, a correction and a
 * second submission. The same seed and size give the same events, in the same order, with the same ids.
 *
 * <p>The events are appended as Axon writes them ({@link EventAppender}) with the audit metadata the command side
 * puts on every event; {@code command_model} is kept by the command side's own roster projection, so that after
 * generation the service accepts commands on the generated units, members and sessions.
 */
final class Generator {

    /** Bump when the generated data changes: a cached data set of another version is made again. */
    static final int VERSION = 1;
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A data set's shape. */
    record Size(String name, int subCommittees, int cells, int members, int firstYear, int years) {

        static Size of(String name) {
            return switch (name) {
                case "demo" -> new Size("demo", 2, 18, 450, 2025, 1);
                case "province" -> new Size("province", 80, 1920, 50_000, 2021, 5);
                default -> throw new IllegalArgumentException("unknown size " + name + " (demo or province)");
            };
        }

        /** Roughly: a session is about 22 events. */
        long expectedEvents() {
            return (long) cells * years * 16 * 22 + subCommittees + cells + members * 11L / 10;
        }
    }

    record Result(long events, Map<String, Long> counts, double seconds) {}

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
            "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Đức", "Thanh", "Minh", "Quốc", "Ngọc", "Kim",
            "Xuân", "Thu", "Hoài"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu",
            "Hoa", "Hùng", "Khang", "Lan", "Linh", "Long", "Mai", "Nam", "Ngân", "Phúc", "Phương", "Quân", "Sơn",
            "Tâm", "Thắng", "Thảo", "Trang", "Trung", "Tuấn", "Vy", "Yến"};
    private static final String[] TOPICS = {"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "Xây dựng gia đình phát triển bền vững", "Bảo tồn và phát huy giá trị di sản văn hóa",
            "Phát triển văn hóa đọc trong cộng đồng", "Nêu gương của người đứng đầu",
            "Chuyển đổi số trong hoạt động văn hóa, thể thao và du lịch"};
    private static final String[] GENRES = {"cải lương", "đờn ca tài tử", "múa", "hợp xướng", "kịch ngắn"};
    private static final String[] EXCUSES = {"Đi công tác", "Nghỉ ốm", "Việc gia đình", "Nghỉ phép"};

    private final Size size;
    private final long seed;
    private final SplittableRandom random;
    private final Progress progress;

    // the roster as it stands while the months go by
    private final List<UUID> units = new ArrayList<>();
    private final List<UUID> cellIds = new ArrayList<>();
    private final List<UUID> subCommitteeIds = new ArrayList<>();
    private final List<UUID> memberIds = new ArrayList<>();
    private final List<List<Integer>> cellMembers = new ArrayList<>();
    private final int[] memberCell;
    private final long[] memberSequence;
    private final Map<Integer, LocalDate[]> exemptions = new HashMap<>();
    private final Map<UUID, String> secretaries = new HashMap<>();

    private EventAppender events;
    private RosterWriter roster;
    private Instant clock;
    /** When the next events are recorded at the earliest: the log's time stamps follow the calendar. */
    private Instant target = Instant.EPOCH;
    private long requests;

    Generator(Size size, long seed, Progress progress) {
        this.size = size;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.progress = progress;
        this.memberCell = new int[size.members()];
        this.memberSequence = new long[size.members()];
    }

    static UUID uuid(SplittableRandom random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** Appends the whole ledger over {@code eventsConnection} and the roster lookups over {@code rosterConnection}. */
    Result generate(Connection eventsConnection, Connection rosterConnection) throws SQLException {
        long started = System.nanoTime();
        rosterConnection.setAutoCommit(false);
        DataSource rosterSource = new SingleConnectionDataSource(rosterConnection, true);
        roster = new RosterWriter(new JdbcTemplate(rosterSource));
        events = new EventAppender(eventsConnection, seed);
        clock = LocalDate.of(size.firstYear() - 1, 12, 1).atTime(8, 0).atZone(ZONE).toInstant();

        registerRoster();
        commit(rosterConnection);
        for (int year = size.firstYear(); year < size.firstYear() + size.years(); year++) {
            for (int month = 1; month <= 12; month++) {
                LocalDate first = LocalDate.of(year, month, 1);
                changeRoster(first);
                commit(rosterConnection);
                boolean last = year == size.firstYear() + size.years() - 1 && month == 12;
                List<long[]> sessions = new ArrayList<>(); // day of month, cell, thematic
                for (int cell = 0; cell < cellIds.size(); cell++) {
                    sessions.add(new long[] {5 + random.nextInt(15), cell, 0});
                    if (month % 3 == 0) {
                        sessions.add(new long[] {21 + random.nextInt(7), cell, 1});
                    }
                }
                sessions.sort((a, b) -> Long.compare(a[0], b[0]));
                for (long[] s : sessions) {
                    session((int) s[1], first.withDayOfMonth((int) s[0]), s[2] == 1, last);
                }
                commit(rosterConnection);
            }
        }
        progress.done();
        return new Result(events.appended(), new LinkedHashMap<>(events.counts()),
                (System.nanoTime() - started) / 1e9);
    }

    private void commit(Connection rosterConnection) throws SQLException {
        events.commit();
        rosterConnection.commit();
        progress.set(events.appended());
    }

    private void registerRoster() {
        for (int i = 0; i < size.subCommittees(); i++) {
            UUID id = uuid(random);
            subCommitteeIds.add(id);
            units.add(id);
            office(new UnitRegistered(id, "Đảng bộ bộ phận số " + (i + 1), UnitKind.SUB_COMMITTEE, null), "Unit",
                    id, 0);
        }
        for (int i = 0; i < size.cells(); i++) {
            UUID id = uuid(random);
            UUID parent = subCommitteeIds.isEmpty() || random.nextInt(10) < 4 ? null
                    : subCommitteeIds.get(random.nextInt(subCommitteeIds.size()));
            cellIds.add(id);
            units.add(id);
            cellMembers.add(new ArrayList<>());
            secretaries.put(id, "thuky" + (i + 1));
            office(new UnitRegistered(id, "Chi bộ số " + (i + 1), UnitKind.CELL, parent), "Unit", id, 0);
        }
        for (int m = 0; m < size.members(); m++) {
            UUID id = uuid(random);
            int cell = m % size.cells();
            memberIds.add(id);
            memberCell[m] = cell;
            cellMembers.get(cell).add(m);
            String name = FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                    + GIVEN[random.nextInt(GIVEN.length)];
            LocalDate joined = LocalDate.of(1985 + random.nextInt(35), 1 + random.nextInt(12), 1 + random.nextInt(28));
            MemberStatus status = random.nextInt(20) == 0 ? MemberStatus.PROBATIONARY : MemberStatus.OFFICIAL;
            office(new MemberAdmitted(id, name, cellIds.get(cell), status, joined), "Member", id,
                    memberSequence[m]++);
        }
    }

    /** About 2% of the members move each year, and 1% are exempted for one to five months. */
    private void changeRoster(LocalDate first) {
        recordAt(first.atTime(7, 0).atZone(ZONE).toInstant());
        int transfers = Math.max(1, size.members() / 600);
        Set<Integer> moved = new HashSet<>();
        for (int i = 0; i < transfers; i++) {
            int m = random.nextInt(size.members());
            if (!moved.add(m)) {
                continue;
            }
            int from = memberCell[m];
            int to = (from + 1 + random.nextInt(size.cells() - 1)) % size.cells();
            cellMembers.get(from).remove(Integer.valueOf(m));
            cellMembers.get(to).add(m);
            memberCell[m] = to;
            office(new MemberTransferred(memberIds.get(m), cellIds.get(from), cellIds.get(to), first), "Member",
                    memberIds.get(m), memberSequence[m]++);
        }
        int exempted = Math.max(1, size.members() / 1200);
        for (int i = 0; i < exempted; i++) {
            int m = random.nextInt(size.members());
            if (exemptions.containsKey(m)) {
                continue;
            }
            LocalDate to = first.plusMonths(1 + random.nextInt(5)).minusDays(1);
            exemptions.put(m, new LocalDate[] {first, to});
            office(new ExemptionGranted(memberIds.get(m), first, to, random.nextBoolean() ? "Sức khỏe" : "Tuổi cao"),
                    "Member", memberIds.get(m), memberSequence[m]++);
        }
    }

    private void session(int cell, LocalDate day, boolean thematic, boolean lastMonth) {
        UUID unit = cellIds.get(cell);
        UUID id = uuid(random);
        long[] sequence = {0};
        Instant at = day.atTime(random.nextBoolean() ? 8 : 14, 0).atZone(ZONE).toInstant();
        recordAt(at.minus(3, ChronoUnit.HOURS));
        SessionFormat format = random.nextInt(10) == 0 ? SessionFormat.HYBRID : SessionFormat.IN_PERSON;
        String topic = thematic ? "Chuyên đề: " + TOPICS[random.nextInt(TOPICS.length)]
                : "Sinh hoạt chi bộ định kỳ tháng " + day.getMonthValue() + "/" + day.getYear();
        secretary(unit, new SessionScheduled(id, List.of(unit), topic, at, format,
                thematic ? List.of("Kết luận số 01-KL/TW") : List.of(), "Hội trường chi bộ",
                format == SessionFormat.HYBRID ? "https://meet.example.vn/" + id : null, "Bí thư chi bộ",
                "Phó bí thư chi bộ"), id, sequence);
        if (random.nextInt(20) == 0) {
            Instant later = at.plus(2, ChronoUnit.DAYS);
            secretary(unit, new SessionRescheduled(id, later, at, "Trùng lịch công tác"), id, sequence);
            at = later;
            day = day.plusDays(2);
        }
        if (random.nextInt(33) == 0) {
            secretary(unit, new SessionCancelled(id, "Chi bộ tham gia nhiệm vụ đột xuất"), id, sequence);
            return;
        }
        // attendance: the members expected on that day, as they arrive
        Map<UUID, AttendanceEntry> recorded = new HashMap<>();
        List<Integer> expected = new ArrayList<>();
        for (int m : cellMembers.get(cell)) {
            LocalDate[] exempt = exemptions.get(m);
            if (exempt == null || day.isBefore(exempt[0]) || day.isAfter(exempt[1])) {
                expected.add(m);
            }
        }
        List<AttendanceEntry> absent = new ArrayList<>();
        List<AttendanceEntry> present = new ArrayList<>();
        for (int m : expected) {
            int roll = random.nextInt(100);
            UUID member = memberIds.get(m);
            if (roll < 88) {
                AttendanceMode mode = format == SessionFormat.HYBRID && random.nextInt(4) == 0 ? AttendanceMode.ONLINE
                        : AttendanceMode.IN_PERSON;
                present.add(new AttendanceEntry(member, AttendanceStatus.PRESENT, mode, null));
            } else if (roll < 97) {
                absent.add(new AttendanceEntry(member, AttendanceStatus.ABSENT_EXCUSED, null,
                        EXCUSES[random.nextInt(EXCUSES.length)]));
            } else {
                absent.add(new AttendanceEntry(member, AttendanceStatus.ABSENT_UNEXCUSED, null, null));
            }
        }
        shuffle(present);
        for (int i = 0; i < present.size(); ) {
            int roll = random.nextInt(10);
            int group = roll < 7 ? 1 : roll < 9 ? 2 : 3;
            List<AttendanceEntry> arrived = present.subList(i, Math.min(present.size(), i + group));
            secretary(unit, new AttendanceRecorded(id, arrived), id, sequence);
            arrived.forEach(e -> recorded.put(e.memberId(), e));
            i += group;
        }
        if (!absent.isEmpty()) {
            secretary(unit, new AttendanceRecorded(id, absent), id, sequence);
            absent.forEach(e -> recorded.put(e.memberId(), e));
        }
        if (!absent.isEmpty() && random.nextInt(7) == 0) {
            // a latecomer: recorded absent, then present
            AttendanceEntry late = new AttendanceEntry(absent.get(0).memberId(), AttendanceStatus.PRESENT,
                    AttendanceMode.IN_PERSON, "Đến muộn");
            secretary(unit, new AttendanceRecorded(id, List.of(late)), id, sequence);
            recorded.put(late.memberId(), late);
        }
        Map<GuestCategory, Integer> guests = null;
        if (thematic || random.nextInt(10) < 6) {
            guests = guests(thematic);
            secretary(unit, new GuestsCounted(id, guests), id, sequence);
            if (random.nextInt(4) == 0) {
                guests = guests(thematic);
                secretary(unit, new GuestsCounted(id, guests), id, sequence);
            }
        }
        List<PerformanceLogged> performances = new ArrayList<>();
        if (thematic && random.nextBoolean()) {
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                UUID performer = random.nextInt(3) == 0 && !subCommitteeIds.isEmpty()
                        ? subCommitteeIds.get(random.nextInt(subCommitteeIds.size())) : unit;
                PerformanceLogged performance = new PerformanceLogged(id, uuid(random),
                        "Tiết mục " + GENRES[random.nextInt(GENRES.length)] + " " + (i + 1),
                        GENRES[random.nextInt(GENRES.length)], performer, "Xã " + (1 + random.nextInt(120)),
                        day.minusDays(random.nextInt(5)), 100 + random.nextInt(2900));
                performances.add(performance);
                secretary(unit, performance, id, sequence);
            }
        }
        if (random.nextInt(10) < 9) {
            secretary(unit, new DiscussionNoted(id, 2 + random.nextInt(12),
                    "Các ý kiến tập trung vào việc cụ thể hóa chủ đề vào nhiệm vụ của chi bộ."), id, sequence);
        }
        secretary(unit, new RecordSubmitted(id, "Biên bản sinh hoạt ngày " + day), id, sequence);
        if (lastMonth && random.nextInt(3) == 0) {
            return; // still waiting for the committee
        }
        if (random.nextInt(12) == 0) {
            office(new RecordReviewed(id, ReviewDecision.RETURNED, "Đề nghị bổ sung, đính chính"), "Session", id,
                    sequence[0]++, unit);
            if (!performances.isEmpty()) {
                PerformanceLogged p = performances.get(0);
                secretary(unit, new PerformanceCorrected(id, p.performanceId(), p.audience() + 50, p.audience(),
                        "Đếm lại lượt người xem"), id, sequence);
            } else if (guests != null) {
                Map<GuestCategory, Integer> counted = new EnumMap<>(guests);
                counted.merge(GuestCategory.OTHER, 3, Integer::sum);
                secretary(unit, new GuestsCorrected(id, counted, guests, "Bổ sung khách mời"), id, sequence);
            } else if (!recorded.isEmpty()) {
                AttendanceEntry before = recorded.values().iterator().next();
                AttendanceEntry after = new AttendanceEntry(before.memberId(), AttendanceStatus.ABSENT_EXCUSED, null,
                        "Đính chính: đi công tác");
                secretary(unit, new AttendanceCorrected(id, List.of(after), List.of(before), "Đính chính điểm danh"),
                        id, sequence);
            }
            secretary(unit, new RecordSubmitted(id, "Biên bản đã bổ sung ngày " + day), id, sequence);
        }
        office(new RecordReviewed(id, ReviewDecision.ACKNOWLEDGED, null), "Session", id, sequence[0]++, unit);
    }

    private void recordAt(Instant at) {
        target = at;
    }

    private Map<GuestCategory, Integer> guests(boolean thematic) {
        Map<GuestCategory, Integer> counts = new EnumMap<>(GuestCategory.class);
        int scale = thematic ? 40 : 8;
        counts.put(GuestCategory.PUBLIC, random.nextInt(scale));
        counts.put(GuestCategory.CIVIL_SERVANTS, random.nextInt(scale));
        counts.put(GuestCategory.CULTURE_OFFICIALS, random.nextInt(scale / 4 + 1));
        counts.put(GuestCategory.CLUB_REPRESENTATIVES, random.nextInt(scale / 4 + 1));
        counts.put(GuestCategory.OTHER, random.nextInt(3));
        return counts;
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }

    private void secretary(UUID unit, Object event, UUID session, long[] sequence) {
        append("Session", session, sequence[0]++, event, secretaries.get(unit), "SECRETARY", unit);
    }

    private void office(Object event, String type, UUID aggregate, long sequence) {
        office(event, type, aggregate, sequence, null);
        roster.apply(event);
    }

    private void office(Object event, String type, UUID aggregate, long sequence, UUID unit) {
        append(type, aggregate, sequence, event, "vanphong", "OFFICE", unit);
    }

    /** The metadata the command side puts on every event (AuditMetadata, MessageOriginProvider). */
    private void append(String type, UUID aggregate, long sequence, Object event, String user, String role,
                        UUID unit) {
        clock = clock.plusMillis(1 + random.nextInt(20));
        if (clock.isBefore(target)) {
            clock = target;
        }
        String correlation = uuid(random).toString();
        Map<String, Object> meta = new HashMap<>();
        meta.put("traceId", correlation);
        meta.put("correlationId", correlation);
        meta.put("userId", user);
        meta.put("role", role);
        if (unit != null) {
            meta.put("unitId", unit.toString());
        }
        meta.put("recordedAt", clock.toString());
        meta.put("requestId", "bench-" + ++requests);
        events.append(type, aggregate, sequence, event, MetaData.from(meta), clock);
        if ((events.appended() & 0x3FF) == 0) {
            progress.set(events.appended());
        }
    }
}
