package vn.khuyenhoc.association.member;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import vn.khuyenhoc.shared.ImportColumns;
import vn.khuyenhoc.shared.ImportColumns.Column;
import vn.khuyenhoc.shared.ImportResult;
import vn.khuyenhoc.shared.ImportResult.RowError;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TabularFile;

/**
 * A roster from a spreadsheet: every row goes through the same checks as the form, in one transaction that is rolled
 * back unless the whole file is valid and it is not a dry run.
 */
@Component
class MemberImport {

    static final List<Column> COLUMNS = List.of(
            new Column("chapter_id", "Mã chi hội", true),
            new Column("full_name", "Họ và tên", true),
            new Column("gender", "Giới tính", true),
            new Column("birth_year", "Năm sinh", true),
            new Column("ethnicity", "Dân tộc", false),
            new Column("role", "Vai trò", true),
            new Column("position", "Chức vụ", false),
            new Column("joined_on", "Ngày vào hội", false),
            new Column("citizen_id", "Số định danh cá nhân", false));

    private final MemberService members;

    MemberImport(MemberService members) {
        this.members = members;
    }

    @Transactional
    public ImportResult run(TabularFile file, SignedInUser user, boolean dryRun) {
        user.requireWriter();
        List<RowError> errors = new ArrayList<>();
        ImportColumns columns = ImportColumns.of(COLUMNS, file, errors);
        List<TabularFile.TabularRow> rows = ImportColumns.dataRows(file);
        int saved = 0;
        for (TabularFile.TabularRow row : errors.isEmpty() ? rows : List.<TabularFile.TabularRow>of()) {
            int before = errors.size();
            String chapter = columns.get(row, "chapter_id");
            if (!chapter.matches("\\d{1,18}")) {
                errors.add(new RowError(
                        row.number(),
                        columns.header("chapter_id"),
                        chapter.isEmpty() ? "Mã chi hội để trống." : "“" + chapter + "” không phải mã chi hội."));
            }
            String year = columns.get(row, "birth_year");
            if (!year.matches("\\d{4}")) {
                errors.add(new RowError(
                        row.number(),
                        columns.header("birth_year"),
                        year.isEmpty() ? "Năm sinh để trống." : "Năm sinh “" + year + "” phải gồm 4 chữ số."));
            }
            String joinedText = columns.get(row, "joined_on");
            var joinedOn = ImportColumns.parseDate(joinedText);
            if (!joinedText.isEmpty() && joinedOn.isEmpty()) {
                errors.add(new RowError(
                        row.number(),
                        columns.header("joined_on"),
                        "Ngày “" + joinedText + "” không hợp lệ (ghi dd/mm/yyyy)."));
            }
            if (errors.size() > before) {
                continue;
            }
            MemberForm form = new MemberForm(
                    Long.valueOf(chapter),
                    columns.get(row, "full_name"),
                    columns.get(row, "gender"),
                    Integer.valueOf(year),
                    columns.get(row, "ethnicity"),
                    columns.get(row, "role"),
                    columns.get(row, "position"),
                    joinedOn.orElse(null),
                    columns.get(row, "citizen_id"),
                    null);
            try {
                members.create(form, user);
                saved++;
            } catch (InvalidInputException e) {
                e.problems()
                        .forEach(p -> errors.add(new RowError(row.number(), columns.header(p.field()), p.message())));
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(1, "", "Tệp không có dòng dữ liệu nào."));
        }
        boolean valid = errors.isEmpty();
        if (!valid || dryRun) {
            // all or nothing: what the loop created is undone with the transaction
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new ImportResult(valid, rows.size(), errors, 0);
        }
        return new ImportResult(true, rows.size(), errors, saved);
    }
}
