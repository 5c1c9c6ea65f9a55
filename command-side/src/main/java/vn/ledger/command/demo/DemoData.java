package vn.ledger.command.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ledger.command.eventstore.AuditMetadata;
import vn.ledger.command.member.MemberCommands.AdmitMember;
import vn.ledger.command.member.MemberCommands.GrantExemption;
import vn.ledger.command.session.SessionCommands.CountGuests;
import vn.ledger.command.session.SessionCommands.LogPerformance;
import vn.ledger.command.session.SessionCommands.NoteDiscussion;
import vn.ledger.command.session.SessionCommands.RecordAttendance;
import vn.ledger.command.session.SessionCommands.ReviewRecord;
import vn.ledger.command.session.SessionCommands.ScheduleSession;
import vn.ledger.command.session.SessionCommands.SubmitRecord;
import vn.ledger.command.unit.UnitCommands.RegisterUnit;
import vn.ledger.events.AttendanceEntry;
import vn.ledger.events.AttendanceMode;
import vn.ledger.events.AttendanceStatus;
import vn.ledger.events.GuestCategory;
import vn.ledger.events.MemberStatus;
import vn.ledger.events.ReviewDecision;
import vn.ledger.events.SessionFormat;
import vn.ledger.events.UnitKind;

/**
 * With {@code LEDGER_DEMO_DATA=true}, fills an empty event log with the story of the seed article, through the same
 * commands and rules as the HTTP API.
 *
 * <p>From the seed: the committee of the provincial Department of Culture, Sports and Tourism with 9 cells and
 * sub-committees directly under it and about 160 members; the cell of the Culture and Arts Centre; three thematic
 * sessions that drew thousands of attendances of cadres, civil servants and club representatives, on Kết luận số
 * 01-KL/TW and the resolutions of the Provincial Party Committee term XI, in person and online, with a presenter, a
 * host and art performances; the cải lương excerpt "Nghĩa gia đình, tình làng xóm" shown by the Culture and Arts
 * Centre's cell at districts and cities for the Q3 2022 session, about 5,300 attendances.
 *
 * <p>Invented: every name other than the Culture and Arts Centre's cell, the two cells under each sub-committee
 * (members belong to cells only, so 13 units in all, 9 of them directly under the committee), the members and
 * their dates, the exemptions, the dates, formats, places and people of the sessions, the absences, the guest
 * counts, the discussions, and the tour's venues, dates and per-venue split of the 5,300. The venues are districts
 * and cities of Đồng Tháp: the article's masthead "ĐTO" is the Đồng Tháp newspaper's, though the text names no
 * province.
 *
 * <p>Ids are name-based UUIDs and every invented value comes from a {@code Random} with a fixed seed, so two loads
 * write the same events (their metadata's {@code recordedAt} aside).
 */
@Component
public final class DemoData implements ApplicationRunner {

    /** The cell of the Culture and Arts Centre, named in the seed; it performs the cải lương tour. */
    public static final UUID CULTURE_AND_ARTS_CENTRE_CELL = unitId(2);
    /** The Q3 2022 thematic session the cải lương tour was performed for. */
    public static final UUID Q3_2022_SESSION = sessionId(2);
    /** The tour's audience in attendances (lượt người), "khoảng 5.300" in the seed. */
    public static final int TOUR_AUDIENCE = 5300;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final LocalTime SESSION_TIME = LocalTime.of(8, 0);
    private static final LocalDate EXEMPT_FROM = LocalDate.of(2022, 7, 1);
    private static final LocalDate EXEMPT_TO = LocalDate.of(2022, 12, 31);
    /** The members (by number) exempt for the second half of 2022. */
    private static final Map<Integer, String> EXEMPTIONS = Map.of(
            37, "Điều trị bệnh dài ngày theo chỉ định của bác sĩ",
            118, "Nghỉ dưỡng bệnh sau phẫu thuật");

    /** A unit; {@code parent} is the number of its sub-committee, 0 when directly under the committee. */
    private record UnitSpec(int number, String name, UnitKind kind, int parent, int members) {}

