package vn.khuyenhoc.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
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
 * Drafts of a self-assessment through the API: kept per registration and person as typed, with the running total and
 * the rule's result, only in scope, not audited, deleted by the submission, and a submission based on a version that
 * changed meanwhile refused. Households in new villages of Xã Vân Hòa (22177), which no other test uses.
 */
@IntegrationTest
class AssessmentDraftTests {

    /** 7 of 12 items, 10 + 9 + 9 + 10 + 8 + 6 + 7 = 59 points. */
    static final String PART = "{\"1.1\":10,\"1.2\":9,\"1.3\":9,\"2.1\":10,\"2.2\":8,\"2.3\":6,\"3.1\":7}";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    record Setup(RequestPostProcessor clerk, RequestPostProcessor officer, String registration, String village) {}

    @Test
    void keepsTheTypedScoresWithTheRunningTotalAndNoAuditEntry() throws Exception {
        Setup s = setup("Thôn Nháp Một");
        long audited = audited(s.registration());

        MvcTestResult saved = saveDraft(s.clerk(), s.registration(), PART, 0);
        assertThat(saved).hasStatusOk();
        String body = saved.getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(body, "$.preview.total")).isEqualTo(59);
        assertThat(JsonPath.<Integer>read(body, "$.preview.maxTotal")).isEqualTo(100);
        assertThat(JsonPath.<List<String>>read(body, "$.preview.missing"))
                .containsExactly("3.2", "3.3", "4.1", "4.2", "4.3");
        assertThat(JsonPath.<Object>read(body, "$.preview.result")).isNull();
        assertThat(JsonPath.<String>read(body, "$.savedAt")).matches("\\d\\d:\\d\\d");

