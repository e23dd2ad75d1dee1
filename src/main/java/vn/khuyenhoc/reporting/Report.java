package vn.khuyenhoc.reporting;

import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.khuyenhoc.indicator.Indicator;

/**
 * A report's content, independent of its format: heading facts and sections of text and tables. Cells are text or
 * numbers (a percentage is a {@link Percent}); an empty report says there is no data instead of showing zeros.
 */
record Report(
        ReportKind kind,
        String localityCode,
        String localityName,
        ReportPeriod period,
        Issuance issuance,
        List<Section> sections,
        boolean empty) {

    /** A section: a heading, paragraphs, and optionally a table. */
    record Section(String title, List<String> paragraphs, List<String> headers, List<List<Object>> rows) {

        static Section text(String title, List<String> paragraphs) {
            return new Section(title, paragraphs, List.of(), List.of());
        }

        /** The same section under another number ("IV.") where a report places it later. */
        Section renumbered(String number) {
            return new Section(title.replaceFirst("^[IVX]+\\.", number), paragraphs, headers, rows);
        }
    }

    /**
     * A percentage with one decimal, shown as “76,4%”; “chưa có số liệu” when there is none. A value taken from past
     * paper reports carries its mark: “(BC)” reported, “(BC+HS)” reported and computed together (see the legend).
     */
    record Percent(@Nullable Double value, String mark) {

        static final String LEGEND = "Ghi chú: (BC) số liệu lấy từ báo cáo các năm trước khi dùng hệ thống;"
                + " (BC+HS) gộp số liệu báo cáo với số liệu tính từ hồ sơ; các số khác tính từ hồ sơ theo dõi."
                + " “Chưa có số liệu”: năm đó chưa có hồ sơ hay báo cáo nào cho chỉ tiêu.";

        Percent(@Nullable Double value) {
            this(value, "");
        }

        /** An indicator's value with the mark of its origin. */
        static Percent of(Indicator indicator) {
            String mark = switch (indicator.origin()) {
                case Indicator.REPORTED -> "BC";
                case Indicator.MIXED -> "BC+HS";
                default -> "";
            };
            return new Percent(indicator.value(), mark);
        }

        @Override
        public String toString() {
            if (value == null) {
                return "chưa có số liệu";
            }
            String percent = String.format(java.util.Locale.forLanguageTag("vi"), "%.1f%%", value);
            return mark.isEmpty() ? percent : percent + " (" + mark + ")";
        }
    }

    public String title() {
        return kind.title() + (kind.milestone() == null ? " " + period.year() : "");
    }
}
