package vn.khuyenhoc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.TestSpreadsheets;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.TabularFile;

/** Issue 11: uploads that once stopped the server or stored broken text, and who may send a file at all. */
@IntegrationTest
class UploadTests {

    private static final String COMMUNE = "22225";

    private static final List<String> API_IMPORTS = List.of(
            "/api/v1/families/import",
            "/api/v1/organizations/import",
            "/api/v1/clans/import",
            "/api/v1/chapters/import",
            "/api/v1/members/import",
            "/api/v1/members/learning-citizens/import",
            "/api/v1/policy-studies/1/attendance/import",
            "/api/v1/rounds/1/registrations/import",
            "/api/v1/localities/import");

    private static final List<String> PAGE_IMPORTS = List.of(
            "/families/import",
            "/organizations/import",
            "/clans/import",
            "/chapters/import",
            "/members/import",
            "/members/learning-citizens/import",
            "/membership/populations/import",
            "/policy-studies/1/attendance/import",
            "/rounds/1/register/import",
            "/villages/import");

    /** Not a workbook: parsing it would answer 400, so a 403 shows the role was checked before any parsing. */
    private static final byte[] NOT_A_WORKBOOK = "not a workbook".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyImportRefusesAViewerAndTheDecisionOfficeBeforeReadingTheFile() {
        for (Role role : List.of(Role.VIEWER, Role.DECISION_OFFICE)) {
            SignedInUser account = accounts.open(role, COMMUNE);
            for (String uri : API_IMPORTS) {
                assertThat(upload(uri, "tep.xlsx", NOT_A_WORKBOOK, account))
                        .as(role + " " + uri)
                        .hasStatus(403);
            }
            for (String uri : PAGE_IMPORTS) {
                assertThat(mvc.post()
                                .uri(uri)
                                .multipart()
                                .file(new MockMultipartFile(
                                        "file", "tep.xlsx", "application/octet-stream", NOT_A_WORKBOOK))
                                .with(user(account))
                                .with(csrf())
                                .exchange())
                        .as(role + " " + uri)
                        .hasStatus(403);
            }
        }
        assertThat(upload("/api/v1/families/import", "tep.xlsx", NOT_A_WORKBOOK, officer()))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("Không đọc được tệp");
    }

