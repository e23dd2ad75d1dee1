package vn.khuyenhoc.locality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

@IntegrationTest
class FormerMapTests {

    static final String TAN_LOI = "C66.TP-BUON-MA-THUOT.P-TAN-LOI";
    static final String EA_BHOK = "C66.H-CU-KUIN.X-EA-BHOK";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FormerMap formerMap;

    @Autowired
    LocalityService localities;

    @Test
    void loadsTwoFormerProvincesTwentyFourDistrictsAndTheirCommunes() {
        assertThat(count("level = 'PROVINCE'")).isEqualTo(2);
        assertThat(count("level = 'DISTRICT'")).isEqualTo(24);
        assertThat(count("level = 'COMMUNE'")).isEqualTo(286);
        assertThat(count("level = 'COMMUNE' and kind = 'THI_TRAN'")).isEqualTo(19);
        assertThat(count("valid_to = date '2025-07-01'")).isEqualTo(312);
        assertThat(jdbc.sql("""
                        select count(*) from locality_successions s join localities l on l.id = s.predecessor_id
                        where l.former_map and s.effective_on = date '2025-07-01'
                        """).query(Long.class).single()).isEqualTo(292 + 2);
    }

    @Test
    void aSplitFormerCommuneHasTwoSuccessors() {
        assertThat(successors(EA_BHOK)).containsExactly("24544", "24561");
        assertThat(successors("C66")).containsExactly("66");
        assertThat(successors("C54")).containsExactly("66");
    }

    @Test
    void loadingAgainInsertsNothing() throws Exception {
        long localitiesBefore = count("true");
        long successionsBefore = jdbc.sql("select count(*) from locality_successions")
                .query(Long.class)
                .single();

        formerMap.run(new DefaultApplicationArguments());

        assertThat(count("true")).isEqualTo(localitiesBefore);
        assertThat(jdbc.sql("select count(*) from locality_successions")
                        .query(Long.class)
                        .single())
                .isEqualTo(successionsBefore);
    }

    @Test
    void theMapOfADayBeforeTheReformIsTheFormerMapWithSuccessors() throws Exception {
        var answer = mvc.get()
                .uri("/api/v1/localities")
                .param("q", "tan loi")
                .param("date", "2024-12-31")
                .with(admin())
                .exchange();

        assertThat(answer)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[0].code")
                .isEqualTo(TAN_LOI);
        assertThat(answer).bodyJson().extractingPath("$.items[0].validFrom").isEqualTo("2021-01-01");
        assertThat(answer).bodyJson().extractingPath("$.items[0].validTo").isEqualTo("2025-07-01");
        assertThat(answer)
                .bodyJson()
                .extractingPath("$.items[0].successorCodes")
                .isEqualTo(List.of("24133"));
        assertThat(answer).bodyJson().extractingPath("$.items[0].parentName").isEqualTo("Thành phố Buôn Ma Thuột");

        // with a parent, only its units of that day: the former communes of one former district
        MvcTestResult district = mvc.get()
                .uri("/api/v1/localities")
                .param("parent", "C54.TX-DONG-HOA")
                .param("date", "2024-12-31")
                .param("size", "100")
                .with(admin())
                .exchange();
        assertThat(district).hasStatusOk();
        java.util.List<String> parents =
                com.jayway.jsonpath.JsonPath.read(district.getResponse().getContentAsString(), "$.items[*].parentCode");
        assertThat(parents).isNotEmpty().containsOnly("C54.TX-DONG-HOA");
    }

