package vn.khuyenhoc.family;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
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
import vn.khuyenhoc.shared.Lifespan;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TabularFile;
import vn.khuyenhoc.shared.VietnameseText;

/**
 * Households from a spreadsheet, at the scale of a whole commune or district at once: rows are checked in memory
 * against the villages of the scope, then streamed to PostgreSQL with COPY and inserted in one statement, all in
 * one transaction, so that the file is saved whole or not at all.
 */
@Component
class FamilyImport {

    static final List<Column> COLUMNS = List.of(
            new Column("village_code", "Mã thôn", true),
            new Column("head_name", "Họ tên chủ hộ", true),
            new Column("members", "Số nhân khẩu", true),
            new Column("adults", "Số người lớn", true),
            new Column("school_age_children", "Số trẻ trong độ tuổi đi học", true),
            new Column("address", "Địa chỉ", false),
            new Column("phone", "Điện thoại", false),
            new Column("since", "Ngày bắt đầu theo dõi", false),
            new Column("closed_on", "Ngày ngừng theo dõi", false));

    private final LocalityService localities;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AuditTrail audit;

    FamilyImport(LocalityService localities, JdbcClient jdbc, DataSource dataSource, AuditTrail audit) {
        this.localities = localities;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /**
     * Checks the file and saves it whole unless {@code dryRun}. Rows whose head of household already heads a
     * current household of the same village (compared without diacritics) are warnings: the file is saved with them
     * only when {@code acceptDuplicates}, as the form asks for a confirmation.
     */
    @Transactional
    public ImportResult run(TabularFile file, SignedInUser user, boolean dryRun, boolean acceptDuplicates) {
        user.requireImporter();
        List<RowError> errors = new ArrayList<>();
        ImportColumns columns = ImportColumns.of(COLUMNS, file, errors);
        List<TabularFile.TabularRow> rows = columns.dataRows(file);
        Map<String, LocalityView> places = localities.currentByCode(user);
        Map<String, Integer> seen = new HashMap<>();
        List<Family.Details> checked = new ArrayList<>(rows.size());
        List<Integer> rowNumbers = new ArrayList<>(rows.size());
        for (TabularFile.TabularRow row : errors.isEmpty() ? rows : List.<TabularFile.TabularRow>of()) {
            int before = errors.size();
            String code = columns.get(row, "village_code");
            LocalityView village = places.get(code);
            if (code.isEmpty()) {
                errors.add(new RowError(row.number(), columns.header("village_code"), "Mã thôn để trống."));
            } else if (village == null || village.level() != LocalityLevel.VILLAGE) {
                errors.add(new RowError(
                        row.number(),
                        columns.header("village_code"),
                        "Không có thôn, tổ dân phố đang hoạt động mã “" + code + "” trong phạm vi của bạn."));
            }
            Integer members = number(row, columns, "members", errors);
            Integer adults = number(row, columns, "adults", errors);
            Integer children = number(row, columns, "school_age_children", errors);
            LocalDate since = columns.date(row, "since", errors);
            LocalDate closedOn = columns.date(row, "closed_on", errors);
            Family.Details details = null;
            try {
                // checked even when the village or a number is wrong: a row's every problem is reported at once
                details = Family.Details.of(
                        columns.get(row, "head_name"),
                        columns.get(row, "address"),
                        members,
                        adults,
                        children,
                        columns.get(row, "phone"),
                        village == null ? 0L : village.id(),
                        since,
                        closedOn,
                        village == null ? new Lifespan(null, null) : FamilyService.lifespanOf(village),
                        village == null ? code : village.name());
            } catch (InvalidInputException e) {
                Set<String> reported = errors.subList(before, errors.size()).stream()
                        .map(RowError::column)
                        .collect(Collectors.toSet());
                e.problems().stream()
                        .filter(p -> !reported.contains(columns.header(p.field())))
                        .forEach(p -> errors.add(new RowError(row.number(), columns.header(p.field()), p.message())));
            }
            if (errors.size() != before) {
                details = null;
            }
            if (details != null) {
                Integer first = seen.putIfAbsent(code + "|" + VietnameseText.fold(details.headName()), row.number());
                if (first != null) {
                    errors.add(new RowError(
                            row.number(),
                            columns.header("head_name"),
                            "Trùng với dòng " + first + ": cùng chủ hộ “" + details.headName() + "” trong thôn " + code
                                    + "."));
                } else {
                    checked.add(details);
                    rowNumbers.add(row.number());
                }
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(1, "", "Tệp không có dòng dữ liệu nào."));
        }
        boolean valid = errors.isEmpty();
        if (!valid) {
            return new ImportResult(false, rows.size(), errors, 0);
        }
        List<RowError> warnings = alreadyKept(checked, rowNumbers, columns.header("head_name"));
        if (dryRun || (!warnings.isEmpty() && !acceptDuplicates)) {
            return new ImportResult(true, rows.size(), errors, 0, warnings);
        }
        insert(checked);
        return new ImportResult(true, rows.size(), errors, checked.size(), warnings);
    }

    private record Kept(int index, long id, String headName, String village) {}

    /** Rows whose head already heads a current household of the same village, found in one statement. */
    private List<RowError> alreadyKept(List<Family.Details> rows, List<Integer> rowNumbers, String column) {
        if (rows.isEmpty()) {
            return List.of();
        }
        // each file row's key computed once, the villages' current households read once, then one hash join: joined
        // row by row, the key was computed again for every household of the village and every row (2.4 s for 200 rows
        // into a village of 7,000 households, growing with the village)
        Long[] villages = rows.stream().map(Family.Details::villageId).toArray(Long[]::new);
        List<Kept> kept = jdbc.sql("""
                        with r as materialized (
                            select u.locality_id, search_key(u.head_name) as key, u.ord
                            from unnest(cast(:villages as bigint[]), cast(:names as text[])) with ordinality
                                 as u(locality_id, head_name, ord)),
                        f as materialized (
                            select id, head_name, locality_id, search_name
                            from families
                            where locality_id = any(cast(:distinctVillages as bigint[])) and closed_on is null)
                        select r.ord::int - 1 as index, f.id, f.head_name, v.name as village
                        from r
                        join f on f.locality_id = r.locality_id and f.search_name = r.key
                        join localities v on v.id = f.locality_id
                        order by r.ord, f.id
                        """)
                .param("villages", villages)
                .param("distinctVillages", Arrays.stream(villages).distinct().toArray(Long[]::new))
                .param("names", rows.stream().map(Family.Details::headName).toArray(String[]::new))
                .query(Kept.class)
                .list();
        List<RowError> warnings = new ArrayList<>(kept.size());
        for (Kept k : kept) {
            warnings.add(new RowError(
                    rowNumbers.get(k.index()),
                    column,
                    "Có thể trùng hộ đã có: “" + k.headName() + "” ở " + k.village() + " (hộ số " + k.id() + ")."));
        }
        return warnings;
    }

    private record Inserted(long id, String localityPath, Family.Snapshot snapshot) {}

    /** COPY into a temporary table, one INSERT … SELECT into families, and the audit of every new household. */
    private void insert(List<Family.Details> rows) {
        jdbc.sql("""
                        create temporary table family_import (
                            head_name text, address text, members int, adults int, school_age_children int,
                            phone text, locality_id bigint, since date, closed_on date) on commit drop
                        """).update();
        StringBuilder csv = new StringBuilder(rows.size() * 64);
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT)) {
            for (Family.Details d : rows) {
                printer.printRecord(
                        d.headName(),
                        d.address(),
                        d.members(),
                        d.adults(),
                        d.schoolAgeChildren(),
                        d.phone(),
                        d.villageId(),
                        d.since(),
                        d.closedOn());
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy family_import from stdin (format csv)", new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("COPY of the household import failed", e);
        }
        List<Inserted> inserted = jdbc.sql("""
                        insert into families (head_name, address, members, adults, school_age_children, phone, locality_id, since, closed_on)
                        select head_name, address, members, adults, school_age_children, phone, locality_id, since, closed_on
                        from family_import
                        returning id, locality_path::text, head_name, address, members, adults, school_age_children, phone, locality_id,
                                  since, closed_on
                        """)
                .query((rs, n) -> new Inserted(
                        rs.getLong(1),
                        rs.getString(2),
                        new Family.Snapshot(
                                rs.getString(3),
                                rs.getString(4),
                                rs.getInt(5),
                                rs.getInt(6),
                                rs.getInt(7),
                                rs.getString(8),
                                rs.getLong(9),
                                rs.getObject(10, LocalDate.class),
                                rs.getObject(11, LocalDate.class))))
                .list();
        audit.recordChanges(
                "IMPORT",
                FamilyService.ENTITY,
                inserted.stream()
                        .map(i -> new AuditTrail.Change(String.valueOf(i.id()), null, i.snapshot(), i.localityPath()))
                        .toList());
        analyzeWhenLarge(inserted.size());
    }

    /**
     * Fresh statistics when the import is a tenth of the households or more (a first import into a new installation,
     * whose plans would otherwise think the table empty); smaller ones are left to autovacuum. ANALYZE reads a sample
     * spread over the whole table: at 900,000 households and more it cost seconds of every 200-row import.
     */
    private void analyzeWhenLarge(int added) {
        long known = jdbc.sql("select greatest(reltuples, 0)::bigint from pg_class where oid = 'families'::regclass")
                .query(Long.class)
                .single();
        if (added * 10L >= known) {
            jdbc.sql("analyze families").update();
        }
    }

    private static Integer number(
            TabularFile.TabularRow row, ImportColumns columns, String code, List<RowError> errors) {
        String text = columns.get(row, code);
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("\\d{1,3}")) {
            errors.add(new RowError(row.number(), columns.header(code), "“" + text + "” không phải số nguyên."));
            return null;
        }
        return Integer.valueOf(text);
    }
}
