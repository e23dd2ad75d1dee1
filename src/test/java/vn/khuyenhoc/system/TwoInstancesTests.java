package vn.khuyenhoc.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.KhuyenHocApplication;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;

/**
 * Two instances of the product on one database, as behind a load balancer: the tests' own instance and a second one
 * started here on the same PostgreSQL (its own port, scheduler, caches and report worker), spoken to over HTTP as a
 * browser would, with one cookie jar for both.
 */
@IntegrationTest
class TwoInstancesTests {

    private static final Path SECOND_DATA = Path.of("target/test-second-instance");
    private static ConfigurableApplicationContext second;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Backups backups;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void secondInstance() throws IOException, java.sql.SQLException {
        if (second != null) {
            return;
        }
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        FileSystemUtils.deleteRecursively(SECOND_DATA);
        // as command-line arguments, which come before application.properties (default properties would not)
        second = new SpringApplicationBuilder(KhuyenHocApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + pool.getJdbcUrl(),
                        "--spring.datasource.username=" + pool.getUsername(),
                        "--spring.datasource.password=" + pool.getPassword(),
                        "--khuyenhoc.data-dir=" + SECOND_DATA,
                        "--khuyenhoc.public-rate-limit=100000",
                        "--khuyenhoc.admission.wait=20s");
    }

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    private String one() {
        return "http://localhost:" + port;
    }

    private String two() {
        return "http://localhost:" + second.getEnvironment().getProperty("local.server.port");
    }

    @Test
    void aSessionMadeOnOneInstanceIsValidOnTheOther() throws Exception {
        var officer = accounts.open(Role.COMMUNE_OFFICER, "22171");
        Browser browser = new Browser();

        assertThat(browser.signIn(one(), officer.username(), TestAccounts.PASSWORD))
                .doesNotContain("/login");

        HttpResponse<String> home = browser.get(two() + "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Người thử");
        assertThat(new Browser().get(two() + "/").statusCode())
                .as("without the cookie the other instance asks for a sign-in")
                .isEqualTo(302);
    }

    @Test
    void aSignInLockOutOnOneInstanceHoldsOnTheOther() throws Exception {
        var officer = accounts.open(Role.COMMUNE_OFFICER, "22171");
        for (int i = 0; i < 5; i++) {
            assertThat(new Browser().signIn(one(), officer.username(), "wrong-password-" + i))
                    .contains("/login?error");
        }

        Browser browser = new Browser();
        assertThat(browser.signIn(two(), officer.username(), TestAccounts.PASSWORD))
                .contains("/login?locked=");
        assertThat(browser.get(two() + "/").statusCode()).isEqualTo(302);
    }

