package vn.khuyenhoc.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
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

    /** The narrowest a report's sheet is: the heading's two blocks need eight columns. */
    private static final int MIN_COLUMNS = 8;

    private final ITemplateEngine templates;

    ReportDocuments(ITemplateEngine templates) {
        this.templates = templates;
    }

    void pdf(Report report, OutputStream out) {
        Context context = new Context(Locale.forLanguageTag("vi"));
        context.setVariable("report", report);
        context.setVariable("issuance", report.issuance());
        context.setVariable("issuer", report.issuance().issuer());
        PdfDocument.render(templates.process("reporting/report-pdf", context), out);
    }

    /**
     * The report on one sheet in the official layout, printed on A4 fitted to the page width (landscape when wide),
     * the header of its longest table repeated on every page.
     */
    void xlsx(Report report, OutputStream out) {
        int columns = Math.max(
                MIN_COLUMNS,
                report.sections().stream()
                        .mapToInt(s -> s.headers().size())
                        .max()
                        .orElse(0));
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Báo cáo");
            Styles styles = new Styles(book);
            Issuance issuance = report.issuance();
            ReportIssuer issuer = issuance.issuer();
            List<String> left = new ArrayList<>();
            if (!issuer.superiorBody().isEmpty()) {
                left.add(issuer.superiorBody());
            }
            left.add(issuer.issuingBody());
            left.add(issuance.numberLine());
            List<String> right =
                    List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", issuance.dateline());
            int r = 0;
            for (int n = 0; n < Math.max(left.size(), right.size()); n++) {
                String l = n < left.size() ? left.get(n) : "";
                CellStyle leftStyle = l.equals(issuer.issuingBody()) ? styles.boldCentre : styles.centre;
                CellStyle rightStyle = n == right.size() - 1 ? styles.italicCentre : styles.boldCentre;
                r = merged(
                        sheet, r, 0, 2, l, leftStyle, 3, columns - 1, n < right.size() ? right.get(n) : "", rightStyle);
            }
            r++;
            r = line(sheet, r, "BÁO CÁO", styles.title, columns);
            r = line(sheet, r, report.title(), styles.boldCentre, columns);
            r = line(
                    sheet,
                    r,
                    "Địa bàn: " + report.localityName() + " · Kỳ báo cáo: "
                            + report.period().text(),
                    styles.centre,
                    columns);
            r++;
            int repeatedHeader = -1;
            int longest = 0;
            for (Report.Section section : report.sections()) {
                r = line(sheet, r, section.title(), styles.bold, columns);
                for (String paragraph : section.paragraphs()) {
                    r = line(sheet, r, paragraph, styles.wrap, columns);
                }
                if (!section.headers().isEmpty()) {
                    if (section.rows().size() > longest) {
                        longest = section.rows().size();
                        repeatedHeader = r;
                    }
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
                                // a number still, its origin in the format: “76,4% (BC)”
                                Cell cell = row.createCell(c);
                                cell.setCellValue(p.value() / 100);
                                cell.setCellStyle(styles.percent(book, p.mark()));
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
            List<String> recipients = new ArrayList<>();
            recipients.add("Nơi nhận:");
            recipients.addAll(issuer.recipientLines());
            List<String> signature = new ArrayList<>(issuer.signerTitleLines());
            signature.addAll(List.of("", "", ""));
            signature.add(issuer.signerName());
            for (int n = 0; n < Math.max(recipients.size(), signature.size()); n++) {
                r = merged(
                        sheet,
                        r,
                        0,
                        2,
                        n < recipients.size() ? recipients.get(n) : "",
                        n == 0 ? styles.boldItalic : styles.small,
                        3,
                        columns - 1,
                        n < signature.size() ? signature.get(n) : "",
                        styles.boldCentre);
            }
            sheet.setColumnWidth(0, 40 * 256);
            for (int c = 1; c < columns; c++) {
                sheet.setColumnWidth(c, (columns > MIN_COLUMNS ? 12 : 17) * 256);
            }
            printSetup(sheet, repeatedHeader, 40 + (columns - 1) * (columns > MIN_COLUMNS ? 12 : 17));
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A4, fitted to the page width and as many pages long as it takes, landscape when wider than a portrait page holds
     * (about 100 characters), margins as NĐ 30 sets them (left 30 mm, right 15 mm, top and bottom 20 mm), the header
     * of the longest table repeated at the top of each page.
     */
    private static void printSetup(Sheet sheet, int repeatedHeader, int widthInCharacters) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(widthInCharacters > 100);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setMargin(PageMargin.LEFT, 30 / 25.4);
        sheet.setMargin(PageMargin.RIGHT, 15 / 25.4);
        sheet.setMargin(PageMargin.TOP, 20 / 25.4);
        sheet.setMargin(PageMargin.BOTTOM, 20 / 25.4);
        if (repeatedHeader >= 0) {
            sheet.setRepeatingRows(new CellRangeAddress(repeatedHeader, repeatedHeader, -1, -1));
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
            String right,
            CellStyle rightStyle) {
        Row row = sheet.createRow(r);
        cell(row, from, left, style);
        sheet.addMergedRegion(new CellRangeAddress(r, r, from, to));
        cell(row, rightFrom, right, rightStyle);
        sheet.addMergedRegion(new CellRangeAddress(r, r, rightFrom, rightTo));
        return r + 1;
    }

    private static int line(Sheet sheet, int r, String text, CellStyle style, int columns) {
        Row row = sheet.createRow(r);
        cell(row, 0, text, style);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, columns - 1));
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
        final CellStyle italicCentre;
        final CellStyle boldItalic;
        final CellStyle small;
        final CellStyle centre;
        final CellStyle wrap;
        final CellStyle header;
        final CellStyle text;
        final CellStyle textCentre;
        final CellStyle number;
        final CellStyle percent;
        private final Map<String, CellStyle> marked = new HashMap<>();

        /** The percentage style, with the origin's mark after the number when it has one. */
        CellStyle percent(XSSFWorkbook book, String mark) {
            if (mark.isEmpty()) {
                return percent;
            }
            return marked.computeIfAbsent(mark, m -> {
                CellStyle style = book.createCellStyle();
                style.cloneStyleFrom(percent);
                style.setDataFormat(book.createDataFormat().getFormat("0.0%\" (" + m + ")\""));
                return style;
            });
        }

        Styles(XSSFWorkbook book) {
            // NĐ 30 sets official documents in Times New Roman; the sheet asks for it (the reader's machine has it)
            Font body = book.getFontAt(0);
            body.setFontName("Times New Roman");
            body.setFontHeightInPoints((short) 12);
            Font boldFont = book.createFont();
            Font italicFont = book.createFont();
            italicFont.setItalic(true);
            Font boldItalicFont = book.createFont();
            boldItalicFont.setBold(true);
            boldItalicFont.setItalic(true);
            Font smallFont = book.createFont();
            smallFont.setFontHeightInPoints((short) 11);
            for (Font f : List.of(boldFont, italicFont, boldItalicFont, smallFont)) {
                f.setFontName("Times New Roman");
            }
            italicCentre = style(book, italicFont, HorizontalAlignment.CENTER, true, false);
            boldItalic = style(book, boldItalicFont, HorizontalAlignment.LEFT, false, false);
            small = style(book, smallFont, HorizontalAlignment.LEFT, false, false);
            boldFont.setBold(true);
            Font titleFont = book.createFont();
            titleFont.setFontName("Times New Roman");
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
