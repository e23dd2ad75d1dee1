package vn.khuyenhoc.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The rows of an uploaded spreadsheet (XLSX, XLS) or CSV file, first sheet only, with the row numbers a person sees
 * in the spreadsheet so that every error can name its row. Cells come back as cleaned NFC text; blank rows are
 * skipped.
 */
public record TabularFile(String fileName, List<TabularRow> rows) {

    public static final int MAX_ROWS = 200_000;

    /** One non-blank row: its number in the file (1 for the first line) and its cells. */
    public record TabularRow(int number, List<String> cells) {

        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    /** An uploaded file, read by its name's extension. */
    public static TabularFile read(org.springframework.web.multipart.MultipartFile file) throws java.io.IOException {
        return read(String.valueOf(file.getOriginalFilename()), file.getBytes());
    }

    public static TabularFile read(String fileName, byte[] content) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (content.length == 0) {
            throw new InvalidInputException("file", "Tệp rỗng: hãy chọn một tệp có dữ liệu.");
        }
        try {
            if (lower.endsWith(".csv")) {
                return new TabularFile(fileName, readCsv(content));
            }
            if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
                return new TabularFile(fileName, readWorkbook(content));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException(
                    "file", "Không đọc được tệp “" + fileName + "”: tệp hỏng hoặc không đúng định dạng.");
        }
        throw new InvalidInputException("file", "Chỉ nhận tệp Excel (.xlsx, .xls) hoặc CSV (.csv).");
    }

    private static List<TabularRow> readCsv(byte[] content) throws IOException {
        BOMInputStream input = BOMInputStream.builder()
                .setInputStream(new ByteArrayInputStream(content))
                .get();
        String firstLine = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8);
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        // empty lines are kept (and skipped below) so that row numbers match the lines a person sees
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .get();
        List<TabularRow> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(input, StandardCharsets.UTF_8)) {
            int number = 0;
            for (CSVRecord record : format.parse(reader)) {
                number++;
                List<String> cells = new ArrayList<>();
                record.forEach(value -> cells.add(VietnameseText.cleanOrEmpty(value)));
                add(rows, new TabularRow(number, cells));
            }
        }
        return rows;
    }

    private static List<TabularRow> readWorkbook(byte[] content) throws IOException {
        List<TabularRow> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : VietnameseText.cleanOrEmpty(text(cell, formatter)));
                }
                add(rows, new TabularRow(row.getRowNum() + 1, cells));
            }
        }
        return rows;
    }

    /** Dates become ISO text (2024-01-15) whatever the cell's display format, so that no day and month are swapped. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return formatter.formatCellValue(cell);
    }

    private static void add(List<TabularRow> rows, TabularRow row) {
        if (row.cells().stream().allMatch(String::isEmpty)) {
            return;
        }
        if (rows.size() >= MAX_ROWS) {
            throw new InvalidInputException("file", "Tệp có quá " + MAX_ROWS + " dòng: hãy chia thành nhiều tệp.");
        }
        rows.add(row);
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }
}
