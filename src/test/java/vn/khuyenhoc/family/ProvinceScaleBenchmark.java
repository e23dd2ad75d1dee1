package vn.khuyenhoc.family;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.sql.Connection;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khuyenhoc.Timings;
import vn.khuyenhoc.association.ChapterCoverage;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TabularFile;

/**
 * Figures at the demo generator's province scale (not a test: excluded from {@code ./mvnw verify}). Run against a
 * data directory filled with {@code --khuyenhoc.demo-data=province}, with the application stopped:
 *
 * <pre>
 * java -jar target/khuyenhoc.jar --khuyenhoc.data-dir=/tmp/kh-p --khuyenhoc.demo-data=province   # once, then stop it
 * ./mvnw test -Dtest=ProvinceScaleBenchmark -Dkhuyenhoc.bench.data-dir=/tmp/kh-p -Dspotless.check.skip=true
 * </pre>
 *
 * It prints the server-side time of the household list page (MockMvc, whole MVC stack, no network), of the three
 * coverage indicators by commune, and of importing 100,000 households from XLSX against a COPY of the same rows.
 */
@SpringBootTest(
        properties = {"khuyenhoc.data-dir=${khuyenhoc.bench.data-dir:/tmp/kh-p}", "khuyenhoc.embedded-db.fresh=false"})
@AutoConfigureMockMvc
class ProvinceScaleBenchmark {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    FamilyImport imports;

    @Autowired
    ChapterCoverage coverage;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @Test
    void measure() throws Exception {
        SignedInUser admin = (SignedInUser) users.loadUserByUsername("admin");
        System.out.printf(
                "households in the database: %d%n",
                jdbc.sql("select count(*) from families").query(Long.class).single());

        String village = jdbc.sql(
                        "select code from localities where level = 'VILLAGE' and demo order by id limit 1 offset 1000")
                .query(String.class)
                .single();
        String commune = village.substring(0, 5);
        for (String[] request : List.of(
                new String[] {"province, first page", ""},
                new String[] {"province, q=nguyen van hung", "q=nguyen van hung"},
                new String[] {"province, q=bham nie", "q=bham nie"},
                new String[] {"province, q=tran thi lan", "q=tran thi lan"},
                new String[] {"commune " + commune + ", q=tran thi", "q=tran thi&locality=" + commune},
                new String[] {"village " + village, "locality=" + village})) {
            Timings.timed(
                    "household list page: " + request[0],
                    20,
                    200,
                    () -> mvc.get()
                            .uri("/families?" + request[1])
                            .with(user(admin))
                            .exchange()
                            .getResponse()
                            .getStatus());
        }

        int year = Year.now().getValue() - 1;
        String province = jdbc.sql("select path::text from localities where level = 'PROVINCE'")
                .query(String.class)
                .single();
        Timings.timed(
                "coverage: 3 indicators by 102 communes, province, " + year,
                20,
                50,
                () -> coverage.coverage(province, year, vn.khuyenhoc.shared.ProgrammeYear.referenceDate(year))
                        .communes()
                        .size());

        List<String> villages = jdbc.sql(
                        "select code from localities where level = 'VILLAGE' and valid_to is null order by id limit 400")
                .query(String.class)
                .list();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            rows.add(new Object[] {villages.get(i % villages.size()), "Hộ Nhập Thử " + i, 4, 2, 1, "Số " + i, ""});
        }
        byte[] xlsx = workbook(rows);
        long maxId = jdbc.sql("select coalesce(max(id), 0) from families")
                .query(Long.class)
                .single();
        long start = System.nanoTime();
        var result = imports.run(TabularFile.read("ho.xlsx", xlsx), admin, false, true);
        long importMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "import 100,000 households from XLSX (%.1f MB): %d ms, saved %d, errors %d%n",
                xlsx.length / 1e6, importMs, result.saved(), result.errors().size());
        jdbc.sql("delete from families where id > :id").param("id", maxId).update();
        jdbc.sql(
                        "delete from audit_events where action = 'IMPORT' and entity_type = 'family' and entity_id::bigint > :id")
                .param("id", maxId)
                .update();

        StringBuilder csv = new StringBuilder();
        List<Long> ids = jdbc.sql(
                        "select id from localities where level = 'VILLAGE' and valid_to is null order by id limit 400")
                .query(Long.class)
                .list();
        for (int i = 0; i < 100_000; i++) {
            csv.append("Hộ Nhập Thử ")
                    .append(i)
                    .append(",Số ")
                    .append(i)
                    .append(",4,2,1,,")
                    .append(ids.get(i % ids.size()))
                    .append('\n');
        }
        Long copyMs = transactions.execute(status -> {
            try {
                Connection connection = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource);
                long t = System.nanoTime();
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                "copy families (head_name, address, members, adults, school_age_children, phone, locality_id) from stdin (format csv)",
                                new StringReader(csv.toString()));
                long ms = (System.nanoTime() - t) / 1_000_000;
                status.setRollbackOnly();
                return ms;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        System.out.printf(
                "COPY of the same 100,000 rows as CSV into families: %d ms (import / COPY = %.1f)%n",
                copyMs, (double) importMs / copyMs);
    }

    private static byte[] workbook(List<Object[]> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook book = new SXSSFWorkbook(500)) {
            Sheet sheet = book.createSheet();
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
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                Object[] values = rows.get(r);
                for (int c = 0; c < values.length; c++) {
                    if (values[c] instanceof Integer n) {
                        row.createCell(c).setCellValue(n);
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(values[c]));
                    }
                }
            }
            book.write(out);
        }
        return out.toByteArray();
    }
}
