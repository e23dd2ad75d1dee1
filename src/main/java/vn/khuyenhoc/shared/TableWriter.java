package vn.khuyenhoc.shared;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Writes a list to XLSX or CSV row by row, so that an export of a million rows streams instead of filling memory.
 * Text that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) is neutralised.
 */
public final class TableWriter implements AutoCloseable {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ExportFormat format;
    private final OutputStream out;
    private @Nullable SXSSFWorkbook workbook;
    private @Nullable Sheet sheet;
    private @Nullable CSVPrinter csv;
    private int rowIndex;

    public TableWriter(ExportFormat format, OutputStream out, String sheetName, List<String> headers) {
        this.format = format;
        this.out = out;
        try {
            if (format == ExportFormat.XLSX) {
                SXSSFWorkbook book = new SXSSFWorkbook(200);
                Sheet first = book.createSheet(sheetName);
                CellStyle bold = book.createCellStyle();
                Font font = book.createFont();
                font.setBold(true);
                bold.setFont(font);
                Row header = first.createRow(rowIndex++);
                for (int i = 0; i < headers.size(); i++) {
                    Cell cell = header.createCell(i);
                    cell.setCellValue(headers.get(i));
                    cell.setCellStyle(bold);
                    first.setColumnWidth(
                            i, Math.min(60, Math.max(12, headers.get(i).length() + 4)) * 256);
                }
                first.createFreezePane(0, 1);
                this.workbook = book;
                this.sheet = first;
            } else {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // BOM: Excel then reads UTF-8
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                this.csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
                csv.printRecord(headers);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends one row; values may be text, numbers, dates, booleans or null. */
    public void row(List<?> values) {
        try {
            if (format == ExportFormat.XLSX && sheet != null) {
                Row row = sheet.createRow(rowIndex++);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value instanceof Number number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    } else if (value != null) {
                        row.createCell(i).setCellValue(text(value));
                    }
                }
            } else if (csv != null) {
                csv.printRecord(values.stream()
                        .map(value -> value == null ? "" : value instanceof Number ? value.toString() : text(value))
                        .toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An import template: the column headers on the first sheet, and on a second sheet the codes and names of the
     * localities the user may use, so that a clerk copies codes instead of guessing them.
     */
    public static void template(OutputStream out, List<String> headers, List<List<String>> localities) {
        template(out, headers, List.of(), "Địa bàn", List.of("Mã địa bàn", "Tên", "Thuộc"), localities);
    }

    /**
     * An import template with data rows already filled (a roster to tick, a chapter's code), and a reference sheet
     * of the codes the user may use.
     */
    public static void template(
            OutputStream out,
            List<String> headers,
            List<List<String>> rows,
            String referenceSheet,
            List<String> referenceHeaders,
            List<List<String>> reference) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Sheet data = book.createSheet("Dữ liệu");
            fill(data, headers, rows);
            for (int i = 0; i < headers.size(); i++) {
                data.setColumnWidth(i, Math.max(14, headers.get(i).length() + 4) * 256);
            }
            Sheet places = book.createSheet(referenceSheet);
            fill(places, referenceHeaders, reference);
            places.setColumnWidth(1, 32 * 256);
            places.setColumnWidth(2, 32 * 256);
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(Sheet sheet, List<String> headers, List<List<String>> rows) {
        Row header = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            header.createCell(i).setCellValue(headers.get(i));
        }
        int r = 1;
        for (List<String> values : rows) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < values.size(); i++) {
                row.createCell(i).setCellValue(neutralise(values.get(i)));
            }
        }
    }

    /** Text as it is safe to put in a cell: a leading formula character gets an apostrophe in front. */
    public static String neutralise(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static String text(Object value) {
        if (value instanceof LocalDate date) {
            return date.format(DATE);
        }
        if (value instanceof Boolean flag) {
            return flag ? "Có" : "Không";
        }
        return neutralise(value.toString());
    }

    @Override
    public void close() {
        try {
            if (workbook != null) {
                workbook.write(out);
                workbook.close();
            } else if (csv != null) {
                csv.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
