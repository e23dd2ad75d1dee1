package vn.khuyenhoc.association.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.Year;
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
 * Members, policy-study sessions, attendance and the two policy-study indicators. The indicator test counts in a
 * commune no other test uses (22057); the other tests work in 22060.
 */
@IntegrationTest
class MemberTests {

    static final String COUNTED = "22057";
    static final String COMMUNE = "22060";
    static final int YEAR = Year.now().getValue();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void policyStudyCoverageCountsAPersonOnceAndOnlyThoseWhoAttended() throws Exception {
        String chapterA = chapter(COUNTED, "Buôn Ea Kmát");
        String chapterB = chapter(COUNTED, "Buôn Ea Bar");
        String officer = member(chapterA, "Y Bhăm Êban", "OFFICER", "\"position\":\"Chi hội trưởng\",");
        String member = member(chapterA, "H'Lan Niê", "MEMBER", "");
        // the same person (same citizen ID) in two chapters: one person in the figures
        String twiceA = member(chapterA, "Ama Khăm", "MEMBER", "\"citizenId\":\"066090001234\",");
        String twiceB = member(chapterB, "Ama Khăm", "MEMBER", "\"citizenId\":\"066 090 001 234\",");
        member(chapterB, "Nguyễn Thị Bích", "MEMBER", "");

        var a = mvc.get().uri("/api/v1/members/" + twiceA).with(admin()).exchange();
        var b = mvc.get().uri("/api/v1/members/" + twiceB).with(admin()).exchange();
        assertThat(a).bodyJson().extractingPath("$.citizenLast4").isEqualTo("1234");
        assertThat(a.getResponse().getContentAsString()).doesNotContain("066090001234");
        assertThat(JsonPath.<Integer>read(a.getResponse().getContentAsString(), "$.personId"))
                .isEqualTo(JsonPath.<Integer>read(b.getResponse().getContentAsString(), "$.personId"));

        String study = post(
                "/api/v1/policy-studies",
                "{\"localityCode\":\"" + COUNTED + "\",\"date\":\"" + LocalDate.now()
                        + "\",\"title\":\"Quán triệt Chỉ thị 11\",\"documents\":[\"CT-11-TW\",\"Kết luận 49-KL/TW\"]}",
                "$.id");
        var saved = mvc.put()
                .uri("/api/v1/policy-studies/" + study + "/attendance")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"memberIds\":[" + officer + "," + twiceB + "," + twiceB + "]}")
                .exchange();
        assertThat(saved).hasStatusOk().bodyJson().extractingPath("$.attendees").isEqualTo(2);

        var indicators = mvc.get()
                .uri("/api/v1/indicators?locality=" + COUNTED + "&year=" + YEAR)
                .with(admin())
                .exchange();
        String body = indicators.getResponse().getContentAsString();
        String officers = "$.indicators[?(@.code == 'officer-policy-study-coverage')]";
        String members = "$.indicators[?(@.code == 'member-policy-study-coverage')]";
        assertThat(JsonPath.<java.util.List<Integer>>read(body, officers + ".numerator"))
                .containsExactly(1);
        assertThat(JsonPath.<java.util.List<Integer>>read(body, officers + ".denominator"))
                .containsExactly(1);
        // five memberships, four people; the officer and Ama Khăm (through chapter B) studied
        assertThat(JsonPath.<java.util.List<Integer>>read(body, members + ".numerator"))
                .containsExactly(2);
        assertThat(JsonPath.<java.util.List<Integer>>read(body, members + ".denominator"))
                .containsExactly(4);
        assertThat(JsonPath.<java.util.List<Double>>read(body, members + ".targets.2030"))
                .containsExactly(100.0);

