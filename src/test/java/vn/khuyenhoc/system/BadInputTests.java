package vn.khuyenhoc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * Bad input ends in a Vietnamese 400 that names what is wrong (a problem detail on the API and the open data, the
 * page with a message on the web), never a 500 and never a download that starts and then breaks.
 */
@IntegrationTest
class BadInputTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    @Test
    void aNulCharacterInJsonIsStrippedNotAServerError() throws Exception {
        String village = village("22207");
        String name = "Nguyễn Văn " + UUID.randomUUID().toString().substring(0, 6);
        MvcTestResult created = postFamily("{\"villageCode\":\"" + village + "\",\"headName\":\""
                + name.replace(" Văn", "\\u0000 Văn") + "\",\"address\":\"Số 1\\u0007\\u0000\",\"members\":1,"
                + "\"adults\":1,\"schoolAgeChildren\":0}");

        assertThat(created).hasStatus(201);
        Number id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
        assertThat(jdbc.sql("select head_name || '|' || address from families where id = :id")
                        .param("id", id.longValue())
                        .query(String.class)
                        .single())
                .isEqualTo(name + "|Số 1");
    }

    @Test
    void everyJsonStringLosesItsControlCharactersButKeepsItsLines() {
        assertThat(json.readValue("\"Dòng 1\\u0000\\r\\nDòng\\u001b 2\"", String.class))
                .isEqualTo("Dòng 1\r\nDòng 2");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByItsField() {
        assertThat(mvc.post()
                        .uri("/api/v1/members")
                        .with(user(accounts.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\":\"Lê Thị Hoa\",\"birthYear\":\"abc\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Trường “birthYear”: giá trị không đúng kiểu (cần số).");
        assertThat(postFamily("{\"headName\":\"Lê Văn An\",\"members\":true}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("members");
    }

    @Test
    void malformedJsonIsA400InVietnamese() {
        assertThat(postFamily("{\"headName\": \"Lê Văn An\","))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("JSON");
    }

    @Test
    void aParameterOfTheWrongTypeOrMissingIsNamed() {
        assertThat(mvc.get().uri("/api/v1/families?page=x").with(user(accounts.admin())))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("“page”");
        assertThat(mvc.get().uri("/api/v1/members?chapter=abc").with(user(accounts.admin())))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("chapter");
        assertThat(mvc.get().uri("/rounds?year=abc").with(user(accounts.admin())))
                .hasStatus(400)
                .bodyText()
                .contains("Tham số “year”");
        assertThat(mvc.get().uri("/api/v1/funnel?year=2025").with(user(accounts.admin())))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Thiếu tham số “title”.");
    }

    @Test
    void aYearOutsideTheProgrammeIsRefusedBeforeAnyOpenDataIsSent() {
        for (String uri : new String[] {
            "/public/indicators.csv?year=99999",
            "/public/indicators.json?year=99999",
            "/api/v1/public/indicators?year=99999"
        }) {
            MvcTestResult result = mvc.get().uri(uri).exchange();
            assertThat(result).as(uri).hasStatus(400);
            assertThat(result.getResponse().getContentType()).as(uri).startsWith("application/problem+json");
            assertThat(result.getResponse().getHeader("Content-Disposition"))
                    .as(uri)
                    .isNull();
        }
        assertThat(mvc.get().uri("/public/statistics?year=99999"))
                .hasStatus(400)
                .bodyText()
                .contains("Năm phải từ 2021");
        assertThat(mvc.get()
                        .uri("/api/v1/funnel?title=LEARNING_FAMILY&year=99999")
                        .with(user(accounts.admin())))
                .hasStatus(400);
        assertThat(mvc.get().uri("/rounds?year=1999").with(user(accounts.admin())))
                .hasStatus(400);
    }

    @Test
    void aLongSearchTextIsRefusedWithAShortMessage() {
        assertThat(mvc.get().uri("/api/v1/families?q=" + "a".repeat(300)).with(user(accounts.admin())))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("Từ khóa tìm kiếm quá dài");
        assertThat(mvc.get().uri("/families?q=" + "a".repeat(300)).with(user(accounts.admin())))
                .hasStatus(400)
                .bodyText()
                .contains("Từ khóa tìm kiếm quá dài");
    }

    @Test
    void aRequestLineTooLongForTomcatGetsAShortVietnameseAnswer() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String q = "nguyen".repeat(100_000 / 6);
        HttpResponse<String> api = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/public/indicators?q=" + q))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("Yêu cầu không hợp lệ").doesNotContain("Apache Tomcat");
        assertThat(api.body().length()).isLessThan(500);

        HttpResponse<String> headers = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/public/indicators"))
                        .header("X-Padding", "x".repeat(40_000))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(headers.statusCode()).isEqualTo(400);
        assertThat(headers.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(headers.body()).contains("Yêu cầu không hợp lệ");

        HttpResponse<String> page = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/statistics?q=" + q))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Yêu cầu không hợp lệ").doesNotContain("Apache Tomcat");
    }

    @Test
    void anUnknownFilterValueIsRefusedNamingTheParameterAndTheValuesItTakes() {
        assertThat(mvc.get().uri("/api/v1/families?status=NOPE").with(user(accounts.admin())))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Tham số “status”: không có giá trị “NOPE”; hãy chọn một trong: closed, all.");
        assertThat(mvc.get().uri("/members?gender=Z").with(user(accounts.admin())))
                .hasStatus(400)
                .bodyText()
                .contains("Tham số “gender”")
                .contains("MALE, FEMALE");
        assertThat(mvc.get().uri("/api/v1/organizations?kind=NOPE").with(user(accounts.admin())))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("kind");
        assertThat(mvc.get().uri("/families/export?format=pdf").with(user(accounts.admin())))
                .hasStatus(400);
        assertThat(mvc.get().uri("/organizations?kind=truong-hoc-khong-co").with(user(accounts.admin())))
                .hasStatus(400);
        assertThat(mvc.get().uri("/dashboard?indicator=nope").with(user(accounts.admin())))
                .hasStatus(400)
                .bodyText()
                .contains("Tham số “indicator”");
        assertThat(mvc.get().uri("/coverage?gap=nope").with(user(accounts.admin())))
                .hasStatus(400);
        assertThat(mvc.get().uri("/families?status=closed").with(user(accounts.admin())))
                .hasStatusOk();
    }

    @Test
    void anExportOutsideTheScopeIs404WithoutStartingADownload() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");
        for (String uri : new String[] {
            "/families/export?locality=22207",
            "/organizations/export?locality=22207&format=csv",
            "/clans/export?locality=22207",
            "/chapters/export?locality=22207",
            "/members/export?locality=22207"
        }) {
            MvcTestResult result = mvc.get().uri(uri).with(user(officer)).exchange();
            assertThat(result).as(uri).hasStatus(404);
            assertThat(result.getResponse().getHeader("Content-Disposition"))
                    .as(uri)
                    .isNull();
            assertThat(result.getResponse().getContentType()).as(uri).startsWith("text/html");
        }
    }

    @Test
    void phonesAreShownOnlyToTheRolesThatContactHouseholds() throws Exception {
        String village = village("22207");
        String phone = "09" + String.valueOf(System.nanoTime()).substring(0, 8);
        MvcTestResult created = postFamily("{\"villageCode\":\"" + village + "\",\"headName\":\"Hồ Văn "
                + UUID.randomUUID().toString().substring(0, 6) + "\",\"members\":1,\"adults\":1,"
                + "\"schoolAgeChildren\":0,\"phone\":\"" + phone + "\"}");
        Number id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");

        for (Role role : new Role[] {Role.VIEWER, Role.DECISION_OFFICE}) {
            SignedInUser reader = accounts.open(role, "22207");
            assertThat(mvc.get().uri("/api/v1/families/" + id).with(user(reader)))
                    .as(role.name())
                    .bodyJson()
                    .extractingPath("$.phone")
                    .isNull();
            assertThat(mvc.get().uri("/api/v1/families?locality=" + village).with(user(reader)))
                    .bodyText()
                    .doesNotContain(phone);
            assertThat(mvc.get().uri("/families/" + id).with(user(reader)))
                    .hasStatusOk()
                    .bodyText()
                    .doesNotContain(phone);
            assertThat(mvc.get()
                            .uri("/families/export?format=csv&locality=" + village)
                            .with(user(reader)))
                    .hasStatusOk()
                    .bodyText()
                    .doesNotContain(phone)
                    .doesNotContain("Điện thoại");
        }
        // the decision office edits the household without seeing its phone: the phone stays
        String shown = mvc.get()
                .uri("/api/v1/families/" + id)
                .with(user(accounts.open(Role.DECISION_OFFICE, "22207")))
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(mvc.put()
                        .uri("/api/v1/families/" + id)
                        .with(user(accounts.open(Role.DECISION_OFFICE, "22207")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(shown.replace("\"members\":1", "\"members\":2")
                                .replace("\"adults\":1", "\"adults\":2")))
                .hasStatusOk();
        assertThat(jdbc.sql("select phone from families where id = :id")
                        .param("id", id.longValue())
                        .query(String.class)
                        .single())
                .isEqualTo(phone);
        SignedInUser clerk = accounts.open(Role.DATA_CLERK, "22207");
        assertThat(mvc.get().uri("/api/v1/families/" + id).with(user(clerk)))
                .bodyJson()
                .extractingPath("$.phone")
                .isEqualTo(phone);
        assertThat(mvc.get()
                        .uri("/families/export?format=csv&locality=" + village)
                        .with(user(clerk)))
                .bodyText()
                .contains(phone);
    }

    private MvcTestResult postFamily(String json) {
        return mvc.post()
                .uri("/api/v1/families")
                .with(user(accounts.admin()))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.getBytes(StandardCharsets.UTF_8))
                .exchange();
    }

    private String village(String commune) {
        String name = "Thôn " + UUID.randomUUID().toString().substring(0, 8);
        assertThat(mvc.post()
                        .uri("/api/v1/localities")
                        .with(user(accounts.admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentCode\":\"" + commune + "\",\"name\":\"" + name + "\",\"kind\":\"thôn\"}"))
                .hasStatus(201);
        return jdbc.sql("select code from localities where name = :n")
                .param("n", name)
                .query(String.class)
                .single();
    }
}