    /** Registered in this order, so every sub-committee exists before its cells; 9 have no parent. */
    private static final List<UnitSpec> UNITS = List.of(
            new UnitSpec(1, "Chi bộ Văn phòng Sở", UnitKind.CELL, 0, 16),
            new UnitSpec(2, "Chi bộ Trung tâm Văn hóa Nghệ thuật", UnitKind.CELL, 0, 24),
            new UnitSpec(3, "Chi bộ Thư viện tỉnh", UnitKind.CELL, 0, 12),
            new UnitSpec(4, "Chi bộ Bảo tàng tỉnh", UnitKind.CELL, 0, 14),
            new UnitSpec(5, "Chi bộ Ban Quản lý Di tích tỉnh", UnitKind.CELL, 0, 13),
            new UnitSpec(6, "Chi bộ Trung tâm Thông tin Xúc tiến Du lịch", UnitKind.CELL, 0, 12),
            new UnitSpec(7, "Chi bộ Thanh tra Sở", UnitKind.CELL, 0, 9),
            new UnitSpec(8, "Đảng bộ bộ phận các phòng chuyên môn", UnitKind.SUB_COMMITTEE, 0, 0),
            new UnitSpec(9, "Đảng bộ bộ phận Trung tâm Huấn luyện và Thi đấu Thể dục Thể thao",
                    UnitKind.SUB_COMMITTEE, 0, 0),
            new UnitSpec(10, "Chi bộ Phòng Quản lý Văn hóa và Gia đình", UnitKind.CELL, 8, 15),
            new UnitSpec(11, "Chi bộ Phòng Quản lý Thể dục Thể thao", UnitKind.CELL, 8, 14),
            new UnitSpec(12, "Chi bộ Bộ phận Huấn luyện", UnitKind.CELL, 9, 17),
            new UnitSpec(13, "Chi bộ Bộ phận Tổ chức Thi đấu", UnitKind.CELL, 9, 14));

