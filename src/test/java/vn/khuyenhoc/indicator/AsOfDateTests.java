package vn.khuyenhoc.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;

/**
 * Every figure as of its own date, compared with worlds counted by hand and entered through the API as an officer
 * would. Each world lives in a commune no other test uses (24598: dated records; 24604: a merge and a retirement).
 */
@IntegrationTest
class AsOfDateTests {

    static final String DATED = "24598";
    static final String MERGED = "24604";
    static final int THIS_YEAR = LocalDate.now().getYear();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    IndicatorService indicators;

    @Autowired
    vn.khuyenhoc.locality.LocalityService localities;

    @Test
    void eachYearCountsTheRecordsAsTheyStoodOnItsOwnDay() throws Exception {
        // as a commune officer would: villages decades old, a school closed this year, one opened in 2025
        String a = village(DATED, "Thôn Cũ Một", "2000-01-01");
        String b = village(DATED, "Thôn Cũ Hai", "2000-01-01");
        String chapterA = chapter(a, "2020-01-01");
        String chapterB = chapter(b, "2025-03-01");
        movement(chapterA, 2024);
        movement(chapterA, 2025);
        movement(chapterA, THIS_YEAR);
        movement(chapterB, 2025);
        organization(DATED, "Trường Tiểu học Đã Đóng", ",\"since\":\"2010-09-01\",\"closedOn\":\"2026-05-01\"");
        organization(DATED, "Trường Mầm non Mới Mở", ",\"since\":\"2025-06-01\"");
        // a village created today does not exist in earlier years
        village(DATED, "Thôn Lập Hôm Nay", null);

        Map<String, Object> y2024 = indicators(DATED, 2024);
        assertThat(figure(y2024, "village-chapter-coverage")).containsExactly(1, 2, 50.0);
        assertThat(figure(y2024, "learning-community-rate").subList(1, 2)).containsExactly(2);
        // one organization existed, no movement recorded for it: no data, not 0%
        assertThat(figure(y2024, "organization-chapter-coverage")).containsExactly(0, 1, null);
        assertThat(figure(y2024, "learning-unit-rate").subList(1, 2)).containsExactly(1);

        Map<String, Object> y2025 = indicators(DATED, 2025);
        assertThat(figure(y2025, "village-chapter-coverage")).containsExactly(2, 2, 100.0);
        assertThat(figure(y2025, "learning-unit-rate").subList(1, 2)).containsExactly(2);
        assertThat(JsonPath.<String>read(y2025, "$.asOf")).isEqualTo("2025-12-31");

        if (THIS_YEAR > 2025) {
            Map<String, Object> now = indicators(DATED, THIS_YEAR);
            assertThat(figure(now, "village-chapter-coverage")).containsExactly(1, 3, 33.3);
            assertThat(figure(now, "learning-community-rate").subList(1, 2)).containsExactly(3);
            // closed on 1 May: no longer counted; the new school is
            assertThat(figure(now, "learning-unit-rate").subList(1, 2)).containsExactly(1);
            assertThat(JsonPath.<String>read(now, "$.asOf"))
                    .isEqualTo(LocalDate.now().toString());
        }

        // a village's own figures: its chapter, its one village
        Map<String, Object> villageA = indicators(a, 2024);
        assertThat(figure(villageA, "village-chapter-coverage")).containsExactly(1, 1, 100.0);
        Map<String, Object> villageB = indicators(b, 2024);
        assertThat(figure(villageB, "village-chapter-coverage")).containsExactly(0, 1, null);

        // the commune's table by village, as the dashboard drills down
        assertThat(mvc.get()
                        .uri("/dashboard")
                        .param("locality", DATED)
                        .param("year", "2024")
                        .with(user(accounts.admin())))
                .hasStatusOk()
                .bodyText()
                .contains("theo thôn, tổ dân phố")
                .contains("Thôn Cũ Một")
                .doesNotContain("Thôn Lập Hôm Nay");
        // and a village's own dashboard links to the records behind its numbers
        assertThat(mvc.get()
                        .uri("/dashboard")
                        .param("locality", a)
                        .param("year", "2024")
                        .with(user(accounts.admin())))
                .hasStatusOk()
                .bodyText()
                .contains("Hồ sơ sau các con số")
                .contains("/families?locality=" + a);
    }

