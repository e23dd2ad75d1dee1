package vn.khuyenhoc.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;

/** The audit trail speaks Vietnamese and Vietnam's time: no CREATE, no UTC. */
@IntegrationTest
class AuditPageTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AuditTrail audit;

    @Autowired
    TransactionTemplate transactions;

    record Household(long id, String headName, int people, String address, int version) {}

    @Test
    void theAuditNamesActionsAndRecordsInVietnameseAtVietnamsTime() {
        assertThat(mvc.post()
                        .uri("/api/v1/localities")
                        .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parentCode\":\"24595\",\"name\":\"Thôn Nhật Ký\",\"kind\":\"thôn\"}"))
                .hasStatus(201);
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

        assertThat(mvc.get().uri("/audit").with(user(accounts.admin())))
                .hasStatusOk()
                .bodyText()
                .contains(">Tạo mới<")
                .contains(">Địa bàn<")
                .contains(today)
                .doesNotContain(">CREATE<")
                .doesNotContain(">locality<");
    }

    @Test
    void anEditIsShownFieldByFieldNotAsJson() throws Exception {
        transactions.executeWithoutResult(status -> audit.recordChange(
                "UPDATE",
                "family",
                "990001",
                new Household(990001, "Y Bhơn Niê", 4, "Buôn Kô Sỉr", 3),
                new Household(990001, "Y Bhơn Niê", 5, "Buôn Kô Sỉr, tổ 2", 4),
                accounts.admin().scopePath()));

        String page = mvc.get()
                .uri("/audit")
                .with(user(accounts.admin()))
                .exchange()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        int row = page.indexOf("990001");
        assertThat(row).isPositive();
        String line = page.substring(row, page.indexOf("</tr>", row));
        assertThat(line)
                .contains(">Số người<", ">4<", ">5<")
                .contains(">Địa chỉ<", ">Buôn Kô Sỉr<", ">Buôn Kô Sỉr, tổ 2<")
                .doesNotContain("Chủ hộ") // unchanged fields are not listed
                .doesNotContain(">version<")
                .doesNotContain("{&quot;", "{\"");
    }
}
