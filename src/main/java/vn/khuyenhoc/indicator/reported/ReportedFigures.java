package vn.khuyenhoc.indicator.reported;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.indicator.Indicator;
import vn.khuyenhoc.indicator.IndicatorReport;
import vn.khuyenhoc.indicator.IndicatorService;
import vn.khuyenhoc.locality.LocalityLevel;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.PageQuery;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * Lays the reported figures over the indicators computed from the records, in one place for every page, the API and
 * the reports. For each commune and indicator: the computed figures where records exist (denominator above 0) unless
 * a correction was reported, which replaces them; otherwise the figures reported for the commune; otherwise those
 * reported for the former communes it was formed from, shared through the crosswalk (a split former commune by the
 * proportions entered for it, equal shares by default). A total adds the communes' changes to the computed total and
 * is MIXED when its communes differ in origin; the province total falls back on figures reported for the province
 * (or, summed, for the former provinces, or else the former districts) when no commune has a figure.
 */
@Component
public class ReportedFigures {

    /** The last year the former map was in force (until 30/6/2025). */
    public static final int LAST_FORMER_YEAR = 2025;

    private final JdbcClient jdbc;
    private final LocalityService localities;

    ReportedFigures(JdbcClient jdbc, LocalityService localities) {
        this.jdbc = jdbc;
        this.localities = localities;
    }

    /**
     * The table of a year up to 2025 on the former map (`map=2024`), from the table computed on today's map: for a
     * province its former districts, for a commune of today the former communes it was formed from, for a former
     * province or district the units below it, for a former commune itself; every value as reported.
     */
    public IndicatorService.IndicatorTable onFormerMap(
            IndicatorService.IndicatorTable computed, LocalityView place, SignedInUser user) {
        if (computed.year() > LAST_FORMER_YEAR) {
            throw new InvalidInputException(
                    "map", "Bản đồ trước 01/7/2025 chỉ dùng cho các năm đến " + LAST_FORMER_YEAR + ".");
        }
        List<LocalityView> rows = new ArrayList<>();
        if (place.formerMap()) {
            if (place.isCommune()) {
                rows.add(place);
            } else {
                rows.addAll(localities
                        .children(place.code(), user, true, PageQuery.of(0, PageQuery.MAX_SIZE))
                        .items());
            }
        } else if (place.level() == LocalityLevel.PROVINCE) {
            for (LocalityView former : localities.history(place, user).predecessors()) {
                rows.addAll(localities
                        .children(former.code(), user, true, PageQuery.of(0, PageQuery.MAX_SIZE))
                        .items());
            }
        } else {
            rows.addAll(localities.history(place, user).predecessors());
        }
        return formerTable(computed, rows, place.name());
    }

    /** One reported figure with where it lies on the map. */
    record Figure(
            long localityId,
            String code,
            LocalityLevel level,
            boolean formerMap,
            String path,
            String indicator,
            long numerator,
            long denominator,
            boolean correction) {}

    /** A sum of figures, possibly fractional after a split's shares. */
    static final class Sum {
        double numerator;
        double denominator;
        boolean correction;

        void add(double n, double d) {
            numerator += n;
            denominator += d;
        }

        long num() {
            return Math.round(numerator);
        }

        long den() {
            return Math.round(denominator);
        }
    }

    List<Figure> figures(int year) {
        return jdbc.sql("""
                        select f.locality_id, l.code, l.level, l.former_map, l.path::text as path, f.indicator,
                               f.numerator, f.denominator, f.correction
                        from reported_figures f join localities l on l.id = f.locality_id
                        where f.year = :year
                        """).param("year", year).query(Figure.class).list();
    }

    /** Successor code → (former commune id → share), for every former commune; equal shares unless entered. */
    Map<Long, Map<String, Double>> shares() {
        Map<Long, Map<String, Double>> byPredecessor = new HashMap<>();
        jdbc.sql("""
                        select s.predecessor_id, n.code,
                               coalesce(x.share, 1.0 / count(*) over (partition by s.predecessor_id)) as share
                        from locality_successions s
                        join localities p on p.id = s.predecessor_id and p.former_map and p.level = 'COMMUNE'
                        join localities n on n.id = s.successor_id
                        left join reported_figure_shares x
                               on x.predecessor_id = s.predecessor_id and x.successor_id = s.successor_id
                        """)
                .query((rs, n) -> byPredecessor
                        .computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
                        .put(rs.getString(2), rs.getDouble(3)))
                .list();
        return byPredecessor;
    }

