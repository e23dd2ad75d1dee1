package vn.khuyenhoc.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;

/**
 * An import's dry run keeps the file for its save: the page's “Lưu tệp đã kiểm tra” sends the token instead of the
 * file, all or nothing as before; only its owner may use it, and not after it expired or was saved. Households in a
 * new village of Xã Sơn Hòa (22165), which no other test uses.
 */
@IntegrationTest
class HeldUploadTests {

    private static final Pattern TOKEN = Pattern.compile("name=\"heldFile\" value=\"([0-9a-f-]{36})\"");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDryRunKeepsTheFileAndTheSaveNeedsOnlyItsToken() throws Exception {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "22165");
        String village = village("Thôn Giữ Tệp");
        String head = "Y Giữ Tệp " + System.nanoTime();
        String csv = "Mã thôn,Họ tên chủ hộ,Số nhân khẩu,Số người lớn,Số trẻ trong độ tuổi đi học\n" + village + ","
                + head + ",4,2,1\n";

        MvcTestResult checked = mvc.post()
                .uri("/families/import")
                .multipart()
                .file(new MockMultipartFile("file", "ho.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", "true")
                .with(user(officer))
                .with(csrf())
                .exchange();
        assertThat(checked).hasStatusOk().bodyText().contains("Đã giữ tệp", "ho.csv", "Lưu tệp đã kiểm tra");
        String token = token(checked);
        assertThat(families(head)).isZero();

        // someone else cannot use it
        MvcTestResult stranger = save(accounts.open(Role.COMMUNE_OFFICER, "22165"), token);
        assertThat(stranger).hasStatusOk().bodyText().contains("không còn được giữ");
        assertThat(families(head)).isZero();

        // the owner saves it without choosing the file again
        MvcTestResult saved = save(officer, token);
        assertThat(saved).hasStatusOk().bodyText().contains("Đã lưu");
        assertThat(families(head)).isEqualTo(1);
        // and the token is spent
        assertThat(save(officer, token)).bodyText().contains("không còn được giữ");
        assertThat(families(head)).isEqualTo(1);
    }

    @Test
    void anExpiredOrInvalidFileIsNotKept() throws Exception {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "22165");
        String village = village("Thôn Hết Hạn Giữ");
        String head = "Y Hết Hạn " + System.nanoTime();
        String csv = "Mã thôn,Họ tên chủ hộ,Số nhân khẩu,Số người lớn,Số trẻ trong độ tuổi đi học\n" + village + ","
                + head + ",4,2,1\n";
        MvcTestResult checked = mvc.post()
                .uri("/families/import")
                .multipart()
                .file(new MockMultipartFile("file", "ho.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", "true")
                .with(user(officer))
                .with(csrf())
                .exchange();
        String token = token(checked);
        jdbc.sql("update held_uploads set expires_at = now() - interval '1 minute' where token = cast(:t as uuid)")
                .param("t", token)
                .update();
        assertThat(save(officer, token)).bodyText().contains("không còn được giữ");
        assertThat(families(head)).isZero();

        // a file with errors is not kept: it must be fixed first
        MvcTestResult invalid = mvc.post()
                .uri("/families/import")
                .multipart()
                .file(new MockMultipartFile(
                        "file", "sai.csv", "text/csv", (csv + village + ",,x,2,1\n").getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", "true")
                .with(user(officer))
                .with(csrf())
                .exchange();
        assertThat(invalid).hasStatusOk().bodyText().contains("Tệp có lỗi").doesNotContain("Đã giữ tệp");
    }

    private MvcTestResult save(SignedInUser who, String token) {
        return mvc.post()
                .uri("/families/import")
                .multipart()
                .param("heldFile", token)
                .param("dryRun", "false")
                .with(user(who))
                .with(csrf())
                .exchange();
    }

    private static String token(MvcTestResult result) throws Exception {
        Matcher m = TOKEN.matcher(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(m.find()).as("a held file's token on the page").isTrue();
        return m.group(1);
    }

    private long families(String head) {
        return jdbc.sql("select count(*) from families where head_name = :head")
                .param("head", head)
                .query(Long.class)
                .single();
    }

    private String village(String name) throws Exception {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/localities")
                .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"parentCode\":\"22165\",\"name\":\"" + name + " " + System.nanoTime()
                        + "\",\"kind\":\"thôn\"}")
                .exchange();
        assertThat(result).hasStatus(201);
        return JsonPath.read(result.getResponse().getContentAsString(), "$.code");
    }
}
