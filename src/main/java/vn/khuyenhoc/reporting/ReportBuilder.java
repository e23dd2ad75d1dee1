package vn.khuyenhoc.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.indicator.Indicator;
import vn.khuyenhoc.indicator.IndicatorDefinition;
import vn.khuyenhoc.indicator.IndicatorService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * Builds each kind of report from the indicator tables, the same figures as the dashboard and the API: organisation
 * and members, policy study, the learning models registered and recognised (against all subjects and against those
 * registered), and for the reviews each target against its milestone, in total and by commune.
 */
@Component
class ReportBuilder {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private static final List<IndicatorDefinition> RATES = List.of(
            IndicatorDefinition.LEARNING_FAMILY,
            IndicatorDefinition.LEARNING_CLAN,
            IndicatorDefinition.LEARNING_COMMUNITY,
            IndicatorDefinition.LEARNING_UNIT,
            IndicatorDefinition.LEARNING_CITIZEN_WORKER,
            IndicatorDefinition.LEARNING_CITIZEN_OFFICIAL);

    private final IndicatorService indicators;

    ReportBuilder(IndicatorService indicators) {
        this.indicators = indicators;
    }

    /** The report of a kind for a locality over its period, each figure counted as of its date. */
    Report build(
            ReportKind kind,
            LocalityView locality,
            ReportPeriod period,
            Issuance issuance,
            SignedInUser user,
            IntConsumer progress) {
        progress.accept(5);
        List<ReportPeriod.YearAsOf> years = period.series();
        List<IndicatorService.IndicatorTable> series = new ArrayList<>();
        for (ReportPeriod.YearAsOf y : years) {
            IndicatorService.IndicatorTable computed = indicators.table(locality, y.year(), y.asOf());
            series.add(period.formerMap() ? indicators.onFormerMap(computed, locality, user) : computed);
            progress.accept(5 + 55 * series.size() / years.size());
        }
        IndicatorService.IndicatorTable table = series.get(series.size() - 1);
        int year = period.year();
        // a report is empty only when no year of its period has a figure (a review on the former map has its early
        // years)
        boolean empty = series.stream()
                .allMatch(t -> t.total().stream().allMatch(i -> i.denominator() == 0 && i.numerator() == 0));
        List<Report.Section> sections = new ArrayList<>();
        if (period.formerMap()) {
            sections.add(Report.Section.text(
                    "Đơn vị hành chính",
                    List.of("Số liệu trình bày theo các huyện, xã trước ngày 01/7/2025, là số liệu đã báo cáo của các"
                            + " đơn vị đó; hồ sơ theo dõi được ghi theo đơn vị hành chính hiện nay.")));
        }
        if (empty) {
            sections.add(Report.Section.text(
                    "Chưa có số liệu",
                    List.of("Sổ theo dõi của " + locality.name()
                            + " chưa có số liệu nào cho " + period.text()
                            + " (chưa có thôn, tổ dân phố, chi hội, hội viên hay hồ sơ"
                            + " đăng ký danh hiệu): chưa lập được báo cáo. Các con số 0 không được coi là kết quả.")));
        } else {
            switch (kind) {
                case ASSOCIATION_SIX_MONTH, ASSOCIATION_ANNUAL -> {
                    sections.add(organisation(table));
                    sections.add(
                            Report.Section.text(
                                    "II. Quỹ khuyến học, học bổng",
                                    List.of(
                                            "Hệ thống chưa theo dõi quỹ khuyến học, khuyến tài và học bổng: văn phòng bổ sung số liệu này.")));
                    sections.add(models(table, "III. Xây dựng các mô hình học tập"));
                    sections.add(shortcomings(table, year, "IV. Tồn tại, hạn chế và phương hướng"));
                }
                case MODELS_ANNUAL -> {
                    sections.add(models(table, "I. Kết quả đăng ký, công nhận"));
                    sections.add(modelsByCommune(table));
                    sections.add(shortcomings(table, year, "III. Tồn tại, hạn chế và phương hướng"));
                }
                case MIDTERM_2025, FINAL_2030 -> {
                    int milestone = java.util.Objects.requireNonNull(kind.milestone());
                    sections.add(targets(table, series.get(0), milestone, years.get(years.size() - 1)));
                    sections.add(yearByYear(series, years, milestone));
                    sections.add(communesReaching(table, milestone));
                    sections.add(organisation(table).renumbered("IV."));
                    sections.add(shortcomings(table, year, "V. Tồn tại, hạn chế và phương hướng"));
                }
            }
        }
        if (sections.stream()
                .flatMap(s -> s.rows().stream())
                .flatMap(List::stream)
                .anyMatch(v -> v instanceof Report.Percent p && !p.mark().isEmpty())) {
            sections.add(Report.Section.text("Ghi chú", List.of(Report.Percent.LEGEND)));
        }
        progress.accept(70);
        return new Report(kind, locality.code(), locality.name(), period, issuance, sections, empty);
    }

