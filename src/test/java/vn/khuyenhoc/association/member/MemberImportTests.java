package vn.khuyenhoc.association.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
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

/** Roster, attendance and learning-citizen imports, and the membership figures; they work in commune 22075. */
@IntegrationTest
class MemberImportTests {

    static final String COMMUNE = "22075";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void rosterImportIsAllOrNothingAndNamesRowAndColumn() throws Exception {
        String chapter = chapter("Thôn Nhập Danh Sách");
        String bad = "Mã chi hội,Họ và tên,Giới tính,Năm sinh,Vai trò,Chức vụ\n"
                + chapter + ",Trần Văn Một,Nam,1960,Hội viên,\n"
                + chapter + ",Lê Thị Hai,Không rõ,1965,Hội viên,\n"
                + chapter + ",Phạm Văn Ba,Nam,19x0,Cán bộ hội,\n";
        MvcTestResult rejected = upload("/api/v1/members/import", bad, false);
        assertThat(rejected).hasStatus(422);
        String body = rejected.getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(body, "$.errors[0].row")).isEqualTo(3);
        assertThat(JsonPath.<String>read(body, "$.errors[0].column")).isEqualTo("Giới tính");
        assertThat(JsonPath.<Integer>read(body, "$.errors[1].row")).isEqualTo(4);
        assertThat(JsonPath.<String>read(body, "$.errors[1].column")).isEqualTo("Năm sinh");
        assertThat(count(chapter)).isZero();

