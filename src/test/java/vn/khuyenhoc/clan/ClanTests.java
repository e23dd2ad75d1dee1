package vn.khuyenhoc.clan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

@IntegrationTest
class ClanTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void keepsTheReligionOfAReligiousEstablishmentOnly() {
        assertThat(
                        create(
                                "{\"name\":\"Chùa Sắc Tứ Khải Đoan\",\"kind\":\"cơ sở tôn giáo\",\"religion\":\"Phật giáo\",\"localityCode\":\"24133\"}"))
                .hasStatus(201)
                .bodyJson()
                .extractingPath("$.religion")
                .isEqualTo("Phật giáo");
        assertThat(
                        create(
                                "{\"name\":\"Dòng họ Lê Đình\",\"kind\":\"dong ho\",\"religion\":\"Phật giáo\",\"localityCode\":\"24133\"}"))
                .hasStatus(201)
                .bodyJson()
                .extractingPath("$.religion")
                .isNull();
    }

    @Test
    void findsAClanWithoutDiacriticsWithinTheScopeOnly() {
        assertThat(
                        create(
                                "{\"name\":\"Hội đồng hương Quảng Nam\",\"kind\":\"HOMETOWN_ASSOCIATION\",\"localityCode\":\"24169\"}"))
                .hasStatus(201);
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");

        assertThat(mvc.get()
                        .uri("/api/v1/clans")
                        .param("q", "hoi dong huong quang nam")
                        .with(admin()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(1);
        assertThat(mvc.get()
                        .uri("/api/v1/clans")
                        .param("q", "hoi dong huong quang nam")
                        .with(httpBasic(officer.username(), TestAccounts.PASSWORD)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(0);
        assertThat(mvc.get().uri("/clans").param("q", "quang nam").with(user(accounts.admin())))
                .hasStatusOk()
                .bodyText()
                .contains("Hội đồng hương Quảng Nam");
    }

    @Test
    void importReportsAnUnknownKindAndABadCountWithTheirColumns() {
        String csv =
                "locality_code,name,kind,households_approx\n24133,Dòng họ Phạm,họ tộc,12\n24133,Dòng họ Võ,CLAN,mười\n";

        var result = mvc.post()
                .uri("/api/v1/clans/import")
                .multipart()
                .file(new MockMultipartFile("file", "dh.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", "false")
                .with(admin())
                .exchange();

        assertThat(result)
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].column")
                .isEqualTo("Loại");
        assertThat(result).bodyJson().extractingPath("$.errors[1].column").isEqualTo("Số hộ (ước)");
        assertThat(result).bodyJson().extractingPath("$.saved").isEqualTo(0);
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult create(String json) {
        return mvc.post()
                .uri("/api/v1/clans")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic("admin", IntegrationTest.ADMIN_PASSWORD);
    }
}
