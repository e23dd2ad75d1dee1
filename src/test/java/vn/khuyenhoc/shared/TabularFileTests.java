package vn.khuyenhoc.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TabularFileTests {

    @Test
    void readsCsvWithByteOrderMarkAndSemicolons() {
        byte[] csv = "\uFEFFMã xã;Tên;Loại\n24133;Thôn 1;thôn\n\n24133;\"Buôn Ea; Kao\";buôn\n"
                .getBytes(StandardCharsets.UTF_8);

        TabularFile file = TabularFile.read("thon.csv", csv);

        assertThat(file.rows()).hasSize(3);
        assertThat(file.rows().get(0).cell(0)).isEqualTo("Mã xã");
        assertThat(file.rows().get(2).number()).isEqualTo(4);
        assertThat(file.rows().get(2).cell(1)).isEqualTo("Buôn Ea; Kao");
    }

    @Test
    void readsTheFirstSheetOfAWorkbookWithSpreadsheetRowNumbers() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet();
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Mã xã");
            Row data = sheet.createRow(3);
            data.createCell(0).setCellValue(24133);
            data.createCell(2).setCellValue("tổ dân phố");
            workbook.write(out);
        }

        TabularFile file = TabularFile.read("thon.xlsx", out.toByteArray());

        assertThat(file.rows()).hasSize(2);
        assertThat(file.rows().get(1).number()).isEqualTo(4);
        assertThat(file.rows().get(1).cell(0)).isEqualTo("24133");
        assertThat(file.rows().get(1).cell(1)).isEmpty();
        assertThat(file.rows().get(1).cell(2)).isEqualTo("tổ dân phố");
    }

    @Test
    void refusesOtherFileTypesWithAMessage() {
        assertThatThrownBy(() -> TabularFile.read("thon.pdf", new byte[] {1}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(".xlsx");
    }

    @Test
    void refusesACorruptWorkbookWithAMessage() {
        assertThatThrownBy(() -> TabularFile.read("thon.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Không đọc được tệp");
    }

    @Test
    void refusesAWindows1258CsvNamingTheLineInsteadOfStoringReplacementCharacters() {
        byte[] csv = "Mã thôn,Họ tên chủ hộ\n24133001,Nguyễn Văn An\n".getBytes(Charset.forName("windows-1258"));

        assertThatThrownBy(() -> TabularFile.read("ho.csv", csv))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dòng 1")
                .hasMessageContaining("CSV UTF-8");
    }

    @Test
    void namesTheFirstLineThatIsNotUtf8() {
        byte[] csv =
                "Ma thon,Ho ten\n24133001,Tran Binh\n24133001,Lê Thị Hoa\n".getBytes(Charset.forName("windows-1258"));

        assertThatThrownBy(() -> TabularFile.read("ho.csv", csv)).hasMessageContaining("dòng 3");
    }

    @Test
    void readsUtf16CsvByItsByteOrderMark() {
        String text = "\uFEFFMã thôn;Họ tên chủ hộ\n24133001;Nguyễn Thị Ánh\n";
        for (Charset charset : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            TabularFile file = TabularFile.read("ho.csv", text.getBytes(charset));

            assertThat(file.rows()).hasSize(2);
            assertThat(file.rows().get(0).cell(0)).isEqualTo("Mã thôn");
            assertThat(file.rows().get(1).cell(1)).isEqualTo("Nguyễn Thị Ánh");
        }
    }

    @Test
    void stripsControlCharactersFromCsvAndWorkbookCells() throws IOException {
        TabularFile csv =
                TabularFile.read("ho.csv", "Tên\nNguyễn\u0000 Văn\u0007 An\tB\n".getBytes(StandardCharsets.UTF_8));
        TabularFile xlsx = TabularFile.read(
                "ho.xlsx",
                workbook(
                        new XSSFWorkbook(),
                        sheet -> sheet.createRow(0).createCell(0).setCellValue("Lê_x0000_ Thị_x001F_ Hoa")));

        assertThat(csv.rows().get(1).cell(0)).isEqualTo("Nguyễn Văn An B");
        assertThat(xlsx.rows().get(0).cell(0)).isEqualTo("Lê Thị Hoa");
    }

    @Test
    void readsTheFirstVisibleSheet() throws IOException {
        for (Workbook workbook : new Workbook[] {new XSSFWorkbook(), new HSSFWorkbook()}) {
            workbook.createSheet("Ẩn").createRow(0).createCell(0).setCellValue("trang ẩn");
            workbook.createSheet("Rất ẩn").createRow(0).createCell(0).setCellValue("trang rất ẩn");
            workbook.createSheet("Hộ").createRow(0).createCell(0).setCellValue("trang hiện");
            workbook.setSheetVisibility(0, SheetVisibility.HIDDEN);
            workbook.setSheetVisibility(1, SheetVisibility.VERY_HIDDEN);
            workbook.setActiveSheet(2);
            String name = workbook instanceof XSSFWorkbook ? "ho.xlsx" : "ho.xls";

            TabularFile file = TabularFile.read(name, workbook(workbook, sheet -> {}));

            assertThat(file.rows().get(0).cell(0)).as(name).isEqualTo("trang hiện");
        }
    }

    @Test
    void readsFormulaCellsByTheirComputedValueAndDatesAsIsoText() throws IOException {
        for (Workbook workbook : new Workbook[] {new XSSFWorkbook(), new HSSFWorkbook()}) {
            String name = workbook instanceof XSSFWorkbook ? "ho.xlsx" : "ho.xls";
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));

            TabularFile file = TabularFile.read(name, workbook(workbook, sheet -> {
                Row row = sheet.createRow(0);
                row.createCell(0).setCellValue(2);
                row.createCell(1).setCellValue(3);
                row.createCell(2).setCellFormula("A1+B1");
                row.createCell(3).setCellFormula("\"Thôn \"&A1");
                row.createCell(4).setCellValue(LocalDate.of(2024, 1, 15));
                row.getCell(4).setCellStyle(date);
                row.createCell(5).setCellValue(912345678);
                workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            }));

            assertThat(file.rows().get(0).cells())
                    .as(name)
                    .containsExactly("2", "3", "5", "Thôn 2", "2024-01-15", "912345678");
        }
    }

    @Test
    void refusesARowWiderThanTheLimitNamingIt() throws IOException {
        byte[] xlsx = workbook(new XSSFWorkbook(), sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("Tên");
            sheet.createRow(4).createCell(TabularFile.MAX_COLUMNS).setCellValue("x");
        });

        assertThatThrownBy(() -> TabularFile.read("ho.xlsx", xlsx))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Dòng 5")
                .hasMessageContaining("tối đa 100 cột");
    }

    @Test
    void refusesACellLongerThanTheLimitNamingItsRowAndColumn() {
        byte[] csv = ("Tên,Địa chỉ\nAn," + "a".repeat(TabularFile.MAX_CELL_LENGTH + 1) + "\n")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> TabularFile.read("ho.csv", csv))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Dòng 2, cột B");
    }

    @Test
    void refusesAFileWithMoreTextThanTheLimit() {
        String row = "a".repeat(TabularFile.MAX_CELL_LENGTH) + "\n";
        byte[] csv = row.repeat((int) (TabularFile.MAX_CHARACTERS / TabularFile.MAX_CELL_LENGTH) + 1)
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> TabularFile.read("ghi-chu.csv", csv))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("triệu ký tự");
    }

    @Test
    void refusesAWorkbookWhoseXmlRunsOnWithoutACellEnding() throws IOException {
        byte[] xlsx = workbook(new XSSFWorkbook(), sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("Tên");
            sheet.createRow(1).createCell(0).setCellValue("An");
        });
        // 3 MB of mixed white space inside the sheet's XML (not so compressible that POI takes it for a zip bomb)
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        StringBuilder padding = new StringBuilder();
        while (padding.length() < TabularFile.MAX_BYTES_WITHOUT_CELL + 1_000_000) {
            padding.append(" \t\r\n".charAt(random.nextInt(4)));
        }
        byte[] padded =
                rewrite(xlsx, "xl/worksheets/sheet1.xml", xml -> xml.replace("<sheetData>", "<sheetData>" + padding));

        assertThatThrownBy(() -> TabularFile.read("ho.xlsx", padded))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("quá lớn");
    }

    @Test
    void refusesAWorkbookThatInflatesLikeAZipBombWithAMessage() throws IOException {
        byte[] xlsx = workbook(
                new XSSFWorkbook(), sheet -> sheet.createRow(0).createCell(0).setCellValue("Tên"));
        String spaces = " ".repeat(3_000_000);
        byte[] bomb =
                rewrite(xlsx, "xl/worksheets/sheet1.xml", xml -> xml.replace("<sheetData>", "<sheetData>" + spaces));

        assertThatThrownBy(() -> TabularFile.read("ho.xlsx", bomb))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nén bất thường");
    }

    @Test
    void findsTheHeaderBelowATitle() {
        byte[] csv =
                "DANH SÁCH HỘ GIA ĐÌNH\n\nMã thôn,Họ tên chủ hộ\n24133-001,Y Bhăm\n".getBytes(StandardCharsets.UTF_8);
        java.util.List<ImportResult.RowError> errors = new java.util.ArrayList<>();
        TabularFile file = TabularFile.read("ho.csv", csv);

        ImportColumns columns = ImportColumns.of(
                java.util.List.of(
                        new ImportColumns.Column("village_code", "Mã thôn", true),
                        new ImportColumns.Column("head_name", "Họ tên chủ hộ", true)),
                file,
                errors);

        assertThat(errors).isEmpty();
        assertThat(columns.dataRows(file)).singleElement().satisfies(row -> {
            assertThat(row.number()).isEqualTo(4);
            assertThat(columns.get(row, "head_name")).isEqualTo("Y Bhăm");
        });
    }

    private static byte[] rewrite(byte[] zip, String entry, java.util.function.UnaryOperator<String> change)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
                var copy = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                copy.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                copy.write(content);
                copy.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void refusesAnXlsBiggerThanTheLimitAskingForXlsx() {
        assertThatThrownBy(() -> TabularFile.read("ho.xls", new byte[TabularFile.MAX_XLS_BYTES + 1]))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(".xlsx");
    }

    private static byte[] workbook(Workbook workbook, java.util.function.Consumer<Sheet> fill) throws IOException {
        try (workbook) {
            if (workbook.getNumberOfSheets() == 0) {
                workbook.createSheet();
            }
            fill.accept(workbook.getSheetAt(workbook.getActiveSheetIndex()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