    private static final List<String> FAMILY_NAMES = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan",
            "Trương", "Bùi", "Đặng", "Đỗ", "Ngô", "Hồ", "Dương", "Lý");
    private static final List<String> MALE_MIDDLE_NAMES = List.of("Văn", "Minh", "Hoàng", "Quốc", "Đức", "Thanh",
            "Hữu", "Công");
    private static final List<String> FEMALE_MIDDLE_NAMES = List.of("Thị", "Ngọc", "Thanh", "Kim", "Thu", "Mỹ",
            "Bích");
    private static final List<String> MALE_GIVEN_NAMES = List.of("An", "Bình", "Cường", "Dũng", "Hải", "Hùng",
            "Khang", "Long", "Nam", "Phúc", "Quang", "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Vinh", "Hiếu", "Nghĩa",
            "Tài");
    private static final List<String> FEMALE_GIVEN_NAMES = List.of("Hà", "Hạnh", "Hương", "Lan", "Linh", "Mai",
            "Ngân", "Nhung", "Phượng", "Thảo", "Thủy", "Trang", "Tuyết", "Vân", "Yến", "Diễm", "Loan", "Trinh");

    /** A thematic session of the whole committee and what its record holds. */
    private record SessionSpec(int number, LocalDate date, SessionFormat format, String topic,
                               List<String> basisDocuments, String venue, String onlineUrl, String presenter,
                               String host, Map<GuestCategory, Integer> guests, int contributions, String discussion,
                               String minutes, boolean acknowledged) {}

    private static final String CONCLUSION_01 = "Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị khóa XIII về"
            + " tiếp tục thực hiện Chỉ thị số 05-CT/TW";
    private static final String DIRECTIVE_05 = "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị khóa XII về đẩy"
            + " mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh";
    private static final String PROVINCE_CONGRESS = "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI, nhiệm kỳ"
            + " 2020 - 2025";

    private static final List<SessionSpec> SESSIONS = List.of(
            new SessionSpec(1, LocalDate.of(2022, 4, 20), SessionFormat.IN_PERSON,
                    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tinh thần trách nhiệm, nêu"
                            + " gương của cán bộ, đảng viên ngành văn hóa, thể thao và du lịch",
                    List.of(CONCLUSION_01, DIRECTIVE_05, "Nghị quyết Đại hội Đảng bộ cơ sở Sở Văn hóa, Thể thao và Du"
                            + " lịch nhiệm kỳ 2020 - 2025"),
                    "Hội trường Sở Văn hóa, Thể thao và Du lịch", null,
                    "Đồng chí Lê Minh Hoàng, Bí thư Đảng ủy", "Đồng chí Trần Thị Ngọc Hân",
                    Map.of(GuestCategory.PUBLIC, 260, GuestCategory.CIVIL_SERVANTS, 340,
                            GuestCategory.CULTURE_OFFICIALS, 210, GuestCategory.CLUB_REPRESENTATIVES, 180,
                            GuestCategory.OTHER, 30),
                    9, "Các ý kiến tập trung vào trách nhiệm nêu gương của người đứng đầu và việc đăng ký làm theo"
                            + " gắn với nhiệm vụ của từng cơ quan, đơn vị.",
                    "Sinh hoạt chuyên đề quý II/2022 theo hình thức trực tiếp, có lời dẫn, báo cáo viên và biểu"
                            + " diễn nghệ thuật.",
                    true),
            new SessionSpec(2, LocalDate.of(2022, 8, 25), SessionFormat.HYBRID,
                    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng gia đình hạnh phúc,"
                            + " tình làng nghĩa xóm; tuyên truyền các nghị quyết, kết luận của Tỉnh ủy khóa XI",
                    List.of(CONCLUSION_01, PROVINCE_CONGRESS, "Các nghị quyết, kết luận, kế hoạch của Tỉnh ủy khóa XI"
                            + " về phát triển văn hóa, xây dựng con người"),
                    "Hội trường Trung tâm Văn hóa Nghệ thuật",
                    "https://hop-truc-tuyen.example.vn/sinh-hoat-chuyen-de-quy-3-2022",
                    "Đồng chí Phạm Văn Nghĩa, Phó Bí thư Đảng ủy", "Đồng chí Huỳnh Thị Mỹ Linh",
                    Map.of(GuestCategory.PUBLIC, 310, GuestCategory.CIVIL_SERVANTS, 420,
                            GuestCategory.CULTURE_OFFICIALS, 260, GuestCategory.CLUB_REPRESENTATIVES, 240,
                            GuestCategory.OTHER, 45),
                    12, "Đại diện các Câu lạc bộ \"Gia đình phát triển bền vững\" chia sẻ cách giữ gìn nếp nhà; các ý"
                            + " kiến đề nghị tiếp tục đưa chặp cải lương về khóm, ấp.",
                    "Sinh hoạt chuyên đề quý III/2022 kết hợp trực tiếp và trực tuyến, gắn với biểu diễn chặp cải"
                            + " lương \"Nghĩa gia đình, tình làng xóm\" tại các huyện, thành phố.",
                    true),
            new SessionSpec(3, LocalDate.of(2022, 11, 17), SessionFormat.ONLINE,
                    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về phong cách làm việc dân chủ,"
                            + " gần dân; cụ thể hóa nghị quyết của Tỉnh ủy khóa XI trong ngành",
                    List.of(CONCLUSION_01, DIRECTIVE_05, PROVINCE_CONGRESS),
                    null, "https://hop-truc-tuyen.example.vn/sinh-hoat-chuyen-de-quy-4-2022",
                    "Đồng chí Võ Thanh Tâm, Đảng ủy viên", "Đồng chí Nguyễn Ngọc Diễm",
                    Map.of(GuestCategory.PUBLIC, 280, GuestCategory.CIVIL_SERVANTS, 390,
                            GuestCategory.CULTURE_OFFICIALS, 230, GuestCategory.CLUB_REPRESENTATIVES, 210,
                            GuestCategory.OTHER, 35),
                    11, "Các ý kiến đề xuất đẩy mạnh ứng dụng công nghệ thông tin, thu hình đăng YouTube để đảng viên,"
                            + " quần chúng dự, xem và nghe.",
                    "Sinh hoạt chuyên đề quý IV/2022 theo hình thức trực tuyến.",
                    false));

    /** One showing of the tour; the audiences sum to {@link #TOUR_AUDIENCE}. */
    private record Showing(String venue, LocalDate performedOn, int audience) {}

    private static final String TOUR_TITLE = "Nghĩa gia đình, tình làng xóm";
    private static final String TOUR_GENRE = "cải lương";
    private static final List<Showing> TOUR = List.of(
            new Showing("Thành phố Cao Lãnh", LocalDate.of(2022, 7, 15), 1200),
            new Showing("Huyện Tháp Mười", LocalDate.of(2022, 7, 29), 950),
            new Showing("Thành phố Sa Đéc", LocalDate.of(2022, 8, 12), 800),
            new Showing("Huyện Châu Thành", LocalDate.of(2022, 8, 26), 1050),
            new Showing("Huyện Lai Vung", LocalDate.of(2022, 9, 9), 700),
            new Showing("Thành phố Hồng Ngự", LocalDate.of(2022, 9, 23), 600));

    /** A generated member. */
    private record MemberSpec(int number, UUID memberId, String fullName, UUID unitId, MemberStatus status,
                              LocalDate joinedOn) {}

    private final boolean enabled;
    private final CommandGateway commandGateway;
    private final AuditMetadata auditMetadata;
    private final JdbcTemplate jdbc;
    private int sent;

    DemoData(@Value("${LEDGER_DEMO_DATA:false}") boolean enabled, CommandGateway commandGateway,
             AuditMetadata auditMetadata, JdbcTemplate jdbc) {
        this.enabled = enabled;
        this.commandGateway = commandGateway;
        this.auditMetadata = auditMetadata;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Boolean empty = jdbc.queryForObject(
                "SELECT NOT EXISTS (SELECT 1 FROM event_store.domain_event_entry)", Boolean.class);
        if (!Boolean.TRUE.equals(empty)) {
            log.info("LEDGER_DEMO_DATA is set but the event log is not empty: the demo data is not loaded");
            return;
        }
        load();
        Long events = jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);
        log.info("Loaded the demo data: {} units ({} directly under the committee), {} members, {} sessions, {} events",
                UNITS.size(), UNITS.stream().filter(unit -> unit.parent() == 0).count(), memberCount(),
                SESSIONS.size(), events);
    }

    private void load() {
        // One generator, consumed in a fixed order, keeps every invented value the same from load to load.
        Random random = new Random(2022);
        for (UnitSpec unit : UNITS) {
            send(new RegisterUnit(unitId(unit.number()), unit.name(), unit.kind(),
                    unit.parent() == 0 ? null : unitId(unit.parent())));
        }
        List<MemberSpec> members = members(random);
        for (MemberSpec member : members) {
            send(new AdmitMember(member.memberId(), member.fullName(), member.unitId(), member.status(),
                    member.joinedOn()));
        }
        for (Map.Entry<Integer, String> exemption : EXEMPTIONS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            send(new GrantExemption(memberId(exemption.getKey()), EXEMPT_FROM, EXEMPT_TO, exemption.getValue(),
                    null));
        }
        // Exempt members are not expected at the later sessions, so they are never listed as exceptions.
        List<UUID> listable = members.stream()
                .filter(member -> !EXEMPTIONS.containsKey(member.number()))
                .map(MemberSpec::memberId)
                .toList();
        for (SessionSpec session : SESSIONS) {
            hold(session, listable, random);
        }
    }

    /** Schedules a session and writes its record: attendance, guests, performances, discussion, submission. */
    private void hold(SessionSpec session, List<UUID> listable, Random random) {
        UUID id = sessionId(session.number());
        send(new ScheduleSession(id, List.of(), true, session.topic(),
                session.date().atTime(SESSION_TIME).toInstant(VIETNAM), session.format(), session.basisDocuments(),
                session.venue(), session.onlineUrl(), session.presenter(), session.host()));
        send(new RecordAttendance(id, exceptions(session.format(), listable, random), AttendanceStatus.PRESENT,
                session.format() == SessionFormat.ONLINE ? AttendanceMode.ONLINE : AttendanceMode.IN_PERSON, null));
        send(new CountGuests(id, session.guests(), null));
        if (id.equals(Q3_2022_SESSION)) {
            for (int i = 0; i < TOUR.size(); i++) {
                Showing showing = TOUR.get(i);
                send(new LogPerformance(id, performanceId(i + 1), TOUR_TITLE, TOUR_GENRE,
                        CULTURE_AND_ARTS_CENTRE_CELL, showing.venue(), showing.performedOn(), showing.audience(),
                        null));
            }
        }
        send(new NoteDiscussion(id, session.contributions(), session.discussion(), null));
        send(new SubmitRecord(id, session.minutes(), null));
        if (session.acknowledged()) {
            send(new ReviewRecord(id, ReviewDecision.ACKNOWLEDGED, "Văn phòng Đảng ủy đã nhận biên bản.", null));
        }
    }

    /**
     * The members not simply present by default: a few absences and, in a hybrid session, those who joined online.
     */
    private static List<AttendanceEntry> exceptions(SessionFormat format, List<UUID> listable, Random random) {
        List<UUID> picked = new ArrayList<>(listable);
        Collections.shuffle(picked, random);
        List<String> excuses = List.of("Đi công tác", "Nghỉ ốm", "Việc gia đình");
        List<AttendanceEntry> entries = new ArrayList<>();
        int next = 0;
        for (String excuse : excuses) {
            entries.add(new AttendanceEntry(picked.get(next++), AttendanceStatus.ABSENT_EXCUSED, null, excuse));
        }
        entries.add(new AttendanceEntry(picked.get(next++), AttendanceStatus.ABSENT_UNEXCUSED, null, null));
        if (format == SessionFormat.HYBRID) {
            for (int i = 0; i < 30; i++) {
                entries.add(new AttendanceEntry(picked.get(next++), AttendanceStatus.PRESENT, AttendanceMode.ONLINE,
                        "Dự trực tuyến từ đơn vị"));
            }
        }
        return entries;
    }

    /** The members of every cell, with distinct names; every tenth is probationary, admitted in late 2021. */
    private static List<MemberSpec> members(Random random) {
        List<MemberSpec> members = new ArrayList<>();
        Set<String> usedNames = new HashSet<>();
        LocalDate officialFrom = LocalDate.of(2000, 1, 1);
        LocalDate probationaryFrom = LocalDate.of(2021, 6, 1);
        for (UnitSpec unit : UNITS) {
            for (int i = 0; i < unit.members(); i++) {
                int number = members.size() + 1;
                String name = distinctName(random, usedNames);
                boolean probationary = number % 10 == 0;
                LocalDate joinedOn = probationary
                        ? probationaryFrom.plusDays(random.nextInt(214)) // through 2021-12-31
                        : officialFrom.plusDays(random.nextInt(7671)); // through 2020-12-31
                members.add(new MemberSpec(number, memberId(number), name, unitId(unit.number()),
                        probationary ? MemberStatus.PROBATIONARY : MemberStatus.OFFICIAL, joinedOn));
            }
        }
        return members;
    }

    private static String distinctName(Random random, Set<String> usedNames) {
        while (true) {
            boolean female = random.nextBoolean();
            String name = pick(random, FAMILY_NAMES) + " "
                    + pick(random, female ? FEMALE_MIDDLE_NAMES : MALE_MIDDLE_NAMES) + " "
                    + pick(random, female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
            if (usedNames.add(name)) {
                return name;
            }
        }
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static int memberCount() {
        return UNITS.stream().mapToInt(UnitSpec::members).sum();
    }

    private void send(Object command) {
        sent++;
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(auditMetadata.ofSystem("demo-data", "demo-" + sent)));
    }

    private static UUID unitId(int number) {
        return UUID.nameUUIDFromBytes(("demo-unit-" + number).getBytes(UTF_8));
    }

    private static UUID memberId(int number) {
        return UUID.nameUUIDFromBytes(("demo-member-" + number).getBytes(UTF_8));
    }

    private static UUID sessionId(int number) {
        return UUID.nameUUIDFromBytes(("demo-session-" + number).getBytes(UTF_8));
    }

    private static UUID performanceId(int number) {
        return UUID.nameUUIDFromBytes(("demo-performance-" + number).getBytes(UTF_8));
    }
}
