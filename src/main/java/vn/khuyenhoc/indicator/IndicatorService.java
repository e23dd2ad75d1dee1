package vn.khuyenhoc.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.association.ChapterCoverage;
import vn.khuyenhoc.association.HostType;
import vn.khuyenhoc.association.PolicyStudyCoverage;
import vn.khuyenhoc.association.StudyPeriod;
import vn.khuyenhoc.evaluation.RecognitionFigures;
import vn.khuyenhoc.indicator.reported.ReportedFigures;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.VietnameseText;

/**
 * The indicators of the catalogue for a locality and year, computed from the records of their source modules, with
 * the plans' targets (a commune's own targets where it has them).
 */
@Service
public class IndicatorService {

    static final Map<HostType, IndicatorDefinition> COVERAGE = Map.of(
            HostType.VILLAGE, IndicatorDefinition.VILLAGE_CHAPTER_COVERAGE,
            HostType.ORGANIZATION, IndicatorDefinition.ORGANIZATION_CHAPTER_COVERAGE,
            HostType.CLAN, IndicatorDefinition.CLAN_CHAPTER_COVERAGE);

    static final Map<RecognitionFigures.RateKind, IndicatorDefinition> RATES = Map.of(
            RecognitionFigures.RateKind.LEARNING_FAMILY, IndicatorDefinition.LEARNING_FAMILY,
            RecognitionFigures.RateKind.LEARNING_CLAN, IndicatorDefinition.LEARNING_CLAN,
            RecognitionFigures.RateKind.LEARNING_COMMUNITY, IndicatorDefinition.LEARNING_COMMUNITY,
            RecognitionFigures.RateKind.LEARNING_UNIT, IndicatorDefinition.LEARNING_UNIT,
            RecognitionFigures.RateKind.CITIZEN_WORKER, IndicatorDefinition.LEARNING_CITIZEN_WORKER,
            RecognitionFigures.RateKind.CITIZEN_OFFICIAL, IndicatorDefinition.LEARNING_CITIZEN_OFFICIAL);

    /** Every indicator of one part of a locality: a commune of a province, a village of a commune. */
    public record CommuneIndicators(String code, String name, List<Indicator> indicators) {}

    /**
     * Every indicator of a locality and year as of {@code asOf}, in total and for each part one level down
     * ({@code communes}: the communes of a province, the villages of a commune; none for a village).
     */
    public record IndicatorTable(
            String locality,
            String localityName,
            int year,
            LocalDate asOf,
            List<Indicator> total,
            List<CommuneIndicators> communes) {}

