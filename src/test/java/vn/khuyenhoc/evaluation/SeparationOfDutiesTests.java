package vn.khuyenhoc.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * Separation of duties in the recognition cycle: whoever recorded a registration's self-assessment records neither its
 * review nor its appraisal; review is by a commune officer; the province administrator may switch it off. Commune 22132.
 */
@IntegrationTest
class SeparationOfDutiesTests {

    static final String COMMUNE = "22132";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSelfAssessorMayNeitherReviewNorAppraiseAndAnotherOfficerMay() throws Exception {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, COMMUNE);
        SignedInUser other = accounts.open(Role.COMMUNE_OFFICER, COMMUNE);
        String registration = registered(officer);

        assertThat(assess(officer, registration, "SELF")).hasStatusOk();
        assertThat(assess(officer, registration, "REVIEW"))
                .hasStatus(403)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("Bạn đã ghi tự đánh giá của hồ sơ này nên không ghi bình xét");
        assertThat(mvc.get().uri("/registrations/" + registration).with(user(officer)))
                .hasStatusOk()
                .bodyText()
                .contains("tách bạch nhiệm vụ")
                .doesNotContain("Lưu bình xét");

        assertThat(assess(other, registration, "REVIEW")).hasStatusOk();
        assertThat(assess(officer, registration, "APPRAISAL"))
                .hasStatus(403)
                .bodyText()
                .contains("không ghi thẩm định");
        assertThat(assess(other, registration, "APPRAISAL"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.registrationStage")
                .isEqualTo("APPRAISED");
    }

    @Test
    void aClerkDoesNotReviewWhileTheSeparationIsOnAndMayWhenTheProvinceSwitchesItOff() throws Exception {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, COMMUNE);
        SignedInUser clerk = accounts.open(Role.DATA_CLERK, COMMUNE);
        String registration = registered(officer);
        assertThat(assess(clerk, registration, "SELF")).hasStatusOk();
        assertThat(assess(clerk, registration, "REVIEW"))
                .hasStatus(403)
                .bodyText()
                .contains("Bình xét do cán bộ xã ghi nhận");

        // only the province-wide administrator switches it
        SignedInUser communeAdmin = accounts.open(Role.PROVINCE_ADMIN, COMMUNE);
        assertThat(switchSeparation(communeAdmin, false)).hasStatus(403);
        assertThat(switchSeparation(accounts.admin(), false)).hasStatus3xxRedirection();
        try {
            assertThat(assess(clerk, registration, "REVIEW")).hasStatusOk();
            assertThat(jdbc.sql("""
                            select new_value::text from audit_events
                            where entity_type = 'recognition-settings' order by id desc limit 1
                            """).query(String.class).single()).contains("false");
        } finally {
            assertThat(switchSeparation(accounts.admin(), true)).hasStatus3xxRedirection();
        }
        assertThat(jdbc.sql("select separation_of_duties from recognition_settings")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    private MvcTestResult switchSeparation(SignedInUser who, boolean on) {
        int version = jdbc.sql("select version from recognition_settings")
                .query(Integer.class)
                .single();
        return mvc.post()
                .uri("/recognition-settings/separation-of-duties")
                .param("on", String.valueOf(on))
                .param("version", String.valueOf(version))
                .with(user(who))
                .with(csrf())
                .exchange();
    }

    /** A new household of a new village of the commune, registered in a new family round of this year. */
    private String registered(SignedInUser officer) throws Exception {
        String village = post(
                admin(),
                "/api/v1/localities",
                "{\"parentCode\":\"" + COMMUNE + "\",\"name\":\"Thôn Tách Bạch " + System.nanoTime()
                        + "\",\"kind\":\"thôn\"}",
                "$.code");
        String family = post(
                as(officer),
                "/api/v1/families",
                "{\"villageCode\":\"" + village
                        + "\",\"headName\":\"Nguyễn Văn Tách\",\"members\":4,\"adults\":2,\"schoolAgeChildren\":2}",
                "$.id");
        String round = jdbc.sql("""
                        select r.id::text from rounds r join localities l on l.code = :commune
                        where r.title = 'LEARNING_FAMILY' and r.year = :year and r.locality_path = l.path
                        """)
                .param("commune", COMMUNE)
                .param("year", LocalDate.now().getYear())
                .query(String.class)
                .optional()
                .orElse(null);
        if (round == null) {
            round = post(
                    as(officer),
                    "/api/v1/rounds",
                    "{\"title\":\"LEARNING_FAMILY\",\"registrationDue\":\""
                            + LocalDate.now().plusDays(10) + "\",\"decisionDue\":\""
                            + LocalDate.now().plusDays(60) + "\"}",
                    "$.id");
        }
        return post(
                as(officer),
                "/api/v1/rounds/" + round + "/registrations",
                "{\"subjectIds\":[" + family + "]}",
                "$.items[0].id");
    }

    private MvcTestResult assess(SignedInUser who, String registration, String stage) {
        return mvc.put()
                .uri("/api/v1/registrations/" + registration + "/assessments/" + stage)
                .with(as(who))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"scores\":" + EvaluationTests.PASSING + "}")
                .exchange();
    }

    private String post(RequestPostProcessor who, String uri, String json, String path) throws Exception {
        MvcTestResult result = mvc.post()
                .uri(uri)
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .exchange();
        assertThat(result).hasStatus(201);
        return String.valueOf(JsonPath.<Object>read(result.getResponse().getContentAsString(), path));
    }

    private static RequestPostProcessor as(SignedInUser user) {
        return httpBasic(user.getUsername(), TestAccounts.PASSWORD);
    }

    private static RequestPostProcessor admin() {
        return httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);
    }
}
