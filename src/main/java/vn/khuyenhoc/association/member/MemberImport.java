package vn.khuyenhoc.association.member;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.shared.ImportColumns.Column;
import vn.khuyenhoc.shared.ImportResult;
import vn.khuyenhoc.shared.ImportResult.RowError;
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
            new Column("left_on", "Ngày rời hội", false),
            new Column("citizen_id", "Số định danh cá nhân", false));

    private final MemberService members;

    MemberImport(MemberService members) {
        this.members = members;
    }

    @Transactional
    public ImportResult run(TabularFile file, SignedInUser user, boolean dryRun) {
        user.requireImporter();
        return ImportResult.ofRows(file, COLUMNS, dryRun, (row, columns, errors) -> {
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
            LocalDate joinedOn = columns.date(row, "joined_on", errors);
            LocalDate leftOn = columns.date(row, "left_on", errors);
            if (errors.size() > before) {
                return;
            }
            members.create(
                    new MemberForm(
                            Long.valueOf(chapter),
                            columns.get(row, "full_name"),
                            columns.get(row, "gender"),
                            Integer.valueOf(year),
                            columns.get(row, "ethnicity"),
                            columns.get(row, "role"),
                            columns.get(row, "position"),
                            joinedOn,
                            leftOn,
                            columns.get(row, "citizen_id"),
                            null),
                    user);
        });
    }
}
