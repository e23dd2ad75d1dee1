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
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;

/** The audit trail speaks Vietnamese and Vietnam's time: no CREATE, no UTC. */
@IntegrationTest
class AuditPageTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

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
}