    @Test
    void aDenseWorkbookIsRefusedToAViewerAtOnceAndToAnOfficerByALimitWhileTheServiceStaysUp() {
        byte[] dense = TestSpreadsheets.dense(TabularFile.MAX_CELLS / 100 + 1_000, 100);

        assertThat(upload("/api/v1/families/import", "day.xlsx", dense, accounts.open(Role.VIEWER, COMMUNE)))
                .hasStatus(403);
        assertThat(upload("/api/v1/families/import", "day.xlsx", dense, officer()))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("ô có dữ liệu")
                .contains("chia thành nhiều tệp");
        assertThat(mvc.get().uri("/actuator/health").exchange())
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void aWindows1258CsvIsRefusedNamingItsLineAndNothingIsStored() {
        String village = village();
        byte[] csv = ("Mã thôn,Họ tên chủ hộ,Số nhân khẩu,Số người lớn,Số trẻ trong độ tuổi đi học\n" + village
                        + ",Nguyễn Văn Bình,4,2,1\n")
                .getBytes(Charset.forName("windows-1258"));

        assertThat(upload("/api/v1/families/import?dryRun=false", "ho.csv", csv, officer()))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("dòng 1")
                .contains("CSV UTF-8");
        assertThat(households(village)).isZero();
        assertThat(jdbc.sql("select count(*) from families where head_name like '%' || chr(65533) || '%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aUtf16CsvWithByteOrderMarkIsReadRight() {
        String village = village();
        byte[] csv = ("\uFEFFMã thôn;Họ tên chủ hộ;Số nhân khẩu;Số người lớn;Số trẻ trong độ tuổi đi học\n" + village
                        + ";Lê Thị Ánh Tuyết;4;2;1\n")
                .getBytes(StandardCharsets.UTF_16LE);

        assertThat(upload("/api/v1/families/import?dryRun=false", "ho.csv", csv, officer()))
                .hasStatusOk();
        assertThat(headNames(village)).containsExactly("Lê Thị Ánh Tuyết");
    }

    @Test
    void nulCharactersAreStrippedFromFilesAndJsonNeverAnswering500() throws Exception {
        String village = village();
        byte[] csv = ("Mã thôn,Họ tên chủ hộ,Số nhân khẩu,Số người lớn,Số trẻ trong độ tuổi đi học\n" + village
                        + ",Trần\u0000 Văn Nul,4,2,1\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] xlsx = workbook(new Object[][] {
            {"Mã thôn", "Họ tên chủ hộ", "Số nhân khẩu", "Số người lớn", "Số trẻ trong độ tuổi đi học"},
            {village, "Phạm_x0000_ Thị Nul", 3, 2, 1}
        });

        assertThat(upload("/api/v1/families/import?dryRun=false", "ho.csv", csv, officer()))
                .hasStatusOk();
        assertThat(upload("/api/v1/families/import?dryRun=false", "ho.xlsx", xlsx, officer()))
                .hasStatusOk();
        assertThat(mvc.post()
                        .uri("/api/v1/families")
                        .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"villageCode\":\"" + village
                                        + "\",\"headName\":\"Đỗ\\u0000 Văn Json\",\"members\":2,\"adults\":2,\"schoolAgeChildren\":0}")
                        .exchange())
                .hasStatus(201);
        assertThat(headNames(village)).containsExactlyInAnyOrder("Trần Văn Nul", "Phạm Thị Nul", "Đỗ Văn Json");
    }

    @Test
    void aTitleAboveTheHeaderIsSkippedAndAPhoneThatLostItsZeroIsRestored() throws Exception {
        String village = village();
        byte[] xlsx = workbook(new Object[][] {
            {"DANH SÁCH HỘ GIA ĐÌNH NĂM 2026"},
            {},
            {"Mã thôn", "Họ tên chủ hộ", "Số nhân khẩu", "Số người lớn", "Số trẻ trong độ tuổi đi học", "Điện thoại"},
            {village, "Võ Thị Tiêu Đề", 3, 2, 1, 912345678}
        });

        assertThat(upload("/api/v1/families/import?dryRun=false", "ho.xlsx", xlsx, officer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.saved")
                .isEqualTo(1);
        assertThat(jdbc.sql("select phone from families f join localities v on v.id = f.locality_id where v.code = :c")
                        .param("c", village)
                        .query(String.class)
                        .single())
                .isEqualTo("0912345678");
    }

    @Test
    void everyProblemOfARowIsReported() throws Exception {
        byte[] xlsx = workbook(new Object[][] {
            {"Mã thôn", "Họ tên chủ hộ", "Số nhân khẩu", "Số người lớn", "Số trẻ trong độ tuổi đi học", "Điện thoại"},
            {"99999-001", "", "nhiều", 2, 1, "gọi tôi"}
        });

        var result = upload("/api/v1/families/import", "ho.xlsx", xlsx, officer());

        assertThat(result)
                .hasStatus(200)
                .bodyJson()
                .extractingPath("$.errors.length()")
                .isEqualTo(4);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].row")
                .asArray()
                .containsOnly(2);
    }

    @Test
    void chapterMovementEvidenceIsCheckedByItsContentNotItsDeclaredType() throws Exception {
        String village = village();
        String chapter = com.jayway.jsonpath.JsonPath.read(
                        mvc.post()
                                .uri("/api/v1/chapters")
                                .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"kind\":\"CHI_HOI\",\"hostType\":\"VILLAGE\",\"hostCode\":\"" + village
                                        + "\",\"foundedOn\":\"2020-03-01\"}")
                                .exchange()
                                .getResponse()
                                .getContentAsString(StandardCharsets.UTF_8),
                        "$.id")
                .toString();
        int year = java.time.Year.now().getValue();
        byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};

        assertThat(movement(chapter, year, new MockMultipartFile("evidence", "bien-ban.pdf", "application/pdf", page)))
                .hasStatus3xxRedirection()
                .flash()
                .containsEntry("problem", "Minh chứng phải là tệp PDF, JPEG hoặc PNG.");
        assertThat(mvc.get()
                        .uri("/chapters/" + chapter + "/movement/" + year + "/evidence")
                        .with(user(accounts.admin())))
                .hasStatus(404);

        assertThat(movement(chapter, year, new MockMultipartFile("evidence", "anh.pdf", "application/pdf", png)))
                .hasStatus3xxRedirection();
        assertThat(mvc.get()
                        .uri("/chapters/" + chapter + "/movement/" + year + "/evidence")
                        .with(user(accounts.admin())))
                .hasStatusOk()
                .hasContentType("image/png");
    }

    private MvcTestResult movement(String chapter, int year, MockMultipartFile evidence) {
        return mvc.post()
                .uri("/chapters/" + chapter + "/movement")
                .multipart()
                .file(evidence)
                .param("year", String.valueOf(year))
                .param("runsMovement", "true")
                .with(user(accounts.admin()))
                .with(csrf())
                .exchange();
    }

    private MvcTestResult upload(String uri, String name, byte[] content, SignedInUser account) {
        return mvc.post()
                .uri(uri)
                .multipart()
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .with(httpBasic(account.username(), TestAccounts.PASSWORD))
                .exchange();
    }

    private SignedInUser officer() {
        return accounts.open(Role.COMMUNE_OFFICER, COMMUNE);
    }

    private String village() {
        String name = "Thôn " + UUID.randomUUID().toString().substring(0, 8);
        assertThat(mvc.post()
                        .uri("/api/v1/localities")
                        .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"validFrom\":\"1990-01-01\",\"parentCode\":\"" + COMMUNE + "\",\"name\":\"" + name
                                + "\",\"kind\":\"thôn\"}")
                        .exchange())
                .hasStatus(201);
        return jdbc.sql("select code from localities where name = :n")
                .param("n", name)
                .query(String.class)
                .single();
    }

    private long households(String village) {
        return headNames(village).size();
    }

    private List<String> headNames(String village) {
        return jdbc.sql("select head_name from families f join localities v on v.id = f.locality_id where v.code = :c")
                .param("c", village)
                .query(String.class)
                .list();
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
}