    @Test
    void aReportStartedOnOneInstanceIsDownloadedFromTheOther() throws Exception {
        Browser browser = new Browser();
        browser.signIn(one(), "admin", IntegrationTest.ADMIN_PASSWORD);
        String token = browser.csrf(one() + "/reports");

        HttpResponse<String> started = browser.post(
                one() + "/reports",
                Map.of(
                        "_csrf", token,
                        "kind", "models-annual",
                        "year", "2026",
                        "format", "pdf",
                        "signerName", "Nguyễn Văn Ký"));
        assertThat(started.statusCode()).isEqualTo(302);
        String job = location(started).replaceAll(".*/reports/jobs/", "");

        String progress = "";
        for (int i = 0; i < 240 && !progress.contains("Tải báo cáo về"); i++) {
            Thread.sleep(500);
            progress = browser.get(two() + "/reports/jobs/" + job + "/progress").body();
            assertThat(progress).doesNotContain("Không lập được");
        }
        assertThat(progress).contains("Tải báo cáo về");

        HttpResponse<byte[]> file = browser.download(two() + "/reports/jobs/" + job + "/file");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(new String(file.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(jdbc.sql("select attempts from report_jobs where id = cast(:id as uuid)")
                        .param("id", job)
                        .query(Integer.class)
                        .single())
                .as("made once")
                .isEqualTo(1);
        assertThat(new Browser().get(two() + "/reports/jobs/" + job + "/file").statusCode())
                .as("not for anyone else")
                .isEqualTo(302);
    }

    @Test
    void aReportWhoseInstanceDiedIsMadeByAnotherAndStoredOnce() throws Exception {
        Browser browser = new Browser();
        browser.signIn(one(), "admin", IntegrationTest.ADMIN_PASSWORD);
        String token = browser.csrf(one() + "/reports");
        // stop both workers from taking it at once: the report is made, then played back as left by a dead instance
        String job = location(browser.post(
                        one() + "/reports",
                        Map.of(
                                "_csrf", token,
                                "kind", "models-annual",
                                "year", "2026",
                                "format", "xlsx",
                                "signerName", "Nguyễn Văn Ký")))
                .replaceAll(".*/reports/jobs/", "");
        awaitState(job, "DONE");
        jdbc.sql("""
                        update report_jobs set state = 'RUNNING', content = null, progress = 40,
                                               claimed_by = 'dead-instance', heartbeat_at = now() - interval '5 minutes'
                        where id = cast(:id as uuid)
                        """).param("id", job).update();

        awaitState(job, "DONE");

        var row = jdbc.sql(
                        "select claimed_by, attempts, length(content) as size from report_jobs where id = cast(:id as uuid)")
                .param("id", job)
                .query()
                .singleRow();
        assertThat((String) row.get("claimed_by")).isNotEqualTo("dead-instance");
        assertThat((Integer) row.get("attempts")).isEqualTo(2);
        assertThat((Integer) row.get("size")).isPositive();
        assertThat(browser.download(two() + "/reports/jobs/" + job + "/file").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aTargetChangedOnOneInstanceChangesTheCachedIndicatorsOfTheOther() throws Exception {
        Browser browser = new Browser();
        browser.signIn(one(), "admin", IntegrationTest.ADMIN_PASSWORD);
        assertThat(target(one(), "22171")).isNotEqualTo(61.0);
        assertThat(target(two(), "22171")).isNotEqualTo(61.0);

        HttpResponse<String> saved = browser.post(
                one() + "/plans/overrides",
                Map.of(
                        "_csrf", browser.csrf(one() + "/plans"),
                        "localityCode", "22171",
                        "indicator", "learning-family-rate",
                        "year", "2030",
                        "value", "61",
                        "reason", "Thử hai máy chủ"));
        assertThat(saved.statusCode()).isEqualTo(302);

        assertThat(target(two(), "22171")).isEqualTo(61.0);
        assertThat(target(one(), "22171")).isEqualTo(61.0);
    }

    @Test
    void theNightlyBackupRunsOnceWhenBothInstancesTimersFire() throws Exception {
        Backups other = second.getBean(Backups.class);
        Path first = Path.of(second.getEnvironment().getProperty("khuyenhoc.data-dir"))
                .getParent()
                .resolve("test-pgdata/backups");
        long before = backupsIn(first);

        Thread racing = new Thread(other::nightly);
        racing.start();
        backups.nightly();
        racing.join();
        other.nightly();

        assertThat(backupsIn(first) - before + backupsIn(SECOND_DATA.resolve("backups")))
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from scheduled_runs where task = 'nightly-backup'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private static long backupsIn(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".zip"))
                    .count();
        }
    }

    private void awaitState(String job, String state) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            String now = jdbc.sql("select state from report_jobs where id = cast(:id as uuid)")
                    .param("id", job)
                    .query(String.class)
                    .single();
            if (now.equals(state)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("report " + job + " never reached " + state);
    }

    /** The 2030 target of the learning-family rate of a commune in the public (cached) indicators of an instance. */
    private Double target(String instance, String commune) throws Exception {
        HttpResponse<String> answer = new Browser().getJson(instance + "/api/v1/public/indicators?year=2026");
        assertThat(answer.statusCode()).isEqualTo(200);
        for (JsonNode row : json.readTree(answer.body()).get("communes")) {
            if (row.get("code").asString().equals(commune)) {
                for (JsonNode indicator : row.get("indicators")) {
                    if (indicator.get("code").asString().equals("learning-family-rate")) {
                        JsonNode target = indicator.get("targets").get("2030");
                        return target == null || target.isNull() ? null : target.asDouble();
                    }
                }
            }
        }
        throw new AssertionError("no commune " + commune + " in the public indicators");
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** One browser: its own cookies, sent to either instance as they would be through a load balancer. */
    private static final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return get(url, "text/html");
        }

        HttpResponse<String> getJson(String url) throws IOException, InterruptedException {
            return get(url, "application/json");
        }

        private HttpResponse<String> get(String url, String accept) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Accept", accept)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> download(String url) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "text/html")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String csrf(String pageUrl) throws IOException, InterruptedException {
            HttpResponse<String> page = get(pageUrl);
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).as("a CSRF token on " + pageUrl).isTrue();
            return token.group(1);
        }

        /** Signs in through the form; answers where the instance sends the browser next. */
        String signIn(String instance, String username, String password) throws IOException, InterruptedException {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("_csrf", csrf(instance + "/login"));
            form.put("username", username);
            form.put("password", password);
            return location(post(instance + "/login", form));
        }
    }
}
