package vn.khuyenhoc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Large workbooks made on the fly for the upload tests and benchmarks, written row by row (SXSSF). */
public final class TestSpreadsheets {

    private TestSpreadsheets() {}

    /**
     * A sheet of {@code rows} × {@code columns} random numbers below 1,000: the XML is dense and compresses about
     * nine to one, as in issue 11 (9 MB of XLSX, 78 MB of sheet XML).
     */
    public static byte[] dense(int rows, int columns) {
        SplittableRandom random = new SplittableRandom(11);
        return write(sheet -> {
            for (int r = 0; r < rows; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < columns; c++) {
                    row.createCell(c).setCellValue(random.nextInt(1_000));
                }
            }
        });
    }

    /** A sheet of {@code rows} × {@code columns} numbers that are all different: no cell can share its text. */
    public static byte[] distinct(int rows, int columns) {
        return write(sheet -> {
            for (int r = 0; r < rows; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < columns; c++) {
                    row.createCell(c).setCellValue(100_000_000 + (long) r * columns + c);
                }
            }
        });
    }

    /** A household import of {@code rows} valid rows spread over {@code villages}, under the template's headers. */
    public static byte[] households(int rows, List<String> villages) {
        String[] family = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Y", "H'", "Niê", "Ksor", "Đinh"};
        String[] given = {"Văn An", "Thị Bình", "Hữu Cường", "Thị Dung", "Bhăm", "Hen", "Minh Đức", "Thị Én"};
        return write(sheet -> {
            Row header = sheet.createRow(0);
            String[] headers = {
                "Mã thôn",
                "Họ tên chủ hộ",
                "Số nhân khẩu",
                "Số người lớn",
                "Số trẻ trong độ tuổi đi học",
                "Địa chỉ",
                "Điện thoại"
            };
            for (int c = 0; c < headers.length; c++) {
                header.createCell(c).setCellValue(headers[c]);
            }
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(villages.get(r % villages.size()));
                row.createCell(1)
                        .setCellValue(family[r % family.length] + " " + given[(r / 10) % given.length] + " " + r);
                row.createCell(2).setCellValue(2 + r % 5);
                row.createCell(3).setCellValue(2);
                row.createCell(4).setCellValue(r % 3);
                row.createCell(5).setCellValue("Xóm " + (r % 40 + 1));
                row.createCell(6).setCellValue("09" + (10_000_000 + r));
            }
        });
    }

    private static byte[] write(java.util.function.Consumer<Sheet> fill) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            fill.accept(workbook.createSheet("Dữ liệu"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                workbook.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
