package vn.khuyenhoc.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

@IntegrationTest
class FamilyTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void registersAHouseholdAndWarnsOfALikelyDuplicateWithoutDiacritics() throws Exception {
        String village = village("22207");
        String body = "{\"villageCode\":\"" + village
                + "\",\"headName\":\"Nguyễn Thị Hoa\",\"members\":4,\"adults\":2,\"schoolAgeChildren\":2}";
        assertThat(post(body))
                .hasStatus(201)
                .bodyJson()
                .extractingPath("$.villageCode")
                .isEqualTo(village);

        String again = "{\"villageCode\":\"" + village
                + "\",\"headName\":\"NGUYEN THI HOA\",\"members\":3,\"adults\":2,\"schoolAgeChildren\":0}";
        assertThat(post(again))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("confirmDuplicate");
        assertThat(post(again.replace("}", ",\"confirmDuplicate\":true}"))).hasStatus(201);
    }

    @Test
    void refusesCountsThatDoNotAddUpNamingTheField() {
        String village = village("22207");
        assertThat(post("{\"villageCode\":\"" + village
                        + "\",\"headName\":\"Trần Văn Bình\",\"members\":2,\"adults\":2,\"schoolAgeChildren\":1}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("members");
    }

    @Test
    void aRetiredVillageReceivesNoNewHousehold() throws Exception {
        String village = village("22207");
        jdbc.sql("update localities set valid_to = current_date where code = :c")
                .param("c", village)
                .update();

        assertThat(post("{\"villageCode\":\"" + village
                        + "\",\"headName\":\"Lê Văn Cường\",\"members\":1,\"adults\":1,\"schoolAgeChildren\":0}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("villageCode");
    }

    @Test
    void officerOfAnotherCommuneGets404AndEveryListViewIsLogged() throws Exception {
        String village = village("22222");
        var created = post("{\"villageCode\":\"" + village
                + "\",\"headName\":\"Phạm Văn Dũng\",\"members\":5,\"adults\":3,\"schoolAgeChildren\":2}");
        Object id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");

        assertThat(mvc.get().uri("/api/v1/families/" + id).with(httpBasic(officer.username(), TestAccounts.PASSWORD)))
                .hasStatus(404);
        assertThat(mvc.get().uri("/families/" + id).with(user(officer))).hasStatus(404);

        long before = jdbc.sql("select count(*) from audit_events where action = 'VIEW_LIST' and actor = :u")
                .param("u", officer.username())
                .query(Long.class)
                .single();
        assertThat(mvc.get().uri("/families").with(user(officer))).hasStatusOk();
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'VIEW_LIST' and actor = :u")
                        .param("u", officer.username())
                        .query(Long.class)
                        .single())
                .isEqualTo(before + 1);
    }

    @Test
    void importOfAWorkbookIsAllOrNothing() throws Exception {
        String village = village("22225");
        long before = count(village);
        byte[] bad = workbook(new Object[][] {
            {
                "Mã thôn",
                "Họ tên chủ hộ",
                "Số nhân khẩu",
                "Số người lớn",
                "Số trẻ trong độ tuổi đi học",
                "Địa chỉ",
                "Điện thoại"
            },
            {village, "Hồ Văn Em", 4, 2, 1, "Xóm 1", "0905123456"},
            {village, "Y Bhăm Niê", 6, 3, 3, "", ""},
            {"99999-001", "Trần Thị Lan", 3, 2, 1, "", ""},
            {village, "Hồ Văn Em", 2, 2, 0, "", ""}
        });

        var rejected = importFile(bad, false);
        assertThat(rejected)
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors.length()")
                .isEqualTo(2);
        assertThat(rejected).bodyJson().extractingPath("$.errors[0].row").isEqualTo(4);
        assertThat(rejected)
                .bodyJson()
                .extractingPath("$.errors[1].message")
                .asString()
                .contains("Trùng với dòng 2");
        assertThat(count(village)).isEqualTo(before);

        byte[] good = workbook(new Object[][] {
            {"village_code", "head_name", "members", "adults", "school_age_children"},
            {village, "Hồ Văn Em", 4, 2, 1},
            {village, "Y Bhăm Niê", 6, 3, 3}
        });
        assertThat(importFile(good, false))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.saved")
                .isEqualTo(2);
        assertThat(count(village)).isEqualTo(before + 2);
        assertThat(jdbc.sql(
                                "select count(*) from audit_events where action = 'IMPORT' and entity_type = 'family' and new_value->>'headName' = 'Y Bhăm Niê'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // The same heads again, written without diacritics: likely the same households, kept only on confirmation.
        byte[] again = workbook(new Object[][] {
            {"village_code", "head_name", "members", "adults", "school_age_children"},
            {village, "Ho Van Em", 4, 2, 1},
            {village, "Lê Văn Tám", 3, 2, 1}
        });
        var dry = importFile(again, true, false);
        assertThat(dry)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.warnings.length()")
                .isEqualTo(1);
        assertThat(dry).bodyJson().extractingPath("$.warnings[0].row").isEqualTo(2);
        assertThat(dry)
                .bodyJson()
                .extractingPath("$.warnings[0].message")
                .asString()
                .contains("Có thể trùng hộ đã có: “Hồ Văn Em”");
        assertThat(importFile(again, false, false))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.saved")
                .isEqualTo(0);
        assertThat(count(village)).isEqualTo(before + 2);
        assertThat(importFile(again, false, true))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.saved")
                .isEqualTo(2);
        assertThat(count(village)).isEqualTo(before + 4);

        // The page says why nothing was saved and offers the confirmation.
        var page = mvc.post()
                .uri("/families/import")
                .multipart()
                .file(new MockMultipartFile("file", "ho.xlsx", "application/octet-stream", again))
                .param("dryRun", "false")
                .with(user(accounts.admin()))
                .with(csrf())
                .exchange();
        assertThat(page)
                .hasStatusOk()
                .bodyText()
                .contains("Chưa lưu: có")
                .contains("Có thể trùng hộ đã có: “Lê Văn Tám”")
                .contains("Vẫn lưu các hộ có thể trùng với hộ đã có");
        assertThat(count(village)).isEqualTo(before + 4);
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult importFile(byte[] content, boolean dryRun) {
        return importFile(content, dryRun, false);
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult importFile(
            byte[] content, boolean dryRun, boolean acceptDuplicates) {
        return mvc.post()
                .uri("/api/v1/families/import")
                .multipart()
                .file(new MockMultipartFile("file", "ho.xlsx", "application/octet-stream", content))
                .param("dryRun", String.valueOf(dryRun))
                .param("acceptDuplicates", String.valueOf(acceptDuplicates))
                .with(admin())
                .exchange();
    }

    private static byte[] workbook(Object[][] rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet();
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Integer n) {
                        row.createCell(c).setCellValue(n);
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(rows[r][c]));
                    }
                }
            }
            book.write(out);
        }
        return out.toByteArray();
    }

    private String village(String commune) {
        String name = "Thôn " + UUID.randomUUID().toString().substring(0, 8);
        var result = mvc.post()
                .uri("/api/v1/localities")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"parentCode\":\"" + commune + "\",\"name\":\"" + name + "\",\"kind\":\"thôn\"}")
                .exchange();
        assertThat(result).hasStatus(201);
        return jdbc.sql("select code from localities where name = :n")
                .param("n", name)
                .query(String.class)
                .single();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult post(String json) {
        return mvc.post()
                .uri("/api/v1/families")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.getBytes(StandardCharsets.UTF_8))
                .exchange();
    }

    private long count(String village) {
        return jdbc.sql("select count(*) from families f join localities v on v.id = f.locality_id where v.code = :c")
                .param("c", village)
                .query(Long.class)
                .single();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);
    }
}