    /** Each indicator in each year of the period, every year counted as of its own reference date. */
    private static Report.Section yearByYear(
            List<IndicatorService.IndicatorTable> series, List<ReportPeriod.YearAsOf> years, int milestone) {
        List<String> headers = new ArrayList<>();
        headers.add("Chỉ tiêu");
        years.forEach(y -> headers.add("Năm " + y.label()));
        headers.add("Mục tiêu " + milestone);
        List<List<Object>> rows = new ArrayList<>();
        IndicatorService.IndicatorTable last = series.get(series.size() - 1);
        for (int n = 0; n < last.total().size(); n++) {
            List<Object> row = new ArrayList<>();
            row.add(last.total().get(n).name());
            for (IndicatorService.IndicatorTable t : series) {
                row.add(Report.Percent.of(t.total().get(n)));
            }
            row.add(target(last.total().get(n), String.valueOf(milestone)));
            rows.add(row);
        }
        return new Report.Section(
                "II. Diễn biến từng năm",
                List.of(
                        "Mỗi năm tính trên sổ theo dõi như tại ngày 31/12 của năm đó (năm chưa hết: đến ngày lập báo cáo)."),
                headers,
                rows);
    }

    private static Report.Section organisation(IndicatorService.IndicatorTable table) {
        List<String> headers = List.of(
                "Địa bàn",
                "Khu dân cư có chi hội tổ chức phong trào",
                "Cơ quan, đơn vị có chi hội",
                "Dòng họ có ban khuyến học",
                "Cán bộ hội",
                "Hội viên",
                "Cán bộ đã học tập, quán triệt",
                "Hội viên đã học tập, quán triệt");
        List<List<Object>> rows = new ArrayList<>();
        rows.add(organisationRow("Toàn " + table.localityName(), table.total()));
        table.communes().forEach(c -> rows.add(organisationRow(c.name(), c.indicators())));
        Indicator members = by(table.total(), IndicatorDefinition.MEMBER_POLICY_STUDY);
        return new Report.Section(
                "I. Tổ chức hội, hội viên và học tập, quán triệt",
                List.of("Toàn " + table.localityName() + " có "
                        + number(by(table.total(), IndicatorDefinition.OFFICER_POLICY_STUDY)
                                .denominator()) + " cán bộ hội và "
                        + number(members.denominator()) + " hội viên; " + number(members.numerator())
                        + " hội viên đã được học tập, quán triệt chủ trương, chính sách về khuyến học ("
                        + new Report.Percent(members.value()) + ")."),
                headers,
                rows);
    }

    private static List<Object> organisationRow(String name, List<Indicator> i) {
        Indicator officers = by(i, IndicatorDefinition.OFFICER_POLICY_STUDY);
        Indicator members = by(i, IndicatorDefinition.MEMBER_POLICY_STUDY);
        return List.of(
                name,
                ratio(by(i, IndicatorDefinition.VILLAGE_CHAPTER_COVERAGE)),
                ratio(by(i, IndicatorDefinition.ORGANIZATION_CHAPTER_COVERAGE)),
                ratio(by(i, IndicatorDefinition.CLAN_CHAPTER_COVERAGE)),
                officers.denominator(),
                members.denominator(),
                Report.Percent.of(officers),
                Report.Percent.of(members));
    }

    private static Report.Section models(IndicatorService.IndicatorTable table, String title) {
        List<String> headers = List.of(
                "Danh hiệu / chỉ số",
                "Đăng ký",
                "Được công nhận",
                "Tổng số",
                "Tỷ lệ trên tổng",
                "Tỷ lệ trên số đăng ký",
                "Mục tiêu 2025",
                "Mục tiêu 2030");
        List<List<Object>> rows = new ArrayList<>();
        for (Indicator i : RATES.stream().map(d -> by(table.total(), d)).toList()) {
            rows.add(List.of(
                    i.name(),
                    i.registered() == null ? "" : i.registered(),
                    i.numerator(),
                    i.denominator(),
                    Report.Percent.of(i),
                    new Report.Percent(i.valueOfRegistered()),
                    target(i, "2025"),
                    target(i, "2030")));
        }
        return new Report.Section(
                title,
                List.of("Tỷ lệ tính trên hai mẫu số theo QĐ 387/QĐ-TTg: tất cả đối tượng trong sổ"
                        + " và các đối tượng đăng ký trong năm; danh hiệu còn hiệu lực từ năm trước được tính."),
                headers,
                rows);
    }

