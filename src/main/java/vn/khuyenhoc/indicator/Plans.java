package vn.khuyenhoc.indicator;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.VietnameseText;

/**
 * The plans (KH 102/KH-UBND, QĐ 387/QĐ-TTg, QĐ 677/QĐ-TTg), their targets per indicator and milestone year, and the
 * targets set for single communes. A province administrator changes them; every change is in the audit trail.
 */
@Service
class Plans {

    static final String TARGET = "indicator-target";
    static final String OVERRIDE = "target-override";

    record Plan(String code, String title, String issuer, LocalDate issuedOn, int baselineYear, List<Target> targets) {}

    record Target(String plan, String indicator, int year, double value) {}

    record Override(
            String localityCode,
            String localityName,
            String indicator,
            int year,
            double value,
            String reason,
            String updatedBy,
            OffsetDateTime updatedAt) {}

    /** The targets of one indicator by milestone year ("2025", "2030"), the plan they come from and its baseline. */
    record Targets(Map<String, Double> byYear, @Nullable String plan, int baselineYear) {}

    private final JdbcClient jdbc;
    private final LocalityService localities;
    private final AuditTrail audit;

    Plans(JdbcClient jdbc, LocalityService localities, AuditTrail audit) {
        this.jdbc = jdbc;
        this.localities = localities;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    List<Plan> all() {
        Map<String, List<Target>> targets = new LinkedHashMap<>();
        jdbc.sql("select plan, indicator_code, year, value from indicator_targets order by indicator_code, year")
                .query((rs, n) -> targets.computeIfAbsent(rs.getString(1), p -> new ArrayList<>())
                        .add(new Target(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4))))
                .list();
        return jdbc.sql("select code, title, issuer, issued_on, baseline_year from plans order by sort_order")
                .query((rs, n) -> new Plan(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getInt(5),
                        targets.getOrDefault(rs.getString(1), List.of())))
                .list();
    }

    /** The plans' targets by indicator code (a commune's own where it has one, when {@code communeId} is given). */
    @Transactional(readOnly = true)
    Map<String, Targets> targets(@Nullable Long communeId) {
        Map<String, Targets> byIndicator = new LinkedHashMap<>();
        for (Plan plan : all()) {
            for (Target t : plan.targets()) {
                byIndicator
                        .computeIfAbsent(
                                t.indicator(),
                                c -> new Targets(new LinkedHashMap<>(), plan.code(), plan.baselineYear()))
                        .byYear()
                        .put(String.valueOf(t.year()), t.value());
            }
        }
        if (communeId != null) {
            overridesOf(communeId).forEach((indicator, years) -> {
                Targets current =
                        byIndicator.computeIfAbsent(indicator, c -> new Targets(new LinkedHashMap<>(), null, 2021));
                current.byYear().putAll(years);
            });
        }
        return byIndicator;
    }

    /** Every commune's own targets: commune code → indicator → year → value. */
    @Transactional(readOnly = true)
    Map<String, Map<String, Map<String, Double>>> overridesByCommune() {
        Map<String, Map<String, Map<String, Double>>> all = new LinkedHashMap<>();
        jdbc.sql("""
                        select l.code, o.indicator_code, o.year, o.value
                        from target_overrides o join localities l on l.id = o.locality_id
                        """)
                .query((rs, n) -> all.computeIfAbsent(rs.getString(1), c -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString(2), c -> new LinkedHashMap<>())
                        .put(String.valueOf(rs.getInt(3)), rs.getDouble(4)))
                .list();
        return all;
    }

    private Map<String, Map<String, Double>> overridesOf(long communeId) {
        Map<String, Map<String, Double>> own = new LinkedHashMap<>();
        jdbc.sql("select indicator_code, year, value from target_overrides where locality_id = :id")
                .param("id", communeId)
                .query((rs, n) -> own.computeIfAbsent(rs.getString(1), c -> new LinkedHashMap<>())
                        .put(String.valueOf(rs.getInt(2)), rs.getDouble(3)))
                .list();
        return own;
    }

    @Transactional(readOnly = true)
    List<Override> overrides() {
        return jdbc.sql("""
                        select l.code, l.name, o.indicator_code, o.year, o.value, o.reason, o.updated_by, o.updated_at
                        from target_overrides o join localities l on l.id = o.locality_id
                        order by l.name collate vi_natural, o.indicator_code, o.year
                        """)
                .query((rs, n) -> new Override(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getDouble(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class)))
                .list();
    }

