package vn.khuyenhoc.indicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.association.ChapterCoverage;
import vn.khuyenhoc.association.HostType;
import vn.khuyenhoc.association.PolicyStudyCoverage;
import vn.khuyenhoc.association.StudyPeriod;
import vn.khuyenhoc.evaluation.RecognitionFigures;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.VietnameseText;

/** The indicators of a locality and year with the targets of the plans. */
@Service
public class IndicatorService {

    static final Map<HostType, String> COVERAGE_CODES = Map.of(
            HostType.VILLAGE, "village-chapter-coverage",
            HostType.ORGANIZATION, "organization-chapter-coverage",
            HostType.CLAN, "clan-chapter-coverage");

    static final Map<HostType, String> COVERAGE_NAMES = Map.of(
            HostType.VILLAGE, "Khu dân cư có chi hội, ban khuyến học tổ chức phong trào học tập suốt đời",
            HostType.ORGANIZATION, "Cơ quan, đơn vị, trường học có chi hội, ban khuyến học tổ chức phong trào",
            HostType.CLAN, "Dòng họ, hội đồng hương, cơ sở tôn giáo có ban khuyến học tổ chức phong trào");

    static final String OFFICER_POLICY_STUDY = "officer-policy-study-coverage";
    static final String MEMBER_POLICY_STUDY = "member-policy-study-coverage";

    private final ChapterCoverage coverage;
    private final PolicyStudyCoverage policyStudies;
    private final RecognitionFigures recognition;
    private final LocalityService localities;
    private final JdbcClient jdbc;

    IndicatorService(
            ChapterCoverage coverage,
            PolicyStudyCoverage policyStudies,
            RecognitionFigures recognition,
            LocalityService localities,
            JdbcClient jdbc) {
        this.recognition = recognition;
        this.coverage = coverage;
        this.policyStudies = policyStudies;
        this.localities = localities;
        this.jdbc = jdbc;
    }

    /** The year asked for, or this year; a year outside the programme is refused naming the field. */
    static int year(@Nullable Integer year) {
        return ProgrammeYear.check(year, "year");
    }

    LocalityView locality(@Nullable String code, SignedInUser user) {
        String cleaned = VietnameseText.cleanOrEmpty(code);
        return localities.get(cleaned.isEmpty() ? user.scopeCode() : cleaned, user);
    }

    @Transactional(readOnly = true)
    public IndicatorReport report(@Nullable String localityCode, @Nullable Integer year, SignedInUser user) {
        LocalityView locality = locality(localityCode, user);
        int chosen = year(year);
        return report(locality, chosen, coverage.coverage(locality.path(), chosen));
    }

    /** The indicators of coverage figures computed already (the coverage page shows both). */
    IndicatorReport report(LocalityView locality, int year, ChapterCoverage.Result result) {
        Map<String, Map<String, Double>> targets = targets();
        PolicyStudyCoverage.Figures studied =
                policyStudies.coverage(locality.path(), StudyPeriod.year(year)).total();
        RecognitionFigures.Rates rates =
                recognition.rates(year, locality.path()).total();
        Map<HostType, ChapterCoverage.Figure> coverage = new LinkedHashMap<>();
        result.figures().forEach(f -> coverage.put(f.hostType(), f));
        return new IndicatorReport(
                locality.code(), locality.name(), year, indicators(coverage, studied, rates, targets));
    }

    /** Every indicator of one commune. */
    public record CommuneIndicators(String code, String name, List<Indicator> indicators) {}

    /** Every indicator of a locality and year, in total and for each commune in it (current map). */
    public record IndicatorTable(
            String locality, String localityName, int year, List<Indicator> total, List<CommuneIndicators> communes) {}