    /** The table computed from the records with the reported figures laid over it. */
    public IndicatorService.IndicatorTable overlay(IndicatorService.IndicatorTable table) {
        List<Figure> figures = figures(table.year());
        if (figures.isEmpty()) {
            return table;
        }
        Map<String, Map<String, Sum>> direct = new HashMap<>();
        Map<String, Map<String, Sum>> crosswalked = crosswalk(figures);
        for (Figure f : figures) {
            if (!f.formerMap() && f.level() == LocalityLevel.COMMUNE) {
                Sum sum = direct.computeIfAbsent(f.code(), c -> new HashMap<>())
                        .computeIfAbsent(f.indicator(), i -> new Sum());
                sum.add(f.numerator(), f.denominator());
                sum.correction = f.correction();
            }
        }
        if (direct.containsKey(table.locality()) || crosswalked.containsKey(table.locality())) {
            // a commune's table (its rows are villages, which take no reported figures): the commune's own rule
            List<Indicator> total = table.total().stream()
                    .map(computed -> lay(
                            computed,
                            direct.getOrDefault(table.locality(), Map.of()).get(computed.code()),
                            crosswalked.getOrDefault(table.locality(), Map.of()).get(computed.code())))
                    .toList();
            return new IndicatorService.IndicatorTable(
                    table.locality(), table.localityName(), table.year(), table.asOf(), total, table.communes());
        }
        List<IndicatorService.CommuneIndicators> communes = new ArrayList<>();
        Map<String, Set<String>> origins = new HashMap<>();
        for (IndicatorService.CommuneIndicators commune : table.communes()) {
            List<Indicator> laid = new ArrayList<>();
            for (Indicator computed : commune.indicators()) {
                Indicator result = lay(
                        computed,
                        direct.getOrDefault(commune.code(), Map.of()).get(computed.code()),
                        crosswalked.getOrDefault(commune.code(), Map.of()).get(computed.code()));
                if (result.value() != null) {
                    origins.computeIfAbsent(computed.code(), c -> new LinkedHashSet<>())
                            .add(result.origin());
                }
                laid.add(result);
            }
            communes.add(new IndicatorService.CommuneIndicators(commune.code(), commune.name(), laid));
        }
        Map<String, Sum> province = provinceFigures(table.locality(), figures);
        List<Indicator> total = new ArrayList<>();
        for (int n = 0; n < table.total().size(); n++) {
            Indicator computed = table.total().get(n);
            int index = n;
            List<Indicator> rows =
                    communes.stream().map(c -> c.indicators().get(index)).toList();
            List<Indicator> withData =
                    rows.stream().filter(i -> i.value() != null).toList();
            Set<String> parts = origins.getOrDefault(computed.code(), Set.of());
            Sum own = province.get(computed.code());
            if (own != null && (own.correction || withData.size() < rows.size())) {
                // the province's own reported figure is whole; the communes' figures are not, when some have none
                total.add(computed.withFigures(own.num(), own.den(), Indicator.REPORTED));
            } else if (!parts.contains(Indicator.REPORTED)) {
                total.add(computed);
            } else {
                // communes without a figure of the year are left out: they are not 0% covered, they are unknown
                long numerator =
                        withData.stream().mapToLong(Indicator::numerator).sum();
                long denominator =
                        withData.stream().mapToLong(Indicator::denominator).sum();
                String origin = parts.size() == 1 ? parts.iterator().next() : Indicator.MIXED;
                total.add(computed.withFigures(numerator, denominator, origin));
            }
        }
        return new IndicatorService.IndicatorTable(
                table.locality(), table.localityName(), table.year(), table.asOf(), total, communes);
    }

    /**
     * The report of one locality with the reported figures laid over it: a commune by the rule of a commune, a
     * province or a commune's subtree by the total of its table, a locality of the former map by what was reported
     * for it or, summed, for the former units below it.
     */
    public IndicatorReport overlay(
            IndicatorReport report, LocalityView locality, Supplier<IndicatorService.IndicatorTable> table) {
        List<Figure> figures = figures(report.year());
        if (figures.isEmpty() || locality.isVillage()) {
            return report;
        }
        if (locality.formerMap()) {
            Map<String, Sum> own = formerFigures(locality, figures);
            List<Indicator> indicators = report.indicators().stream()
                    .map(i -> {
                        Sum sum = own.get(i.code());
                        return sum == null
                                ? i.withFigures(0, 0, Indicator.REPORTED)
                                : i.withFigures(sum.num(), sum.den(), Indicator.REPORTED);
                    })
                    .toList();
            return new IndicatorReport(
                    report.locality(), report.localityName(), report.year(), report.asOf(), indicators);
        }
        boolean touches = figures.stream()
                .anyMatch(f -> f.formerMap()
                        || f.path().equals(locality.path())
                        || f.path().startsWith(locality.path() + "."));
        if (!touches) {
            return report;
        }
        Map<String, Indicator> laid = new HashMap<>();
        overlay(table.get()).total().forEach(i -> laid.put(i.code(), i));
        List<Indicator> indicators = report.indicators().stream()
                .map(i -> {
                    Indicator over = laid.get(i.code());
                    return over == null || Indicator.COMPUTED.equals(over.origin()) ? i : over;
                })
                .toList();
        return new IndicatorReport(report.locality(), report.localityName(), report.year(), report.asOf(), indicators);
    }

