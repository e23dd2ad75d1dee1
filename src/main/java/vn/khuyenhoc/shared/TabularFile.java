package vn.khuyenhoc.shared;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The rows of an uploaded spreadsheet (XLSX, XLS) or CSV file, first visible sheet only, with the row numbers a
 * person sees in the spreadsheet so that every error can name its row. Cells come back as cleaned NFC text (formula
 * cells by their last computed value, dates as ISO text); blank rows are skipped.
 *
 * <p>Memory stays bounded whatever the file: an XLSX is read row by row from a temporary file with POI's event API,
 * every part counted as it inflates, and a file with more rows, columns, cells or longer cells than the limits below
 * is refused with a message that says which limit and where.
 */
public record TabularFile(String fileName, List<TabularRow> rows) {

    /** Data rows: a file may have up to ten more (its header, a title above it). */
    public static final int MAX_ROWS = 200_000;

    public static final int MAX_COLUMNS = 100;
    public static final int MAX_CELL_LENGTH = 1_000;
    /** Non-blank cells kept: 200,000 households of seven columns fit, and the heap they take stays well under 100 MB. */
    public static final int MAX_CELLS = 1_500_000;
    /**
     * Characters kept, counting each repeated short value once: with the cell limit, what a file holds in memory stays
     * near 100 MB at worst, while 200,000 households (about 6 million characters) fit.
     */
    public static final long MAX_CHARACTERS = 16_000_000;
    /** Inflated XML of the sheet: 200,000 ordinary rows are 60-100 MB. */
    static final long MAX_SHEET_BYTES = 300L * 1024 * 1024;
    /** Inflated XML of the shared strings, the styles or the workbook list, all held in memory by POI. */
    static final long MAX_PART_BYTES = 32L * 1024 * 1024;
    /** Inflated XML without a single cell or row ending: a cell of a million characters never reaches memory. */
    static final long MAX_BYTES_WITHOUT_CELL = 2L * 1024 * 1024;
    /**
     * An .xls is read whole by POI (no row-by-row reader for the user model); it is uncompressed and capped at 65,536
     * rows by its format, so a 4 MB one takes a few tens of MB of heap. Bigger ones are asked for as .xlsx.
     */
    static final int MAX_XLS_BYTES = 4 * 1024 * 1024;

    /** One non-blank row: its number in the file (1 for the first line) and its cells. */
    public record TabularRow(int number, List<String> cells) {

        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    /** An uploaded file, read by its name's extension. */
    public static TabularFile read(org.springframework.web.multipart.MultipartFile file) throws IOException {
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
            if (lower.endsWith(".xlsx")) {
                return new TabularFile(fileName, readXlsx(content));
            }
            if (lower.endsWith(".xls")) {
                return new TabularFile(fileName, readXls(content));
            }
        } catch (IOException | RuntimeException | SAXException | ParserConfigurationException | OpenXML4JException e) {
            InvalidInputException invalid = invalidCause(e);
            if (invalid != null) {
                throw invalid;
            }
            if (String.valueOf(e.getMessage()).contains("Zip bomb")) {
                // POI's own guard: a part that inflates more than a hundred times its compressed size
                throw new InvalidInputException(
                        "file",
                        "Tệp “" + fileName + "” nén bất thường (giải nén ra gấp hơn 100 lần): hãy mở tệp bằng Excel"
                                + " và lưu lại, hoặc chia thành nhiều tệp.");
            }
            throw new InvalidInputException(
                    "file", "Không đọc được tệp “" + fileName + "”: tệp hỏng hoặc không đúng định dạng.");
        }
        throw new InvalidInputException("file", "Chỉ nhận tệp Excel (.xlsx, .xls) hoặc CSV (.csv).");
    }

