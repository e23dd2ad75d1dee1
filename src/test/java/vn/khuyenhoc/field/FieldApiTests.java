package vn.khuyenhoc.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

/** The field app's endpoints: the bundle is the clerk's scope, a change applies once, a stale one shows the server's. */
@IntegrationTest
class FieldApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    LocalityService localities;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    LocalityView village;
    LocalityView neighbour;
    SignedInUser clerk;
    SignedInUser officer;
    long round;

    @BeforeEach
    void scope() throws Exception {
        String commune = FieldBrowser.communeWithoutRound(jdbc);
        village = localities.createVillage(
                commune, new LocalityService.VillageDraft("Thôn Đồng Bộ", "thôn", null), accounts.admin());
        neighbour = localities.createVillage(
                commune, new LocalityService.VillageDraft("Thôn Bên Cạnh", "thôn", null), accounts.admin());
        clerk = accounts.open(Role.DATA_CLERK, village.code());
        officer = accounts.open(Role.COMMUNE_OFFICER, commune);
        MvcTestResult opened = mvc.post()
                .uri("/api/v1/rounds")
                .with(user(officer))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"LEARNING_FAMILY\",\"registrationDue\":\""
                        + LocalDate.now().plusDays(20) + "\",\"decisionDue\":\""
                        + LocalDate.now().plusDays(90) + "\"}")
                .exchange();
        assertThat(opened).hasStatus(201);
        round = ((Number) JsonPath.read(opened.getResponse().getContentAsString(), "$.id")).longValue();
    }

    @Test
    void theBundleHoldsTheClerksVillageOnly() throws Exception {
        long mine = create(clerk, village, "Y Trong Phạm Vi", UUID.randomUUID());
        create(officer, neighbour, "Y Ngoài Phạm Vi", UUID.randomUUID());

        MvcTestResult bundle =
                mvc.get().uri("/field/api/bundle").with(user(clerk)).exchange();

        assertThat(bundle).hasStatusOk();
        String body = bundle.getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.villages[*].code")).containsExactly(village.code());
        assertThat(JsonPath.<List<Integer>>read(body, "$.households[*].id")).containsExactly((int) mine);
        assertThat(JsonPath.<List<Integer>>read(body, "$.rounds[*].id")).containsExactly((int) round);
        assertThat(JsonPath.<List<Object>>read(body, "$.criteriaSets[0].criteria"))
                .isNotEmpty();
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'DOWNLOAD' and actor = :u")
                        .param("u", clerk.username())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aChangeSentTwiceIsAppliedOnce() throws Exception {
        UUID key = UUID.randomUUID();
        long first = create(clerk, village, "Hộ Gửi Hai Lần", key);
        long again = create(clerk, village, "Hộ Gửi Hai Lần", key);

        assertThat(again).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from families where head_name = 'Hộ Gửi Hai Lần'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // the same key with another change is refused, not answered with the first change's result
        MvcTestResult reused = mvc.post()
                .uri("/field/api/families")
                .with(user(clerk))
                .with(csrf())
                .header("Idempotency-Key", key.toString())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"villageCode\":\"" + village.code()
                        + "\",\"headName\":\"Hộ Khác Cùng Mã\",\"members\":9,\"adults\":2,\"schoolAgeChildren\":1}")
                .exchange();
        assertThat(reused).hasStatus(409).bodyText().contains("Idempotency-Key");
        assertThat(jdbc.sql("select count(*) from families where head_name = 'Hộ Khác Cùng Mã'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anEditOnAStaleVersionAnswersTheServersRecord() throws Exception {
        long id = create(clerk, village, "Hộ Hai Người Sửa", UUID.randomUUID());
        assertThat(update(officer, id, "Đầu thôn", 0, UUID.randomUUID())).hasStatusOk();

        MvcTestResult stale = update(clerk, id, "Cuối thôn", 0, UUID.randomUUID());

        assertThat(stale).hasStatus(409);
        String body = stale.getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(body, "$.detail")).contains("Hộ Hai Người Sửa");
        assertThat(JsonPath.<String>read(body, "$.server.address")).isEqualTo("Đầu thôn");
        assertThat(JsonPath.<Integer>read(body, "$.server.version")).isEqualTo(1);
        // keeping theirs: sent again on the server's version
        assertThat(update(clerk, id, "Cuối thôn", 1, UUID.randomUUID())).hasStatusOk();
        assertThat(jdbc.sql("select address from families where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("Cuối thôn");
    }

    @Test
    void refusedChangesSayWhyInVietnamese() throws Exception {
        long outside = create(officer, neighbour, "Hộ Thôn Khác", UUID.randomUUID());
        MvcTestResult notMine = update(clerk, outside, "Sửa trộm", 0, UUID.randomUUID());
        assertThat(notMine).hasStatus(404);
        assertThat(notMine.getResponse().getContentAsString()).contains("Không tìm thấy");

        long family = create(clerk, village, "Hộ Đăng Ký Muộn", UUID.randomUUID());
        jdbc.sql("update rounds set registration_due = current_date - 1 where id = :id")
                .param("id", round)
                .update();
        MvcTestResult late = mvc.post()
                .uri("/field/api/registrations")
                .with(user(clerk))
                .with(csrf())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"roundId\":" + round + ",\"familyId\":" + family + "}")
                .exchange();
        assertThat(late).hasStatus(409);
        String body = late.getResponse().getContentAsString();
        assertThat(body).contains("Đã quá hạn đăng ký").doesNotContain("\"server\"");
        // nothing remembered: the clerk may send it again once an officer has moved the deadline
        assertThat(jdbc.sql("select count(*) from field_submissions where account_id = :a and kind = 'REGISTER'")
                        .param("a", clerk.accountId())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void withoutTheCsrfTokenNothingIsChanged() {
        MvcTestResult forged = mvc.post()
                .uri("/field/api/families")
                .with(user(clerk))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"villageCode\":\"" + village.code()
                        + "\",\"headName\":\"Hộ Không Mã\",\"members\":3,\"adults\":2,\"schoolAgeChildren\":1}")
                .exchange();
        // refused like any page's form without its token (here, with no session: to the sign-in page)
        assertThat(forged.getResponse().getStatus()).isIn(302, 403);
        // a wrong token is answered to the app's script as a Vietnamese problem
        MvcTestResult wrong = mvc.post()
                .uri("/field/api/families")
                .with(user(clerk))
                .with(csrf().useInvalidToken())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"villageCode\":\"" + village.code()
                        + "\",\"headName\":\"Hộ Không Mã\",\"members\":3,\"adults\":2,\"schoolAgeChildren\":1}")
                .exchange();
        assertThat(wrong).hasStatus(403).bodyText().contains("CSRF");
        assertThat(jdbc.sql("select count(*) from families where head_name = 'Hộ Không Mã'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private long create(SignedInUser who, LocalityView where, String name, UUID key) throws Exception {
        MvcTestResult result = mvc.post()
                .uri("/field/api/families")
                .with(user(who))
                .with(csrf())
                .header("Idempotency-Key", key.toString())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"villageCode\":\"" + where.code() + "\",\"headName\":\"" + name
                        + "\",\"members\":3,\"adults\":2,\"schoolAgeChildren\":1,\"confirmDuplicate\":true}")
                .exchange();
        assertThat(result).hasStatus(201);
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
    }

    private MvcTestResult update(SignedInUser who, long id, String address, int version, UUID key) {
        return mvc.put()
                .uri("/field/api/families/" + id)
                .with(user(who))
                .with(csrf())
                .header("Idempotency-Key", key.toString())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"villageCode\":\"" + village.code() + "\",\"headName\":\"Hộ Hai Người Sửa\",\"address\":\""
                        + address + "\",\"members\":3,\"adults\":2,\"schoolAgeChildren\":1,\"version\":" + version
                        + "}")
                .exchange();
    }
}
