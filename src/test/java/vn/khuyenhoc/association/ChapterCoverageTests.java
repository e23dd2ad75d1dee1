package vn.khuyenhoc.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.time.Year;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * Chapters, their yearly movement and KH 102's coverage. The coverage test counts in a commune no other test uses
 * (22192); the others work in 24184.
 */
@IntegrationTest
class ChapterCoverageTests {

    static final String COMMUNE = "24184";
    static final String COUNTED = "22192";
    static final int YEAR = Year.now().getValue();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void coverageCountsOnlyChaptersThatRanTheMovementAndListsTheGaps() throws Exception {
        String covered = post(
                "/api/v1/localities",
                "{\"validFrom\":\"1990-01-01\",\"parentCode\":\"" + COUNTED
                        + "\",\"name\":\"Buôn Sek\",\"kind\":\"buôn\"}",
                "$.code");
        post(
                "/api/v1/localities",
                "{\"validFrom\":\"1990-01-01\",\"parentCode\":\"" + COUNTED
                        + "\",\"name\":\"Buôn Kdruh\",\"kind\":\"buôn\"}",
                "$.code");
        String school = post(
                "/api/v1/organizations",
                "{\"name\":\"Trường THCS Ea H'Leo\",\"kind\":\"SCHOOL\",\"schoolLevel\":\"LOWER_SECONDARY\",\"localityCode\":\""
                        + COUNTED + "\"}",
                "$.id");
        post(
                "/api/v1/clans",
                "{\"name\":\"Dòng họ Y Niê\",\"kind\":\"CLAN\",\"localityCode\":\"" + COUNTED + "\"}",
                "$.id");
        String villageChapter = post(
                "/api/v1/chapters",
                "{\"kind\":\"CHI_HOI\",\"hostType\":\"VILLAGE\",\"hostCode\":\"" + covered
                        + "\",\"foundedOn\":\"2020-03-01\",\"decisionNo\":\"05/QĐ-HKH\"}",
                "$.id");
        post(
                "/api/v1/chapters",
                "{\"kind\":\"BAN_KHUYEN_HOC\",\"hostType\":\"ORGANIZATION\",\"hostId\":" + school + "}",
                "$.id");

        assertThat(mvc.put()
                        .uri("/api/v1/chapters/" + villageChapter + "/movement/" + YEAR)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"runsMovement\":true,\"note\":\"Họp dân, tuyên truyền Tuần lễ học tập suốt đời\"}"))
                .hasStatusOk();

        var indicators = mvc.get()
                .uri("/api/v1/indicators")
                .param("locality", COUNTED)
                .param("year", String.valueOf(YEAR))
                .with(admin())
                .exchange();
        assertThat(indicators)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.indicators[0].code")
                .isEqualTo("village-chapter-coverage");
        assertThat(indicators)
                .bodyJson()
                .extractingPath("$.indicators[0].numerator")
                .isEqualTo(1);
        assertThat(indicators)
                .bodyJson()
                .extractingPath("$.indicators[0].denominator")
                .isEqualTo(2);
        assertThat(indicators)
                .bodyJson()
                .extractingPath("$.indicators[0].value")
                .isEqualTo(50.0);
        assertThat(indicators)
                .bodyJson()
                .extractingPath("$.indicators[0].targets.2025")
                .isEqualTo(100.0);
        assertThat(indicators)
                .bodyJson()
                .extractingPath("$.indicators[1].code")
                .isEqualTo("organization-chapter-coverage");
        assertThat(indicators)
                .bodyJson()
                .extractingPath("$.indicators[1].numerator")
                .isEqualTo(0);
        assertThat(indicators)
                .bodyJson()
                .extractingPath("$.indicators[2].targets.2030")
                .isEqualTo(90.0);