    @Test
    void theMapOfADayBeforeTheReformHasNoCommuneOfToday() {
        assertThat(mvc.get()
                        .uri("/api/v1/localities")
                        .param("q", "buon ma thuot")
                        .param("date", "2024-12-31")
                        .with(admin()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].code")
                .asArray()
                .contains("C66.TP-BUON-MA-THUOT")
                .doesNotContain("24133");
    }

    @Test
    void withoutADateTheMapIsTodays() {
        assertThat(mvc.get().uri("/api/v1/localities").param("q", "tan loi").with(admin()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].code")
                .asArray()
                .doesNotContain(TAN_LOI);
        assertThat(mvc.get()
                        .uri("/api/v1/localities")
                        .param("q", "buon ma thuot")
                        .param("date", "2026-01-01")
                        .with(admin()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].code")
                .asArray()
                .contains("24133")
                .doesNotContain("C66.TP-BUON-MA-THUOT");
    }

    @Test
    void aBadDateIsRefusedNamingIt() {
        assertThat(mvc.get()
                        .uri("/api/v1/localities")
                        .param("q", "tan")
                        .param("date", "31/12/2024")
                        .with(admin()))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("date");
    }

    @Test
    void aCommuneOfficerSeesTheFormerCommunesItsCommuneWasFormedFromOnly() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");

        assertThat(mvc.get()
                        .uri("/api/v1/localities/" + TAN_LOI)
                        .with(httpBasic(officer.username(), TestAccounts.PASSWORD)))
                .hasStatusOk();
        assertThat(mvc.get()
                        .uri("/api/v1/localities/C66.TP-BUON-MA-THUOT")
                        .with(httpBasic(officer.username(), TestAccounts.PASSWORD)))
                .hasStatusOk();
        assertThat(mvc.get()
                        .uri("/api/v1/localities/" + EA_BHOK)
                        .with(httpBasic(officer.username(), TestAccounts.PASSWORD)))
                .hasStatus(404);
        assertThat(mvc.get()
                        .uri("/api/v1/localities")
                        .param("q", "ea bhok")
                        .param("date", "2024-12-31")
                        .with(httpBasic(officer.username(), TestAccounts.PASSWORD)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(0);
    }

    @Test
    void aCommunePageListsWhatItWasFormedFromAndAFormerPageItsSuccessors() {
        assertThat(mvc.get().uri("/localities/24133").with(user(accounts.admin())))
                .hasStatusOk()
                .bodyText()
                .contains("Hình thành từ")
                .contains("Phường Tân Lợi")
                .contains("Xã Cư ÊBur");
        assertThat(mvc.get().uri("/localities/" + EA_BHOK).with(user(accounts.admin())))
                .hasStatusOk()
                .bodyText()
                .contains("Bản đồ trước 01/7/2025")
                .contains("Kế thừa bởi")
                .contains("Xã Ea Ktur")
                .contains("Xã Dray Bhăng");
    }

    @Test
    void theSearchPageFindsFormerUnitsWithoutDiacritics() {
        assertThat(mvc.get().uri("/localities/search?q=tan loi&former=true").with(user(accounts.admin())))
                .hasStatusOk()
                .bodyText()
                .contains(TAN_LOI)
                .contains("Thành phố Buôn Ma Thuột");
        assertThat(mvc.get().uri("/localities/search?q=tan loi").with(user(accounts.admin())))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(TAN_LOI);
    }

    @Test
    void theFormerMapIsReadOnly() {
        SignedInUser admin = accounts.admin();

        assertThat(mvc.post()
                        .uri("/api/v1/localities")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentCode\":\"" + TAN_LOI + "\",\"name\":\"Thôn Mới\",\"kind\":\"thôn\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("trước ngày 01/7/2025");
        int version = localities.get(TAN_LOI, admin).version();
        assertThatThrownBy(() -> localities.renameVillage(TAN_LOI, "Phường Khác", version, admin))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("chỉ để xem");
        assertThatThrownBy(() -> localities.retireVillage(TAN_LOI, LocalDate.of(2025, 1, 1), "", version, null, admin))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("chỉ để xem");
        assertThatThrownBy(() -> localities.mergeVillages(
                        List.of(TAN_LOI, "C66.TP-BUON-MA-THUOT.P-TAN-TIEN"),
                        new LocalityService.VillageDraft("Phường Gộp", "thôn", null),
                        "",
                        LocalityService.ChapterChoice.none(),
                        admin))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("chỉ để xem");
    }

    private long count(String condition) {
        return jdbc.sql("select count(*) from localities where former_map and " + condition)
                .query(Long.class)
                .single();
    }

    private List<String> successors(String code) {
        return jdbc.sql("""
                        select n.code from locality_successions s
                        join localities p on p.id = s.predecessor_id join localities n on n.id = s.successor_id
                        where p.code = :code order by n.code
                        """).param("code", code).query(String.class).list();
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);
    }
}
