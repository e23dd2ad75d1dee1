package vn.khuyenhoc.shared;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of an import file, found by the names in its header row: the first row among the first {@value
 * #HEADER_SEARCH_ROWS} that names the most known columns, so that a title (“DANH SÁCH HỘ GIA ĐÌNH”) above it is
 * skipped. Each column has a code name ({@code head_name}) and the Vietnamese header of the template ({@code Họ tên
 * chủ hộ}); either is accepted, in any case, with or without diacritics.
 */
public final class ImportColumns {

    /** A column the import knows: its code, its Vietnamese header and whether a file must have it. */
    public record Column(String code, String header, boolean required) {}

    static final int HEADER_SEARCH_ROWS = 10;

    private final Map<String, Integer> indexes = new HashMap<>();
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private int headerIndex;

    private ImportColumns(List<Column> known, TabularFile.TabularRow header) {
        Map<String, Column> byName = new HashMap<>();
        for (Column column : known) {
            columns.put(column.code(), column);
            byName.put(key(column.code()), column);
            byName.put(key(column.header()), column);
        }
        for (int i = 0; i < header.cells().size(); i++) {
            Column column = byName.get(key(header.cell(i)));
            if (column != null) {
                indexes.putIfAbsent(column.code(), i);
            }
        }
    }

    /**
     * Finds and reads the header row; a missing required column is reported as an error of that row (of the first
     * row when no row names a known column).
     */
    public static ImportColumns of(List<Column> known, TabularFile file, List<ImportResult.RowError> errors) {
        if (file.rows().isEmpty()) {
            errors.add(new ImportResult.RowError(1, "", "Tệp không có dòng nào."));
            return new ImportColumns(known, new TabularFile.TabularRow(1, List.of()));
        }
        ImportColumns columns = new ImportColumns(known, file.rows().get(0));
        for (int i = 1; i < Math.min(HEADER_SEARCH_ROWS, file.rows().size()); i++) {
            ImportColumns candidate = new ImportColumns(known, file.rows().get(i));
            if (candidate.indexes.size() > columns.indexes.size()) {
                columns = candidate;
                columns.headerIndex = i;
            }
        }
        TabularFile.TabularRow header = file.rows().get(columns.headerIndex);
        for (Column column : known) {
            if (column.required() && !columns.indexes.containsKey(column.code())) {
                errors.add(new ImportResult.RowError(
                        header.number(),
                        column.header(),
                        "Thiếu cột “" + column.header() + "” (hoặc " + column.code() + ") ở dòng tiêu đề."));
            }
        }
        return columns;
    }

    /** The cleaned text of a column in a row, empty when the file has no such column. */
    public String get(TabularFile.TabularRow row, String code) {
        Integer index = indexes.get(code);
        return index == null ? "" : row.cell(index);
    }

    /**
     * An optional date column of a row: null when blank; a text that is not a date is an error of that row and column
     * (and null).
     */
    public java.time.@org.jspecify.annotations.Nullable LocalDate date(
            TabularFile.TabularRow row, String code, List<ImportResult.RowError> errors) {
        String text = get(row, code);
        if (text.isEmpty()) {
            return null;
        }
        var date = parseDate(text);
        if (date.isEmpty()) {
            errors.add(new ImportResult.RowError(
                    row.number(), header(code), "Ngày “" + text + "” không hợp lệ (ghi dd/mm/yyyy)."));
            return null;
        }
        return date.get();
    }

    /**
     * The header a person sees for a column, named by its code ({@code school_level}) or by the form field a
     * validation problem names ({@code schoolLevel}), so that every import reports form errors in its own columns.
     */
    public String header(String code) {
        if (!columns.containsKey(code)) {
            code = code.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        }
        Column column = columns.get(code);
        return column == null ? code : column.header();
    }

    /** The data rows: every row after the header. */
    public List<TabularFile.TabularRow> dataRows(TabularFile file) {
        return file.rows().isEmpty()
                ? List.of()
                : file.rows().subList(headerIndex + 1, file.rows().size());
    }

    /** An optional whole number within bounds, or an error message. */
    public static Optional<String> checkCount(String text, int max) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!text.matches("\\d{1,7}") || Integer.parseInt(text) > max) {
            return Optional.of("“" + text + "” không phải số nguyên từ 0 đến " + max + ".");
        }
        return Optional.empty();
    }

    private static final java.util.List<java.time.format.DateTimeFormatter> DATE_FORMATS = java.util.List.of(
            java.time.format.DateTimeFormatter.ISO_LOCAL_DATE,
            java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu"),
            java.time.format.DateTimeFormatter.ofPattern("d-M-uuuu"),
            java.time.format.DateTimeFormatter.ofPattern("d.M.uuuu"));

    /** A date written 15/01/2024 (Vietnamese order), 2024-01-15, or taken from a date cell; empty when blank. */
    public static Optional<java.time.LocalDate> parseDate(String text) {
        for (java.time.format.DateTimeFormatter format : DATE_FORMATS) {
            try {
                return Optional.of(java.time.LocalDate.parse(
                        text, format.withResolverStyle(java.time.format.ResolverStyle.STRICT)));
            } catch (java.time.format.DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    private static String key(String name) {
        return VietnameseText.fold(name)
                .replace('_', ' ')
                .replaceAll("[^a-z0-9 ]", "")
                .strip();
    }
}