    /** A refusal thrown from inside a parser (a limit or a bad cell) may come back wrapped: it is the answer. */
    private static @Nullable InvalidInputException invalidCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException invalid) {
                return invalid;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    // ---- CSV

    private static List<TabularRow> readCsv(byte[] content) throws IOException {
        Charset charset = StandardCharsets.UTF_8;
        int start = 0;
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            start = 3;
        } else if (startsWith(content, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            start = 2;
        } else if (startsWith(content, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            start = 2;
        }
        String head = new String(content, start, Math.min(content.length - start, 4096), charset);
        String firstLine = head.lines().findFirst().orElse("");
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        // empty lines are kept (and skipped below) so that row numbers match the lines a person sees
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .get();
        // REPORT, not the default REPLACE: bytes that are not text in this encoding must never become U+FFFD
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Rows rows = new Rows();
        try (Reader reader =
                new InputStreamReader(new ByteArrayInputStream(content, start, content.length - start), decoder)) {
            int number = 0;
            for (CSVRecord record : format.parse(reader)) {
                number++;
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                rows.add(number, cells);
            }
        } catch (CharacterCodingException | UncheckedIOException e) {
            if (e instanceof CharacterCodingException || e.getCause() instanceof CharacterCodingException) {
                throw new InvalidInputException(
                        "file",
                        "Tệp CSV không phải chữ UTF-8 (dòng " + badLine(content, start, charset)
                                + " có ký tự không đọc được, có thể tệp được lưu bằng mã Windows-1258 hoặc TCVN3):"
                                + " hãy mở tệp bằng Excel và lưu lại với kiểu “CSV UTF-8 (Comma delimited)”.");
            }
            throw e;
        }
        return rows.list();
    }

    private static boolean startsWith(byte[] content, int... bytes) {
        if (content.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((content[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** The line (1 for the first) holding the first bytes that are not text in {@code charset}. */
    private static int badLine(byte[] content, int start, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
        CharBuffer out = CharBuffer.allocate(8192);
        int line = 1;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            out.flip();
            while (out.hasRemaining()) {
                if (out.get() == '\n') {
                    line++;
                }
            }
            out.clear();
            if (result.isError() || result.isUnderflow()) {
                return line;
            }
        }
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }

    // ---- XLSX, row by row

    private static List<TabularRow> readXlsx(byte[] content)
            throws IOException, SAXException, ParserConfigurationException, OpenXML4JException {
        // a ZIP read from a file inflates one part at a time, as it is read; from memory POI would inflate them all
        Path copy = Files.createTempFile("import-", ".xlsx");
        try {
            Files.write(copy, content);
            try (OPCPackage pkg = OPCPackage.open(copy.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                String sheet;
                try (InputStream workbook = new Counted(reader.getWorkbookData(), MAX_PART_BYTES, false)) {
                    sheet = firstVisibleSheet(workbook);
                }
                @Nullable StylesTable styles = null;
                PackagePart stylesPart = part(pkg, XSSFRelation.STYLES.getContentType());
                if (stylesPart != null) {
                    try (InputStream in = new Counted(stylesPart.getInputStream(), MAX_PART_BYTES, false)) {
                        styles = new StylesTable(in);
                    }
                }
                ReadOnlySharedStringsTable strings;
                PackagePart stringsPart = part(pkg, XSSFRelation.SHARED_STRINGS.getContentType());
                try (InputStream in = stringsPart == null
                        ? InputStream.nullInputStream()
                        : new Counted(stringsPart.getInputStream(), MAX_PART_BYTES, false)) {
                    strings = new ReadOnlySharedStringsTable(in, false);
                }
                Rows rows = new Rows();
                SheetRows handler = new SheetRows(rows);
                XMLReader parser = XMLHelper.newXMLReader();
                // false: a formula cell gives its last computed value, never its formula text
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, handler, new IsoDates(), false));
                try (Counted in = new Counted(reader.getSheet(sheet), MAX_SHEET_BYTES, true)) {
                    handler.input = in;
                    parser.parse(new InputSource(in));
                }
                return rows.list();
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static @Nullable PackagePart part(OPCPackage pkg, String contentType) {
        List<PackagePart> parts = pkg.getPartsByContentType(contentType);
        return parts.isEmpty() ? null : parts.get(0);
    }

    /** The relation id of the first sheet that is neither hidden nor very hidden, from the workbook's sheet list. */
    private static String firstVisibleSheet(InputStream workbook)
            throws IOException, SAXException, ParserConfigurationException {
        String[] found = {null};
        boolean[] anySheet = {false};
        DefaultHandler handler = new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if (found[0] != null || !"sheet".equals(localName)) {
                    return;
                }
                anySheet[0] = true;
                String state = attributes.getValue("state");
                if (state != null && !"visible".equals(state)) {
                    return;
                }
                for (int i = 0; i < attributes.getLength(); i++) {
                    if ("id".equals(attributes.getLocalName(i))
                            && attributes.getURI(i).contains("relationships")) {
                        found[0] = attributes.getValue(i);
                    }
                }
            }
        };
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(handler);
        parser.parse(new InputSource(workbook));
        if (found[0] == null) {
            throw new InvalidInputException(
                    "file", anySheet[0] ? "Tệp không có trang tính nào đang hiện." : "Tệp không có trang tính nào.");
        }
        return found[0];
    }

    /** The cells of the sheet as POI's event reader hands them over, checked against the limits as they come. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Rows rows;
        private final List<String> cells = new ArrayList<>();
        private @Nullable Counted input;
        private int column;
        private int row;

        SheetRows(Rows rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            column = -1;
            row = rowNum + 1;
            mark();
        }

        @Override
        public void cell(@Nullable String reference, @Nullable String value, @Nullable XSSFComment comment) {
            column = reference == null ? column + 1 : column(reference);
            mark();
            if (value == null || value.isEmpty()) {
                return;
            }
            if (column >= MAX_COLUMNS) {
                rows.tooWide(row, column);
            }
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value);
        }

        @Override
        public void endRow(int rowNum) {
            mark();
            rows.add(rowNum + 1, cells);
        }

        private void mark() {
            if (input != null) {
                input.mark();
            }
        }

        /** The column index of a reference such as {@code AB12}, without building a CellReference per cell. */
        private static int column(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length(); i++) {
                char c = reference.charAt(i);
                if (c < 'A' || c > 'Z') {
                    break;
                }
                column = column * 26 + (c - 'A' + 1);
            }
            return column - 1;
        }
    }

    /**
     * Dates as ISO text (2024-01-15) whatever the cell's display format, so that no day and month are swapped; other
     * numbers as Excel shows them.
     */
    private static final class IsoDates extends DataFormatter {

        IsoDates() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(
                double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing)
                        .toLocalDate()
                        .toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    /**
     * An inflating part that may give at most {@code max} bytes, and, for a sheet, at most {@link
     * #MAX_BYTES_WITHOUT_CELL} between two cells or rows: whatever the file, the XML held at once stays small.
     */
    private static final class Counted extends FilterInputStream {

        private final long max;
        private final boolean sheet;
        private long total;
        private long sinceMark;

        Counted(InputStream in, long max, boolean sheet) {
            super(in);
            this.max = max;
            this.sheet = sheet;
        }

        void mark() {
            sinceMark = 0;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) {
            total += n;
            sinceMark += n;
            if (total > max) {
                throw new InvalidInputException(
                        "file",
                        "Tệp quá lớn khi giải nén (hơn " + max / (1024 * 1024) + " MB dữ liệu"
                                + (sheet ? " trong trang tính" : "") + "): hãy chia thành nhiều tệp nhỏ hơn.");
            }
            if (sheet && sinceMark > MAX_BYTES_WITHOUT_CELL) {
                throw new InvalidInputException(
                        "file",
                        "Tệp có một ô hoặc một dòng quá lớn (hơn " + MAX_BYTES_WITHOUT_CELL / (1024 * 1024)
                                + " MB): mỗi ô tối đa " + MAX_CELL_LENGTH + " ký tự.");
            }
        }
    }

    // ---- XLS, whole (bounded by its size)

    private static List<TabularRow> readXls(byte[] content) throws IOException {
        if (content.length > MAX_XLS_BYTES) {
            throw new InvalidInputException(
                    "file",
                    "Tệp .xls (Excel 97-2003) lớn hơn " + MAX_XLS_BYTES / (1024 * 1024)
                            + " MB: hãy mở tệp bằng Excel và lưu lại dạng .xlsx (Sổ làm việc Excel).");
        }
        Rows rows = new Rows();
        DataFormatter formatter = new IsoDates();
        try (HSSFWorkbook workbook = new HSSFWorkbook(new ByteArrayInputStream(content))) {
            int index = -1;
            for (int i = 0; i < workbook.getNumberOfSheets() && index < 0; i++) {
                if (!workbook.isSheetHidden(i) && !workbook.isSheetVeryHidden(i)) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new InvalidInputException("file", "Tệp không có trang tính nào đang hiện.");
            }
            Sheet sheet = workbook.getSheetAt(index);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    String value = cell == null ? "" : text(cell, formatter);
                    if (!value.isEmpty() && c >= MAX_COLUMNS) {
                        rows.tooWide(row.getRowNum() + 1, c);
                    }
                    if (c < MAX_COLUMNS) {
                        cells.add(value);
                    }
                }
                rows.add(row.getRowNum() + 1, cells);
            }
        }
        return rows.list();
    }

    /** A formula cell by its last computed value; numbers and dates through {@link IsoDates}. */
    private static String text(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC ->
                formatter.formatRawCellContents(
                        cell.getNumericCellValue(),
                        cell.getCellStyle().getDataFormat(),
                        cell.getCellStyle().getDataFormatString());
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            default -> "";
        };
    }

    /**
     * The rows being read: cleans each cell, skips blank rows and refuses a file past the limits. Short values
     * (numbers, codes) repeat down a column, so one copy of each is kept.
     */
    private static final class Rows {

        private final List<TabularRow> list = new ArrayList<>();
        private final Map<String, String> common = new HashMap<>();
        private long cellCount;
        private long characters;

        void add(int number, List<String> raw) {
            int last = -1;
            String[] cells = new String[raw.size()];
            for (int i = 0; i < cells.length; i++) {
                String value = VietnameseText.cleanOrEmpty(raw.get(i));
                if (value.isEmpty()) {
                    cells[i] = "";
                    continue;
                }
                if (i >= MAX_COLUMNS) {
                    tooWide(number, i);
                }
                if (value.length() > MAX_CELL_LENGTH) {
                    throw new InvalidInputException(
                            "file",
                            "Dòng " + number + ", cột " + CellReference.convertNumToColString(i) + ": ô dài "
                                    + value.length() + " ký tự, tối đa " + MAX_CELL_LENGTH + ".");
                }
                String kept = value.length() <= 16 ? common.get(value) : null;
                if (kept == null) {
                    characters += value.length();
                    if (value.length() <= 16 && common.size() < 100_000) {
                        common.put(value, value);
                    }
                } else {
                    value = kept;
                }
                cells[i] = value;
                last = i;
                cellCount++;
            }
            if (last < 0) {
                return;
            }
            // the data rows, plus the header and a title or two above it
            if (list.size() >= MAX_ROWS + 10) {
                throw new InvalidInputException(
                        "file", "Tệp có quá " + number(MAX_ROWS) + " dòng dữ liệu: hãy chia thành nhiều tệp.");
            }
            if (characters > MAX_CHARACTERS) {
                throw new InvalidInputException(
                        "file",
                        "Tệp có quá " + MAX_CHARACTERS / 1_000_000 + " triệu ký tự (đến dòng " + number
                                + "): hãy chia thành nhiều tệp hoặc bỏ các cột không cần.");
            }
            if (cellCount > MAX_CELLS) {
                throw new InvalidInputException(
                        "file",
                        "Tệp có quá " + number(MAX_CELLS) + " ô có dữ liệu (đến dòng " + number
                                + "): hãy chia thành nhiều tệp hoặc bỏ các cột không cần.");
            }
            list.add(new TabularRow(number, List.of(java.util.Arrays.copyOf(cells, last + 1))));
        }

        void tooWide(int number, int column) {
            throw new InvalidInputException(
                    "file",
                    "Dòng " + number + " có dữ liệu ở cột " + CellReference.convertNumToColString(column) + " (cột thứ "
                            + (column + 1) + "): mỗi dòng tối đa " + MAX_COLUMNS + " cột.");
        }

        List<TabularRow> list() {
            return list;
        }

        /** 1.500.000, as Vietnamese writes it. */
        private static String number(long n) {
            return String.format(Locale.forLanguageTag("vi-VN"), "%,d", n);
        }
    }
}
