package vn.khuyenhoc.indicator.reported;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.indicator.Indicator;
import vn.khuyenhoc.indicator.IndicatorDefinition;
import vn.khuyenhoc.indicator.IndicatorReport;
import vn.khuyenhoc.indicator.IndicatorService;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.ImportColumns;
import vn.khuyenhoc.shared.ImportResult;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.InvalidInputException.FieldProblem;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TabularFile;
import vn.khuyenhoc.shared.VietnameseText;

/**
 * Figures of past paper reports, entered by hand or from a file: per locality (a commune of today or of the former
 * map, a former district, a province), year 2021–2030 and indicator, the numerator and denominator with the report
 * they come from. Entered by a province administrator or a commune officer, within their scope (a commune officer:
 * its commune and the former communes it was formed from); the crosswalk's shares by a province administrator of the
 * whole province.
 */
@Service
public class ReportedFigureService {

    static final int FIRST_YEAR = 2021;
    static final int LAST_YEAR = 2030;
    static final int MAX_TEXT = 500;

    static final List<ImportColumns.Column> COLUMNS = List.of(
            new ImportColumns.Column("locality_code", "Mã địa bàn", true),
            new ImportColumns.Column("year", "Năm", true),
            new ImportColumns.Column("indicator", "Chỉ số", true),
            new ImportColumns.Column("numerator", "Tử số", true),
            new ImportColumns.Column("denominator", "Mẫu số", true),
            new ImportColumns.Column("source", "Nguồn (văn bản báo cáo)", true),
            new ImportColumns.Column("correction", "Hiệu chỉnh", false),
            new ImportColumns.Column("reason", "Lý do hiệu chỉnh", false));

    private final JdbcClient jdbc;
    private final LocalityService localities;
    private final IndicatorService indicators;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    ReportedFigureService(
            JdbcClient jdbc,
            LocalityService localities,
            IndicatorService indicators,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.localities = localities;
        this.indicators = indicators;
        this.audit = audit;
        this.events = events;
    }

    /** What a form, the API or an import row gives. */
    public record Entry(
            @Nullable String localityCode,
            @Nullable Integer year,
            @Nullable String indicator,
            @Nullable Long numerator,
            @Nullable Long denominator,
            @Nullable String source,
            @Nullable Boolean correction,
            @Nullable String reason) {}

    /** A reported figure as lists and the API show it. */
    public record Row(
            String localityCode,
            String localityName,
            boolean formerMap,
            int year,
            String indicator,
            long numerator,
            long denominator,
            @Nullable Double value,
            String source,
            boolean correction,
            @Nullable String reason,
            String origin) {}

    /** An entry that passed every check. */
    record Checked(
            LocalityView locality,
            int year,
            IndicatorDefinition indicator,
            long numerator,
            long denominator,
            String source,
            boolean correction,
            @Nullable String reason) {

        String key() {
            return locality.code() + "/" + year + "/" + indicator.code();
        }
    }

    /** What the audit trail records. */
    record Snapshot(
            String localityCode,
            int year,
            String indicator,
            long numerator,
            long denominator,
            String source,
            boolean correction,
            @Nullable String reason) {}

    static void requireEntrant(SignedInUser user) {
        if (!user.is(Role.PROVINCE_ADMIN, Role.COMMUNE_OFFICER)) {
            throw new AccessDeniedException(
                    "Chỉ quản trị tỉnh hoặc cán bộ xã được nhập số liệu đã báo cáo (trong phạm vi của mình).");
        }
    }

    /** Saves one figure (replacing the one of the same locality, year and indicator); 404 outside the scope. */
    @Transactional
    public Saved save(Entry entry, SignedInUser user) {
        requireEntrant(user);
        Checked checked = check(entry, user, true, new HashMap<>());
        Saved saved = write(checked);
        events.publishEvent(new ReportedFiguresChanged(checked.year()));
        return saved;
    }

