package vn.khuyenhoc.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
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
class OrganizationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createsAnOrganizationAndFindsItWithoutDiacritics() {
        String name = "Trường Tiểu học Lê Lợi " + UUID.randomUUID().toString().substring(0, 5);
        var created = mvc.post()
                .uri("/api/v1/organizations")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name
                        + "\",\"kind\":\"trường học\",\"schoolLevel\":\"PRIMARY\",\"localityCode\":\"24193\"}")
                .exchange();

        assertThat(created).hasStatus(201).bodyJson().extractingPath("$.id").isNotNull();
        assertThat(mvc.get()
                        .uri("/api/v1/organizations")
                        .param("q", "truong tieu hoc le loi")
                        .param("locality", "24193")
                        .with(admin()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[0].name")
                .isEqualTo(name);
    }

    @Test
    void aSchoolWithoutItsLevelIsRefusedNamingTheField() {
        assertThat(mvc.post()
                        .uri("/api/v1/organizations")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Trường Mới\",\"kind\":\"SCHOOL\",\"localityCode\":\"24193\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("schoolLevel");
    }

    @Test
    void officerGets404ForAnOrganizationOfAnotherCommune() {
        long id = create("Hợp tác xã Ea Wy", "COOPERATIVE", "24193");
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");

        assertThat(mvc.get()
                        .uri("/api/v1/organizations/" + id)
                        .with(httpBasic(officer.username(), TestAccounts.PASSWORD)))
                .hasStatus(404);
        assertThat(mvc.get().uri("/organizations/" + id).with(user(officer))).hasStatus(404);
    }

    @Test
    void aStaleVersionGetsAConflictNotAnOverwrite() {
        long id = create("Công ty Cà phê " + UUID.randomUUID().toString().substring(0, 5), "ENTERPRISE", "24193");
        String body = "{\"name\":\"Công ty Đổi Tên\",\"kind\":\"ENTERPRISE\",\"localityCode\":\"24193\",\"version\":0}";
        assertThat(mvc.put()
                        .uri("/api/v1/organizations/" + id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatusOk();

        assertThat(mvc.put()
                        .uri("/api/v1/organizations/" + id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(409);
    }

    @Test
    void importSavesNothingWhenOneRowIsBad() {
        long before = count("24208");
        String csv = "Mã địa bàn,Tên cơ quan, đơn vị,Loại,Cấp học,Cấp quản lý,Ngày thành lập\n"
                        .replace("Tên cơ quan, đơn vị", "\"Tên cơ quan, đơn vị\"")
                + "24208,Trường Mầm non Hoa Sen,trường học,mầm non,xã,01/09/2010\n"
                + "24208,UBND xã Ea Khăl,cơ quan nhà nước,,,31/02/2020\n"
                + "24208,,doanh nghiệp,,,\n";

        var result = mvc.post()
                .uri("/api/v1/organizations/import")
                .multipart()
                .file(new MockMultipartFile("file", "dv.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", "false")
                .with(admin())
                .exchange();

        assertThat(result)
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors.length()")
                .isEqualTo(2);
        assertThat(result).bodyJson().extractingPath("$.errors[0].row").isEqualTo(3);
        assertThat(result).bodyJson().extractingPath("$.errors[0].column").isEqualTo("Ngày thành lập");
        assertThat(count("24208")).isEqualTo(before);
    }

    @Test
    void exportNeutralisesFormulasAndFollowsTheFilter() throws Exception {
        create("=HYPERLINK(\"http://x\")", "OTHER", "24211");
        create("Đơn vị khác xã", "OTHER", "24193");

        var result = mvc.get()
                .uri("/organizations/export")
                .param("locality", "24211")
                .param("format", "xlsx")
                .with(user(accounts.admin()))
                .exchange();

        assertThat(result).hasStatusOk();
        try (XSSFWorkbook book =
                new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Tên");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).startsWith("'=HYPERLINK");
        }
    }

    @Test
    void templateListsTheColumnsAndTheUsersLocalities() throws Exception {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");

        var result = mvc.get()
                .uri("/organizations/import/template.xlsx")
                .with(user(officer))
                .exchange();

        assertThat(result).hasStatusOk();
        try (XSSFWorkbook book =
                new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Mã địa bàn");
            assertThat(book.getSheetAt(1).getRow(1).getCell(0).getStringCellValue())
                    .startsWith("24133");
            assertThat(book.getSheetAt(1).getLastRowNum()).isGreaterThanOrEqualTo(1);
        }
        assertThat(mvc.get().uri("/organizations/import").with(user(officer)))
                .hasStatusOk()
                .bodyText()
                .contains("Tên cơ quan, đơn vị")
                .contains("Kiểm tra và lưu");
    }

    @Test
    void viewerCannotOpenTheForm() {
        SignedInUser viewer = accounts.open(Role.VIEWER, "66");

        assertThat(mvc.get().uri("/organizations/new").with(user(viewer))).hasStatus(403);
        assertThat(mvc.get().uri("/organizations").with(user(viewer))).hasStatusOk();
    }

    @Test
    void closingKeepsTheRecordButHidesItFromTheDefaultList() {
        long id = create(
                "Trạm Y tế Ea Súp " + UUID.randomUUID().toString().substring(0, 5), "PUBLIC_SERVICE_UNIT", "24211");

        assertThat(mvc.post()
                        .uri("/organizations/" + id + "/close")
                        .param("version", "0")
                        .with(user(accounts.admin()))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(jdbc.sql("select closed_on is not null from organizations where id = :id")
                        .param("id", id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    private long create(String name, String kind, String locality) {
        var result = mvc.post()
                .uri("/api/v1/organizations")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name.replace("\"", "\\\"") + "\",\"kind\":\"" + kind
                        + "\",\"localityCode\":\"" + locality + "\"}")
                .exchange();
        assertThat(result).hasStatus(201);
        return jdbc.sql("select max(id) from organizations").query(Long.class).single();
    }

    private long count(String communeCode) {
        return jdbc.sql(
                        "select count(*) from organizations o join localities l on l.id = o.locality_id where l.code = :c")
                .param("c", communeCode)
                .query(Long.class)
                .single();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);
    }
}
