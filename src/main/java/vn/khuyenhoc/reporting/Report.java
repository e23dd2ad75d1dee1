package vn.khuyenhoc.reporting;

import java.util.List;
import org.jspecify.annotations.Nullable;

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

    /** A percentage with one decimal, shown as “76,4%”; none when its denominator is zero. */
    record Percent(@Nullable Double value) {

        @Override
        public String toString() {
            return value == null ? "—" : String.format(java.util.Locale.forLanguageTag("vi"), "%.1f%%", value);
        }
    }

    public String title() {
        return kind.title() + (kind.milestone() == null ? " " + period.year() : "");
    }
}
