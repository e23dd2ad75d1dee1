package vn.khuyenhoc.locality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.text.Normalizer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

@IntegrationTest
class LocalityApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AdministrativeMap map;

    @Test
    void listsTheHundredAndTwoCommunesOfDakLak() {
        assertThat(mvc.get().uri("/api/v1/localities?parent=66&size=5").with(admin()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(102);
    }

    @Test
    void loadingTheMapAgainInsertsNothing() throws Exception {
        long before = countLocalities();
        ApplicationArguments none = new DefaultApplicationArguments();

        map.run(none);

        assertThat(countLocalities()).isEqualTo(before);
    }

    @Test
    void findsACommuneWithoutDiacriticsOrInCapitals() {
        for (String query : new String[] {"buon ma thuot", "BUÔN MA THUỘT"}) {
            assertThat(mvc.get().uri("/api/v1/localities").param("q", query).with(admin()))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.items[0].code")
                    .isEqualTo("24133");
        }
    }

    @Test
    void foldsDStrokeWhenSearching() {
        assertThat(mvc.get().uri("/api/v1/localities").param("q", "dak lak").with(admin()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[0].code")
                .isEqualTo("66");
    }

    @Test
    void matchesANameTypedInDecomposedUnicode() {
        String decomposed = Normalizer.normalize("Phường Buôn Ma Thuột", Normalizer.Form.NFD);

        assertThat(mvc.get().uri("/api/v1/localities").param("q", decomposed).with(admin()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[0].code")
                .isEqualTo("24133");
    }

    @Test
    void createsAVillageWithAGeneratedCodeAndVietnameseKindLabel() {
        String name = "Thôn " + UUID.randomUUID().toString().substring(0, 6);

        var result = mvc.post()
                .uri("/api/v1/localities")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"parentCode\":\"24121\",\"name\":\"" + name + "\",\"kind\":\"to dan pho\"}")
                .exchange();

        assertThat(result).hasStatus(201).bodyJson().extractingPath("$.kind").isEqualTo("TO_DAN_PHO");
        assertThat(result).bodyJson().extractingPath("$.code").asString().startsWith("24121-");
        assertThat(result).bodyJson().extractingPath("$.parentCode").isEqualTo("24121");
        assertThat(result).bodyJson().extractingPath("$.level").isEqualTo("VILLAGE");
    }

    @Test
    void storesADecomposedNameAsNfc() {
        String nfc = "Buôn Ê Đê " + UUID.randomUUID().toString().substring(0, 6);
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);

        assertThat(mvc.post()
                        .uri("/api/v1/localities")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentCode\":\"24121\",\"name\":\"" + nfd + "\",\"kind\":\"buôn\"}"))
                .hasStatus(201);

        assertThat(jdbc.sql("select count(*) from localities where name = :name")
                        .param("name", nfc)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void refusesAnUnknownKindNamingTheField() {
        assertThat(mvc.post()
                        .uri("/api/v1/localities")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentCode\":\"24121\",\"name\":\"Thôn Mới\",\"kind\":\"làng\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("kind");
    }

    @Test
    void answers401WithoutCredentials() {
        assertThat(mvc.get().uri("/api/v1/localities?parent=66")).hasStatus(401);
    }

    @Test
    void answers404ForAVillageOfAnotherCommune() {
        String village = villageIn("24169");
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");

        assertThat(mvc.get()
                        .uri("/api/v1/localities/" + village)
                        .with(httpBasic(officer.username(), TestAccounts.PASSWORD)))
                .hasStatus(404);
        assertThat(mvc.get()
                        .uri("/api/v1/localities?parent=24169")
                        .with(httpBasic(officer.username(), TestAccounts.PASSWORD)))
                .hasStatus(404);
    }

    @Test
    void officerCannotCreateAVillageInAnotherCommune() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");

        assertThat(mvc.post()
                        .uri("/api/v1/localities")
                        .with(httpBasic(officer.username(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentCode\":\"24169\",\"name\":\"Thôn Lạ\",\"kind\":\"thôn\"}"))
                .hasStatus(404);
    }

    @Test
    void searchStaysWithinTheScope() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");

        assertThat(mvc.get()
                        .uri("/api/v1/localities")
                        .param("q", "phuong")
                        .with(httpBasic(officer.username(), TestAccounts.PASSWORD)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(1);
    }

    @Test
    void viewerMayReadButNotCreate() {
        SignedInUser viewer = accounts.open(Role.VIEWER, "66");

        assertThat(mvc.get().uri("/api/v1/localities/24133").with(httpBasic(viewer.username(), TestAccounts.PASSWORD)))
                .hasStatusOk();
        assertThat(mvc.post()
                        .uri("/api/v1/localities")
                        .with(httpBasic(viewer.username(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentCode\":\"24133\",\"name\":\"Thôn Xem\",\"kind\":\"thôn\"}"))
                .hasStatus(403);
    }

    @Test
    void everyVillageCreationIsAudited() {
        String code = villageIn("24121");

        String newValue = jdbc.sql(
                        "select new_value::text from audit_events where entity_type = 'locality' and entity_id = :code and action = 'CREATE'")
                .param("code", code)
                .query(String.class)
                .single();
        String actor = jdbc.sql("select actor from audit_events where entity_id = :code and action = 'CREATE'")
                .param("code", code)
                .query(String.class)
                .single();
        assertThat(newValue).contains("\"code\"").contains(code);
        assertThat(actor).isEqualTo("admin");
    }

    private String villageIn(String communeCode) {
        String name = "Thôn " + UUID.randomUUID().toString().substring(0, 8);
        var result = mvc.post()
                .uri("/api/v1/localities")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"parentCode\":\"" + communeCode + "\",\"name\":\"" + name + "\",\"kind\":\"THON\"}")
                .exchange();
        assertThat(result).hasStatus(201);
        return jdbc.sql("select code from localities where name = :name")
                .param("name", name)
                .query(String.class)
                .single();
    }

    private long countLocalities() {
        return jdbc.sql("select count(*) from localities").query(Long.class).single();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);
    }
}
