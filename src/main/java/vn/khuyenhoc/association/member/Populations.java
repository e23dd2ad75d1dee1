package vn.khuyenhoc.association.member;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.locality.LocalityLevel;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.ImportColumns;
import vn.khuyenhoc.shared.ImportColumns.Column;
import vn.khuyenhoc.shared.ImportResult;
import vn.khuyenhoc.shared.ImportResult.RowError;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TabularFile;

/**
 * The population of each commune per year, the denominator of members as a share of the population: entered by a
 * province administrator in the membership table or imported from a spreadsheet, all or nothing either way.
 */
@Service
class Populations {

    static final List<Column> COLUMNS = List.of(
            new Column("commune_code", "Mã xã, phường", true),
            new Column("year", "Năm", true),
            new Column("population", "Dân số", true));

    private final MembershipFigures figures;
    private final LocalityService localities;
    private final AuditTrail audit;

    Populations(MembershipFigures figures, LocalityService localities, AuditTrail audit) {
        this.figures = figures;
        this.localities = localities;
        this.audit = audit;
    }

    private record Population(LocalityView commune, int year, int population) {}

    /**
     * Saves the populations typed in the table (commune code → text; empty ones are skipped) for one year; a value
     * that is not a positive whole number is refused naming the commune, and nothing is saved. Answers how many
     * changed.
     */
    @Transactional
    int save(int year, Map<String, String> typed, SignedInUser user) {
        requireAdministrator(user);
        List<Population> checked = new ArrayList<>();
        for (Map.Entry<String, String> entry : typed.entrySet()) {
            if (entry.getValue().isBlank()) {
                continue;
            }
            LocalityView commune = localities.get(entry.getKey(), user);
            String text = digits(entry.getValue());
            if (commune.level() != LocalityLevel.COMMUNE || !commune.current() || !text.matches("[1-9]\\d{0,6}")) {
                throw new InvalidInputException(
                        "population",
                        "Dân số của " + commune.name() + " phải là số nguyên dương (“" + entry.getValue() + "”).");
            }
            checked.add(new Population(commune, year, Integer.parseInt(text)));
        }
        return write(checked, user);
    }

    @Transactional
    public ImportResult run(TabularFile file, SignedInUser user, boolean dryRun) {
        requireAdministrator(user);
        List<RowError> errors = new ArrayList<>();
        ImportColumns columns = ImportColumns.of(COLUMNS, file, errors);
        List<TabularFile.TabularRow> rows = columns.dataRows(file);
        Map<String, LocalityView> places = localities.currentByCode(user);
        Map<String, Integer> seen = new HashMap<>();
        List<Population> checked = new ArrayList<>();
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
            if (!year.matches("\\d{4}") || !ProgrammeYear.contains(Integer.parseInt(year))) {
                errors.add(new RowError(row.number(), columns.header("year"), ProgrammeYear.rangeMessage("Năm")));
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
        write(checked, user);
        return new ImportResult(true, rows.size(), errors, checked.size());
    }

    /** Writes the populations that changed, each with its audit event; answers how many changed. */
    private int write(List<Population> populations, SignedInUser user) {
        int changed = 0;
        for (Population p : populations) {
            Integer before = figures.population(p.commune().id(), p.year());
            if (before != null && before == p.population()) {
                continue;
            }
            figures.savePopulation(p.commune().id(), p.year(), p.population(), user.username());
            audit.recordChange(
                    "POPULATION",
                    "commune-population",
                    p.commune().code() + "/" + p.year(),
                    before,
                    p.population(),
                    p.commune().path());
            changed++;
        }
        return changed;
    }

    /** "12.500", "12,500" and "12 500" are 12500. */
    private static String digits(String text) {
        return text.replace(".", "").replace(",", "").replace(" ", "").strip();
    }

    /** Populations are kept by province administrators: checked before an imported file is read. */
    static void requireAdministrator(SignedInUser user) {
        if (!user.canManageAccounts()) {
            throw new AccessDeniedException("Chỉ quản trị nhập dân số của xã, phường.");
        }
    }
}