    @Test
    void aMergeCarriesTheRecordsFromItsDayOnAndKeepsEarlierYearsWhereTheyWere() throws Exception {
        String v1 = village(MERGED, "Thôn Hợp Một", "2000-01-01");
        String v2 = village(MERGED, "Thôn Hợp Hai", "2000-01-01");
        String v3 = village(MERGED, "Thôn Hợp Ba", "2000-01-01");
        String c1 = chapter(v1, "2020-01-01");
        String c2 = chapter(v2, "2020-01-01");
        for (int year = 2024; year <= THIS_YEAR; year++) {
            movement(c1, year);
            movement(c2, year);
        }
        String moved = family(v1, "Nguyễn Văn Một", "2022-01-01");
        family(v1, "Trần Thị Hai", null);
        family(v2, "Lê Văn Ba", null);
        organization(v3, "Trường Tiểu học Thôn Ba", "");

        String body = "{\"codes\":[\"" + v1 + "\",\"" + v2
                + "\"],\"name\":\"Thôn Hợp Nhất\",\"kind\":\"thôn\",\"on\":\"" + THIS_YEAR + "-03-01\"}";
        // both villages have a chapter: the officer must choose, nothing is saved before
        MvcTestResult refused = postJson("/api/v1/localities/merge", body);
        assertThat(refused)
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("chapterContinuesFrom");
        assertThat(indicators(v1, THIS_YEAR).get("indicators")).isNotNull();

        MvcTestResult merged =
                postJson("/api/v1/localities/merge", body.replace("}", ",\"chapterContinuesFrom\":\"" + v1 + "\"}"));
        assertThat(merged).hasStatus(201);
        String successor = JsonPath.read(merged.getResponse().getContentAsString(), "$.code");

        // a commune's totals alone (read from the tallies, for a dashboard's earlier years) equal its table's
        var commune = localities.get(MERGED, accountsAdmin());
        for (int year : List.of(THIS_YEAR - 1, THIS_YEAR)) {
            assertThat(figures(indicators.totals(commune, year).total()))
                    .isEqualTo(figures(indicators.table(commune, year).total()));
        }

        // before the merge: three villages, two covered, households where they were
        Map<String, Object> before = indicators(MERGED, THIS_YEAR - 1);
        assertThat(figure(before, "village-chapter-coverage")).containsExactly(2, 3, 66.7);
        assertThat(figure(indicators(v1, THIS_YEAR - 1), "learning-family-rate").subList(1, 2))
                .containsExactly(2);
        assertThat(figure(indicators(v2, THIS_YEAR - 1), "learning-family-rate").subList(1, 2))
                .containsExactly(1);
        // after: the successor and the third village; the continuing chapter covers the successor
        Map<String, Object> after = indicators(MERGED, THIS_YEAR);
        assertThat(figure(after, "village-chapter-coverage")).containsExactly(1, 2, 50.0);
        assertThat(figure(indicators(successor, THIS_YEAR), "learning-family-rate")
                        .subList(1, 2))
                .containsExactly(3);
        // a household moved by the merge keeps its own start day and can still be edited on the new village
        MvcTestResult edited = mvc.put()
                .uri("/api/v1/families/" + moved)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"villageCode\":\"" + successor
                        + "\",\"headName\":\"Nguyễn Văn Một\",\"members\":5,\"adults\":3,\"schoolAgeChildren\":2,"
                        + "\"since\":\"2022-01-01\",\"version\":1}")
                .exchange();
        assertThat(edited).hasStatusOk().bodyJson().extractingPath("$.members").isEqualTo(5);
        // a new household cannot begin on the successor before it existed, and a fraction is not a count
        assertThat(postJson(
                        "/api/v1/families",
                        "{\"headName\":\"Hộ Mới\",\"members\":4,\"adults\":2,\"schoolAgeChildren\":2,\"villageCode\":\""
                                + successor + "\",\"since\":\"2022-01-01\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("since");
        assertThat(postJson(
                        "/api/v1/families",
                        "{\"headName\":\"Hộ Lẻ\",\"members\":2.7,\"adults\":1,\"schoolAgeChildren\":1,\"villageCode\":\""
                                + successor + "\"}"))
                .hasStatus(400);
        assertThat(jdbc.sql("select dissolved_on from chapters where id = :id")
                        .param("id", Long.valueOf(c2))
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.of(THIS_YEAR, 3, 1));

        // retiring the third village while it still holds an organization asks where it goes
        int version = JsonPath.read(
                mvc.get()
                        .uri("/api/v1/localities/" + v3)
                        .with(admin())
                        .exchange()
                        .getResponse()
                        .getContentAsString(),
                "$.version");
        assertThat(
                        mvc.post()
                                .uri("/localities/" + v3 + "/retire")
                                .with(user(accounts.admin()))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("effectiveOn", THIS_YEAR + "-06-01")
                                .param("version", String.valueOf(version)))
                .hasStatusOk()
                .bodyText()
                .contains("Thôn còn 1 cơ quan, đơn vị");
        assertThat(
                        mvc.post()
                                .uri("/localities/" + v3 + "/retire")
                                .with(user(accounts.admin()))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("effectiveOn", THIS_YEAR + "-06-01")
                                .param("recordsTo", successor)
                                .param("version", String.valueOf(version)))
                .hasStatus3xxRedirection();
        assertThat(figure(indicators(successor, THIS_YEAR), "learning-unit-rate")
                        .subList(1, 2))
                .containsExactly(1);
        assertThat(figure(indicators(v3, THIS_YEAR - 1), "learning-unit-rate").subList(1, 2))
                .containsExactly(1);
    }

    private static List<List<Object>> figures(List<Indicator> indicators) {
        return indicators.stream()
                .map(i -> java.util.Arrays.<Object>asList(i.code(), i.numerator(), i.denominator(), i.value()))
                .toList();
    }

    private vn.khuyenhoc.shared.SignedInUser accountsAdmin() {
        return accounts.admin();
    }

    /** numerator, denominator and value of one indicator. */
    private static List<Object> figure(Map<String, Object> report, String code) {
        List<Map<String, Object>> found = JsonPath.read(report, "$.indicators[?(@.code == '" + code + "')]");
        assertThat(found).hasSize(1);
        Map<String, Object> i = found.get(0);
        return java.util.Arrays.asList(i.get("numerator"), i.get("denominator"), i.get("value"));
    }

    private Map<String, Object> indicators(String locality, int year) throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/indicators")
                .param("locality", locality)
                .param("year", String.valueOf(year))
                .with(admin())
                .exchange();
        assertThat(result).hasStatusOk();
        return JsonPath.read(result.getResponse().getContentAsString(), "$");
    }

