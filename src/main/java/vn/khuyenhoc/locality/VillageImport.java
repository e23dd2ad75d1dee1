package vn.khuyenhoc.locality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.shared.ImportColumns;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TabularFile;
import vn.khuyenhoc.shared.TabularFile.TabularRow;
import vn.khuyenhoc.shared.VietnameseText;

/**
 * Bulk creation of villages from a spreadsheet with the columns commune code, village name, kind. Every row is
 * checked first; the file is saved whole or not at all.
 */
@Component
class VillageImport {

    /** The fourth column, the day the village began, is optional: blank means today; it may not be after today. */
    static final List<String> COLUMNS = List.of("Mã xã, phường", "Tên thôn, tổ dân phố", "Loại", "Ngày bắt đầu");

    private final LocalityService localities;
    private final LocalityQueries queries;

    VillageImport(LocalityService localities, LocalityQueries queries) {
        this.localities = localities;
        this.queries = queries;
    }

    /** The dry run: what the file would create and every problem it has. Writes nothing. */
    @Transactional(readOnly = true)
    public ImportReport check(TabularFile file, SignedInUser user) {
        LocalityService.requireEditor(user);
        return validate(file, user);
    }

    /** Saves every row if, and only if, the whole file is valid; otherwise saves nothing and reports why. */
    @Transactional
    public ImportReport apply(TabularFile file, SignedInUser user) {
        LocalityService.requireEditor(user);
        ImportReport report = validate(file, user);
        if (!report.valid()) {
            return report;
        }
        Map<String, LocalityView> communes = new HashMap<>();
        for (ImportedVillage village : report.villages()) {
            LocalityView commune = communes.computeIfAbsent(village.communeCode(), code -> localities.get(code, user));
            localities.insertVillage(commune, village.name(), village.kind(), village.validFrom());
        }
        queries.analyze();
        return report.applied();
    }

    private ImportReport validate(TabularFile file, SignedInUser user) {
        Map<String, LocalityQueries.CommuneRef> communes = queries.communes().stream()
                .collect(Collectors.toMap(LocalityQueries.CommuneRef::code, Function.identity()));
        List<TabularRow> rows = file.rows();
        // a header row, and often a title above it: the rows before the first commune code among the first ten
        int start = 0;
        while (start < Math.min(10, rows.size()) && !rows.get(start).cell(0).matches("\\d+")) {
            start++;
        }
        if (start == Math.min(10, rows.size())) {
            start = rows.isEmpty() ? 0 : 1;
        }
        rows = rows.subList(start, rows.size());
        List<RowProblem> problems = new ArrayList<>();
        List<ImportedVillage> villages = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (TabularRow row : rows) {
            int before = problems.size();
            String communeCode = normaliseCode(row.cell(0));
            String name = VietnameseText.cleanOrEmpty(row.cell(1));
            Optional<LocalityKind> kind = localities.villageKind(row.cell(2));
            LocalityQueries.CommuneRef commune = communes.get(communeCode);
            if (communeCode.isEmpty()) {
                problems.add(new RowProblem(row.number(), COLUMNS.get(0), "Mã xã, phường để trống."));
            } else if (commune == null) {
                problems.add(new RowProblem(
                        row.number(), COLUMNS.get(0), "Không có xã, phường nào mã “" + communeCode + "”."));
            } else if (!commune.within(user.scopePath())) {
                problems.add(new RowProblem(
                        row.number(),
                        COLUMNS.get(0),
                        commune.name() + " (" + communeCode + ") nằm ngoài phạm vi tài khoản của bạn."));
            }
            if (name.isEmpty()) {
                problems.add(new RowProblem(row.number(), COLUMNS.get(1), "Tên thôn, tổ dân phố để trống."));
            } else if (name.length() > Locality.MAX_NAME_LENGTH) {
                problems.add(new RowProblem(
                        row.number(), COLUMNS.get(1), "Tên dài quá " + Locality.MAX_NAME_LENGTH + " ký tự."));
            } else if (name.codePoints().noneMatch(Character::isLetterOrDigit)) {
                problems.add(new RowProblem(row.number(), COLUMNS.get(1), "Tên phải có chữ hoặc số."));
            }
            if (kind.isEmpty()) {
                problems.add(
                        new RowProblem(row.number(), COLUMNS.get(2), LocalityService.unknownKindMessage(row.cell(2))));
            }
            String validFromText = row.cell(3).strip();
            LocalDate validFrom = LocalDate.now();
            if (!validFromText.isEmpty()) {
                var parsed = ImportColumns.parseDate(validFromText);
                if (parsed.isEmpty()) {
                    problems.add(new RowProblem(
                            row.number(),
                            COLUMNS.get(3),
                            "Ngày “" + validFromText + "” không hợp lệ (ghi dd/mm/yyyy)."));
                } else if (parsed.get().isAfter(validFrom)) {
                    problems.add(new RowProblem(
                            row.number(), COLUMNS.get(3), LocalityService.futureStartMessage(parsed.get())));
                } else {
                    validFrom = parsed.get();
                }
            }
            if (commune != null && !name.isEmpty()) {
                String key = communeCode + "|" + VietnameseText.fold(name);
                Integer first = seen.putIfAbsent(key, row.number());
                if (first != null) {
                    problems.add(new RowProblem(
                            row.number(), COLUMNS.get(1), "Trùng với dòng " + first + ": “" + name + "”."));
                } else if (queries.currentNameTaken(commune.id(), name)) {
                    problems.add(new RowProblem(
                            row.number(), COLUMNS.get(1), LocalityService.duplicateMessage(name, commune.name())));
                }
            }
            if (problems.size() == before && commune != null && kind.isPresent()) {
                villages.add(new ImportedVillage(
                        row.number(),
                        communeCode,
                        commune.name(),
                        name,
                        kind.get().code(),
                        kind.get().label(),
                        validFrom));
            }
        }
        if (rows.isEmpty()) {
            problems.add(new RowProblem(1, COLUMNS.get(0), "Tệp không có dòng dữ liệu nào."));
        }
        return new ImportReport(file.fileName(), rows.size(), problems, villages, false);
    }

    /** Spreadsheets turn "00004" into the number 4: national codes have five digits, so pad them back. */
    static String normaliseCode(String cell) {
        String code = cell.strip();
        return code.matches("\\d{1,4}") ? String.format("%05d", Integer.parseInt(code)) : code;
    }

    record RowProblem(int row, String column, String message) {}

    record ImportedVillage(
            int row,
            String communeCode,
            String communeName,
            String name,
            String kind,
            String kindLabel,
            LocalDate validFrom) {}

    record ImportReport(
            String fileName, int rowCount, List<RowProblem> problems, List<ImportedVillage> villages, boolean saved) {

        boolean valid() {
            return problems.isEmpty();
        }

        ImportReport applied() {
            return new ImportReport(fileName, rowCount, problems, villages, true);
        }
    }
}
