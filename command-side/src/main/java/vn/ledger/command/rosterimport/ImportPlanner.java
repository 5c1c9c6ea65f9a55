package vn.ledger.command.rosterimport;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.ledger.command.member.Member;
import vn.ledger.command.member.MemberFormats;
import vn.ledger.command.rosterimport.ImportPlan.Admission;
import vn.ledger.command.rosterimport.ImportPlan.NewUnit;
import vn.ledger.command.rosterimport.ImportPlan.Transfer;
import vn.ledger.command.rosterimport.ImportPlan.Unchanged;
import vn.ledger.command.rosterimport.RosterFiles.SourceRow;
import vn.ledger.command.rosterimport.RosterFiles.Value;
import vn.ledger.command.rule.Rules;
import vn.ledger.events.MemberStatus;
import vn.ledger.events.UnitKind;

/**
 * Turns the rows of a roster file into a plan against the roster as it stands. It checks everything the commands
 * would check (kinds, parents, card numbers, dates), so that a plan without errors applies without a rejection
 * unless the roster changed in between; the apply plans again under the event log's lock for that reason.
 *
 * <p>A row names a member's unit; a row with only the unit columns filled declares a unit without members (a
 * sub-committee, say). Units are known by name, case aside. A unit named only as a parent is created as a
 * sub-committee; a new unit without a stated kind is a cell. Members are known by their card number: a card on the
 * roster in another unit is a transfer on {@code effectiveOn}; the same unit is unchanged (differences in name,
 * status or details are warnings, since an import changes only units and memberships).
 */
final class ImportPlanner {