        // read again (a reload, another phone of the same person): the same scores
        MvcTestResult again = mvc.get()
                .uri("/api/v1/registrations/" + s.registration() + "/draft")
                .with(s.clerk())
                .exchange();
        assertThat(again).hasStatusOk();
        assertThat(JsonPath.<Integer>read(again.getResponse().getContentAsString(), "$.scores['1.2']"))
                .isEqualTo(9);
        assertThat(JsonPath.<Boolean>read(again.getResponse().getContentAsString(), "$.stale"))
                .isFalse();
        // a draft is not the record
        assertThat(audited(s.registration())).isEqualTo(audited);
        assertThat(JsonPath.<String>read(
                        mvc.get()
                                .uri("/api/v1/registrations/" + s.registration())
                                .with(s.clerk())
                                .exchange()
                                .getResponse()
                                .getContentAsString(),
                        "$.registration.stage"))
                .isEqualTo("REGISTERED");
    }

    @Test
    void givesTheResultOfTheSetsRuleOnceEveryItemIsScored() throws Exception {
        Setup s = setup("Thôn Nháp Hai");
        MvcTestResult passing = saveDraft(s.clerk(), s.registration(), EvaluationTests.PASSING, 0);
        assertThat(passing)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.preview.result")
                .isEqualTo("PASS");
        MvcTestResult failing = saveDraft(s.clerk(), s.registration(), EvaluationTests.ZERO_CRITERION, 0);
        assertThat(failing)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.preview.result")
                .isEqualTo("FAIL");
        assertThat(failing).bodyJson().extractingPath("$.preview.total").isEqualTo(75);
        assertThat(failing.getResponse().getContentAsString()).contains("Tiêu chí 3");
    }

    @Test
    void outsideTheScopeADraftIsNotFound() throws Exception {
        Setup s = setup("Thôn Nháp Ba");
        String other = village("Thôn Nháp Láng Giềng");
        RequestPostProcessor neighbour = as(accounts.open(Role.DATA_CLERK, other));
        assertThat(mvc.get()
                        .uri("/api/v1/registrations/" + s.registration() + "/draft")
                        .with(neighbour)
                        .exchange())
                .hasStatus(404);
        assertThat(saveDraft(neighbour, s.registration(), PART, 0)).hasStatus(404);
        assertThat(count(s.registration())).isZero();
    }

    @Test
    void theSubmissionDeletesTheDraft() throws Exception {
        Setup s = setup("Thôn Nháp Bốn");
        assertThat(saveDraft(s.clerk(), s.registration(), EvaluationTests.PASSING, 0))
                .hasStatusOk();
        assertThat(count(s.registration())).isEqualTo(1);

        assertThat(submit(s.clerk(), s.registration(), EvaluationTests.PASSING, 0))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.registrationStage")
                .isEqualTo("SELF_ASSESSED");
        assertThat(count(s.registration())).isZero();
        MvcTestResult after = mvc.get()
                .uri("/api/v1/registrations/" + s.registration() + "/draft")
                .with(s.clerk())
                .exchange();
        assertThat(after).hasStatusOk();
        assertThat(JsonPath.<Object>read(after.getResponse().getContentAsString(), "$.savedAt"))
                .isNull();
        assertThat(JsonPath.<Integer>read(after.getResponse().getContentAsString(), "$.basedOnVersion"))
                .isEqualTo(1);
    }

    @Test
    void aSubmissionBasedOnAVersionChangedMeanwhileIsRefused() throws Exception {
        Setup s = setup("Thôn Nháp Năm");
        RequestPostProcessor second = as(accounts.open(Role.DATA_CLERK, s.village()));
        // the second clerk starts a draft on version 0; the first submits meanwhile (version 1)
        assertThat(saveDraft(second, s.registration(), EvaluationTests.PASSING, 0))
                .hasStatusOk();
        assertThat(submit(s.clerk(), s.registration(), EvaluationTests.PASSING, 0))
                .hasStatusOk();

        MvcTestResult stale = mvc.get()
                .uri("/api/v1/registrations/" + s.registration() + "/draft")
                .with(second)
                .exchange();
        assertThat(JsonPath.<Boolean>read(stale.getResponse().getContentAsString(), "$.stale"))
                .isTrue();
        MvcTestResult refused = submit(second, s.registration(), EvaluationTests.ZERO_CRITERION, 0);
        assertThat(refused).hasStatus(409);
        assertThat(refused.getResponse().getContentAsString()).contains("vừa được người khác thay đổi");
        // a save still on its way when the first clerk submitted does not bring back a draft on the old version
        MvcTestResult late = saveDraft(s.clerk(), s.registration(), EvaluationTests.PASSING, 0);
        assertThat(late).hasStatus(409);
        assertThat(late.getResponse().getContentAsString()).contains("vừa được gửi hoặc thay đổi");
        assertThat(jdbc.sql(
                                "select count(*) from assessment_drafts where registration_id = :id and based_on_version = 0")
                        .param("id", Long.parseLong(s.registration()))
                        .query(Long.class)
                        .single())
                .as("only the second clerk's stale draft")
                .isEqualTo(1);
    }

    @Test
    void aDraftIsRefusedOnceTheSelfAssessmentCannotBeMadeAnyMore() throws Exception {
        Setup s = setup("Thôn Nháp Sáu");
        assertThat(submit(s.clerk(), s.registration(), EvaluationTests.PASSING, 0))
                .hasStatusOk();
        assertThat(mvc.put()
                        .uri("/api/v1/registrations/" + s.registration() + "/assessments/REVIEW")
                        .with(s.officer()) // separation of duties: the clerk who self-assessed does not review
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scores\":" + EvaluationTests.PASSING + "}")
                        .exchange())
                .hasStatusOk();
        MvcTestResult refused = saveDraft(s.clerk(), s.registration(), PART, 2);
        assertThat(refused).hasStatus(409);
        assertThat(refused.getResponse().getContentAsString()).contains("không lưu nháp");
        // the page's own door answers its script a problem detail, not an error page
        MvcTestResult page = mvc.put()
                .uri("/registrations/" + s.registration() + "/draft")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                        clerkOf(s)))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"scores\":" + PART + ",\"basedOnVersion\":2}")
                .exchange();
        assertThat(page)
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("không lưu nháp");
    }

    @Test
    void anUnknownItemIsRefusedByName() throws Exception {
        Setup s = setup("Thôn Nháp Bảy");
        MvcTestResult refused = saveDraft(s.clerk(), s.registration(), "{\"9.9\":1}", 0);
        assertThat(refused).hasStatus(400);
        assertThat(refused.getResponse().getContentAsString()).contains("9.9");
    }

    @Test
    void evidenceIsTakenWithoutTheScriptAndInPlaceWithIt() throws Exception {
        Setup s = setup("Thôn Minh Chứng Tại Chỗ");
        var clerk = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                clerkOf(s));
        byte[] pdf = "%PDF-1.4 biên bản".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // without the script the form sends its camera field empty and its file field chosen
        assertThat(mvc.post()
                        .uri("/registrations/" + s.registration() + "/evidence")
                        .multipart()
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "", "image/jpeg", new byte[0]))
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "file", "bien-ban.pdf", "application/pdf", pdf))
                        .param("itemCode", "1.1")
                        .with(clerk)
                        .with(
                                org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                        .exchange())
                .hasStatus3xxRedirection();
        // with it, the answer is the evidence part of the page alone
        MvcTestResult inPlace = mvc.post()
                .uri("/registrations/" + s.registration() + "/evidence")
                .multipart()
                .file(new org.springframework.mock.web.MockMultipartFile(
                        "file", "bien-ban-2.pdf", "application/pdf", pdf))
                .param("itemCode", "1.2")
                .header("HX-Request", "true")
                .with(clerk)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .exchange();
        assertThat(inPlace)
                .hasStatusOk()
                .bodyText()
                .contains(
                        "id=\"evidence\"", "bien-ban.pdf", "bien-ban-2.pdf", "Đã tải lên minh chứng cho mục 1.2", "xóa")
                .doesNotContain("<html");
        MvcTestResult refused = mvc.post()
                .uri("/registrations/" + s.registration() + "/evidence")
                .multipart()
                .file(new org.springframework.mock.web.MockMultipartFile(
                        "file",
                        "ghi-chu.txt",
                        "text/plain",
                        "không phải PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .param("itemCode", "1.2")
                .header("HX-Request", "true")
                .with(clerk)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .exchange();
        assertThat(refused).hasStatus(422).bodyText().contains("không phải PDF, JPEG hay PNG");
        assertThat(jdbc.sql("select count(*) from evidence_files where registration_id = :id")
                        .param("id", Long.parseLong(s.registration()))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    private SignedInUser clerkOf(Setup s) {
        return accounts.open(Role.DATA_CLERK, s.village());
    }

    private Setup setup(String villageName) throws Exception {
        String village = village(villageName);
        RequestPostProcessor clerk = as(accounts.open(Role.DATA_CLERK, village));
        RequestPostProcessor officer = as(accounts.open(Role.COMMUNE_OFFICER, "22177"));
        String household = post(
                clerk,
                "/api/v1/families",
                "{\"villageCode\":\"" + village + "\",\"headName\":\"Y Nháp Niê\",\"members\":4,\"adults\":2,"
                        + "\"schoolAgeChildren\":2}",
                "$.id");
        String round = round(officer);
        MvcTestResult registered = mvc.post()
                .uri("/api/v1/rounds/" + round + "/registrations")
                .with(clerk)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"subjectIds\":[" + household + "]}")
                .exchange();
        assertThat(registered).hasStatus(201);
        String registration =
                String.valueOf(JsonPath.<Integer>read(registered.getResponse().getContentAsString(), "$.items[0].id"));
        return new Setup(clerk, officer, registration, village);
    }

    /** This year's household round of 22177: opened by the first test, found by the others. */
    private String round(RequestPostProcessor officer) throws Exception {
        MvcTestResult opened = mvc.post()
                .uri("/api/v1/rounds")
                .with(officer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"LEARNING_FAMILY\",\"registrationDue\":\""
                        + LocalDate.now().plusDays(10) + "\",\"decisionDue\":\""
                        + LocalDate.now().plusDays(60) + "\"}")
                .exchange();
        if (opened.getResponse().getStatus() == 201) {
            return String.valueOf(JsonPath.<Integer>read(opened.getResponse().getContentAsString(), "$.id"));
        }
        return String.valueOf(jdbc.sql("""
                        select r.id from rounds r join localities l on l.id = r.locality_id
                        where l.code = '22177' and r.title = 'LEARNING_FAMILY' and r.level = 'HOUSEHOLD'
                          and r.year = extract(year from current_date)
                        """).query(Long.class).single());
    }

    private String village(String name) throws Exception {
        return post(
                httpBasic("admin", IntegrationTest.ADMIN_PASSWORD),
                "/api/v1/localities",
                "{\"parentCode\":\"22177\",\"name\":\"" + name + "\",\"kind\":\"thôn\"}",
                "$.code");
    }

    private MvcTestResult saveDraft(RequestPostProcessor who, String registration, String scores, int version) {
        return mvc.put()
                .uri("/api/v1/registrations/" + registration + "/draft")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"scores\":" + scores + ",\"comment\":\"Đang nhập\",\"basedOnVersion\":" + version + "}")
                .exchange();
    }

    private MvcTestResult submit(RequestPostProcessor who, String registration, String scores, int version) {
        return mvc.put()
                .uri("/api/v1/registrations/" + registration + "/assessments/self")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"scores\":" + scores + ",\"version\":" + version + "}")
                .exchange();
    }

    private long count(String registration) {
        return jdbc.sql("select count(*) from assessment_drafts where registration_id = :id")
                .param("id", Long.parseLong(registration))
                .query(Long.class)
                .single();
    }

    private long audited(String registration) {
        return jdbc.sql("select count(*) from audit_events where entity_type = 'registration' and entity_id = :id")
                .param("id", registration)
                .query(Long.class)
                .single();
    }

    private String post(RequestPostProcessor who, String uri, String json, String path) throws Exception {
        MvcTestResult result = mvc.post()
                .uri(uri)
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
        assertThat(result).hasStatus(201);
        return String.valueOf(JsonPath.<Object>read(result.getResponse().getContentAsString(), path));
    }

    private static RequestPostProcessor as(SignedInUser user) {
        return httpBasic(user.getUsername(), TestAccounts.PASSWORD);
    }
}
