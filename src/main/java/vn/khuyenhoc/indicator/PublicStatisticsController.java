package vn.khuyenhoc.indicator;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyenhoc.shared.ExportFormat;
import vn.khuyenhoc.shared.ProgrammeYear;
import vn.khuyenhoc.shared.TableWriter;

/**
 * Public statistics without sign-in: the province's progress toward each target and a table by commune, open data as
 * CSV and JSON (per commune and year). Aggregates only; the same table is {@code GET /api/v1/public/indicators}.
 */
@Controller
class PublicStatisticsController {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    /** One figure of the open data: an indicator of a commune (or the province) in a year. */
    record OpenDataRow(
            int year,
            String localityCode,
            String localityName,
            String indicator,
            long numerator,
            long denominator,
            @Nullable Double value,
            @Nullable Long registered,
            @Nullable Double valueOfRegistered,
            String origin) {}

    private final IndicatorSnapshots statistics;

    PublicStatisticsController(IndicatorSnapshots statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/public/statistics")
    String page(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String q,
            Model model) {
        IndicatorSnapshots.Snapshot snapshot = statistics.province(year);
        model.addAttribute("table", snapshot.table());
        // a phone lists the communes a search by name finds (typed with or without diacritics), not all of them
        String query = vn.khuyenhoc.shared.VietnameseText.fold(q).trim();
        model.addAttribute("q", q == null ? "" : q.trim());
        model.addAttribute(
                "found",
                query.isEmpty()
                        ? List.of()
                        : snapshot.table().communes().stream()
                                .filter(c -> vn.khuyenhoc.shared.VietnameseText.fold(c.name())
                                        .contains(query))
                                .toList());
        model.addAttribute("computedAt", STAMP.format(snapshot.computedAt()));
        model.addAttribute("years", ProgrammeYear.newestFirst());
        return "indicator/public";
    }

    /**
     * The open data as files: a problem detail (RFC 9457), not a page, answers a bad {@code year}, and it is checked
     * before the first byte is written.
     */
    @RestController
    static class OpenData {

        private final IndicatorSnapshots statistics;

        OpenData(IndicatorSnapshots statistics) {
            this.statistics = statistics;
        }

        @GetMapping(path = "/public/indicators.json", produces = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<List<OpenDataRow>> json(@RequestParam(required = false) @Nullable Integer year) {
            List<OpenDataRow> rows = rows(year);
            return ResponseEntity.ok()
                    .header(
                            "Content-Disposition",
                            "attachment; filename=\"chi-so-khuyen-hoc" + suffix(year) + ".json\"")
                    .body(rows);
        }

        @GetMapping("/public/indicators.csv")
        void csv(@RequestParam(required = false) @Nullable Integer year, HttpServletResponse response)
                throws IOException {
            List<OpenDataRow> rows = rows(year); // checks the year before the first byte
            try (TableWriter writer = new TableWriter(
                    ExportFormat.CSV,
                    ExportFormat.CSV.download(response, "chi-so-khuyen-hoc" + suffix(year)),
                    "Chỉ số",
                    List.of(
                            "year",
                            "locality_code",
                            "locality_name",
                            "indicator",
                            "numerator",
                            "denominator",
                            "value_percent",
                            "registered",
                            "value_of_registered_percent",
                            "origin"))) {
                for (OpenDataRow r : rows) {
                    writer.row(Arrays.asList(
                            r.year(),
                            r.localityCode(),
                            r.localityName(),
                            r.indicator(),
                            r.numerator(),
                            r.denominator(),
                            r.value(),
                            r.registered(),
                            r.valueOfRegistered(),
                            r.origin()));
                }
            }
        }

        /** Every year of the programme when none is asked for; the province first, then its communes. */
        private List<OpenDataRow> rows(@Nullable Integer year) {
            List<Integer> years =
                    year == null ? ProgrammeYear.oldestFirst() : List.of(ProgrammeYear.check(year, "year"));
            List<OpenDataRow> rows = new ArrayList<>();
            for (int y : years) {
                IndicatorService.IndicatorTable table = statistics.province(y).table();
                table.total().forEach(i -> rows.add(row(y, table.locality(), table.localityName(), i)));
                table.communes().forEach(c -> c.indicators().forEach(i -> rows.add(row(y, c.code(), c.name(), i))));
            }
            return rows;
        }
    }

    private static OpenDataRow row(int year, String code, String name, Indicator i) {
        return new OpenDataRow(
                year,
                code,
                name,
                i.code(),
                i.numerator(),
                i.denominator(),
                i.value(),
                i.registered(),
                i.valueOfRegistered(),
                i.origin());
    }

    private static String suffix(@Nullable Integer year) {
        return year == null ? "" : "-" + year;
    }
}