    private String village(String commune, String name, @Nullable String validFrom) throws Exception {
        return post(
                "/api/v1/localities",
                "{\"parentCode\":\"" + commune + "\",\"name\":\"" + name + "\",\"kind\":\"thôn\""
                        + (validFrom == null ? "" : ",\"validFrom\":\"" + validFrom + "\"") + "}",
                "$.code");
    }

    private String chapter(String village, String foundedOn) throws Exception {
        return post(
                "/api/v1/chapters",
                "{\"kind\":\"CHI_HOI\",\"hostType\":\"VILLAGE\",\"hostCode\":\"" + village + "\",\"foundedOn\":\""
                        + foundedOn + "\"}",
                "$.id");
    }

    private void movement(String chapter, int year) {
        assertThat(mvc.put()
                        .uri("/api/v1/chapters/" + chapter + "/movement/" + year)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"runsMovement\":true}"))
                .hasStatusOk();
    }

    private String organization(String locality, String name, String dates) throws Exception {
        return post(
                "/api/v1/organizations",
                "{\"name\":\"" + name + "\",\"kind\":\"SCHOOL\",\"schoolLevel\":\"PRIMARY\",\"localityCode\":\""
                        + locality + "\"" + dates + "}",
                "$.id");
    }

    private String family(String village, String head, String since) throws Exception {
        return post(
                "/api/v1/families",
                "{\"headName\":\"" + head + "\",\"members\":4,\"adults\":2,\"schoolAgeChildren\":2,\"localityCode\":\""
                        + village + "\"" + (since == null ? "" : ",\"since\":\"" + since + "\"") + "}",
                "$.id");
    }

    private String post(String uri, String json, String path) throws Exception {
        MvcTestResult result = postJson(uri, json);
        assertThat(result).hasStatus(201);
        Object value = JsonPath.read(result.getResponse().getContentAsString(), path);
        return String.valueOf(value);
    }

    private MvcTestResult postJson(String uri, String json) {
        return mvc.post()
                .uri(uri)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    private static RequestPostProcessor admin() {
        return httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);
    }
}
