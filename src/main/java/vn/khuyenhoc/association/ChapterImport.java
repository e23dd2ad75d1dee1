package vn.khuyenhoc.association;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.shared.ImportColumns.Column;
import vn.khuyenhoc.shared.ImportResult;
import vn.khuyenhoc.shared.ImportResult.RowError;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TabularFile;

/**
 * Chapters from a spreadsheet: each row is checked as the form would check it (host in scope, one active chapter
 * per host, dates), inside one transaction that is rolled back unless every row is valid and the run is not a dry run.
 */
@Component
class ChapterImport {

    static final List<Column> COLUMNS = List.of(
            new Column("kind", "Loại", true),
            new Column("host_type", "Đặt tại", true),
            new Column("host_code", "Mã thôn", false),
            new Column("host_id", "Mã số cơ quan, dòng họ", false),
            new Column("name", "Tên", false),
            new Column("founded_on", "Ngày thành lập", false),
            new Column("dissolved_on", "Ngày giải thể", false),
            new Column("decision_no", "Số quyết định", false));

    private final ChapterService chapters;

    ChapterImport(ChapterService chapters) {
        this.chapters = chapters;
    }

    @Transactional
    public ImportResult run(TabularFile file, SignedInUser user, boolean dryRun) {
        user.requireImporter();
        Map<String, Integer> seen = new HashMap<>();
        return ImportResult.ofRows(file, COLUMNS, dryRun, (row, columns, errors) -> {
            String hostCode = columns.get(row, "host_code");
            String hostIdText = columns.get(row, "host_id");
            int before = errors.size();
            LocalDate foundedOn = columns.date(row, "founded_on", errors);
            LocalDate dissolvedOn = columns.date(row, "dissolved_on", errors);
            if (errors.size() > before) {
                return;
            }
            if (!hostIdText.isEmpty() && !hostIdText.matches("\\d{1,18}")) {
                errors.add(new RowError(
                        row.number(), columns.header("host_id"), "“" + hostIdText + "” không phải mã số."));
                return;
            }
            String host = columns.get(row, "host_type") + "|" + hostCode + "|" + hostIdText;
            Integer first = seen.putIfAbsent(host, row.number());
            if (first != null) {
                errors.add(new RowError(
                        row.number(),
                        columns.header(hostCode.isEmpty() ? "host_id" : "host_code"),
                        "Trùng nơi đặt với dòng " + first + "."));
                return;
            }
            chapters.create(
                    new ChapterForm(
                            columns.get(row, "kind"),
                            columns.get(row, "name"),
                            columns.get(row, "host_type"),
                            hostIdText.isEmpty() ? null : Long.valueOf(hostIdText),
                            hostCode,
                            foundedOn,
                            columns.get(row, "decision_no"),
                            dissolvedOn,
                            null),
                    user);
        });
    }
}