    /** Sets a plan's target of an indicator for a milestone year; no value removes it. */
    @Transactional
    void setTarget(String plan, String indicator, int year, @Nullable Double value, SignedInUser user) {
        user.requireProvinceAdministrator();
        checkIndicator(indicator);
        checkYear(year);
        Plan found = all().stream()
                .filter(p -> p.code().equals(plan))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("plan", "Không có kế hoạch “" + plan + "”."));
        checkValue(value);
        Double before = found.targets().stream()
                .filter(t -> t.indicator().equals(indicator) && t.year() == year)
                .map(Target::value)
                .findFirst()
                .orElse(null);
        if (value == null) {
            jdbc.sql(
                            "delete from indicator_targets where plan = :plan and indicator_code = :indicator and year = :year")
                    .param("plan", plan)
                    .param("indicator", indicator)
                    .param("year", year)
                    .update();
        } else {
            jdbc.sql("""
                            insert into indicator_targets (indicator_code, plan, year, value) values (:indicator, :plan, :year, :value)
                            on conflict (indicator_code, plan, year) do update set value = excluded.value
                            """)
                    .param("plan", plan)
                    .param("indicator", indicator)
                    .param("year", year)
                    .param("value", value)
                    .update();
        }
        audit.recordChange("SET", TARGET, plan + "/" + indicator + "/" + year, before, value, null);
    }

    /** Sets a commune's own target, with the reason; no value removes it (the plan's applies again). */
    @Transactional
    void setOverride(
            @Nullable String communeCode,
            String indicator,
            int year,
            @Nullable Double value,
            @Nullable String reason,
            SignedInUser user) {
        requireAdmin(user);
        checkIndicator(indicator);
        checkYear(year);
        checkValue(value);
        LocalityView commune = localities.placeOf(communeCode, user);
        if (!commune.isCommune()) {
            throw new InvalidInputException("localityCode", "Mục tiêu riêng đặt cho một xã, phường.");
        }
        String why = VietnameseText.cleanOrEmpty(reason);
        Map<String, Double> before = overridesOf(commune.id()).getOrDefault(indicator, Map.of());
        if (value == null) {
            jdbc.sql(
                            "delete from target_overrides where locality_id = :id and indicator_code = :indicator and year = :year")
                    .param("id", commune.id())
                    .param("indicator", indicator)
                    .param("year", year)
                    .update();
        } else {
            if (why.isEmpty() || why.length() > 500) {
                throw new InvalidInputException("reason", "Hãy ghi lý do đặt mục tiêu riêng (tối đa 500 ký tự).");
            }
            jdbc.sql("""
                            insert into target_overrides (locality_id, indicator_code, year, value, reason, updated_by)
                            values (:id, :indicator, :year, :value, :reason, :by)
                            on conflict (locality_id, indicator_code, year) do update
                                set value = excluded.value, reason = excluded.reason, updated_by = excluded.updated_by,
                                    updated_at = now()
                            """)
                    .param("id", commune.id())
                    .param("indicator", indicator)
                    .param("year", year)
                    .param("value", value)
                    .param("reason", why)
                    .param("by", user.getUsername())
                    .update();
        }
        audit.recordChange(
                "SET",
                OVERRIDE,
                commune.code() + "/" + indicator + "/" + year,
                before.get(String.valueOf(year)),
                value == null ? null : Map.of("value", value, "reason", why),
                commune.path());
    }

    /** A commune's own target: a province administrator, for a commune within its scope. */
    private static void requireAdmin(SignedInUser user) {
        if (!user.canManageAccounts()) {
            throw new AccessDeniedException("Chỉ quản trị đặt mục tiêu riêng của xã.");
        }
    }

    private static void checkIndicator(String indicator) {
        if (IndicatorDefinition.of(indicator).isEmpty()) {
            throw new InvalidInputException("indicator", "Không có chỉ số “" + indicator + "”.");
        }
    }

    private static void checkYear(int year) {
        if (year != 2025 && year != 2030) {
            throw new InvalidInputException("year", "Mục tiêu đặt cho mốc 2025 hoặc 2030.");
        }
    }

    private static void checkValue(@Nullable Double value) {
        if (value != null && (value < 0 || value > 100)) {
            throw new InvalidInputException("value", "Mục tiêu là tỷ lệ từ 0 đến 100%.");
        }
    }
}