    private static final Pattern CARD = Pattern.compile(MemberFormats.CARD_NUMBER);
    private static final Pattern PHONE = Pattern.compile(MemberFormats.PHONE);
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT));
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** A member's row, parsed. */
    private record MemberRow(int row, String unitKey, String fullName, String card, MemberStatus status,
                             LocalDate joinedOn, LocalDate dateOfBirth, String phone) {}

    /** A unit as the file describes it, over all the rows that name it. */
    private static final class FileUnit {
        final String key;
        final String name;
        final int firstRow;
        UnitKind statedKind;
        int kindRow;
        String parentKey;
        String parentName;
        int parentRow;
        int firstParentMention;
        // resolved
        UUID unitId;
        UnitKind kind;
        boolean existing;

        FileUnit(String key, String name, int firstRow) {
            this.key = key;
            this.name = name;
            this.firstRow = firstRow;
        }
    }

    private final RosterSnapshot roster;
    private final ImportLanguage language;
    private final LocalDate effectiveOn;
    private final LocalDate today;

    private final List<ImportIssue> errors = new ArrayList<>();
    private final List<ImportIssue> warnings = new ArrayList<>();
    private final Map<String, FileUnit> units = new LinkedHashMap<>();

    ImportPlanner(RosterSnapshot roster, ImportLanguage language, LocalDate effectiveOn, LocalDate today) {
        this.roster = roster;
        this.language = language;
        this.effectiveOn = effectiveOn;
        this.today = today;
    }

    ImportPlan plan(RosterFiles.RosterFile file) {
        errors.addAll(file.headerErrors());
        List<MemberRow> members = new ArrayList<>();
        for (SourceRow row : file.rows()) {
            MemberRow member = readRow(row);
            if (member != null) {
                members.add(member);
            }
        }
        List<NewUnit> newUnits = resolveUnits();
        int unitsUnchanged = (int) units.values().stream().filter(unit -> unit.existing).count();

        List<Admission> admissions = new ArrayList<>();
        List<Transfer> transfers = new ArrayList<>();
        List<Unchanged> unchanged = new ArrayList<>();
        Map<String, Integer> cards = new HashMap<>();
        for (MemberRow member : members) {
            Integer earlier = cards.putIfAbsent(member.card(), member.row());
            if (earlier != null) {
                error(member.row(), RosterColumn.CARD_NUMBER, ImportText.DUPLICATE_CARD, member.card(), earlier);
                continue;
            }
            FileUnit unit = units.get(member.unitKey());
            if (unit.kind == UnitKind.SUB_COMMITTEE) {
                error(member.row(), RosterColumn.UNIT, ImportText.MEMBER_IN_SUB_COMMITTEE, unit.name);
                continue;
            }
            RosterSnapshot.Member known = roster.membersByCard().get(member.card());
            if (known == null) {
                admissions.add(new Admission(member.row(), UUID.randomUUID(), member.fullName(), member.card(),
                        member.status(), member.joinedOn(), member.dateOfBirth(), member.phone(), unit.unitId,
                        unit.name));
                continue;
            }
            compareDetails(member, known);
            if (known.unitId() == null) {
                error(member.row(), RosterColumn.CARD_NUMBER, ImportText.NO_CURRENT_UNIT, member.card());
            } else if (unit.unitId.equals(known.unitId())) {
                unchanged.add(new Unchanged(member.row(), known.memberId(), known.fullName(), member.card(),
                        unit.name));
            } else if (known.since() != null && !effectiveOn.isAfter(known.since())) {
                error(member.row(), RosterColumn.UNIT, ImportText.TRANSFER_TOO_EARLY, unitName(known.unitId()),
                        SHOWN.format(known.since()), SHOWN.format(effectiveOn));
            } else {
                transfers.add(new Transfer(member.row(), known.memberId(), known.fullName(), member.card(),
                        known.unitId(), unitName(known.unitId()), unit.unitId, unit.name, effectiveOn));
            }
        }
        errors.sort(java.util.Comparator.comparingInt(ImportIssue::row));
        warnings.sort(java.util.Comparator.comparingInt(ImportIssue::row));
        return new ImportPlan(file.rows().size(), effectiveOn, newUnits, unitsUnchanged, admissions, transfers,
                unchanged, List.copyOf(errors), List.copyOf(warnings));
    }

    // ---- rows

    private MemberRow readRow(SourceRow row) {
        int errorsBefore = errors.size();
        Map<RosterColumn, Value> cells = row.cells();
        String unitName = text(row, RosterColumn.UNIT);
        String kindText = text(row, RosterColumn.UNIT_KIND);
        String parentName = text(row, RosterColumn.PARENT_UNIT);
        boolean memberRow = cells.keySet().stream().anyMatch(column -> column.ordinal() >= RosterColumn.FULL_NAME.ordinal());
        if (unitName == null) {
            required(row, RosterColumn.UNIT);
        } else {
            UnitKind kind = kindText == null ? null : kind(row.number(), kindText);
            mentionUnit(row.number(), unitName, kind, parentName);
        }
        if (!memberRow) {
            return null;
        }
        String fullName = text(row, RosterColumn.FULL_NAME);
        String card = text(row, RosterColumn.CARD_NUMBER);
        String statusText = text(row, RosterColumn.STATUS);
        LocalDate joinedOn = date(row, RosterColumn.JOINED_ON, Rules.PARTY_FOUNDED, today);
        LocalDate born = date(row, RosterColumn.DATE_OF_BIRTH, Member.EARLIEST_BIRTH, today);
        String phone = text(row, RosterColumn.PHONE);
        for (RosterColumn column : RosterColumn.values()) {
            if (column.requiredForMember && !cells.containsKey(column)) {
                required(row, column);
            }
        }
        if (card != null && !CARD.matcher(card).matches()) {
            error(row.number(), RosterColumn.CARD_NUMBER, ImportText.BAD_CARD, card);
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            error(row.number(), RosterColumn.PHONE, ImportText.BAD_PHONE, phone);
        }
        MemberStatus status = statusText == null ? null : status(row.number(), statusText);
        if (born != null && joinedOn != null && !born.isBefore(joinedOn)) {
            error(row.number(), RosterColumn.DATE_OF_BIRTH, ImportText.BORN_AFTER_JOINING);
        }
        if (errors.size() > errorsBefore) {
            return null;
        }
        return new MemberRow(row.number(), Folding.unitKey(unitName), fullName, card, status, joinedOn, born, phone);
    }

    /** A text cell, checked for length; null when empty or unusable (with an error). */
    private String text(SourceRow row, RosterColumn column) {
        Value value = row.cells().get(column);
        String text;
        if (value == null) {
            text = null;
        } else if (value instanceof Value.Text cell) {
            text = cell.text();
        } else if (value instanceof Value.Number cell) {
            text = cell.number().stripTrailingZeros().toPlainString();
        } else if (value instanceof Value.Formula cell) {
            error(row.number(), column, ImportText.FORMULA, cell.formula());
            text = null;
        } else {
            error(row.number(), column, ImportText.CELL_ERROR, ((Value.Error) value).error());
            text = null;
        }
        if (text != null && text.length() > column.maxLength) {
            error(row.number(), column, ImportText.TOO_LONG, column.maxLength);
            return null;
        }
        return text;
    }

    private LocalDate date(SourceRow row, RosterColumn column, LocalDate earliest, LocalDate latest) {
        Value value = row.cells().get(column);
        LocalDate date;
        if (value instanceof Value.Number cell) {
            if (cell.asDate() == null) {
                error(row.number(), column, ImportText.BAD_DATE, cell.number().toPlainString());
                return null;
            }
            date = cell.asDate();
        } else {
            String text = text(row, column);
            if (text == null) {
                return null;
            }
            date = parseDate(text);
            if (date == null) {
                error(row.number(), column, ImportText.BAD_DATE, text);
                return null;
            }
        }
        if (date.isBefore(earliest) || date.isAfter(latest)) {
            error(row.number(), column, ImportText.DATE_OUT_OF_RANGE, SHOWN.format(date), SHOWN.format(earliest),
                    SHOWN.format(latest));
            return null;
        }
        return date;
    }

    static LocalDate parseDate(String text) {
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException notThisOne) {
                // try the next
            }
        }
        return null;
    }

    private MemberStatus status(int row, String text) {
        return switch (Folding.fold(text)) {
            case "chinh thuc", "dang vien chinh thuc", "official" -> MemberStatus.OFFICIAL;
            case "du bi", "dang vien du bi", "probationary" -> MemberStatus.PROBATIONARY;
            default -> {
                error(row, RosterColumn.STATUS, ImportText.BAD_STATUS, text);
                yield null;
            }
        };
    }

    private UnitKind kind(int row, String text) {
        return switch (Folding.fold(text)) {
            case "chi bo", "cell" -> UnitKind.CELL;
            case "dang bo bo phan", "dang bo", "sub-committee", "sub committee", "subcommittee", "sub_committee" ->
                    UnitKind.SUB_COMMITTEE;
            default -> {
                error(row, RosterColumn.UNIT_KIND, ImportText.BAD_KIND, text);
                yield null;
            }
        };
    }

    private void required(SourceRow row, RosterColumn column) {
        if (!row.cells().containsKey(column)) {
            error(row.number(), column, ImportText.REQUIRED);
        }
    }

    // ---- units

    private void mentionUnit(int row, String name, UnitKind kind, String parentName) {
        String key = Folding.unitKey(name);
        FileUnit unit = units.computeIfAbsent(key, k -> new FileUnit(k, name, row));
        if (kind != null) {
            if (unit.statedKind == null) {
                unit.statedKind = kind;
                unit.kindRow = row;
            } else if (unit.statedKind != kind) {
                error(row, RosterColumn.UNIT_KIND, ImportText.KIND_CONFLICT, unit.name, kindName(unit.statedKind),
                        kindName(kind));
            }
        }
        if (parentName != null) {
            String parentKey = Folding.unitKey(parentName);
            if (parentKey.equals(key)) {
                error(row, RosterColumn.PARENT_UNIT, ImportText.PARENT_CYCLE, unit.name);
                return;
            }
            if (unit.parentKey == null) {
                unit.parentKey = parentKey;
                unit.parentName = parentName;
                unit.parentRow = row;
            } else if (!unit.parentKey.equals(parentKey)) {
                error(row, RosterColumn.PARENT_UNIT, ImportText.PARENT_CONFLICT, unit.name, unit.parentName,
                        unit.parentRow);
            }
            FileUnit parent = units.computeIfAbsent(parentKey, k -> new FileUnit(k, parentName, row));
            if (parent.firstParentMention == 0) {
                parent.firstParentMention = row;
            }
        }
    }

    /** Decides each unit's id and kind, and orders the new ones parents first. */
    private List<NewUnit> resolveUnits() {
        for (FileUnit unit : units.values()) {
            RosterSnapshot.Unit known = roster.unitsByKey().get(unit.key);
            if (known != null) {
                unit.existing = true;
                unit.unitId = known.unitId();
                unit.kind = known.kind();
                if (unit.statedKind != null && unit.statedKind != known.kind()) {
                    error(unit.kindRow, RosterColumn.UNIT_KIND, ImportText.KIND_CONFLICT, known.name(),
                            kindName(known.kind()), kindName(unit.statedKind));
                }
                if (unit.parentKey != null) {
                    RosterSnapshot.Unit knownParent = known.parentUnitId() == null ? null
                            : roster.unitsById().get(known.parentUnitId());
                    String knownParentKey = knownParent == null ? null : Folding.unitKey(knownParent.name());
                    if (!unit.parentKey.equals(knownParentKey)) {
                        warning(unit.parentRow, RosterColumn.PARENT_UNIT, ImportText.PARENT_DIFFERS, known.name(),
                                knownParent == null ? committee() : knownParent.name());
                    }
                }
            } else {
                unit.unitId = UUID.randomUUID();
                unit.kind = unit.statedKind != null ? unit.statedKind
                        : unit.firstParentMention > 0 ? UnitKind.SUB_COMMITTEE : UnitKind.CELL;
            }
        }
        for (FileUnit unit : units.values()) {
            if (unit.firstParentMention > 0 && unit.kind == UnitKind.CELL) {
                error(unit.firstParentMention, RosterColumn.PARENT_UNIT, ImportText.PARENT_NOT_SUB_COMMITTEE,
                        unit.name);
            }
        }
        List<NewUnit> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (FileUnit unit : units.values()) {
            place(unit, ordered, placed, new HashSet<>());
        }
        return ordered;
    }

    /** Adds a new unit after its new parent (depth first); a unit met again on its own path is a cycle. */
    private void place(FileUnit unit, List<NewUnit> ordered, Set<String> placed, Set<String> path) {
        if (unit.existing || placed.contains(unit.key)) {
            return;
        }
        if (!path.add(unit.key)) {
            error(unit.parentRow, RosterColumn.PARENT_UNIT, ImportText.PARENT_CYCLE, unit.name);
            placed.add(unit.key);
            return;
        }
        FileUnit parent = unit.parentKey == null ? null : units.get(unit.parentKey);
        if (parent != null) {
            place(parent, ordered, placed, path);
        }
        if (placed.add(unit.key)) {
            ordered.add(new NewUnit(unit.firstRow, unit.unitId, unit.name, unit.kind,
                    parent == null ? null : parent.name, parent == null ? null : parent.unitId));
        }
    }

    // ---- members

    private void compareDetails(MemberRow member, RosterSnapshot.Member known) {
        if (!Objects.equals(Folding.clean(known.fullName()), member.fullName())) {
            warning(member.row(), RosterColumn.FULL_NAME, ImportText.NAME_DIFFERS, known.fullName());
        }
        if (known.status() != null && known.status() != member.status()) {
            warning(member.row(), RosterColumn.STATUS, ImportText.STATUS_DIFFERS, statusName(known.status()));
        }
        boolean birthDiffers = member.dateOfBirth() != null && !member.dateOfBirth().equals(known.dateOfBirth());
        boolean phoneDiffers = member.phone() != null && !member.phone().equals(known.phone());
        if (birthDiffers || phoneDiffers) {
            warning(member.row(), birthDiffers ? RosterColumn.DATE_OF_BIRTH : RosterColumn.PHONE,
                    ImportText.DETAILS_DIFFER);
        }
    }

    private String unitName(UUID unitId) {
        RosterSnapshot.Unit unit = unitId == null ? null : roster.unitsById().get(unitId);
        return unit == null ? String.valueOf(unitId) : unit.name();
    }

    // ---- words

    private String kindName(UnitKind kind) {
        boolean english = language == ImportLanguage.EN;
        return switch (kind) {
            case CELL -> english ? "cell" : "chi bộ";
            case SUB_COMMITTEE -> english ? "sub-committee" : "đảng bộ bộ phận";
        };
    }

    private String statusName(MemberStatus status) {
        boolean english = language == ImportLanguage.EN;
        return switch (status) {
            case OFFICIAL -> english ? "official" : "chính thức";
            case PROBATIONARY -> english ? "probationary" : "dự bị";
        };
    }

    private String committee() {
        return language == ImportLanguage.EN ? "the committee" : "Đảng ủy";
    }

    private void error(int row, RosterColumn column, ImportText text, Object... arguments) {
        errors.add(new ImportIssue(row, column == null ? null : column.label(language), text.code(),
                text.format(language, arguments)));
    }

    private void warning(int row, RosterColumn column, ImportText text, Object... arguments) {
        warnings.add(new ImportIssue(row, column == null ? null : column.label(language), text.code(),
                text.format(language, arguments)));
    }
}
