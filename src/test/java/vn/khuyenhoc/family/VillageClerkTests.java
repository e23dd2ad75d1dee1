package vn.khuyenhoc.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

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

/** A clerk bound to one village works there and sees nothing of the next village of the same commune. */
@IntegrationTest
class VillageClerkTests {

    static final String COMMUNE = "22153";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVillageClerkSeesOnlyTheVillagesHouseholdsAndTheNextVillagesIsNotFound() throws Exception {
        String mine = village();
        String next = village();
        SignedInUser clerk = accounts.open(Role.DATA_CLERK, mine);
        RequestPostProcessor asClerk = httpBasic(clerk.username(), TestAccounts.PASSWORD);
        String own = household(asClerk, mine, "Y Khuê Mlô");
        String theirs = household(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD), next, "H Bia Ktla");

        String list = mvc.get()
                .uri("/api/v1/families?size=200")
                .with(asClerk)
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("Y Khuê Mlô").doesNotContain("H Bia Ktla");
        assertThat(JsonPath.<Integer>read(list, "$.total")).isEqualTo(1);
        assertThat(mvc.get().uri("/api/v1/families/" + theirs).with(asClerk)).hasStatus(404);
        assertThat(mvc.get().uri("/families/" + theirs).with(user(clerk))).hasStatus(404);
        assertThat(mvc.get().uri("/families/" + own).with(user(clerk))).hasStatusOk();
        // the clerk cannot place a household in the next village either
        assertThat(create(asClerk, next, "Ai Khác")).hasStatus(400);

        assertThat(mvc.get().uri("/").with(user(clerk))).hasStatusOk();
        assertThat(mvc.get().uri("/families?q=khue").with(user(clerk)))
                .hasStatusOk()
                .bodyText()
                .contains("Y Khuê Mlô")
                .doesNotContain("H Bia Ktla");
        assertThat(mvc.get().uri("/rounds").with(user(clerk))).hasStatusOk();
        assertThat(mvc.get().uri("/dashboard").with(user(clerk))).hasStatusOk();
    }

    private String household(RequestPostProcessor who, String village, String head) throws Exception {
        MvcTestResult result = create(who, village, head);
        assertThat(result).hasStatus(201);
        return String.valueOf(JsonPath.<Object>read(result.getResponse().getContentAsString(), "$.id"));
    }

    private MvcTestResult create(RequestPostProcessor who, String village, String head) {
        return mvc.post()
                .uri("/api/v1/families")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(("{\"villageCode\":\"" + village + "\",\"headName\":\"" + head
                                + "\",\"members\":3,\"adults\":2,\"schoolAgeChildren\":1}")
                        .getBytes(StandardCharsets.UTF_8))
                .exchange();
    }

    private String village() {
        String name = "Buôn " + UUID.randomUUID().toString().substring(0, 8);
        assertThat(mvc.post()
                        .uri("/api/v1/localities")
                        .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(("{\"parentCode\":\"" + COMMUNE + "\",\"name\":\"" + name + "\",\"kind\":\"buôn\"}")
                                .getBytes(StandardCharsets.UTF_8)))
                .hasStatus(201);
        return jdbc.sql("select code from localities where name = :n")
                .param("n", name)
                .query(String.class)
                .single();
    }
}