        String good = "chapter_id,full_name,gender,birth_year,role,position\n"
                + chapter + ",Trần Văn Một,MALE,1960,MEMBER,\n"
                + chapter + ",Lê Thị Hai,Nữ,1965,Cán bộ hội,Chi hội trưởng\n";
        assertThat(upload("/api/v1/members/import", good, true))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.saved")
                .isEqualTo(0);
        assertThat(count(chapter)).isZero();
        assertThat(upload("/api/v1/members/import", good, false))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.saved")
                .isEqualTo(2);
        assertThat(count(chapter)).isEqualTo(2);
    }

    @Test
    void attendanceSheetMarksPresentAndAbsentAndCountsADuplicateOnce() throws Exception {
        String chapter = chapter("Thôn Điểm Danh Giấy");
        String first = member(chapter, "Hồ Văn Có");
        String second = member(chapter, "Hồ Thị Vắng");
        String study = post(
                "/api/v1/policy-studies",
                "{\"chapterId\":" + chapter + ",\"date\":\"" + LocalDate.now()
                        + "\",\"title\":\"Học tập KH 102\",\"documents\":[\"KH 102/KH-UBND\"]}");

        String unclear = "Mã hội viên,Có mặt\n" + first + ",có lẽ\n";
        assertThat(upload("/api/v1/policy-studies/" + study + "/attendance/import", unclear, false))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].column")
                .isEqualTo("Có mặt");

        String sheet = "Mã hội viên,Họ và tên,Có mặt\n" + first + ",Hồ Văn Có,x\n" + second + ",Hồ Thị Vắng,\n" + first
                + ",Hồ Văn Có,X\n";
        assertThat(upload("/api/v1/policy-studies/" + study + "/attendance/import", sheet, false))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.saved")
                .isEqualTo(1);
        assertThat(jdbc.sql("select member_id from policy_study_attendance where study_id = " + study)
                        .query(Long.class)
                        .list())
                .containsExactly(Long.valueOf(first));
    }

    @Test
    void learningCitizenResultsMatchMembersByNameBirthYearAndCommuneAndReportTheRest() throws Exception {
        String chapter = chapter("Thôn Công Dân");
        String member = member(chapter, "Y Khăm Niê");
        int year = Year.now().getValue();
        String file =
                "Họ và tên,Năm sinh,Mã xã, phường,Năm đánh giá,Kết quả\n".replace("Mã xã, phường", "\"Mã xã, phường\"")
                        + "y kham nie,1970," + COMMUNE + "," + year + ",Đạt\n"
                        + "Người Không Có,1980," + COMMUNE + "," + year + ",Đạt\n";
        MvcTestResult result = upload("/api/v1/members/learning-citizens/import", file, false);
        assertThat(result).hasStatusOk();
        String body = result.getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(body, "$.saved")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(body, "$.warnings[0].row")).isEqualTo(3);
        assertThat(JsonPath.<String>read(body, "$.warnings[0].message")).contains("Không khớp hội viên nào");
        assertThat(jdbc.sql("select status from learning_citizen_statuses where member_id = " + member)
                        .query(String.class)
                        .single())
                .isEqualTo("RECOGNISED");
    }

    @Test
    void membershipFiguresCountMembersAndTheirShareOfThePopulation() throws Exception {
        String chapter = chapter("Thôn Số Liệu");
        member(chapter, "Đinh Văn Số");
        int year = Year.now().getValue();
        assertThat(mvc.post()
                        .uri("/membership/populations")
                        .param("year", String.valueOf(year))
                        .param("population-" + COMMUNE, "12.500")
                        .with(user(accounts.admin()))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        MvcTestResult page = mvc.get()
                .uri("/membership?locality=" + COMMUNE + "&year=" + year)
                .with(user(accounts.admin()))
                .exchange();
        long members = jdbc.sql(
                        "select count(distinct person_id) from members m join localities c on c.code = :c where m.locality_path <@ c.path and m.left_on is null")
                .param("c", COMMUNE)
                .query(Long.class)
                .single();
        String percent = String.format(java.util.Locale.ROOT, "%.2f", 100.0 * members / 12500)
                .replace('.', ',');
        assertThat(page).hasStatusOk().bodyText().contains("12500").contains(percent + "%");
    }

    @Test
    void populationsAreImportedWholeOrNotAtAll() {
        int year = Year.now().getValue() - 1;
        String bad = "Mã xã, phường,Năm,Dân số\n".replace("Mã xã, phường", "\"Mã xã, phường\"") + COMMUNE + "," + year
                + ",9.800\n99999," + year + ",100\n";
        MvcTestResult rejected = mvc.post()
                .uri("/membership/populations/import")
                .multipart()
                .file(new MockMultipartFile("file", "dan-so.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", "false")
                .with(user(accounts.admin()))
                .with(csrf())
                .exchange();
        assertThat(rejected).hasStatusOk().bodyText().contains("Không có xã, phường mã “99999”");
        assertThat(population(year)).isEmpty();

        String good = "commune_code,year,population\n" + COMMUNE + "," + year + ",9.800\n";
        assertThat(mvc.post()
                        .uri("/membership/populations/import")
                        .multipart()
                        .file(new MockMultipartFile(
                                "file", "dan-so.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)))
                        .param("dryRun", "false")
                        .with(user(accounts.admin()))
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("Đã lưu");
        assertThat(population(year)).contains(9800);
    }

    private java.util.Optional<Integer> population(int year) {
        return jdbc.sql("""
                        select p.population from commune_populations p join localities c on c.id = p.locality_id
                        where c.code = :c and p.year = :y
                        """)
                .param("c", COMMUNE)
                .param("y", year)
                .query(Integer.class)
                .optional();
    }

    private long count(String chapter) {
        return jdbc.sql("select count(*) from members where chapter_id = " + chapter)
                .query(Long.class)
                .single();
    }

    private MvcTestResult upload(String uri, String csv, boolean dryRun) {
        return mvc.post()
                .uri(uri)
                .multipart()
                .file(new MockMultipartFile("file", "tep.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", String.valueOf(dryRun))
                .with(admin())
                .exchange();
    }

    private String chapter(String villageName) throws Exception {
        String village = post(
                "/api/v1/localities",
                "{\"validFrom\":\"1990-01-01\",\"parentCode\":\"" + COMMUNE + "\",\"name\":\"" + villageName
                        + "\",\"kind\":\"thôn\"}",
                "$.code");
        return post(
                "/api/v1/chapters", "{\"kind\":\"CHI_HOI\",\"hostType\":\"VILLAGE\",\"hostCode\":\"" + village + "\"}");
    }

    private String member(String chapter, String name) throws Exception {
        return post(
                "/api/v1/members",
                "{\"chapterId\":" + chapter + ",\"fullName\":\"" + name
                        + "\",\"gender\":\"MALE\",\"birthYear\":1970,\"role\":\"MEMBER\"}");
    }

    private String post(String uri, String json) throws Exception {
        return post(uri, json, "$.id");
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
