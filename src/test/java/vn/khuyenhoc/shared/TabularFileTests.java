package vn.khuyenhoc.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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
}
