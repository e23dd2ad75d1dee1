package vn.khuyenhoc.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
 * A list of subjects to register in a round: a subject's code per row and an x in “Đăng ký” (the template lists the
 * subjects of the user's place with those registered already ticked; those are left as they are). Saved whole or not
 * at all, every refusal on its row.
 */
@Component
class RegistrationImport {

    static final List<Column> COLUMNS = List.of(
            new Column("subject_id", "Mã đối tượng", true),
            new Column("name", "Tên", false),
            new Column("locality", "Địa bàn", false),
            new Column("register", "Đăng ký", true));

    private static final Set<String> YES = Set.of("x", "co", "1", "yes", "true", "v");
    private static final Set<String> NO = Set.of("", "khong", "0", "no", "false");

    private final RegistrationService registrations;
    private final RoundService rounds;

    RegistrationImport(RegistrationService registrations, RoundService rounds) {
        this.registrations = registrations;
        this.rounds = rounds;
    }

    /** Who may import into a round, and that the round is in their scope: checked before the file is read. */
    @Transactional(readOnly = true)
    public void requireAllowed(long roundId, SignedInUser user) {
        user.requireImporter();
        rounds.get(roundId, user);
    }

    @Transactional
    public ImportResult run(long roundId, TabularFile file, SignedInUser user, boolean dryRun) {
        user.requireImporter();
        Round round = rounds.get(roundId, user);
        List<RowError> errors = new ArrayList<>();
        ImportColumns columns = ImportColumns.of(COLUMNS, file, errors);
        List<TabularFile.TabularRow> rows = columns.dataRows(file);
        Map<Long, Integer> rowOf = new LinkedHashMap<>();
        for (TabularFile.TabularRow row : errors.isEmpty() ? rows : List.<TabularFile.TabularRow>of()) {
            String code = columns.get(row, "subject_id");
            String mark = VietnameseText.fold(columns.get(row, "register"));
            if (!YES.contains(mark) && !NO.contains(mark)) {
                errors.add(new RowError(
                        row.number(),
                        columns.header("register"),
                        "“" + columns.get(row, "register") + "” không rõ: ghi x để đăng ký, để trống nếu không."));
            } else if (!code.matches("\\d{1,18}")) {
                errors.add(new RowError(
                        row.number(),
                        columns.header("subject_id"),
                        code.isEmpty() ? "Mã đối tượng để trống." : "“" + code + "” không phải mã đối tượng."));
            } else if (YES.contains(mark)) {
                rowOf.putIfAbsent(Long.valueOf(code), row.number());
            }
        }
        if (errors.isEmpty() && !rowOf.isEmpty()) {
            RegistrationService.Checked checked = registrations.check(round, new LinkedHashSet<>(rowOf.keySet()), user);
            Set<Long> already = new LinkedHashSet<>();
            checked.found().stream().filter(s -> s.registrationId() != null).forEach(s -> already.add(s.id()));
            // a ticked subject already registered in this round is what the template shows: left as it is
            already.forEach(rowOf::remove);
            checked.refusals().forEach((id, message) -> {
                if (rowOf.containsKey(id)) {
                    errors.add(new RowError(rowOf.get(id), columns.header("subject_id"), message));
                }
            });
            errors.sort(Comparator.comparingInt(RowError::row));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(1, "", "Tệp không có dòng dữ liệu nào."));
        }
        boolean valid = errors.isEmpty();
        if (!valid || dryRun || rowOf.isEmpty()) {
            return new ImportResult(valid, rows.size(), errors, 0);
        }
        return new ImportResult(
                true,
                rows.size(),
                errors,
                registrations
                        .register(roundId, new ArrayList<>(rowOf.keySet()), user)
                        .size());
    }
}