    /**
     * Saves the figures of one page (a locality and year, a row per indicator) all or none: every row's problems are
     * listed, prefixed with its indicator.
     */
    @Transactional
    public int saveAll(List<Entry> entries, SignedInUser user) {
        requireEntrant(user);
        List<FieldProblem> problems = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        Map<String, Boolean> computed = new HashMap<>();
        for (Entry entry : entries) {
            try {
                checked.add(check(entry, user, true, computed));
            } catch (InvalidInputException e) {
                String label = IndicatorDefinition.of(entry.indicator())
                        .map(IndicatorDefinition::label)
                        .orElse(String.valueOf(entry.indicator()));
                e.problems()
                        .forEach(p -> problems.add(
                                new FieldProblem(p.field() + "." + entry.indicator(), label + ": " + p.message())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        checked.forEach(this::write);
        checked.stream().map(Checked::year).distinct().forEach(y -> events.publishEvent(new ReportedFiguresChanged(y)));
        return checked.size();
    }

    /** The figure saved, and whether it was new. */
    public record Saved(Row row, boolean created) {}

    /** The import of a file with the columns of {@link #COLUMNS}: every row checked, all saved or none. */
    @Transactional
    public ImportResult importFile(TabularFile file, boolean dryRun, SignedInUser user) {
        requireEntrant(user);
        Set<String> seen = new HashSet<>();
        Map<String, Boolean> computed = new HashMap<>();
        return ImportResult.ofCheckedRows(
                file,
                COLUMNS,
                dryRun,
                (row, columns, errors) -> {
                    Checked checked = check(entry(row, columns), user, false, computed);
                    if (!seen.add(checked.key())) {
                        errors.add(new ImportResult.RowError(
                                row.number(),
                                columns.header("indicator"),
                                "Dòng trùng: đã có số liệu cùng địa bàn, năm và chỉ số ở dòng trên."));
                        return null;
                    }
                    return checked;
                },
                rows -> {
                    rows.forEach(this::write);
                    rows.stream()
                            .map(Checked::year)
                            .distinct()
                            .forEach(y -> events.publishEvent(new ReportedFiguresChanged(y)));
                });
    }

    private static Entry entry(TabularFile.TabularRow row, ImportColumns columns) {
        List<FieldProblem> problems = new ArrayList<>();
        Integer year = whole(columns.get(row, "year"), "year", "Năm", problems)
                .map(Long::intValue)
                .orElse(null);
        Long numerator = whole(columns.get(row, "numerator"), "numerator", "Tử số", problems)
                .orElse(null);
        Long denominator = whole(columns.get(row, "denominator"), "denominator", "Mẫu số", problems)
                .orElse(null);
        String correction = VietnameseText.fold(columns.get(row, "correction"));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Entry(
                columns.get(row, "locality_code"),
                year,
                columns.get(row, "indicator"),
                numerator,
                denominator,
                columns.get(row, "source"),
                Set.of("x", "co", "true", "1", "yes").contains(correction),
                columns.get(row, "reason"));
    }

    private static Optional<Long> whole(String text, String field, String label, List<FieldProblem> problems) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.strip().replaceAll("\\.0+$", "")));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, label + " “" + text + "” không phải số nguyên."));
            return Optional.empty();
        }
    }

    /**
     * Checks an entry field by field and answers it checked, or throws every problem at once. A locality that exists
     * but lies outside the user's scope is 404 for one entry (existence is not revealed more than elsewhere) and a
     * row error in a file.
     */
    Checked check(Entry entry, SignedInUser user, boolean single, Map<String, Boolean> computedCache) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = VietnameseText.cleanOrEmpty(entry.localityCode());
        LocalityView locality = null;
        if (code.isEmpty()) {
            problems.add(new FieldProblem("localityCode", "Hãy nhập mã địa bàn (localityCode)."));
        } else {
            locality = localities.find(code, user.scopePath()).orElse(null);
            if (locality == null) {
                boolean exists = localities.find(code, "").isPresent();
                if (exists && single) {
                    throw new NotFoundException("Không tìm thấy địa bàn mã “" + code + "”.");
                }
                problems.add(new FieldProblem(
                        "localityCode",
                        exists
                                ? "Địa bàn mã “" + code + "” ngoài phạm vi của bạn."
                                : "Không có địa bàn mã “" + code + "”."));
            } else if (locality.isVillage()) {
                problems.add(new FieldProblem(
                        "localityCode",
                        "Số liệu báo cáo nhập cho xã, phường (nay hoặc trước 01/7/2025), huyện cũ hoặc tỉnh, không "
                                + "cho thôn, tổ dân phố."));
                locality = null;
            }
        }
        Integer year = entry.year();
        if (year == null) {
            problems.add(new FieldProblem("year", "Hãy nhập năm."));
        } else if (year < FIRST_YEAR || year > LAST_YEAR) {
            problems.add(new FieldProblem("year", "Năm phải từ " + FIRST_YEAR + " đến " + LAST_YEAR + "."));
            year = null;
        }
        if (year != null && locality != null && locality.formerMap() && year > ReportedFigures.LAST_FORMER_YEAR) {
            problems.add(new FieldProblem(
                    "year",
                    locality.name() + " thuộc bản đồ trước 01/7/2025: chỉ nhập số liệu đến năm "
                            + ReportedFigures.LAST_FORMER_YEAR + "."));
            year = null;
        }
        String indicatorCode = VietnameseText.cleanOrEmpty(entry.indicator());
        IndicatorDefinition indicator = IndicatorDefinition.of(indicatorCode).orElse(null);
        if (indicator == null) {
            problems.add(new FieldProblem(
                    "indicator",
                    (indicatorCode.isEmpty() ? "Hãy nhập mã chỉ số" : "Không có chỉ số “" + indicatorCode + "”")
                            + ": dùng một mã của danh mục (GET /api/v1/indicators/catalogue), ví dụ "
                            + IndicatorDefinition.VILLAGE_CHAPTER_COVERAGE.code() + "."));
        }
        Long numerator = entry.numerator();
        Long denominator = entry.denominator();
        if (numerator == null) {
            problems.add(new FieldProblem("numerator", "Hãy nhập tử số."));
        } else if (numerator < 0) {
            problems.add(new FieldProblem("numerator", "Tử số không được âm."));
        }
        if (denominator == null) {
            problems.add(new FieldProblem("denominator", "Hãy nhập mẫu số."));
        } else if (denominator < 0) {
            problems.add(new FieldProblem("denominator", "Mẫu số không được âm."));
        }
        if (numerator != null && denominator != null && numerator >= 0 && denominator >= 0 && numerator > denominator) {
            problems.add(new FieldProblem(
                    "numerator", "Tử số (" + numerator + ") không được lớn hơn mẫu số (" + denominator + ")."));
        }
        String source = VietnameseText.cleanOrEmpty(entry.source());
        if (source.isEmpty()) {
            problems.add(new FieldProblem(
                    "source", "Hãy ghi văn bản nguồn (số, ngày báo cáo), ví dụ “Báo cáo 15/BC-KH ngày 20/12/2022”."));
        } else if (source.length() > MAX_TEXT) {
            problems.add(new FieldProblem("source", "Nguồn dài quá " + MAX_TEXT + " ký tự."));
        }
        boolean correction = Boolean.TRUE.equals(entry.correction());
        String reason = VietnameseText.clean(entry.reason());
        if (correction && (reason == null || reason.isEmpty())) {
            problems.add(new FieldProblem("reason", "Số liệu hiệu chỉnh phải ghi lý do hiệu chỉnh."));
        } else if (reason != null && reason.length() > MAX_TEXT) {
            problems.add(new FieldProblem("reason", "Lý do dài quá " + MAX_TEXT + " ký tự."));
        }
        if (problems.isEmpty() && locality.formerMap() && year <= ProgrammeYear.current()) {
            // a former commune's figures go to today's communes it became: where one of them already has figures from
            // its records, those win, and a correction belongs to today's commune
            for (LocalityView successor : localities.history(locality, user).successors()) {
                if (!successor.formerMap() && hasComputed(successor, year, indicator, user, computedCache)) {
                    problems.add(new FieldProblem(
                            "localityCode",
                            "Năm " + year + " " + successor.name() + " (gồm " + locality.name() + ") đã có số liệu tính"
                                    + " từ hồ sơ cho chỉ số này: số liệu báo cáo của đơn vị cũ sẽ không được dùng. Nếu"
                                    + " cần hiệu chỉnh, hãy nhập cho " + successor.name()
                                    + " và đánh dấu hiệu chỉnh."));
                    break;
                }
            }
        }
        if (problems.isEmpty() && !correction && hasComputed(locality, year, indicator, user, computedCache)) {
            problems.add(new FieldProblem(
                    "correction",
                    "Năm " + year + " đã có số liệu tính từ hồ sơ của " + locality.name() + " cho chỉ số này: chỉ "
                            + "nhập số liệu báo cáo khi đánh dấu hiệu chỉnh (correction) và ghi lý do."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(locality, year, indicator, numerator, denominator, source, correction, reason);
    }

    /**
     * Whether the records give a figure of the locality for that year and indicator: never on the former map (the
     * records live on the current one), nor for a year still to come; a figure already entered as a correction keeps
     * needing one.
     */
    private boolean hasComputed(
            LocalityView locality,
            int year,
            IndicatorDefinition indicator,
            SignedInUser user,
            Map<String, Boolean> cache) {
        if (locality.formerMap() || year > ProgrammeYear.current()) {
            return false;
        }
        boolean correctedBefore = jdbc.sql("""
                        select exists (select 1 from reported_figures
                                       where locality_id = :id and year = :year and indicator = :indicator and correction)
                        """)
                .param("id", locality.id())
                .param("year", year)
                .param("indicator", indicator.code())
                .query(Boolean.class)
                .single();
        if (correctedBefore) {
            return true;
        }
        String key = locality.code() + "/" + year + "/" + indicator.code();
        return cache.computeIfAbsent(key, k -> {
            IndicatorReport report = indicators.report(locality.code(), year, user);
            return report.indicators().stream()
                    .filter(i -> i.code().equals(indicator.code()))
                    .anyMatch(i -> i.value() != null && !Indicator.REPORTED.equals(i.origin()));
        });
    }

    private Saved write(Checked c) {
        Snapshot before = jdbc.sql("""
                        select l.code as locality_code, f.year, f.indicator, f.numerator, f.denominator, f.source,
                               f.correction, f.reason
                        from reported_figures f join localities l on l.id = f.locality_id
                        where f.locality_id = :id and f.year = :year and f.indicator = :indicator
                        """)
                .param("id", c.locality().id())
                .param("year", c.year())
                .param("indicator", c.indicator().code())
                .query(Snapshot.class)
                .optional()
                .orElse(null);
        jdbc.sql("""
                        insert into reported_figures
                            (locality_id, year, indicator, numerator, denominator, source, correction, reason)
                        values (:id, :year, :indicator, :numerator, :denominator, :source, :correction, :reason)
                        on conflict on constraint reported_figures_uq do update set
                            numerator = excluded.numerator, denominator = excluded.denominator,
                            source = excluded.source, correction = excluded.correction, reason = excluded.reason,
                            version = reported_figures.version + 1, updated_at = now()
                        """)
                .param("id", c.locality().id())
                .param("year", c.year())
                .param("indicator", c.indicator().code())
                .param("numerator", c.numerator())
                .param("denominator", c.denominator())
                .param("source", c.source())
                .param("correction", c.correction())
                .param("reason", c.reason())
                .update();
        Snapshot after = new Snapshot(
                c.locality().code(),
                c.year(),
                c.indicator().code(),
                c.numerator(),
                c.denominator(),
                c.source(),
                c.correction(),
                c.reason());
        audit.recordChange(
                before == null ? "CREATE" : "UPDATE",
                "reported-figure",
                c.key(),
                before,
                after,
                c.locality().path());
        Double value = c.denominator() == 0 ? null : Math.round(c.numerator() * 1000.0 / c.denominator()) / 10.0;
        return new Saved(
                new Row(
                        c.locality().code(),
                        c.locality().name(),
                        c.locality().formerMap(),
                        c.year(),
                        c.indicator().code(),
                        c.numerator(),
                        c.denominator(),
                        value,
                        c.source(),
                        c.correction(),
                        c.reason(),
                        Indicator.REPORTED),
                before == null);
    }

    /**
     * The figures reported for a locality (all of the user's scope when blank, the former units it sees included)
     * and a year (every year when null).
     */
    @Transactional(readOnly = true)
    public List<Row> list(@Nullable String localityCode, @Nullable Integer year, SignedInUser user) {
        if (year != null && (year < FIRST_YEAR || year > LAST_YEAR)) {
            throw new InvalidInputException("year", "Năm phải từ " + FIRST_YEAR + " đến " + LAST_YEAR + ".");
        }
        String code = VietnameseText.cleanOrEmpty(localityCode);
        LocalityView locality = localities.get(code.isEmpty() ? user.scopeCode() : code, user);
        List<String> paths = new ArrayList<>();
        paths.add(locality.path());
        if (!locality.formerMap()) {
            localities.history(locality, user).predecessors().forEach(p -> paths.add(p.path()));
        }
        StringBuilder within = new StringBuilder("false");
        for (int i = 0; i < paths.size(); i++) {
            within.append(" or f.locality_path <@ cast(:p").append(i).append(" as ltree)");
        }
        var query = jdbc.sql("""
                        select l.code as locality_code, l.name as locality_name, l.former_map, f.year, f.indicator,
                               f.numerator, f.denominator,
                               case when f.denominator = 0 then null
                                    else round(f.numerator * 100.0 / f.denominator, 1)::float8 end as value,
                               f.source, f.correction, f.reason, 'REPORTED' as origin
                        from reported_figures f join localities l on l.id = f.locality_id
                        where (WITHIN) and (cast(:year as int) is null or f.year = :year)
                        order by f.year, l.former_map, l.name collate vi_natural, f.indicator
                        """.replace("WITHIN", within)).param("year", year);
        for (int i = 0; i < paths.size(); i++) {
            query = query.param("p" + i, paths.get(i));
        }
        return query.query(Row.class).list();
    }
}