        assertThat(mvc.get()
                        .uri("/coverage")
                        .param("locality", COUNTED)
                        .param("gap", "ORGANIZATION")
                        .with(user(accounts.admin())))
                .hasStatusOk()
                .bodyText()
                .contains("Trường THCS Ea H&#39;Leo")
                .contains("Chi hội chưa ghi nhận tổ chức phong trào");
        assertThat(mvc.get()
                        .uri("/coverage")
                        .param("locality", COUNTED)
                        .param("gap", "CLAN")
                        .with(user(accounts.admin())))
                .hasStatusOk()
                .bodyText()
                .contains("Dòng họ Y Niê")
                .contains("Chưa có chi hội, ban khuyến học");
    }

    @Test
    void aHostCannotHaveTwoActiveChapters() throws Exception {
        String village = post(
                "/api/v1/localities",
                "{\"validFrom\":\"1990-01-01\",\"parentCode\":\"" + COMMUNE
                        + "\",\"name\":\"Thôn Hai Chi Hội\",\"kind\":\"thôn\"}",
                "$.code");
        post(
                "/api/v1/chapters",
                "{\"kind\":\"CHI_HOI\",\"hostType\":\"VILLAGE\",\"hostCode\":\"" + village + "\"}",
                "$.id");

        assertThat(mvc.post()
                        .uri("/api/v1/chapters")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"TO_KHUYEN_HOC\",\"hostType\":\"VILLAGE\",\"hostCode\":\"" + village
                                + "\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("hostCode");
    }

    @Test
    void refusesAMovementYearBeforeTheChapterWasFounded() throws Exception {
        String village = post(
                "/api/v1/localities",
                "{\"validFrom\":\"1990-01-01\",\"parentCode\":\"" + COMMUNE
                        + "\",\"name\":\"Thôn Mới Lập\",\"kind\":\"thôn\"}",
                "$.code");
        String chapter = post(
                "/api/v1/chapters",
                "{\"kind\":\"CHI_HOI\",\"hostType\":\"VILLAGE\",\"hostCode\":\"" + village + "\",\"foundedOn\":\""
                        + YEAR + "-01-02\"}",
                "$.id");

        assertThat(mvc.put()
                        .uri("/api/v1/chapters/" + chapter + "/movement/2022")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"runsMovement\":true}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("year");
    }

    @Test
    void officerOfAnotherCommuneGets404ForAChapter() throws Exception {
        String village = post(
                "/api/v1/localities",
                "{\"validFrom\":\"1990-01-01\",\"parentCode\":\"" + COMMUNE
                        + "\",\"name\":\"Thôn Riêng\",\"kind\":\"thôn\"}",
                "$.code");
        String chapter = post(
                "/api/v1/chapters",
                "{\"kind\":\"CHI_HOI\",\"hostType\":\"VILLAGE\",\"hostCode\":\"" + village + "\"}",
                "$.id");
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");

        assertThat(mvc.get()
                        .uri("/api/v1/chapters/" + chapter)
                        .with(httpBasic(officer.username(), TestAccounts.PASSWORD)))
                .hasStatus(404);
        assertThat(mvc.get()
                        .uri("/api/v1/indicators")
                        .param("locality", COMMUNE)
                        .with(httpBasic(officer.username(), TestAccounts.PASSWORD)))
                .hasStatus(404);
    }

    @Test
    void chapterImportIsAllOrNothingAndExportFollowsTheFilter() throws Exception {
        String first = post(
                "/api/v1/localities",
                "{\"validFrom\":\"1990-01-01\",\"parentCode\":\"22237\",\"name\":\"Thôn Nhập Một\",\"kind\":\"thôn\"}",
                "$.code");
        String second = post(
                "/api/v1/localities",
                "{\"validFrom\":\"1990-01-01\",\"parentCode\":\"22237\",\"name\":\"Thôn Nhập Hai\",\"kind\":\"thôn\"}",
                "$.code");
        String bad = "kind,host_type,host_code,founded_on\nCHI_HOI,VILLAGE," + first
                + ",01/02/2015\nchi hội khuyến học,thôn," + second + ",2016-13-01\n";
        String good = "Loại,Đặt tại,Mã thôn,Ngày thành lập\nCHI_HOI,VILLAGE," + first
                + ",01/02/2015\nchi hội khuyến học,thôn," + second + ",\n";

        var rejected = upload(bad, false);
        assertThat(rejected)
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].row")
                .isEqualTo(3);
        assertThat(rejected).bodyJson().extractingPath("$.errors[0].column").isEqualTo("Ngày thành lập");
        assertThat(mvc.get().uri("/api/v1/chapters").param("locality", "22237").with(admin()))
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(0);

        assertThat(upload(good, false))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.saved")
                .isEqualTo(2);
        var export = mvc.get()
                .uri("/chapters/export")
                .param("locality", "22237")
                .param("format", "csv")
                .with(user(accounts.admin()))
                .exchange();
        assertThat(export).hasStatusOk();
        String csv = export.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("Chi hội khuyến học Thôn Nhập Một").contains("Chi hội khuyến học Thôn Nhập Hai");
        assertThat(csv.lines().count()).isEqualTo(3);
    }

    private MvcTestResult upload(String csv, boolean dryRun) {
        return mvc.post()
                .uri("/api/v1/chapters/import")
                .multipart()
                .file(new org.springframework.mock.web.MockMultipartFile(
                        "file", "chi-hoi.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .param("dryRun", String.valueOf(dryRun))
                .with(admin())
                .exchange();
    }

    @Test
    void aYearOutsideTheProgrammeIsRefused() {
        assertThat(mvc.get().uri("/api/v1/indicators").param("year", "2019").with(admin()))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("year");
    }

    private String post(String uri, String json, String path) throws Exception {
        MvcTestResult result = mvc.post()
                .uri(uri)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
        assertThat(result).hasStatus(201);
        Object value = JsonPath.read(result.getResponse().getContentAsString(), path);
        return String.valueOf(value);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);
    }
}
