package vn.khuyenhoc.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
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

/** Provisioning accounts through {@code /api/v1/accounts}: roles and scopes checked together, never a password back. */
@IntegrationTest
class AccountApiTests {

    static final String PASSWORD = "mat-khau-ban-dau-9";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createsAVillageClerkReadsItAndNeverAnswersThePassword() throws Exception {
        String village = village("24133");
        String username = "thu-ky-" + UUID.randomUUID().toString().substring(0, 6);

        MvcTestResult created = post(body(username, "DATA_CLERK", "[\"" + village + "\"]", PASSWORD), admin());

        assertThat(created).hasStatus(201);
        String json = created.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json)
                .contains("\"scopeCodes\":[\"" + village + "\"]", "\"role\":\"DATA_CLERK\"")
                .doesNotContain(PASSWORD, "bcrypt", "password");
        Number id = JsonPath.read(json, "$.id");
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/accounts/" + id);
        assertThat(mvc.get().uri("/api/v1/accounts/" + id).with(admin()))
                .hasStatusOk()
                .bodyText()
                .contains("\"username\":\"" + username + "\"")
                .doesNotContain("bcrypt", "password");
        assertThat(mvc.get().uri("/api/v1/accounts?size=500").with(admin()))
                .hasStatusOk()
                .bodyText()
                .contains(username)
                .doesNotContain("bcrypt", "passwordHash");
    }

    @Test
    void refusesAScopeThatDoesNotFitTheRoleNamingTheField() {
        String username = "sai-" + UUID.randomUUID().toString().substring(0, 6);

        assertThat(post(body(username, "DATA_CLERK", "[\"66\"]", PASSWORD), admin()))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("scopeCodes");
        assertThat(post(body(username, "COMMUNE_OFFICER", "[\"" + village("24133") + "\"]", PASSWORD), admin()))
                .hasStatus(400)
                .bodyText()
                .contains("không hợp với vai trò Cán bộ xã");
        assertThat(post(body(username, "BOSS", "[\"24133\"]", PASSWORD), admin()))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("role");
        assertThat(post(body("X Y", "VIEWER", "[\"24133\"]", PASSWORD), admin()))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("username");
        assertThat(post(body(username, "VIEWER", "[\"24133\",\"22207\"]", PASSWORD), admin()))
                .hasStatus(400)
                .bodyText()
                .contains("chỉ gắn với một địa bàn");
        assertThat(jdbc.sql("select count(*) from accounts where username = :u")
                        .param("u", username)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void onlyAProvinceAdministratorManagesAccounts() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");
        RequestPostProcessor asOfficer = httpBasic(officer.username(), TestAccounts.PASSWORD);

        assertThat(mvc.get().uri("/api/v1/accounts").with(asOfficer)).hasStatus(403);
        assertThat(post(body("khong-duoc", "VIEWER", "[\"24133\"]", PASSWORD), asOfficer))
                .hasStatus(403)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("quản trị");
    }

    @Test
    void anAccountOutsideTheAdministratorsScopeIsNotFound() {
        SignedInUser elsewhere = accounts.open(Role.COMMUNE_OFFICER, "22207");
        SignedInUser communeAdmin = accounts.open(Role.PROVINCE_ADMIN, "24133");
        RequestPostProcessor asCommuneAdmin = httpBasic(communeAdmin.username(), TestAccounts.PASSWORD);

        assertThat(mvc.get().uri("/api/v1/accounts/" + elsewhere.accountId()).with(asCommuneAdmin))
                .hasStatus(404);
        assertThat(put(
                        elsewhere.accountId(),
                        "{\"displayName\":\"X\",\"role\":\"VIEWER\",\"scopeCodes\":[\"24133\"],"
                                + "\"enabled\":true,\"version\":0}",
                        asCommuneAdmin))
                .hasStatus(404);
        assertThat(post(
                        body(
                                "ngoai-" + UUID.randomUUID().toString().substring(0, 6),
                                "VIEWER",
                                "[\"22207\"]",
                                PASSWORD),
                        asCommuneAdmin))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("scopeCodes");
    }

    @Test
    void editsAnAccountAgainstItsVersionAuditsItAndEndsItsSessionsOnANewScope() throws Exception {
        SignedInUser clerk = accounts.open(Role.DATA_CLERK, "24133");
        String village = village("24133");
        int version = version(clerk);
        int generation = generation(clerk);

        // the username is not changed by an edit, and saying otherwise is refused, not ignored
        assertThat(put(
                        clerk.accountId(),
                        "{\"username\":\"ten-moi-khac\",\"displayName\":\"Y Bhăm Niê\",\"role\":\"DATA_CLERK\","
                                + "\"scopeCodes\":[\"" + village + "\"],\"enabled\":true,\"version\":" + version + "}",
                        admin()))
                .hasStatus(400)
                .bodyText()
                .contains("username");

        assertThat(put(
                        clerk.accountId(),
                        "{\"displayName\":\"Y Bhăm Niê\",\"role\":\"DATA_CLERK\",\"scopeCodes\":[\"" + village
                                + "\"],\"enabled\":true,\"version\":" + version + "}",
                        admin()))
                .hasStatusOk()
                .bodyText()
                .contains("\"displayName\":\"Y Bhăm Niê\"", village);
        assertThat(generation(clerk)).isGreaterThan(generation);
        assertThat(jdbc.sql("""
                        select old_value::text || ' → ' || new_value::text from audit_events
                        where entity_type = 'account' and entity_id = :u and action = 'UPDATE'
                        """)
                        .param("u", clerk.username())
                        .query(String.class)
                        .single())
                .contains("Người thử", "Y Bhăm Niê")
                .doesNotContain("bcrypt");

        assertThat(put(
                        clerk.accountId(),
                        "{\"displayName\":\"Cũ\",\"role\":\"DATA_CLERK\",\"scopeCodes\":[\"" + village
                                + "\"],\"enabled\":true,\"version\":" + version + "}",
                        admin()))
                .hasStatus(409);
        assertThat(put(
                        clerk.accountId(),
                        "{\"displayName\":\"Y Bhăm Niê\",\"role\":\"COMMUNE_OFFICER\","
                                + "\"scopeCodes\":[\"" + village + "\"],\"enabled\":true,\"version\":"
                                + version(clerk) + "}",
                        admin()))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("scopeCodes");
    }

    private String body(String username, String role, String scopeCodes, String password) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"Nguyễn Thị Lan\",\"role\":\"" + role
                + "\",\"scopeCodes\":" + scopeCodes + ",\"enabled\":true,\"password\":\"" + password + "\"}";
    }

    private MvcTestResult post(String json, RequestPostProcessor who) {
        return mvc.post()
                .uri("/api/v1/accounts")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.getBytes(StandardCharsets.UTF_8))
                .exchange();
    }

    private MvcTestResult put(long id, String json, RequestPostProcessor who) {
        return mvc.put()
                .uri("/api/v1/accounts/" + id)
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.getBytes(StandardCharsets.UTF_8))
                .exchange();
    }

    private int version(SignedInUser user) {
        return jdbc.sql("select version from accounts where id = :id")
                .param("id", user.accountId())
                .query(Integer.class)
                .single();
    }

    private int generation(SignedInUser user) {
        return jdbc.sql("select session_generation from accounts where id = :id")
                .param("id", user.accountId())
                .query(Integer.class)
                .single();
    }

    private String village(String commune) {
        String name = "Thôn " + UUID.randomUUID().toString().substring(0, 8);
        assertThat(mvc.post()
                        .uri("/api/v1/localities")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentCode\":\"" + commune + "\",\"name\":\"" + name + "\",\"kind\":\"thôn\"}"))
                .hasStatus(201);
        return jdbc.sql("select code from localities where name = :n")
                .param("n", name)
                .query(String.class)
                .single();
    }

    private static RequestPostProcessor admin() {
        return httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);
    }
}
