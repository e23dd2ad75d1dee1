package vn.khuyenhoc.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;

/** The days every registry record existed: each rule through the API, one through a page, and the imports' dates. */
@IntegrationTest
class EffectiveDatesTests {

    static final String COMMUNE = "24208";
    // Vietnam's tomorrow, as the application counts days (this class may load before it sets the default zone)
    static final String TOMORROW =
            LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).toString();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVillageMayBeginInThePastButNotInTheFuture() throws Exception {
        String name = unique("Thôn Cũ");
        String code = post(
                "/api/v1/localities",
                "{\"parentCode\":\"" + COMMUNE + "\",\"name\":\"" + name
                        + "\",\"kind\":\"thôn\",\"validFrom\":\"1990-01-01\"}");
        assertThat(mvc.get().uri("/api/v1/localities/" + code).with(admin()))
                .bodyJson()
                .extractingPath("$.validFrom")
                .isEqualTo("1990-01-01");

        String later = unique("Thôn Mai");
        assertField(
                send(
                        "/api/v1/localities",
                        "{\"parentCode\":\"" + COMMUNE + "\",\"name\":\"" + later
                                + "\",\"kind\":\"thôn\",\"validFrom\":\"" + TOMORROW + "\"}"),
                "validFrom");
        assertThat(count("select count(*) from localities where name = '" + later + "'"))
                .isZero();
    }

    @Test
    void anOrganizationKeepsItsDaysWithinItsVillageAndInOrder() throws Exception {
        String village = village("2010-01-01");
        String name = unique("Hợp tác xã Ea Tu");
        String id = post(
                "/api/v1/organizations",
                "{\"name\":\"" + name + "\",\"kind\":\"COOPERATIVE\",\"localityCode\":\"" + village
                        + "\",\"since\":\"2015-07-01\"}");
        assertThat(mvc.get().uri("/api/v1/organizations/" + id).with(admin()))
                .bodyJson()
                .extractingPath("$.since")
                .isEqualTo("2015-07-01");
        // the former JSON name is still understood
        String older = post(
                "/api/v1/organizations",
                "{\"name\":\"" + unique("Công ty Cà phê") + "\",\"kind\":\"ENTERPRISE\",\"localityCode\":\"" + village
                        + "\",\"openedOn\":\"2012-01-01\"}");
        assertThat(mvc.get().uri("/api/v1/organizations/" + older).with(admin()))
                .bodyJson()
                .extractingPath("$.since")
                .isEqualTo("2012-01-01");

        String refused = unique("Trường bị từ chối");
        MvcTestResult beforeVillage = send(
                "/api/v1/organizations",
                "{\"name\":\"" + refused + "\",\"kind\":\"COOPERATIVE\",\"localityCode\":\"" + village
                        + "\",\"since\":\"2005-01-01\"}");
        assertField(beforeVillage, "since");
        assertThat(beforeVillage)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("01/01/2010");
        assertField(
                send(
                        "/api/v1/organizations",
                        "{\"name\":\"" + refused + "\",\"kind\":\"COOPERATIVE\",\"localityCode\":\"" + village
                                + "\",\"since\":\"2020-01-01\",\"closedOn\":\"2019-01-01\"}"),
                "closedOn");
        assertField(
                send(
                        "/api/v1/organizations",
                        "{\"name\":\"" + refused + "\",\"kind\":\"COOPERATIVE\",\"localityCode\":\"" + village
                                + "\",\"since\":\"" + TOMORROW + "\"}"),
                "since");
        assertThat(count("select count(*) from organizations where name = '" + refused + "'"))
                .isZero();
    }

    @Test
    void clansAndHouseholdsBeginWithinTheirVillageAndCloseByToday() throws Exception {
        String village = village("2000-01-01");
        String clan = post(
                "/api/v1/clans",
                "{\"name\":\"" + unique("Dòng họ Niê") + "\",\"kind\":\"CLAN\",\"localityCode\":\"" + village
                        + "\",\"since\":\"2022-01-01\",\"closedOn\":\"2024-07-01\"}");
        assertThat(mvc.get().uri("/api/v1/clans/" + clan).with(admin()))
                .bodyJson()
                .extractingPath("$.closedOn")
                .isEqualTo("2024-07-01");
        assertField(
                send(
                        "/api/v1/clans",
                        "{\"name\":\"" + unique("Dòng họ Ksơr") + "\",\"kind\":\"CLAN\",\"localityCode\":\"" + village
                                + "\",\"since\":\"1999-12-31\"}"),
                "since");

        String head = unique("Y Bhăm Mlô");
        String family = post(
                "/api/v1/families",
                "{\"villageCode\":\"" + village + "\",\"headName\":\"" + head
                        + "\",\"members\":4,\"adults\":2,\"schoolAgeChildren\":1,\"since\":\"2023-01-01\"}");
        assertThat(mvc.get().uri("/api/v1/families/" + family).with(admin()))
                .bodyJson()
                .extractingPath("$.since")
                .isEqualTo("2023-01-01");
        String refused = unique("Hoàng Thị Nga");
        assertField(
                send(
                        "/api/v1/families",
                        "{\"villageCode\":\"" + village + "\",\"headName\":\"" + refused
                                + "\",\"members\":3,\"adults\":2,\"schoolAgeChildren\":1,\"closedOn\":\"" + TOMORROW
                                + "\"}"),
                "closedOn");
        assertThat(count("select count(*) from families where head_name = '" + refused + "'"))
                .isZero();
    }

    @Test
    void aChapterLivesWithinItsHostAndTheHostCannotCloseWhileItsChapterIsActive() throws Exception {
        String village = village("2000-01-01");
        String school = post(
                "/api/v1/organizations",
                "{\"name\":\"" + unique("Trường THCS Lê Lợi")
                        + "\",\"kind\":\"SCHOOL\",\"schoolLevel\":\"LOWER_SECONDARY\"," + "\"localityCode\":\""
                        + village + "\",\"since\":\"2018-09-01\"}");
        assertField(
                send(
                        "/api/v1/chapters",
                        "{\"kind\":\"BAN_KHUYEN_HOC\",\"hostType\":\"ORGANIZATION\",\"hostId\":" + school
                                + ",\"foundedOn\":\"2017-01-01\"}"),
                "foundedOn");
        assertThat(count("select count(*) from chapters where host_organization_id = " + school))
                .isZero();
        String chapter = post(
                "/api/v1/chapters",
                "{\"kind\":\"BAN_KHUYEN_HOC\",\"hostType\":\"ORGANIZATION\",\"hostId\":" + school
                        + ",\"foundedOn\":\"2019-01-01\"}");

        // closing the school while its chapter is active is refused, naming the chapter; nothing changes
        MvcTestResult closing = mvc.put()
                .uri("/api/v1/organizations/" + school)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(organizationBody(school, "\"closedOn\":\"2025-07-01\""))
                .exchange();
        assertField(closing, "closedOn");
        assertThat(closing)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("Ban khuyến học");
        assertThat(mvc.get().uri("/api/v1/organizations/" + school).with(admin()))
                .bodyJson()
                .extractingPath("$.closedOn")
                .isNull();

        // the page's close button says the same and leaves the school open
        int version = JsonPath.read(
                body(mvc.get().uri("/api/v1/organizations/" + school).with(admin())), "$.version");
        assertThat(mvc.post()
                        .uri("/organizations/" + school + "/close")
                        .with(user(accounts.admin()))
                        .with(csrf())
                        .param("closedOn", "2025-07-01")
                        .param("version", String.valueOf(version)))
                .hasStatus3xxRedirection()
                .flash()
                .containsKey("problem");
        assertThat(count("select count(*) from organizations where id = " + school + " and closed_on is null"))
                .isOne();

        // once the chapter is dissolved by that day, the school closes
        int chapterVersion =
                JsonPath.read(body(mvc.get().uri("/api/v1/chapters/" + chapter).with(admin())), "$.version");
        assertThat(mvc.put()
                        .uri("/api/v1/chapters/" + chapter)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"kind\":\"BAN_KHUYEN_HOC\",\"foundedOn\":\"2019-01-01\",\"dissolvedOn\":\"2025-06-30\","
                                        + "\"version\":" + chapterVersion + "}"))
                .hasStatusOk();
        assertThat(mvc.put()
                        .uri("/api/v1/organizations/" + school)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(organizationBody(school, "\"closedOn\":\"2025-07-01\"")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.closedOn")
                .isEqualTo("2025-07-01");
    }

    @Test
    void aClanCannotBeginAfterItsChapterWasFoundedNorCloseWhileItIsActive() throws Exception {
        String village = village("2000-01-01");
        String name = unique("Dòng họ Hoàng");
        String clan = post(
                "/api/v1/clans", "{\"name\":\"" + name + "\",\"kind\":\"CLAN\",\"localityCode\":\"" + village + "\"}");
        post(
                "/api/v1/chapters",
                "{\"kind\":\"BAN_KHUYEN_HOC\",\"hostType\":\"CLAN\",\"hostId\":" + clan
                        + ",\"foundedOn\":\"2020-01-01\"}");
        int version = JsonPath.read(body(mvc.get().uri("/api/v1/clans/" + clan).with(admin())), "$.version");
        String edit = "{\"name\":\"" + name + "\",\"kind\":\"CLAN\",\"localityCode\":\"" + village + "\",\"version\":"
                + version + ",";

        assertField(put("/api/v1/clans/" + clan, edit + "\"since\":\"2021-01-01\"}"), "since");
        assertField(put("/api/v1/clans/" + clan, edit + "\"closedOn\":\"2024-01-01\"}"), "closedOn");
        assertThat(count("select count(*) from clans where id = " + clan + " and since is null and closed_on is null"))
                .isOne();
    }

    @Test
    void aMembershipBeginsWithinItsChapterAndEndsAfterItBegins() throws Exception {
        String village = village("2000-01-01");
        String chapter = post(
                "/api/v1/chapters",
                "{\"kind\":\"CHI_HOI\",\"hostType\":\"VILLAGE\",\"hostCode\":\"" + village
                        + "\",\"foundedOn\":\"2022-07-01\"}");
        String person = "\"chapterId\":" + chapter + ",\"gender\":\"FEMALE\",\"birthYear\":1980,\"role\":\"MEMBER\"";
        String early = unique("Trần Thị Sớm");
        assertField(
                send("/api/v1/members", "{" + person + ",\"fullName\":\"" + early + "\",\"joinedOn\":\"2022-01-01\"}"),
                "joinedOn");
        assertField(
                send(
                        "/api/v1/members",
                        "{" + person + ",\"fullName\":\"" + early
                                + "\",\"joinedOn\":\"2023-01-01\",\"leftOn\":\"2022-12-31\"}"),
                "leftOn");
        assertThat(count("select count(*) from members where full_name = '" + early + "'"))
                .isZero();
        String member = post(
                "/api/v1/members",
                "{" + person + ",\"fullName\":\"" + unique("Lê Thị Đúng")
                        + "\",\"joinedOn\":\"2023-01-01\",\"leftOn\":\"2025-01-01\"}");
        assertThat(mvc.get().uri("/api/v1/members/" + member).with(admin()))
                .bodyJson()
                .extractingPath("$.leftOn")
                .isEqualTo("2025-01-01");
    }

    @Test
    void importsTakeOptionalDatesAndABadOneNamesItsRowAndColumnAndSavesNothing() throws Exception {
        String village = village("2000-01-01");
        String good = unique("Nguyễn Văn Nhập");
        String csv =
                "Mã thôn,Họ tên chủ hộ,Số nhân khẩu,Số người lớn,Số trẻ trong độ tuổi đi học,Ngày bắt đầu theo dõi,"
                        + "Ngày ngừng theo dõi\n"
                        + village + "," + good + ",4,2,1,01/07/2023,\n"
                        + village + "," + unique("Lê Văn Sai") + ",3,2,1,31/02/2024,\n";
        MvcTestResult rejected = upload("/api/v1/families/import", csv);
        assertThat(rejected)
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].row")
                .isEqualTo(3);
        assertThat(rejected).bodyJson().extractingPath("$.errors[0].column").isEqualTo("Ngày bắt đầu theo dõi");
        assertThat(count("select count(*) from families where head_name = '" + good + "'"))
                .isZero();

        String saved = csv.lines().limit(2).reduce("", (a, b) -> a + b + "\n");
        assertThat(upload("/api/v1/families/import", saved)).hasStatusOk();
        assertThat(jdbc.sql("select since from families where head_name = :name")
                        .param("name", good)
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.of(2023, 7, 1));

        String villageName = unique("Buôn Nhập");
        String villages = "Mã xã, phường,Tên thôn, tổ dân phố,Loại,Ngày bắt đầu\n"
                        .replace("Mã xã, phường", "\"Mã xã, phường\"")
                        .replace("Tên thôn, tổ dân phố", "\"Tên thôn, tổ dân phố\"")
                + COMMUNE + "," + villageName + ",buôn,01/01/1985\n"
                + COMMUNE + "," + unique("Buôn Tương Lai") + ",buôn," + TOMORROW + "\n";
        MvcTestResult villageResult = upload("/api/v1/localities/import", villages);
        assertThat(villageResult)
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].row")
                .isEqualTo(3);
        assertThat(villageResult)
                .bodyJson()
                .extractingPath("$.errors[0].column")
                .isEqualTo("Ngày bắt đầu");
        assertThat(count("select count(*) from localities where name = '" + villageName + "'"))
                .isZero();
    }

    @Test
    void pagesShowTheDaysInListsAndAFormWithADayToComeIsShownAgainUnsaved() throws Exception {
        String village = village("2000-01-01");
        String name = unique("Hợp tác xã Trang");
        post(
                "/api/v1/organizations",
                "{\"name\":\"" + name + "\",\"kind\":\"COOPERATIVE\",\"localityCode\":\"" + village
                        + "\",\"since\":\"2015-07-01\",\"closedOn\":\"2024-01-01\"}");
        String chapter = post(
                "/api/v1/chapters",
                "{\"kind\":\"CHI_HOI\",\"hostType\":\"VILLAGE\",\"hostCode\":\"" + village
                        + "\",\"foundedOn\":\"2022-07-01\"}");
        post(
                "/api/v1/members",
                "{\"chapterId\":" + chapter + ",\"fullName\":\"" + unique("Võ Thị Lan")
                        + "\",\"gender\":\"FEMALE\",\"birthYear\":1980,\"role\":\"MEMBER\",\"joinedOn\":\"2023-01-01\"}");
        assertThat(mvc.get()
                        .uri("/organizations")
                        .param("locality", village)
                        .param("status", "closed")
                        .with(user(accounts.admin())))
                .hasStatusOk()
                .bodyText()
                .contains(name)
                .contains("01/07/2015 – 01/01/2024");
        assertThat(mvc.get().uri("/chapters").param("locality", village).with(user(accounts.admin())))
                .hasStatusOk()
                .bodyText()
                .contains("01/07/2022 – nay");
        assertThat(mvc.get().uri("/members").param("chapter", chapter).with(user(accounts.admin())))
                .hasStatusOk()
                .bodyText()
                .contains("01/01/2023 – nay");

        String refused = unique("Dòng họ Tương Lai");
        assertThat(mvc.post()
                        .uri("/clans")
                        .with(user(accounts.admin()))
                        .with(csrf())
                        .param("name", refused)
                        .param("kind", "CLAN")
                        .param("localityCode", village)
                        .param("since", TOMORROW))
                .hasStatusOk()
                .bodyText()
                .contains("không được sau hôm nay");
        assertThat(count("select count(*) from clans where name = '" + refused + "'"))
                .isZero();
    }

    private String organizationBody(String id, String dates) throws Exception {
        String current = body(mvc.get().uri("/api/v1/organizations/" + id).with(admin()));
        return "{\"name\":\"" + JsonPath.read(current, "$.name")
                + "\",\"kind\":\"SCHOOL\",\"schoolLevel\":\"LOWER_SECONDARY\","
                + "\"localityCode\":\"" + JsonPath.read(current, "$.localityCode") + "\",\"since\":\""
                + JsonPath.read(current, "$.since") + "\",\"version\":" + JsonPath.read(current, "$.version") + ","
                + dates + "}";
    }

    private String village(String validFrom) throws Exception {
        return post(
                "/api/v1/localities",
                "{\"parentCode\":\"" + COMMUNE + "\",\"name\":\"" + unique("Thôn")
                        + "\",\"kind\":\"thôn\",\"validFrom\":\"" + validFrom + "\"}");
    }

    private String post(String uri, String json) throws Exception {
        MvcTestResult result = send(uri, json);
        assertThat(result).hasStatus(201);
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        Object value = JsonPath.read(body, uri.endsWith("localities") ? "$.code" : "$.id");
        return String.valueOf(value);
    }

    private MvcTestResult send(String uri, String json) {
        return mvc.post()
                .uri(uri)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.getBytes(StandardCharsets.UTF_8))
                .exchange();
    }

    private MvcTestResult put(String uri, String json) {
        return mvc.put()
                .uri(uri)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.getBytes(StandardCharsets.UTF_8))
                .exchange();
    }

    private MvcTestResult upload(String uri, String csv) {
        return mvc.post()
                .uri(uri)
                .multipart()
                .file(new MockMultipartFile("file", "tep.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", "false")
                .with(admin())
                .exchange();
    }

    private String body(MockMvcTester.MockMvcRequestBuilder request) throws Exception {
        return request.exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static void assertField(MvcTestResult result, String field) {
        assertThat(result)
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo(field);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    private static RequestPostProcessor admin() {
        return httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);
    }
}
