package vn.khuyenhoc.association.policystudy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.shared.ImportColumns;
import vn.khuyenhoc.shared.ImportColumns.Column;
import vn.khuyenhoc.shared.ImportResult;
import vn.khuyenhoc.shared.ImportResult.RowError;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TabularFile;
import vn.khuyenhoc.shared.VietnameseText;

/**
 * An attendance sheet of one session: a member's code per row and whether they were present ("x", "có", "1"; empty
 * for absent). Members not in the file keep what was recorded. Saved whole or not at all.
 */
@Component
class AttendanceImport {

    static final List<Column> COLUMNS = List.of(
            new Column("member_id", "Mã hội viên", true),
            new Column("full_name", "Họ và tên", false),
            new Column("present", "Có mặt", true));

    private static final Set<String> YES = Set.of("x", "co", "1", "yes", "true", "dat", "v");
    private static final Set<String> NO = Set.of("", "khong", "0", "no", "false", "vang");

    private final PolicyStudyService studies;

    AttendanceImport(PolicyStudyService studies) {
        this.studies = studies;
    }

    /** Who may import the attendance of a session, and that it is in their scope: checked before the file is read. */
    @Transactional(readOnly = true)
    public void requireAllowed(long studyId, SignedInUser user) {
        user.requireImporter();
        studies.get(studyId, user);
    }

    @Transactional
    public ImportResult run(long studyId, TabularFile file, SignedInUser user, boolean dryRun) {
        user.requireImporter();
        PolicyStudyView study = studies.get(studyId, user);
        List<RowError> errors = new ArrayList<>();
        ImportColumns columns = ImportColumns.of(COLUMNS, file, errors);
        List<TabularFile.TabularRow> rows = columns.dataRows(file);
        Map<Long, Integer> rowOf = new HashMap<>();
        Set<Long> present = new LinkedHashSet<>();
        Set<Long> absent = new LinkedHashSet<>();
        for (TabularFile.TabularRow row : errors.isEmpty() ? rows : List.<TabularFile.TabularRow>of()) {
            String code = columns.get(row, "member_id");
            String mark = VietnameseText.fold(columns.get(row, "present"));
            if (!code.matches("\\d{1,18}")) {
                errors.add(new RowError(
                        row.number(),
                        columns.header("member_id"),
                        code.isEmpty() ? "Mã hội viên để trống." : "“" + code + "” không phải mã hội viên."));
                continue;
            }
            if (!YES.contains(mark) && !NO.contains(mark)) {
                errors.add(new RowError(
                        row.number(),
                        columns.header("present"),
                        "“" + columns.get(row, "present") + "” không rõ: ghi x nếu có mặt, để trống nếu vắng."));
                continue;
            }
            Long memberId = Long.valueOf(code);
            Integer first = rowOf.putIfAbsent(memberId, row.number());
            if (first != null) {
                // the same member twice counts once; only contradicting marks are an error
                if (present.contains(memberId) != YES.contains(mark)) {
                    errors.add(new RowError(
                            row.number(),
                            columns.header("present"),
                            "Hội viên " + code + " đã ghi ở dòng " + first + " với kết quả khác."));
                }
                continue;
            }
            (YES.contains(mark) ? present : absent).add(memberId);
        }
        if (errors.isEmpty()) {
            Set<Long> named = new LinkedHashSet<>(present);
            named.addAll(absent);
            for (PolicyStudyService.Refusal refusal : studies.refusals(study, named, null, user)) {
                // an absent member only has to exist in the scope; a present one must also have been a member
                if (present.contains(refusal.memberId()) || refusal.unknown()) {
                    errors.add(new RowError(
                            rowOf.get(refusal.memberId()), columns.header("member_id"), refusal.message()));
                }
            }
            errors.sort(Comparator.comparingInt(RowError::row));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(1, "", "Tệp không có dòng dữ liệu nào."));
        }
        boolean valid = errors.isEmpty();
        if (!valid || dryRun) {
            return new ImportResult(valid, rows.size(), errors, 0);
        }
        PolicyStudyService.AttendanceChange change = studies.markAttendance(studyId, present, absent, user);
        return new ImportResult(
                true,
                rows.size(),
                errors,
                change.added().size() + change.removed().size());
    }
}