    @Transactional(readOnly = true)
    public IndicatorTable table(LocalityView locality, int year) {
        Map<String, Map<String, Double>> targets = targets();
        ChapterCoverage.Result coverage = this.coverage.coverage(locality.path(), year);
        PolicyStudyCoverage.Result studied = policyStudies.coverage(locality.path(), StudyPeriod.year(year));
        RecognitionFigures.RateTable rates = recognition.rates(year, locality.path());
        Map<HostType, ChapterCoverage.Figure> totalCoverage = new LinkedHashMap<>();
        coverage.figures().forEach(f -> totalCoverage.put(f.hostType(), f));
        Map<String, ChapterCoverage.CommuneFigures> coverageByCode = new LinkedHashMap<>();
        coverage.communes().forEach(c -> coverageByCode.put(c.communeCode(), c));
        Map<String, PolicyStudyCoverage.Figures> studiedByCode = new LinkedHashMap<>();
        studied.communes().forEach(c -> studiedByCode.put(c.communeCode(), c));
        List<CommuneIndicators> communes = new ArrayList<>();
        PolicyStudyCoverage.Figures none = new PolicyStudyCoverage.Figures(
                null, null, new PolicyStudyCoverage.Ratio(0, 0), new PolicyStudyCoverage.Ratio(0, 0));
        for (RecognitionFigures.Rates commune : rates.communes()) {
            Map<HostType, ChapterCoverage.Figure> figures = new LinkedHashMap<>();
            for (HostType type : HostType.values()) {
                ChapterCoverage.CommuneFigures found = coverageByCode.get(commune.code());
                figures.put(
                        type,
                        found == null
                                ? new ChapterCoverage.Figure(type, 0, 0)
                                : found.figures().getOrDefault(type, new ChapterCoverage.Figure(type, 0, 0)));
            }
            communes.add(new CommuneIndicators(
                    commune.code(),
                    commune.name(),
                    indicators(figures, studiedByCode.getOrDefault(commune.code(), none), commune, targets)));
        }
        return new IndicatorTable(
                locality.code(),
                locality.name(),
                year,
                indicators(totalCoverage, studied.total(), rates.total(), targets),
                communes);
    }

    /** The indicators in their fixed order: chapter coverage, policy study, recognition. */
    private static List<Indicator> indicators(
            Map<HostType, ChapterCoverage.Figure> coverage,
            PolicyStudyCoverage.Figures studied,
            RecognitionFigures.Rates rates,
            Map<String, Map<String, Double>> targets) {
        List<Indicator> indicators = new ArrayList<>();
        for (HostType type : HostType.values()) {
            ChapterCoverage.Figure figure = coverage.getOrDefault(type, new ChapterCoverage.Figure(type, 0, 0));
            String code = COVERAGE_CODES.get(type);
            indicators.add(Indicator.of(
                    code,
                    COVERAGE_NAMES.get(type),
                    figure.numerator(),
                    figure.denominator(),
                    figure.percent(),
                    targets.getOrDefault(code, Map.of())));
        }
        indicators.add(indicator(
                OFFICER_POLICY_STUDY,
                "Cán bộ Hội Khuyến học được học tập, quán triệt chủ trương, chính sách về khuyến học",
                studied.officers(),
                targets));
        indicators.add(indicator(
                MEMBER_POLICY_STUDY,
                "Hội viên Hội Khuyến học được học tập, quán triệt chủ trương, chính sách về khuyến học",
                studied.members(),
                targets));
        for (RecognitionFigures.RateKind kind : RecognitionFigures.RateKind.values()) {
            RecognitionFigures.Rate rate = rates.rates().get(kind);
            indicators.add(new Indicator(
                    kind.code(),
                    kind.label(),
                    rate.recognised(),
                    rate.all(),
                    rate.percent(),
                    targets.getOrDefault(kind.code(), Map.of()),
                    rate.registered(),
                    rate.recognisedOfRegistered(),
                    rate.percentOfRegistered()));
        }
        return indicators;
    }

    private static Indicator indicator(
            String code, String name, PolicyStudyCoverage.Ratio ratio, Map<String, Map<String, Double>> targets) {
        return Indicator.of(
                code,
                name,
                ratio.numerator(),
                ratio.denominator(),
                ratio.percent(),
                targets.getOrDefault(code, Map.of()));
    }

    /** Targets by indicator code and milestone year ("2025", "2030"). */
    Map<String, Map<String, Double>> targets() {
        Map<String, Map<String, Double>> targets = new LinkedHashMap<>();
        jdbc.sql("select indicator_code, year, value from indicator_targets order by indicator_code, year")
                .query((rs, n) -> {
                    targets.computeIfAbsent(rs.getString(1), code -> new LinkedHashMap<>())
                            .put(String.valueOf(rs.getInt(2)), rs.getDouble(3));
                    return null;
                })
                .list();
        return targets;
    }
}
