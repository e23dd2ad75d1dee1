package vn.khuyenhoc.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

/** Personal access tokens: made once, kept hashed, acting with their owner's role and scope, revocable. */
@IntegrationTest
class ApiTokenTests {

    private static final String COMMUNE = "24133";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTokenActsForItsOwnerWithinTheOwnersScopeAndIsAuditedAsTheToken() throws Exception {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, COMMUNE);
        MvcTestResult made = issue(officer, "{\"name\":\"Bảng tính của xã\",\"expiresInDays\":30}");
        assertThat(made).hasStatus(201).bodyJson().extractingPath("$.name").isEqualTo("Bảng tính của xã");
        String body = made.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String token = JsonPath.read(body, "$.token");
        assertThat(token).startsWith("khs_").hasSize(47);
        assertThat(jdbc.sql("select token_hash from api_tokens where id = :id")
                        .param("id", ((Number) JsonPath.read(body, "$.id")).longValue())
                        .query(String.class)
                        .single())
                .isEqualTo(ApiTokens.hash(token))
                .isNotEqualTo(token);

        assertThat(mvc.get().uri("/api/v1/localities/" + COMMUNE).header("Authorization", "Bearer " + token))
                .hasStatusOk();
        // the province is outside a commune officer's scope, with a token as with a password
        assertThat(mvc.get().uri("/api/v1/localities/66").header("Authorization", "Bearer " + token))
                .hasStatus(404);

        assertThat(mvc.post()
                        .uri("/api/v1/localities")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"parentCode\":\"" + COMMUNE + "\",\"name\":\"Thôn Mã Truy Cập\",\"kind\":\"thôn\"}"))
                .hasStatus(201);
        assertThat(jdbc.sql("select actor from audit_events where action = 'CREATE' and entity_type = 'locality'"
                                + " order by id desc limit 1")
                        .query(String.class)
                        .single())
                .isEqualTo(officer.username() + " · mã truy cập “Bảng tính của xã” (#"
                        + JsonPath.read(body, "$.id").toString() + ")");

        assertThat(mvc.get().uri("/api/v1/tokens").with(httpBasic(officer.username(), TestAccounts.PASSWORD)))
                .hasStatusOk()
                .bodyText()
                .contains("Bảng tính của xã", "lastUsedAt")
                .doesNotContain(token, ApiTokens.hash(token));
        // a token does not make a longer-lived token
        assertThat(mvc.post()
                        .uri("/api/v1/tokens")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"chain\",\"expiresInDays\":365}"))
                .hasStatus(403);
    }

    @Test
    void aRevokedExpiredMalformedOrUnknownTokenIs401WithAVietnameseProblem() throws Exception {
        SignedInUser clerk = accounts.open(Role.DATA_CLERK, COMMUNE);
        SignedInUser other = accounts.open(Role.DATA_CLERK, COMMUNE);
        String body =
                issue(clerk, "{\"name\":\"Điện thoại\"}").getResponse().getContentAsString(StandardCharsets.UTF_8);
        String token = JsonPath.read(body, "$.token");
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        assertThat(mvc.get().uri("/api/v1/tokens").header("Authorization", "Bearer " + token))
                .hasStatusOk();

        // someone else's token is not found, and stays valid
        assertThat(mvc.delete().uri("/api/v1/tokens/" + id).with(httpBasic(other.username(), TestAccounts.PASSWORD)))
                .hasStatus(404);
        assertThat(mvc.get().uri("/api/v1/tokens").header("Authorization", "Bearer " + token))
                .hasStatusOk();

        assertThat(mvc.delete().uri("/api/v1/tokens/" + id).with(httpBasic(clerk.username(), TestAccounts.PASSWORD)))
                .hasStatus(204);
        for (String sent : new String[] {
            token, "abc", "khs_" + "A".repeat(43), token.substring(0, 46), "", "khs_'; drop table api_tokens; --"
        }) {
            assertThat(mvc.get().uri("/api/v1/tokens").header("Authorization", "Bearer " + sent))
                    .hasStatus(401)
                    .hasContentTypeCompatibleWith("application/problem+json")
                    .bodyText()
                    .contains("Mã truy cập");
        }

        String second = JsonPath.read(
                issue(clerk, "{\"name\":\"Hết hạn\",\"expiresInDays\":1}")
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "$.token");
        jdbc.sql("update api_tokens set expires_at = now() - interval '1 second' where token_hash = :hash")
                .param("hash", ApiTokens.hash(second))
                .update();
        assertThat(mvc.get().uri("/api/v1/tokens").header("Authorization", "Bearer " + second))
                .hasStatus(401);

        // a locked account's tokens stop with it
        String third = JsonPath.read(
                issue(other, "{\"name\":\"Khóa\"}").getResponse().getContentAsString(StandardCharsets.UTF_8),
                "$.token");
        jdbc.sql("update accounts set enabled = false where id = :id")
                .param("id", other.accountId())
                .update();
        assertThat(mvc.get().uri("/api/v1/tokens").header("Authorization", "Bearer " + third))
                .hasStatus(401);
    }

    @Test
    void badNamesAndLifetimesAreRefusedNamingTheField() {
        SignedInUser clerk = accounts.open(Role.DATA_CLERK, COMMUNE);
        assertThat(issue(clerk, "{\"name\":\"x\",\"expiresInDays\":0}"))
                .hasStatus(400)
                .bodyText()
                .contains("expiresInDays");
        assertThat(issue(clerk, "{\"name\":\"x\",\"expiresInDays\":366}")).hasStatus(400);
        assertThat(issue(clerk, "{\"name\":\"  \"}")).hasStatus(400).bodyText().contains("name");
        assertThat(issue(clerk, "{\"name\":\"x\",\"expiresInDays\":\"mãi mãi\"}"))
                .hasStatus(400);
    }

    @Test
    void theTokensPageShowsANewTokenOnceAndRevokes() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, COMMUNE);
        MvcTestResult made = mvc.post()
                .uri("/account/tokens")
                .with(user(officer))
                .with(csrf())
                .param("name", "Phần mềm huyện")
                .param("expiresInDays", "60")
                .exchange();
        assertThat(made).hasStatusOk().bodyText().contains("chỉ hiện", "khs_");
        assertThat(mvc.get().uri("/account/tokens").with(user(officer)))
                .hasStatusOk()
                .bodyText()
                .contains("Phần mềm huyện", "Thu hồi")
                .doesNotContain("readonly");
        long id = jdbc.sql("select id from api_tokens where account_id = :a")
                .param("a", officer.accountId())
                .query(Long.class)
                .single();
        assertThat(mvc.post()
                        .uri("/account/tokens/" + id + "/revoke")
                        .with(user(officer))
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/account/tokens").with(user(officer)))
                .bodyText()
                .contains("Đã thu hồi");
    }

    private MvcTestResult issue(SignedInUser owner, String json) {
        return mvc.post()
                .uri("/api/v1/tokens")
                .with(httpBasic(owner.username(), TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.getBytes(StandardCharsets.UTF_8))
                .exchange();
    }
}
