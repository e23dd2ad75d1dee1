package vn.khuyenhoc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * The menu offers each role what it may use, its main destinations first; a chapter's years start at its founding; the
 * administrator is warned while certificates print an address citizens cannot open.
 */
@IntegrationTest
class NavigationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    LocalityService localities;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aClerkIsOfferedTheClerksWorkAndAnAdministratorEverything() {
        SignedInUser clerk = accounts.open(Role.DATA_CLERK, "24133");
        assertThat(mvc.get().uri("/families").with(user(clerk)).exchange())
                .hasStatusOk()
                .bodyText()
                .contains("<nav class=\"tabs\" aria-label=\"Lối tắt\">")
                .contains("href=\"/families\" aria-current=\"page\"")
                .contains("href=\"/organizations\"")
                .doesNotContain("href=\"/members\"")
                .doesNotContain("href=\"/policy-studies\"")
                .doesNotContain("href=\"/plans\"")
                .doesNotContain("href=\"/reports\"")
                .doesNotContain("href=\"/accounts\"");
        assertThat(Navigation.of(clerk, "/").main())
                .extracting(Navigation.Destination::label)
                .containsExactly("Việc cần làm", "Sổ thôn", "Hộ gia đình", "Công nhận", "Tìm kiếm");

        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");
        assertThat(Navigation.of(officer, "/").main())
                .extracting(Navigation.Destination::label)
                .containsExactly("Việc cần làm", "Tiến độ", "Công nhận", "Chi hội", "Địa bàn");
        SignedInUser office = accounts.open(Role.DECISION_OFFICE, "24133");
        assertThat(Navigation.of(office, "/").main())
                .extracting(Navigation.Destination::label)
                .containsExactly("Việc cần làm", "Công nhận", "Tiến độ");
        assertThat(Navigation.of(office, "/").more())
                .extracting(Navigation.Destination::label)
                .doesNotContain("Hộ gia đình", "Hội viên");
        SignedInUser viewer = accounts.open(Role.VIEWER, "24133");
        assertThat(Navigation.of(viewer, "/families/12").main())
                .extracting(Navigation.Destination::label)
                .containsExactly("Tiến độ", "Địa bàn", "Tìm kiếm");
        assertThat(Navigation.of(viewer, "/families/12").more())
                .filteredOn(Navigation.Destination::current)
                .extracting(Navigation.Destination::label)
                .containsExactly("Hộ gia đình");

        assertThat(mvc.get().uri("/families").with(user(accounts.admin())).exchange())
                .hasStatusOk()
                .bodyText()
                .contains("href=\"/members\"", "href=\"/plans\"", "href=\"/reports\"", "href=\"/accounts\"");
    }

    @Test
    void aChaptersYearsStartTheYearItWasFounded() throws Exception {
        var village = localities.createVillage(
                "24133",
                new LocalityService.VillageDraft(
                        "Thôn Năm Lập " + java.util.UUID.randomUUID().toString().substring(0, 6),
                        "thôn",
                        LocalDate.of(2021, 1, 1)),
                accounts.admin());
        var created = mvc.post()
                .uri("/api/v1/chapters")
                .with(user(accounts.admin()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"CHI_HOI\",\"hostType\":\"VILLAGE\",\"hostCode\":\"" + village.code()
                        + "\",\"foundedOn\":\"2024-03-01\"}")
                .exchange();
        assertThat(created).hasStatus(201);
        Object id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");

        assertThat(mvc.get().uri("/chapters/" + id).with(user(accounts.admin())).exchange())
                .hasStatusOk()
                .bodyText()
                .contains("Lưu năm <span>2024</span>")
                .contains("Lưu năm <span>" + LocalDate.now().getYear() + "</span>")
                .doesNotContain("Lưu năm <span>2023</span>")
                .contains("class=\"list cards\"")
                .contains("data-label=\"Ghi nhận\"");
    }

    @Test
    void theAdministratorIsWarnedThatCertificatesPrintALocalAddress() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24277");
        mvc.post()
                .uri("/api/v1/rounds")
                .with(user(officer))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"LEARNING_FAMILY\",\"registrationDue\":\""
                        + LocalDate.now().plusDays(10) + "\",\"decisionDue\":\""
                        + LocalDate.now().plusDays(60) + "\"}")
                .exchange(); // 201, or 409 when an earlier run opened it: either way a round of this year exists

        assertThat(mvc.get().uri("/").with(user(accounts.admin())).exchange())
                .hasStatusOk()
                .bodyText()
                .contains("Địa chỉ công khai chưa được đặt")
                .contains("http://localhost:8080/verify/");
        assertThat(mvc.get().uri("/").with(user(officer)).exchange())
                .hasStatusOk()
                .bodyText()
                .doesNotContain("Địa chỉ công khai chưa được đặt");
        // the decision form says what the certificates will print
        long round = jdbc.sql("""
                        select r.id from rounds r join localities l on l.id = r.locality_id
                        where l.code = '24277' and r.year = :year order by r.id desc limit 1
                        """)
                .param("year", LocalDate.now().getYear())
                .query(Long.class)
                .single();
        assertThat(mvc.get()
                        .uri("/rounds/" + round + "/decisions/new")
                        .with(user(accounts.admin()))
                        .exchange())
                .hasStatusOk()
                .bodyText()
                .contains("Giấy chứng nhận sẽ in:")
                .contains("có giá trị đến hết ngày 31/12/")
                .contains("http://localhost:8080/verify/…")
                .contains("người dân không mở được");
    }
}
