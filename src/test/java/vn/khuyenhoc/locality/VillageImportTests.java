package vn.khuyenhoc.locality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

@IntegrationTest
class VillageImportTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void savesNothingFromAFileMixingGoodAndBadRows() {
        long before = villagesOf("24154");
        String csv = """
                Mã xã,Tên thôn,Loại
                24154,Tổ dân phố Một,tổ dân phố
                24154,Tổ dân phố Hai,TO_DAN_PHO
                24154,,thôn
                99999,Thôn Lạ,thôn
                24154,Tổ dân phố Ba,làng
                24154,To dan pho Mot,tổ dân phố
                """;

        var result = mvc.post()
                .uri("/api/v1/localities/import")
                .multipart()
                .file(file("thon.csv", csv))
                .param("dryRun", "false")
                .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD))
                .exchange();

        assertThat(result).hasStatus(422);
        assertThat(result).bodyJson().extractingPath("$.errors.length()").isEqualTo(4);
        assertThat(result).bodyJson().extractingPath("$.errors[0].row").isEqualTo(4);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[3].message")
                .asString()
                .contains("Trùng với dòng 2");
        assertThat(villagesOf("24154")).isEqualTo(before);
    }

    @Test
    void dryRunChecksWithoutSaving() {
        long before = villagesOf("24154");

        var result = mvc.post()
                .uri("/api/v1/localities/import")
                .multipart()
                .file(file("thon.csv", "24154,Tổ dân phố Chạy Thử,tổ dân phố\n"))
                .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD));

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.saved").isEqualTo(false);
        assertThat(villagesOf("24154")).isEqualTo(before);
    }

    @Test
    void savesEveryRowOfAValidFile() {
        long before = villagesOf("24163");
        String csv = "Mã xã,Tên,Loại\n24163,Khu phố Đông,khu pho\n24163,Khu phố Tây,Khu phố\n";

        assertThat(mvc.post()
                        .uri("/api/v1/localities/import")
                        .multipart()
                        .file(file("thon.csv", csv))
                        .param("dryRun", "false")
                        .with(httpBasic("admin", IntegrationTest.ADMIN_PASSWORD)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.saved")
                .isEqualTo(true);
        assertThat(villagesOf("24163")).isEqualTo(before + 2);
    }

    @Test
    void reportsARowOfACommuneOutsideTheScope() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");

        assertThat(mvc.post()
                        .uri("/api/v1/localities/import")
                        .multipart()
                        .file(file("thon.csv", "24163,Thôn Ngoài,thôn\n"))
                        .with(httpBasic(officer.username(), TestAccounts.PASSWORD)))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("ngoài phạm vi");
    }

    @Test
    void importPageShowsEveryRowErrorAndNoConfirmButton() {
        SignedInUser admin = accounts.admin();

        var result = mvc.post()
                .uri("/villages/import")
                .multipart()
                .file(file("thon.csv", "24154,,thôn\n24154,Thôn Tốt,thôn\n"))
                .with(user(admin))
                .with(csrf());

        assertThat(result)
                .hasStatusOk()
                .bodyText()
                .contains("Tên thôn, tổ dân phố để trống.")
                .doesNotContain("Xác nhận nhập");
    }

    @Test
    void refusesAnUploadOverTwentyMegabytesWithAMessage() throws Exception {
        byte[] big = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        String boundary = "----khuyenhoc";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/localities/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("admin:" + IntegrationTest.ADMIN_PASSWORD)
                                                .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, big, tail)))
                .build();

        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("20 MB");
    }

    private long villagesOf(String communeCode) {
        return jdbc.sql("""
                        select count(*) from localities v join localities c on c.id = v.parent_id
                        where c.code = :code and v.valid_to is null
                        """).param("code", communeCode).query(Long.class).single();
    }

    private static MockMultipartFile file(String name, String content) {
        return new MockMultipartFile("file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }
}
