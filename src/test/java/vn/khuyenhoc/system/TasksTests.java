package vn.khuyenhoc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * The to-do home and {@code /api/v1/tasks} against a world made by hand in commune 22147: a village clerk's households
 * to register, self-assessments to do and files returned; the officer's reviews, villages without a chapter and
 * sessions without attendance; deadlines and overdue marks.
 */
@IntegrationTest
class TasksTests {

    static final String COMMUNE = "22147";
    static final String PASSING = "{\"1.1\":10,\"1.2\":9,\"1.3\":9,\"2.1\":10,\"2.2\":8,\"2.3\":6,\"3.1\":7,\"3.2\":6,"
            + "\"3.3\":5,\"4.1\":6,\"4.2\":7,\"4.3\":6}";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void countsWhatIsDueForAClerkAndAnOfficerWithDeadlinesAndLinks() throws Exception {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, COMMUNE);
        long villagesBefore = count(tasks(officer), "village-without-chapter");
        long sessionsBefore = count(tasks(officer), "session-without-attendance");
        String mine = village();
        String next = village();
        SignedInUser clerk = accounts.open(Role.DATA_CLERK, mine);
        String a1 = household(clerk, mine, "Y Một");
        String a2 = household(clerk, mine, "Y Hai");
        household(clerk, mine, "Y Ba");
        String b1 = household(officer, next, "H Bốn");
        LocalDate today = LocalDate.now();
        String round = post(
                as(officer),
                "/api/v1/rounds",
                "{\"title\":\"LEARNING_FAMILY\",\"registrationDue\":\"" + today.plusDays(10) + "\",\"decisionDue\":\""
                        + today.plusDays(60) + "\"}",
                "$.id");
        String registered = mvc.post()
                .uri("/api/v1/rounds/" + round + "/registrations")
                .with(as(clerk))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"subjectIds\":[" + a1 + "," + a2 + "]}")
                .exchange()
                .getResponse()
                .getContentAsString();
        String r1 = registration(registered, a1);
        String rb = post(
                as(officer),
                "/api/v1/rounds/" + round + "/registrations",
                "{\"subjectIds\":[" + b1 + "]}",
                "$.items[0].id");
        assertThat(assess(clerk, r1)).hasStatusOk();
        assertThat(mvc.post()
                        .uri("/api/v1/registrations/" + r1 + "/return")
                        .with(as(officer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\":\"Thiếu minh chứng\"}".getBytes(StandardCharsets.UTF_8)))
                .hasStatusOk();
        assertThat(assess(officer, rb)).hasStatusOk();
        post(
                as(officer),
                "/api/v1/chapters",
                "{\"kind\":\"CHI_HOI\",\"name\":\"Chi hội " + mine + "\",\"hostType\":\"VILLAGE\",\"hostCode\":\""
                        + mine + "\"}",
                "$.id");
        post(
                as(officer),
                "/api/v1/policy-studies",
                "{\"localityCode\":\"" + COMMUNE + "\",\"date\":\"" + today.minusDays(1)
                        + "\",\"title\":\"Quán triệt Kết luận 49\",\"documents\":[\"KL-49-TW\"]}",
                "$.id");

        List<Map<String, Object>> clerks = tasks(clerk);
        assertThat(count(clerks, "unregistered")).isEqualTo(1);
        assertThat(count(clerks, "self-assessment")).isEqualTo(1);
        assertThat(count(clerks, "returned")).isEqualTo(1);
        assertThat(task(clerks, "unregistered").get("href")).isEqualTo("/rounds/" + round + "/register");
        assertThat(task(clerks, "returned").get("href")).isEqualTo("/rounds/" + round + "?stage=RETURNED");
        assertThat(task(clerks, "unregistered").get("dueOn"))
                .isEqualTo(today.plusDays(10).toString());
        assertThat(task(clerks, "self-assessment").get("overdue")).isEqualTo(false);
        assertThat(clerks).extracting(t -> t.get("kind")).doesNotContain("review", "village-without-chapter");

        List<Map<String, Object>> officers = tasks(officer);
        assertThat(count(officers, "review")).isEqualTo(1);
        assertThat(task(officers, "review").get("href")).isEqualTo("/rounds/" + round + "?stage=SELF_ASSESSED");
        assertThat(count(officers, "village-without-chapter")).isEqualTo(villagesBefore + 1);
        assertThat(count(officers, "session-without-attendance")).isEqualTo(sessionsBefore + 1);
        assertThat(officers).extracting(t -> t.get("kind")).doesNotContain("unregistered", "appraisal");

        // the deadlines pass: the clerk's work is marked overdue, on the home page too
        jdbc.sql("update rounds set registration_due = :d2, self_assessment_due = :d1 where id = :id")
                .param("d2", today.minusDays(2))
                .param("d1", today.minusDays(1))
                .param("id", Long.parseLong(round))
                .update();
        clerks = tasks(clerk);
        assertThat(task(clerks, "self-assessment").get("overdue")).isEqualTo(true);
        assertThat(task(clerks, "unregistered").get("overdue")).isEqualTo(true);
        assertThat(mvc.get().uri("/").with(user(clerk)))
                .hasStatusOk()
                .bodyText()
                .contains("hộ chưa đăng ký", "href=\"/rounds/" + round + "/register\"", "quá hạn", "Tìm địa bàn");
    }

    @Test
    void theDecisionOfficeSeesTheAppraisedFilesWaitingForADecision() throws Exception {
        String commune = "22165";
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, commune);
        SignedInUser appraiser = accounts.open(Role.COMMUNE_OFFICER, commune);
        SignedInUser office = accounts.open(Role.DECISION_OFFICE, commune);
        String village = post(
                httpBasic("admin", IntegrationTest.ADMIN_PASSWORD),
                "/api/v1/localities",
                "{\"parentCode\":\"" + commune + "\",\"name\":\"Thôn Quyết "
                        + UUID.randomUUID().toString().substring(0, 6) + "\",\"kind\":\"thôn\"}",
                "$.code");
        String family = household(officer, village, "Y Quyết");
        LocalDate today = LocalDate.now();
        String round = post(
                as(officer),
                "/api/v1/rounds",
                "{\"title\":\"LEARNING_FAMILY\",\"registrationDue\":\"" + today.plusDays(10) + "\",\"decisionDue\":\""
                        + today.plusDays(60) + "\"}",
                "$.id");
        String registration = post(
                as(officer),
                "/api/v1/rounds/" + round + "/registrations",
                "{\"subjectIds\":[" + family + "]}",
                "$.items[0].id");
        assertThat(assess(officer, registration)).hasStatusOk();
        assertThat(count(tasks(office), "decision")).isZero();
        for (String stage : List.of("REVIEW", "APPRAISAL")) {
            assertThat(mvc.put()
                            .uri("/api/v1/registrations/" + registration + "/assessments/" + stage)
                            .with(as(appraiser))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"scores\":" + PASSING + "}"))
                    .hasStatusOk();
        }

        List<Map<String, Object>> offices = tasks(office);
        assertThat(count(offices, "decision")).isEqualTo(1);
        assertThat(task(offices, "decision").get("href")).isEqualTo("/rounds/" + round + "?stage=APPRAISED");
        assertThat(task(offices, "decision").get("dueOn"))
                .isEqualTo(today.plusDays(60).toString());
        assertThat(offices).extracting(t -> t.get("kind")).containsOnly("decision");
    }

    @Test
    void aViewerHasNothingToDo() throws Exception {
        SignedInUser viewer = accounts.open(Role.VIEWER, COMMUNE);

        assertThat(tasks(viewer)).isEmpty();
        assertThat(mvc.get().uri("/").with(user(viewer)))
                .hasStatusOk()
                .bodyText()
                .contains("Không có việc nào đang chờ bạn");
    }

    private List<Map<String, Object>> tasks(SignedInUser who) throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/tasks").with(as(who)).exchange();
        assertThat(result).hasStatusOk();
        return JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "$");
    }

    private static Map<String, Object> task(List<Map<String, Object>> tasks, String kind) {
        return tasks.stream()
                .filter(t -> kind.equals(t.get("kind")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no task " + kind + " in " + tasks));
    }

    private static long count(List<Map<String, Object>> tasks, String kind) {
        return tasks.stream()
                .filter(t -> kind.equals(t.get("kind")))
                .mapToLong(t -> ((Number) t.get("count")).longValue())
                .sum();
    }

    private MvcTestResult assess(SignedInUser who, String registration) {
        return mvc.put()
                .uri("/api/v1/registrations/" + registration + "/assessments/SELF")
                .with(as(who))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"scores\":" + PASSING + "}")
                .exchange();
    }

    private static String registration(String body, String subject) {
        List<Integer> ids = JsonPath.read(body, "$.items[?(@.subjectId == " + subject + ")].id");
        return String.valueOf(ids.get(0));
    }

    private String household(SignedInUser who, String village, String head) throws Exception {
        return post(
                as(who),
                "/api/v1/families",
                "{\"villageCode\":\"" + village + "\",\"headName\":\"" + head
                        + "\",\"members\":4,\"adults\":2,\"schoolAgeChildren\":2}",
                "$.id");
    }

    private String village() throws Exception {
        return post(
                httpBasic("admin", IntegrationTest.ADMIN_PASSWORD),
                "/api/v1/localities",
                "{\"parentCode\":\"" + COMMUNE + "\",\"name\":\"Thôn Việc "
                        + UUID.randomUUID().toString().substring(0, 6) + "\",\"kind\":\"thôn\"}",
                "$.code");
    }

    private String post(RequestPostProcessor who, String uri, String json, String path) throws Exception {
        MvcTestResult result = mvc.post()
                .uri(uri)
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.getBytes(StandardCharsets.UTF_8))
                .exchange();
        assertThat(result).hasStatus(201);
        return String.valueOf(JsonPath.<Object>read(result.getResponse().getContentAsString(), path));
    }

    private static RequestPostProcessor as(SignedInUser user) {
        return httpBasic(user.getUsername(), TestAccounts.PASSWORD);
    }
}