        // the invitation list of the commune: those who have not studied, Ama Khăm not among them
        var page = mvc.get()
                .uri("/policy-coverage?locality=" + COUNTED + "&period=" + YEAR)
                .with(user(accounts.admin()))
                .exchange();
        assertThat(page).hasStatusOk().bodyText().contains("Lan Niê").contains("Nguyễn Thị Bích");
        assertThat(page.getResponse().getContentAsString()).doesNotContain("Ama Khăm");
        assertThat(member).isNotBlank();
    }

    @Test
    void attendanceRefusesAMemberWhoLeftBeforeTheSessionAndNamesTheReason() throws Exception {
        String chapter = chapter(COMMUNE, "Thôn Điểm Danh");
        String stays = member(chapter, "Trần Văn Ở", "MEMBER", "\"joinedOn\":\"2020-01-01\",");
        String leaves = member(chapter, "Lê Thị Đi", "MEMBER", "\"joinedOn\":\"2020-01-01\",");
        SignedInUser admin = accounts.admin();
        int version = JsonPath.read(
                mvc.get()
                        .uri("/api/v1/members/" + leaves)
                        .with(admin())
                        .exchange()
                        .getResponse()
                        .getContentAsString(),
                "$.version");
        assertThat(mvc.post()
                        .uri("/members/" + leaves + "/leave")
                        .param("leftOn", "2024-03-01")
                        .param("version", String.valueOf(version))
                        .with(user(admin))
                        .with(csrf())
                        .exchange())
                .hasStatus3xxRedirection();

        String study = post(
                "/api/v1/policy-studies",
                "{\"chapterId\":" + chapter
                        + ",\"date\":\"2024-06-15\",\"title\":\"Học tập QĐ 387\",\"documents\":[\"QD-387-TTG\"]}",
                "$.id");
        var refused = mvc.put()
                .uri("/api/v1/policy-studies/" + study + "/attendance")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"memberIds\":[" + stays + "," + leaves + "]}")
                .exchange();
        assertThat(refused)
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("Lê Thị Đi")
                .contains("đã rời hội ngày 01/03/2024");
        assertThat(jdbc.sql("select count(*) from policy_study_attendance where study_id = " + study)
                        .query(Long.class)
                        .single())
                .isZero();

        // the attendance page: one click marks everyone who was a member that day
        assertThat(mvc.post()
                        .uri("/policy-studies/" + study + "/attendance")
                        .param("chapter", chapter)
                        .param("all", "true")
                        .with(user(admin))
                        .with(csrf())
                        .exchange())
                .hasStatus3xxRedirection();
        assertThat(jdbc.sql("select member_id from policy_study_attendance where study_id = " + study)
                        .query(Long.class)
                        .list())
                .containsExactly(Long.valueOf(stays));
        var page = mvc.get().uri("/policy-studies/" + study).with(user(admin)).exchange();
        assertThat(page).hasStatusOk().bodyText().contains("Trần Văn Ở").contains("Tất cả có mặt");
    }

    @Test
    void sessionsAreFoundByTitleWithoutDiacritics() throws Exception {
        post(
                "/api/v1/policy-studies",
                "{\"localityCode\":\"" + COMMUNE
                        + "\",\"date\":\"2025-03-03\",\"title\":\"Hội nghị quán triệt Kết luận 49 ở Xuân Cảnh\","
                        + "\"documents\":[\"KL-49-TW\"]}",
                "$.id");
        assertThat(mvc.get()
                        .uri("/api/v1/policy-studies?q=ket luan 49 o xuan canh&locality=" + COMMUNE)
                        .with(admin()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[0].documents[0]")
                .isEqualTo("Kết luận 49-KL/TW");
    }

    @Test
    void anUnknownDocumentIsRefusedNamingIt() throws Exception {
        var refused = mvc.post()
                .uri("/api/v1/policy-studies")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"localityCode\":\"" + COMMUNE
                        + "\",\"date\":\"2025-05-05\",\"title\":\"Học tập\",\"documents\":[\"Chỉ thị 99-CT/TW\"]}")
                .exchange();
        assertThat(refused)
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("Không có văn bản “Chỉ thị 99-CT/TW”");
    }

    @Test
    void aMemberCannotBeAddedToAChapterOutsideTheScopeAndEveryRosterViewIsLogged() throws Exception {
        String chapter = chapter(COMMUNE, "Thôn Phạm Vi");
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");
        var refused = mvc.post()
                .uri("/api/v1/members")
                .with(httpBasic(officer.username(), TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"chapterId\":" + chapter
                        + ",\"fullName\":\"Người Ngoài\",\"gender\":\"MALE\",\"birthYear\":1980,\"role\":\"MEMBER\"}")
                .exchange();
        assertThat(refused)
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("chapterId");
        String id = member(chapter, "Phạm Văn Riêng", "MEMBER", "");
        assertThat(mvc.get().uri("/members/" + id).with(user(officer))).hasStatus(404);

        long before = views();
        assertThat(mvc.get().uri("/members?chapter=" + chapter + "&q=pham van").with(user(accounts.admin())))
                .hasStatusOk()
                .bodyText()
                .contains("Phạm Văn Riêng");
        assertThat(views()).isEqualTo(before + 1);
    }

    @Test
    void aStaleEditIsAConflictAndAnOfficerNeedsAPosition() throws Exception {
        String chapter = chapter(COMMUNE, "Thôn Phiên Bản");
        var noPosition = mvc.post()
                .uri("/api/v1/members")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"chapterId\":" + chapter
                        + ",\"fullName\":\"Đỗ Văn Cán\",\"gender\":\"Nam\",\"birthYear\":1975,\"role\":\"OFFICER\"}")
                .exchange();
        assertThat(noPosition)
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("position");

        String id = member(chapter, "Đỗ Văn Cán", "MEMBER", "");
        String edit = "{\"fullName\":\"Đỗ Văn Cán\",\"gender\":\"MALE\",\"birthYear\":1975,\"role\":\"MEMBER\","
                + "\"version\":0}";
        assertThat(mvc.put()
                        .uri("/api/v1/members/" + id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(edit.replace("1975", "1976")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.birthYear")
                .isEqualTo(1976);
        assertThat(mvc.put()
                        .uri("/api/v1/members/" + id)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(edit))
                .hasStatus(409);
    }

    @Test
    void theTalliesKeptByTriggersMatchTheMembershipsAfterEditsAndLeaving() throws Exception {
        String chapter = chapter(COMMUNE, "Thôn Kiểm Đếm");
        String id = member(chapter, "Vũ Văn Đếm", "MEMBER", "\"joinedOn\":\"2022-05-01\",");
        member(chapter, "Vũ Thị Đếm", "OFFICER", "\"position\":\"Chi hội phó\",");
        assertThat(
                        mvc.put()
                                .uri("/api/v1/members/" + id)
                                .with(admin())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"fullName\":\"Vũ Văn Đếm\",\"gender\":\"MALE\",\"birthYear\":1960,"
                                                + "\"role\":\"OFFICER\",\"position\":\"Ủy viên\",\"joinedOn\":\"2021-01-01\",\"version\":0}"))
                .hasStatusOk();
        assertThat(mvc.post()
                        .uri("/members/" + id + "/leave")
                        .param("leftOn", "2024-06-30")
                        .param("version", "1")
                        .with(user(accounts.admin()))
                        .with(csrf()))
                .hasStatus3xxRedirection();

        String tallied = """
                select commune_id, officer, studied_years, joined_year, left_year, sum(members) as members
                from member_tallies group by 1, 2, 3, 4, 5 having sum(members) <> 0 order by 1, 2, 3, 4, 5
                """;
        String counted = """
                select commune_id, role = 'OFFICER' as officer, studied_years,
                       coalesce(extract(year from joined_on)::int, 0) as joined_year,
                       coalesce(extract(year from left_on)::int, 9999) as left_year, count(*) as members
                from members where citizen_key is null group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
                """;
        assertThat(jdbc.sql(tallied).query().listOfRows())
                .isEqualTo(jdbc.sql(counted).query().listOfRows());
    }

    @Test
    void movingASessionToAnotherYearMovesItsAttendeesStudyYear() throws Exception {
        String chapter = chapter(COMMUNE, "Thôn Đổi Ngày");
        String id = member(chapter, "Mai Văn Dời", "MEMBER", "\"joinedOn\":\"2020-01-01\",");
        String study = post(
                "/api/v1/policy-studies",
                "{\"chapterId\":" + chapter
                        + ",\"date\":\"2023-04-04\",\"title\":\"Học tập CT 14\",\"documents\":[\"CT-14-TTG\"]}",
                "$.id");
        assertThat(mvc.put()
                        .uri("/api/v1/policy-studies/" + study + "/attendance")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"memberIds\":[" + id + "]}"))
                .hasStatusOk();
        assertThat(studiedYears(id)).isEqualTo(1 << 2); // 2023
        assertThat(mvc.put()
                        .uri("/api/v1/policy-studies/" + study)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"2024-04-04\",\"title\":\"Học tập CT 14\",\"documents\":[\"CT-14-TTG\"],"
                                + "\"version\":0}"))
                .hasStatusOk();
        assertThat(studiedYears(id)).isEqualTo(1 << 3); // 2024
        assertThat(mvc.put()
                        .uri("/api/v1/policy-studies/" + study + "/attendance")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"memberIds\":[]}"))
                .hasStatusOk();
        assertThat(studiedYears(id)).isZero();
    }

    private int studiedYears(String member) {
        return jdbc.sql("select studied_years from members where id = " + member)
                .query(Integer.class)
                .single();
    }

    private long views() {
        return jdbc.sql("select count(*) from audit_events where entity_type = 'member' and action = 'VIEW_LIST'")
                .query(Long.class)
                .single();
    }

    private String chapter(String commune, String villageName) throws Exception {
        String village = post(
                "/api/v1/localities",
                "{\"validFrom\":\"1990-01-01\",\"parentCode\":\"" + commune + "\",\"name\":\"" + villageName
                        + "\",\"kind\":\"thôn\"}",
                "$.code");
        return post(
                "/api/v1/chapters",
                "{\"kind\":\"CHI_HOI\",\"hostType\":\"VILLAGE\",\"hostCode\":\"" + village
                        + "\",\"foundedOn\":\"2019-01-01\"}",
                "$.id");
    }

    private String member(String chapter, String name, String role, String extra) throws Exception {
        return post(
                "/api/v1/members",
                "{\"chapterId\":" + chapter + "," + extra + "\"fullName\":\"" + name
                        + "\",\"gender\":\"FEMALE\",\"birthYear\":1970,\"role\":\"" + role + "\"}",
                "$.id");
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

    private static RequestPostProcessor admin() {
        return httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);
    }
}
