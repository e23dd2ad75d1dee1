package vn.khuyenhoc.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import vn.khuyenhoc.shared.PdfDocument;

/**
 * A report as a spreadsheet (heading, merged title rows, formatted tables, one sheet) or as a PDF in the official
 * layout (national motto, issuing body, number and symbol, place and date, recipients, signature block).
 */
@Component
class ReportDocuments {

    private static final int COLUMNS = 8;

    private final ITemplateEngine templates;

    ReportDocuments(ITemplateEngine templates) {
        this.templates = templates;
    }

    void pdf(Report report, OutputStream out) {
        Context context = new Context(Locale.forLanguageTag("vi"));
        context.setVariable("report", report);
        context.setVariable(
                "dateline",
                report.place() + ", ngày " + String.format("%02d", report.date().getDayOfMonth()) + " tháng "
                        + String.format("%02d", report.date().getMonthValue()) + " năm "
                        + report.date().getYear());
        PdfDocument.render(templates.process("reporting/report-pdf", context), out);
    }

    void xlsx(Report report, OutputStream out) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Báo cáo");
            Styles styles = new Styles(book);
            int r = 0;
            r = merged(
                    sheet,
                    r,
                    0,
                    2,
                    report.issuingBody(),
                    styles.boldCentre,
                    3,
                    4 + COLUMNS - 5,
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            r = merged(
                    sheet, r, 0, 2, "Số:        /BC-KH", styles.centre, 3, COLUMNS - 1, "Độc lập - Tự do - Hạnh phúc");
            r = merged(
                    sheet,
                    r,
                    0,
                    2,
                    "",
                    styles.centre,
                    3,
                    COLUMNS - 1,
                    report.place() + ", ngày "
                            + String.format(
                                    "%02d/%02d/%d",
                                    report.date().getDayOfMonth(),
                                    report.date().getMonthValue(),
                                    report.date().getYear()));
            r++;
            r = line(sheet, r, "BÁO CÁO", styles.title);
            r = line(sheet, r, report.title(), styles.boldCentre);
            r = line(
                    sheet, r, "Địa bàn: " + report.localityName() + " · Kỳ báo cáo: " + report.period(), styles.centre);
            r++;
            for (Report.Section section : report.sections()) {
                r = line(sheet, r, section.title(), styles.bold);
                for (String paragraph : section.paragraphs()) {
                    r = line(sheet, r, paragraph, styles.wrap);
                }
                if (!section.headers().isEmpty()) {
                    Row header = sheet.createRow(r++);
                    header.setHeightInPoints(45);
                    for (int c = 0; c < section.headers().size(); c++) {
                        cell(header, c, section.headers().get(c), styles.header);
                    }
                    for (List<Object> values : section.rows()) {
                        Row row = sheet.createRow(r++);
                        for (int c = 0; c < values.size(); c++) {
                            Object v = values.get(c);
                            if (v instanceof Report.Percent p && p.value() != null) {
                                Cell cell = row.createCell(c);
                                cell.setCellValue(p.value() / 100);
                                cell.setCellStyle(styles.percent);
                            } else if (v instanceof Number n) {
                                Cell cell = row.createCell(c);
                                cell.setCellValue(n.doubleValue());
                                cell.setCellStyle(styles.number);
                            } else {
                                cell(row, c, String.valueOf(v), c == 0 ? styles.text : styles.textCentre);
                            }
                        }
                    }
                }
                r++;
            }
            r++;
            merged(
                    sheet,
                    r,
                    0,
                    2,
                    "Nơi nhận: như kính gửi; lưu VP.",
                    styles.wrap,
                    3,
                    COLUMNS - 1,
                    "TM. BAN THƯỜNG VỤ\nCHỦ TỊCH");
            sheet.setColumnWidth(0, 40 * 256);
            for (int c = 1; c < COLUMNS; c++) {
                sheet.setColumnWidth(c, 17 * 256);
            }
            sheet.getPrintSetup().setLandscape(true);
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int merged(
            Sheet sheet,
            int r,
            int from,
            int to,
            String left,
            CellStyle style,
            int rightFrom,
            int rightTo,
            String right) {
        Row row = sheet.createRow(r);
        cell(row, from, left, style);
        sheet.addMergedRegion(new CellRangeAddress(r, r, from, to));
        cell(row, rightFrom, right, style);
        sheet.addMergedRegion(new CellRangeAddress(r, r, rightFrom, rightTo));
        return r + 1;
    }

    private static int line(Sheet sheet, int r, String text, CellStyle style) {
        Row row = sheet.createRow(r);
        cell(row, 0, text, style);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, COLUMNS - 1));
        if (text.length() > 120) {
            row.setHeightInPoints(15 * (1 + text.length() / 120f));
        }
        return r + 1;
    }

    private static void cell(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        // a text starting like a formula stays text in any program that reads the file
        cell.setCellValue(text.matches("^[=+@\\t\\r].*") ? "'" + text : text);
        cell.setCellStyle(style);
    }

    /** The few cell styles of a report. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle bold;
        final CellStyle boldCentre;
        final CellStyle centre;
        final CellStyle wrap;
        final CellStyle header;
        final CellStyle text;
        final CellStyle textCentre;
        final CellStyle number;
        final CellStyle percent;

        Styles(XSSFWorkbook book) {
            Font boldFont = book.createFont();
            boldFont.setBold(true);
            Font titleFont = book.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            title = style(book, titleFont, HorizontalAlignment.CENTER, false, false);
            bold = style(book, boldFont, HorizontalAlignment.LEFT, false, false);
            boldCentre = style(book, boldFont, HorizontalAlignment.CENTER, true, false);
            centre = style(book, null, HorizontalAlignment.CENTER, true, false);
            wrap = style(book, null, HorizontalAlignment.LEFT, true, false);
            header = style(book, boldFont, HorizontalAlignment.CENTER, true, true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = style(book, null, HorizontalAlignment.LEFT, true, true);
            textCentre = style(book, null, HorizontalAlignment.CENTER, true, true);
            number = style(book, null, HorizontalAlignment.RIGHT, false, true);
            number.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            percent = style(book, null, HorizontalAlignment.RIGHT, false, true);
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
        }

        private static CellStyle style(
                XSSFWorkbook book, Font font, HorizontalAlignment align, boolean wrap, boolean border) {
            CellStyle style = book.createCellStyle();
            if (font != null) {
                style.setFont(font);
            }
            style.setAlignment(align);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            style.setWrapText(wrap);
            if (border) {
                style.setBorderTop(BorderStyle.THIN);
                style.setBorderBottom(BorderStyle.THIN);
                style.setBorderLeft(BorderStyle.THIN);
                style.setBorderRight(BorderStyle.THIN);
            }
            return style;
        }
    }
}