    private final ChapterCoverage coverage;
    private final PolicyStudyCoverage policyStudies;
    private final RecognitionFigures recognition;
    private final LocalityService localities;
    private final Plans plans;
    private final ReportedFigures reported;
    private final ExecutorService sources = Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "indicator-sources");
        thread.setDaemon(true);
        return thread;
    });

    IndicatorService(
            ChapterCoverage coverage,
            PolicyStudyCoverage policyStudies,
            RecognitionFigures recognition,
            LocalityService localities,
            Plans plans,
            ReportedFigures reported) {
        this.reported = reported;
        this.recognition = recognition;
        this.coverage = coverage;
        this.policyStudies = policyStudies;
        this.localities = localities;
        this.plans = plans;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        sources.shutdownNow();
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
        LocalDate asOf = ProgrammeYear.referenceDate(chosen);
        return report(locality, chosen, asOf, coverage.coverage(locality.path(), chosen, asOf));
    }

    /** The indicators of coverage figures computed already (the coverage page shows both). */
    IndicatorReport report(LocalityView locality, int year, LocalDate asOf, ChapterCoverage.Result result) {
        PolicyStudyCoverage.Figures studied = policyStudies
                .coverage(locality.path(), StudyPeriod.year(year).until(asOf))
                .total();
        RecognitionFigures.Rates rates =
                recognition.rates(year, asOf, locality.path()).total();
        Map<HostType, ChapterCoverage.Figure> figures = new LinkedHashMap<>();
        result.figures().forEach(f -> figures.put(f.hostType(), f));
        Map<String, Plans.Targets> targets = plans.targets(locality.isCommune() ? locality.id() : null);
        return reported.overlay(
                new IndicatorReport(
                        locality.code(), locality.name(), year, asOf, indicators(figures, studied, rates, targets)),
                locality,
                () -> table(locality, year, asOf));
    }

    /** Every indicator of a year as it stood on the year's reference day (docs/indicators.md). */
    public IndicatorTable table(LocalityView locality, int year) {
        return table(locality, year, ProgrammeYear.referenceDate(year));
    }

    /**
     * Every indicator of a year counted on the records as they stood on {@code asOf} (a report's cut date; never after
     * the year's reference day), in total and for each part one level down: the communes of a province, the villages
     * of a commune. The three sources are independent statements: they run side by side (each on its own
     * connection), so the table takes about as long as the slowest of them.
     */
    public IndicatorTable table(LocalityView locality, int year, LocalDate asOf) {
        return table(locality, year, asOf, true);
    }

    /**
     * Every indicator of a year in total only (no row per commune or village): what a dashboard's earlier years need
     * for their series, read from the tallies for a commune as for the province.
     */
    public IndicatorTable totals(LocalityView locality, int year) {
        return table(locality, year, ProgrammeYear.referenceDate(year), false);
    }

    private IndicatorTable table(LocalityView locality, int year, LocalDate asOf, boolean byPart) {
        LocalDate day = ProgrammeYear.referenceDate(year, asOf);
        CompletableFuture<ChapterCoverage.Result> coverageOf =
                CompletableFuture.supplyAsync(() -> coverage.coverage(locality.path(), year, day), sources);
        CompletableFuture<PolicyStudyCoverage.Result> studiedOf = CompletableFuture.supplyAsync(
                () -> policyStudies.coverage(
                        locality.path(), StudyPeriod.year(year).until(day), byPart),
                sources);
        RecognitionFigures.RateTable rates = recognition.rates(year, day, locality.path(), byPart);
        Map<String, Plans.Targets> targets = plans.targets(locality.isCommune() ? locality.id() : null);
        Map<String, Map<String, Map<String, Double>>> own =
                locality.isVillage() || locality.isCommune() ? Map.of() : plans.overridesByCommune();
        ChapterCoverage.Result covered = join(coverageOf);
        PolicyStudyCoverage.Result studied = join(studiedOf);
        Map<HostType, ChapterCoverage.Figure> totalCoverage = new LinkedHashMap<>();
        covered.figures().forEach(f -> totalCoverage.put(f.hostType(), f));
        Map<String, ChapterCoverage.CommuneFigures> coverageByCode = new LinkedHashMap<>();
        covered.communes().forEach(c -> coverageByCode.put(c.communeCode(), c));
        Map<String, PolicyStudyCoverage.Figures> studiedByCode = new LinkedHashMap<>();
        studied.communes().forEach(c -> studiedByCode.put(c.communeCode(), c));
        PolicyStudyCoverage.Figures none = new PolicyStudyCoverage.Figures(
                null, null, new PolicyStudyCoverage.Ratio(0, 0), new PolicyStudyCoverage.Ratio(0, 0));
        List<CommuneIndicators> parts = new ArrayList<>();
        if (!locality.isVillage()) {
            for (RecognitionFigures.Rates part : rates.communes()) {
                Map<HostType, ChapterCoverage.Figure> figures = new LinkedHashMap<>();
                ChapterCoverage.CommuneFigures found = coverageByCode.get(part.code());
                for (HostType type : HostType.values()) {
                    ChapterCoverage.Figure empty = ChapterCoverage.Figure.none(type);
                    figures.put(type, found == null ? empty : found.figures().getOrDefault(type, empty));
                }
                parts.add(new CommuneIndicators(
                        part.code(),
                        part.name(),
                        indicators(
                                figures,
                                studiedByCode.getOrDefault(part.code(), none),
                                part,
                                withOwn(targets, own.getOrDefault(part.code(), Map.of())))));
            }
        }
        return reported.overlay(new IndicatorTable(
                locality.code(),
                locality.name(),
                year,
                day,
                indicators(totalCoverage, studied.total(), rates.total(), targets),
                parts));
    }

    /**
     * A table of a year up to 2025 shown on the map before 1/7/2025: by former district (a province) or former commune
     * (a commune of today), with the figures reported for them (the records live on today's map).
     */
    public IndicatorTable onFormerMap(IndicatorTable table, LocalityView place, SignedInUser user) {
        return reported.onFormerMap(table, place, user);
    }

    private static <T> T join(CompletableFuture<T> result) {
        try {
            return result.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The plans' targets with a commune's own laid over them. */
    private static Map<String, Plans.Targets> withOwn(
            Map<String, Plans.Targets> targets, Map<String, Map<String, Double>> own) {
        if (own.isEmpty()) {
            return targets;
        }
        Map<String, Plans.Targets> merged = new LinkedHashMap<>(targets);
        own.forEach((code, years) -> {
            Plans.Targets plan = targets.get(code);
            Map<String, Double> byYear = new LinkedHashMap<>(plan == null ? Map.of() : plan.byYear());
            byYear.putAll(years);
            merged.put(
                    code,
                    new Plans.Targets(
                            byYear, plan == null ? null : plan.plan(), plan == null ? 2021 : plan.baselineYear()));
        });
        return merged;
    }

    /** The indicators in the catalogue's order: chapter coverage, policy study, recognition. */
    private static List<Indicator> indicators(
            Map<HostType, ChapterCoverage.Figure> coverage,
            PolicyStudyCoverage.Figures studied,
            RecognitionFigures.Rates rates,
            Map<String, Plans.Targets> targets) {
        List<Indicator> indicators = new ArrayList<>();
        for (HostType type : HostType.values()) {
            ChapterCoverage.Figure figure = coverage.getOrDefault(type, ChapterCoverage.Figure.none(type));
            indicators.add(Indicator.of(
                    COVERAGE.get(type), figure.numerator(), figure.denominator(), figure.percent(), targets));
        }
        indicators.add(Indicator.of(
                IndicatorDefinition.OFFICER_POLICY_STUDY,
                studied.officers().numerator(),
                studied.officers().denominator(),
                studied.officers().percent(),
                targets));
        indicators.add(Indicator.of(
                IndicatorDefinition.MEMBER_POLICY_STUDY,
                studied.members().numerator(),
                studied.members().denominator(),
                studied.members().percent(),
                targets));
        for (RecognitionFigures.RateKind kind : RecognitionFigures.RateKind.values()) {
            RecognitionFigures.Rate rate = rates.rates().get(kind);
            IndicatorDefinition definition = RATES.get(kind);
            Plans.Targets target = targets.get(definition.code());
            indicators.add(new Indicator(
                    definition.code(),
                    definition.label(),
                    rate.recognised(),
                    rate.all(),
                    rate.percent(),
                    target == null ? Map.of() : target.byYear(),
                    target == null ? null : target.plan(),
                    rate.registered(),
                    rate.recognisedOfRegistered(),
                    rate.percentOfRegistered()));
        }
        return indicators;
    }
}