    private static Report.Section modelsByCommune(IndicatorService.IndicatorTable table) {
        List<String> headers = List.of(
                "Xã, phường",
                "Gia đình học tập",
                "Dòng họ học tập",
                "Cộng đồng học tập",
                "Đơn vị học tập",
                "Công dân học tập (lao động)",
                "Công dân học tập (công chức)");
        List<List<Object>> rows = new ArrayList<>();
        table.communes().forEach(c -> {
            List<Object> row = new ArrayList<>();
            row.add(c.name());
            RATES.forEach(d -> row.add(Report.Percent.of(by(c.indicators(), d))));
            rows.add(row);
        });
        return new Report.Section("II. Tỷ lệ công nhận theo xã, phường (trên tổng số)", List.of(), headers, rows);
    }

    private static Report.Section targets(
            IndicatorService.IndicatorTable table,
            IndicatorService.IndicatorTable baseline,
            int milestone,
            ReportPeriod.YearAsOf year) {
        List<String> headers = List.of(
                "Chỉ tiêu",
                "Kế hoạch",
                "Năm " + ProgrammeYear.FIRST,
                "Năm " + year.label(),
                "Mục tiêu " + milestone,
                "Đánh giá");
        List<List<Object>> rows = new ArrayList<>();
        for (int n = 0; n < table.total().size(); n++) {
            Indicator now = table.total().get(n);
            Double target = now.targets().get(String.valueOf(milestone));
            String verdict = target == null || now.value() == null
                    ? now.value() == null ? "Chưa có số liệu" : "Chưa có mục tiêu"
                    : now.value() >= target
                            ? "Đạt"
                            : "Chưa đạt (thiếu " + new Report.Percent(target - now.value()) + ")";
            rows.add(List.of(
                    now.name(),
                    now.plan() == null ? "" : now.plan(),
                    Report.Percent.of(baseline.total().get(n)),
                    Report.Percent.of(now),
                    target == null ? "" : new Report.Percent(target),
                    verdict));
        }
        return new Report.Section(
                "I. Kết quả thực hiện các chỉ tiêu so với mục tiêu " + milestone, List.of(), headers, rows);
    }

    private static Report.Section communesReaching(IndicatorService.IndicatorTable table, int milestone) {
        List<String> headers =
                List.of("Chỉ tiêu", "Số xã, phường đạt mục tiêu " + milestone, "Số xã, phường có số liệu");
        List<List<Object>> rows = new ArrayList<>();
        for (int n = 0; n < table.total().size(); n++) {
            int index = n;
            long reached = table.communes().stream()
                    .map(c -> c.indicators().get(index))
                    .filter(i -> i.value() != null
                            && i.targets().get(String.valueOf(milestone)) != null
                            && i.value() >= i.targets().get(String.valueOf(milestone)))
                    .count();
            long measured = table.communes().stream()
                    .filter(c -> c.indicators().get(index).value() != null)
                    .count();
            rows.add(List.of(table.total().get(n).name(), reached, measured));
        }
        return new Report.Section(
                "III. Xã, phường đạt mục tiêu (theo mục tiêu riêng nếu có)", List.of(), headers, rows);
    }

    /** The indicators below their next milestone's target, said plainly, and where to act. */
    private static Report.Section shortcomings(IndicatorService.IndicatorTable table, int year, String title) {
        String milestone = String.valueOf(year <= 2025 ? 2025 : 2030);
        List<String> paragraphs = new ArrayList<>();
        for (Indicator i : table.total()) {
            Double target = i.targets().get(milestone);
            if (target != null && i.value() != null && i.value() < target) {
                paragraphs.add("- " + i.name() + ": đạt " + Report.Percent.of(i) + ", mục tiêu " + milestone
                        + " là " + new Report.Percent(target) + " (còn thiếu " + new Report.Percent(target - i.value())
                        + "). Tập trung vào các xã, phường có tỷ lệ thấp nhất trên bảng điều khiển.");
            }
        }
        if (paragraphs.isEmpty()) {
            paragraphs.add("Các chỉ tiêu có mục tiêu đều đã đạt mức của mốc " + milestone + ".");
        }
        return Report.Section.text(title, paragraphs);
    }

    private static Indicator by(List<Indicator> indicators, IndicatorDefinition definition) {
        return indicators.stream()
                .filter(i -> i.code().equals(definition.code()))
                .findFirst()
                .orElseThrow();
    }

    private static String ratio(Indicator i) {
        return number(i.numerator()) + "/" + number(i.denominator());
    }

    private static Object target(Indicator i, String year) {
        Double value = i.targets().get(year);
        return value == null ? "" : new Report.Percent(value);
    }

    static String number(long n) {
        return String.format(VI, "%,d", n);
    }
}
