package vn.khuyenhoc.association.member;

import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.association.ChapterService;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.locality.LocalityLevel;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.ImportColumns;
import vn.khuyenhoc.shared.ImportColumns.Column;
import vn.khuyenhoc.shared.ImportResult;
import vn.khuyenhoc.shared.ImportResult.RowError;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TabularFile;

/** The population of communes per year from a spreadsheet (a province administrator's statistics), all or nothing. */
@Component
class PopulationImport {

    static final List<Column> COLUMNS = List.of(
            new Column("commune_code", "Mã xã, phường", true),
            new Column("year", "Năm", true),
            new Column("population", "Dân số", true));

    private final MembershipFigures figures;
    private final LocalityService localities;
    private final AuditTrail audit;

    PopulationImport(MembershipFigures figures, LocalityService localities, AuditTrail audit) {
        this.figures = figures;
        this.localities = localities;
        this.audit = audit;
    }

    private record Population(LocalityView commune, int year, int population) {}

    @Transactional
    public ImportResult run(TabularFile file, SignedInUser user, boolean dryRun) {
        if (!user.canManageAccounts()) {
            throw new org.springframework.security.access.AccessDeniedException("province administrators only");
        }
        List<RowError> errors = new ArrayList<>();
        ImportColumns columns = ImportColumns.of(COLUMNS, file, errors);
        List<TabularFile.TabularRow> rows = ImportColumns.dataRows(file);
        Map<String, LocalityView> places = localities.currentByCode(user);
        Map<String, Integer> seen = new HashMap<>();
        List<Population> checked = new ArrayList<>();
        int thisYear = Year.now().getValue();
        for (TabularFile.TabularRow row : errors.isEmpty() ? rows : List.<TabularFile.TabularRow>of()) {
            int before = errors.size();
            String code = columns.get(row, "commune_code");
            LocalityView commune = places.get(code);
            if (commune == null || commune.level() != LocalityLevel.COMMUNE) {
                errors.add(new RowError(
                        row.number(),
                        columns.header("commune_code"),
                        "Không có xã, phường mã “" + code + "” trong phạm vi của bạn."));
            }
            String year = columns.get(row, "year");
            if (!year.matches("\\d{4}")
                    || Integer.parseInt(year) < ChapterService.FIRST_YEAR
                    || Integer.parseInt(year) > thisYear) {
                errors.add(new RowError(
                        row.number(),
                        columns.header("year"),
                        "Năm phải từ " + ChapterService.FIRST_YEAR + " đến " + thisYear + "."));
            }
            String population = columns.get(row, "population")
                    .replace(".", "")
                    .replace(",", "")
                    .replace(" ", "");
            if (!population.matches("[1-9]\\d{0,6}")) {
                errors.add(new RowError(
                        row.number(),
                        columns.header("population"),
                        "Dân số “" + columns.get(row, "population") + "” phải là số nguyên dương."));
            }
            if (errors.size() > before || commune == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(code + "/" + year, row.number());
            if (first != null) {
                errors.add(new RowError(
                        row.number(), columns.header("commune_code"), "Trùng xã và năm với dòng " + first + "."));
                continue;
            }
            checked.add(new Population(commune, Integer.parseInt(year), Integer.parseInt(population)));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(1, "", "Tệp không có dòng dữ liệu nào."));
        }
        boolean valid = errors.isEmpty();
        if (!valid || dryRun) {
            return new ImportResult(valid, rows.size(), errors, 0);
        }
        for (Population p : checked) {
            Integer before = figures.population(p.commune().id(), p.year());
            figures.savePopulation(p.commune().id(), p.year(), p.population(), user.username());
            audit.recordChange(
                    "POPULATION",
                    "commune-population",
                    p.commune().code() + "/" + p.year(),
                    before,
                    p.population(),
                    p.commune().path());
        }
        return new ImportResult(true, rows.size(), errors, checked.size());
    }
}