    /**
     * The figures reported on the former map under a former locality, summed by indicator: the locality's own where
     * it has them, else those of the units below it.
     */
    Map<String, Sum> formerFigures(LocalityView locality, List<Figure> figures) {
        Map<String, Sum> own = new HashMap<>();
        Map<String, Sum> below = new HashMap<>();
        for (Figure f : figures) {
            if (f.path().equals(locality.path())) {
                own.computeIfAbsent(f.indicator(), i -> new Sum()).add(f.numerator(), f.denominator());
            } else if (f.path().startsWith(locality.path() + ".") && f.level() == LocalityLevel.COMMUNE) {
                below.computeIfAbsent(f.indicator(), i -> new Sum()).add(f.numerator(), f.denominator());
            }
        }
        below.putAll(own);
        return below;
    }

    /**
     * The table of the former map for a year (up to 2025), as reported: one row per former unit below the locality
     * the user asked for (the former districts of a province, the former communes of a district or of a commune of
     * today), with the computed table's indicators (names, targets) as its template. Records live on the current map,
     * so every value here is REPORTED.
     */
    public IndicatorService.IndicatorTable formerTable(
            IndicatorService.IndicatorTable computed, List<LocalityView> rows, String localityName) {
        List<Figure> figures = figures(computed.year());
        List<IndicatorService.CommuneIndicators> communes = new ArrayList<>();
        Map<String, Sum> total = new LinkedHashMap<>();
        for (LocalityView row : rows) {
            Map<String, Sum> own = formerFigures(row, figures);
            List<Indicator> indicators = new ArrayList<>();
            for (Indicator template : computed.total()) {
                Sum sum = own.get(template.code());
                indicators.add(
                        sum == null
                                ? template.withFigures(0, 0, Indicator.REPORTED)
                                : template.withFigures(sum.num(), sum.den(), Indicator.REPORTED));
                if (sum != null) {
                    total.computeIfAbsent(template.code(), c -> new Sum()).add(sum.numerator, sum.denominator);
                }
            }
            communes.add(new IndicatorService.CommuneIndicators(row.code(), row.name(), indicators));
        }
        List<Indicator> totals = computed.total().stream()
                .map(t -> {
                    Sum sum = total.get(t.code());
                    return sum == null
                            ? t.withFigures(0, 0, Indicator.REPORTED)
                            : t.withFigures(sum.num(), sum.den(), Indicator.REPORTED);
                })
                .toList();
        return new IndicatorService.IndicatorTable(
                computed.locality(), localityName, computed.year(), computed.asOf(), totals, communes);
    }

    private static Indicator lay(Indicator computed, @Nullable Sum direct, @Nullable Sum crosswalked) {
        if (direct != null && direct.correction) {
            return computed.withFigures(direct.num(), direct.den(), Indicator.REPORTED);
        }
        if (computed.value() != null) {
            return computed;
        }
        if (direct != null) {
            return computed.withFigures(direct.num(), direct.den(), Indicator.REPORTED);
        }
        if (crosswalked != null) {
            return computed.withFigures(crosswalked.num(), crosswalked.den(), Indicator.REPORTED);
        }
        return computed;
    }

    /** The figures of former communes added up onto the communes of today by the crosswalk's shares. */
    Map<String, Map<String, Sum>> crosswalk(List<Figure> figures) {
        List<Figure> former = figures.stream()
                .filter(f -> f.formerMap() && f.level() == LocalityLevel.COMMUNE)
                .toList();
        Map<String, Map<String, Sum>> byCommune = new HashMap<>();
        if (former.isEmpty()) {
            return byCommune;
        }
        Map<Long, Map<String, Double>> shares = shares();
        for (Figure f : former) {
            shares.getOrDefault(f.localityId(), Map.of())
                    .forEach((successor, share) -> byCommune
                            .computeIfAbsent(successor, c -> new HashMap<>())
                            .computeIfAbsent(f.indicator(), i -> new Sum())
                            .add(f.numerator() * share, f.denominator() * share));
        }
        return byCommune;
    }

    /**
     * What was reported for the province as a whole, by indicator: for the table's locality when it is a province,
     * else nothing; the province's own figures, else the former provinces' summed, else the former districts'.
     */
    private Map<String, Sum> provinceFigures(String localityCode, List<Figure> figures) {
        Figure any = null;
        Map<String, Sum> own = new HashMap<>();
        Map<String, Sum> formerProvinces = new HashMap<>();
        Map<String, Sum> formerDistricts = new HashMap<>();
        boolean isProvince = jdbc.sql(
                        "select exists (select 1 from localities where code = :code and level = 'PROVINCE')")
                .param("code", localityCode)
                .query(Boolean.class)
                .single();
        if (!isProvince) {
            return own;
        }
        for (Figure f : figures) {
            any = f;
            Map<String, Sum> target = switch (f.level()) {
                case PROVINCE -> f.formerMap() ? formerProvinces : f.code().equals(localityCode) ? own : null;
                case DISTRICT -> formerDistricts;
                default -> null;
            };
            if (target != null) {
                Sum sum = target.computeIfAbsent(f.indicator(), i -> new Sum());
                sum.add(f.numerator(), f.denominator());
                sum.correction |= f.correction();
            }
        }
        if (any == null) {
            return own;
        }
        formerProvinces.forEach(own::putIfAbsent);
        formerDistricts.forEach(own::putIfAbsent);
        return own;
    }
}
