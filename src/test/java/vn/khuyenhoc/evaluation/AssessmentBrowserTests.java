package vn.khuyenhoc.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.RequestOptions;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * The self-assessment on a 360 px phone in Chromium: scores typed are kept as a draft with the running total, a large
 * photo is downscaled in the browser and uploaded without losing them, a reload brings them back, and the submission
 * is explicit. Households in Xã Tuy An Nam (22153), which no other test uses.
 */
@IntegrationTest
class AssessmentBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target/screenshots");

    /** The first seven items: 59 points. */
    static final Map<String, String> FIRST =
            Map.of("1.1", "10", "1.2", "9", "1.3", "9", "2.1", "10", "2.2", "8", "2.3", "6", "3.1", "7");
    /** The other five: 6 + 5 + 6 + 7 + 6 = 30 more, 89 in all. */
    static final Map<String, String> REST = Map.of("3.2", "6", "3.3", "5", "4.1", "6", "4.2", "7", "4.3", "6");

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void launch() {
        vn.khuyenhoc.Chromium.require();
        playwright = Playwright.create();
        browser = vn.khuyenhoc.Chromium.launch(playwright);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void open() {
        context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("vi-VN")
                .setViewportSize(360, 740)
                .setTimezoneId("Asia/Ho_Chi_Minh"));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void typedScoresSurviveAPhotoUploadAndAReloadUntilSubmitted() throws Exception {
        SignedInUser clerk = accounts.open(Role.DATA_CLERK, village("Thôn Chấm Điểm Điện Thoại"));
        String registration = registration(clerk, "Y Điểm Mlô");

        signIn(clerk.getUsername());
        page.navigate(url("/registrations/" + registration));
        FIRST.forEach((code, value) -> score(code).fill(value));
        PlaywrightAssertions.assertThat(page.locator("#running-total [data-total]"))
                .hasText("59");
        PlaywrightAssertions.assertThat(page.locator("#running-total [data-result]"))
                .containsText("còn 5 mục");
        PlaywrightAssertions.assertThat(page.locator("#draft-state")).containsText("Đã lưu nháp lúc");

        // a 3000 × 2000 photo, as a phone takes it: downscaled before it is sent, the scores untouched
        page.getByLabel("Minh chứng cho mục").selectOption("2.3");
        byte[] taken = photo(3000, 2000);
        assertThat(taken.length).as("larger than the server takes").isGreaterThan(10 * 1024 * 1024);
        page.getByLabel("Chụp ảnh").setInputFiles(new FilePayload("anh-lop-hoc.png", "image/png", taken));
        PlaywrightAssertions.assertThat(page.locator("#evidence")).containsText("anh-lop-hoc.jpg");
        PlaywrightAssertions.assertThat(page.locator("#evidence")).containsText("Đã tải lên minh chứng cho mục 2.3");
        FIRST.forEach(
                (code, value) -> PlaywrightAssertions.assertThat(score(code)).hasValue(value));
        screenshot("self-assessment-after-upload-phone");
        assertThat(overflow()).isLessThanOrEqualTo(0);
        BufferedImage stored = ImageIO.read(
                new ByteArrayInputStream(jdbc.sql("select content from evidence_files where registration_id = :id")
                        .param("id", Long.parseLong(registration))
                        .query(byte[].class)
                        .single()));
        long sent = jdbc.sql("select size_bytes from evidence_files where registration_id = :id")
                .param("id", Long.parseLong(registration))
                .query(Long.class)
                .single();
        System.out.printf(
                "AssessmentBrowserTests: photo 3000x2000 PNG %d bytes sent as %dx%d JPEG %d bytes%n",
                taken.length, stored.getWidth(), stored.getHeight(), sent);
        assertThat(Math.max(stored.getWidth(), stored.getHeight())).isEqualTo(1600);
        assertThat(stored.getHeight()).isBetween(1066, 1067);
        assertThat(draftScores(registration)).isEqualTo(7);

        // a PDF over the limit is refused in the browser, before anything is sent
        page.getByLabel("hoặc chọn tệp (PDF, ảnh)")
                .setInputFiles(new FilePayload("bien-ban.pdf", "application/pdf", new byte[11 * 1024 * 1024]));
        PlaywrightAssertions.assertThat(page.locator("form[data-evidence-upload] .upload-state"))
                .containsText("quá giới hạn 10 MB");
        assertThat(evidenceFiles(registration)).isEqualTo(1);

        // a reload (or a lost tab) brings the draft back
        page.reload();
        FIRST.forEach(
                (code, value) -> PlaywrightAssertions.assertThat(score(code)).hasValue(value));
        PlaywrightAssertions.assertThat(page.locator("#draft-state")).containsText("Đã lưu nháp lúc");
        PlaywrightAssertions.assertThat(page.locator("#running-total [data-total]"))
                .hasText("59");

        // without signal the page says so and tries again; with signal back the draft is saved
        context.setOffline(true);
        score("3.2").fill(REST.get("3.2"));
        PlaywrightAssertions.assertThat(page.locator("#draft-state")).hasText("Chưa lưu được nháp — sẽ thử lại");
        context.setOffline(false);
        PlaywrightAssertions.assertThat(page.locator("#draft-state"))
                .containsText("Đã lưu nháp lúc", new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        assertThat(draftScores(registration)).isEqualTo(8);

        // before it is submitted the evidence may be deleted, after a question; then a photo is taken again
        page.onceDialog(dialog -> {
            assertThat(dialog.message()).contains("anh-lop-hoc.jpg");
            dialog.accept();
        });
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xóa anh-lop-hoc.jpg"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("#evidence")).containsText("Đã xóa tệp minh chứng");
        assertThat(evidenceFiles(registration)).isZero();
        page.getByLabel("Minh chứng cho mục").selectOption("2.3");
        page.getByLabel("Chụp ảnh").setInputFiles(new FilePayload("anh-lop-hoc.png", "image/png", taken));
        PlaywrightAssertions.assertThat(page.locator("#evidence"))
                .containsText(
                        "Đã tải lên minh chứng cho mục 2.3",
                        new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(evidenceFiles(registration)).isEqualTo(1);

        REST.forEach((code, value) -> score(code).fill(value));
        PlaywrightAssertions.assertThat(page.locator("#running-total [data-total]"))
                .hasText("89");
        PlaywrightAssertions.assertThat(page.locator("#running-total [data-result]"))
                .hasText("Đạt");
        screenshot("self-assessment-complete-phone");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi tự đánh giá"))
                .click();
        PlaywrightAssertions.assertThat(page.locator(".flash.ok")).containsText("Đã lưu tự đánh giá: Đạt (89 điểm)");
        assertThat(draftScores(registration)).isEqualTo(-1);

        // once submitted, the file is frozen for the clerk: the review rests on what was sent
        PlaywrightAssertions.assertThat(page.locator("#evidence button", new Page.LocatorOptions().setHasText("xóa")))
                .hasCount(0);
        PlaywrightAssertions.assertThat(page.locator("#evidence")).containsText("minh chứng được giữ nguyên");
        assertThat(overflow()).as("the review form's page").isLessThanOrEqualTo(0);
        assertThat(evidenceFiles(registration)).isEqualTo(1);
    }

    @Test
    void evidenceOfAnAppraisedRegistrationOffersNoDeletion() throws Exception {
        SignedInUser clerk = accounts.open(Role.DATA_CLERK, village("Thôn Đã Thẩm Định"));
        String registration = registration(clerk, "H'Lan Thẩm Định");
        String pdf = "%PDF-1.4\n%%EOF\n";
        var uploaded = context.request()
                .post(
                        url("/api/v1/registrations/" + registration + "/evidence"),
                        RequestOptions.create()
                                .setHeader("Authorization", basic(clerk.getUsername(), TestAccounts.PASSWORD))
                                .setMultipart(com.microsoft.playwright.options.FormData.create()
                                        .set("itemCode", "1.1")
                                        .set(
                                                "file",
                                                new FilePayload(
                                                        "bien-ban.pdf",
                                                        "application/pdf",
                                                        pdf.getBytes(StandardCharsets.US_ASCII)))));
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        String passing = EvaluationTests.PASSING;
        put(clerk, "/api/v1/registrations/" + registration + "/assessments/SELF", "{\"scores\":" + passing + "}");
        // the review by a commune officer, the appraisal by another: whoever records one step does not record the next
        put(
                accounts.open(Role.COMMUNE_OFFICER, "22153"),
                "/api/v1/registrations/" + registration + "/assessments/REVIEW",
                "{\"scores\":" + passing + "}");
        signIn(clerk.getUsername());
        page.navigate(url("/registrations/" + registration));
        PlaywrightAssertions.assertThat(page.locator("#evidence")).containsText("bien-ban.pdf");
        // reviewed: the clerk's file is frozen (the review rests on what was submitted)
        PlaywrightAssertions.assertThat(page.locator("#evidence button", new Page.LocatorOptions().setHasText("xóa")))
                .hasCount(0);
        PlaywrightAssertions.assertThat(page.locator("#evidence")).containsText("minh chứng được giữ nguyên");

        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "22153");
        put(
                officer,
                "/api/v1/registrations/" + registration + "/assessments/APPRAISAL",
                "{\"scores\":" + passing + "}");
        page.reload();
        PlaywrightAssertions.assertThat(page.locator("#evidence")).containsText("bien-ban.pdf");
        PlaywrightAssertions.assertThat(page.locator("#evidence button", new Page.LocatorOptions().setHasText("xóa")))
                .hasCount(0);
        PlaywrightAssertions.assertThat(page.locator("#evidence")).containsText("không thêm, không xóa minh chứng");
        assertThat(overflow()).isLessThanOrEqualTo(0);
    }

    @Test
    void aHouseholdFormKeepsWhatWasTypedThroughAReloadButNotOnceSent() throws Exception {
        String village = village("Thôn Giữ Chữ");
        SignedInUser clerk = accounts.open(Role.DATA_CLERK, village);
        signIn(clerk.getUsername());
        page.navigate(url("/families/new"));
        page.getByLabel("Họ tên chủ hộ").fill("Y Giữ Chữ Niê");
        page.getByLabel("Số nhân khẩu").fill("5");
        page.waitForTimeout(500); // the keeper writes 300 ms after the last key
        page.reload();
        PlaywrightAssertions.assertThat(page.getByLabel("Họ tên chủ hộ")).hasValue("Y Giữ Chữ Niê");
        PlaywrightAssertions.assertThat(page.getByLabel("Số nhân khẩu")).hasValue("5");
        PlaywrightAssertions.assertThat(page.locator(".flash.kept")).containsText("Đã khôi phục nội dung bạn nhập dở");

        page.getByLabel("Thôn, tổ dân phố").fill(village);
        page.getByLabel("Số người lớn (19–60 tuổi)").fill("2");
        page.getByLabel("Số trẻ trong độ tuổi đi học").fill("1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("h1")).containsText("Y Giữ Chữ Niê");
        page.navigate(url("/families/new"));
        PlaywrightAssertions.assertThat(page.getByLabel("Họ tên chủ hộ")).hasValue("");
        PlaywrightAssertions.assertThat(page.locator(".flash.kept")).hasCount(0);
    }

    private com.microsoft.playwright.Locator score(String code) {
        return page.locator("[id=\"score-" + code + "\"]");
    }

    /**
     * A photo-like image: a gradient with sensor noise, which PNG cannot compress much (the file is larger than the
     * server's 10 MB limit, as a phone's lossless photo may be) and JPEG can.
     */
    private static byte[] photo(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 120, 60), width, height, new Color(220, 200, 90)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        java.util.Random noise = new java.util.Random(13);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                int r = channel(((rgb >> 16) & 0xff) + noise.nextInt(41) - 20);
                int gr = channel(((rgb >> 8) & 0xff) + noise.nextInt(41) - 20);
                int b = channel((rgb & 0xff) + noise.nextInt(41) - 20);
                image.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** How far the page is wider than the phone's screen. */
    private int overflow() {
        return (int) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
    }

    private static int channel(int value) {
        return Math.max(0, Math.min(255, value));
    }

    /** How many scores the draft holds, -1 when there is none. */
    private int draftScores(String registration) {
        return jdbc.sql("""
                        select case when exists (select 1 from assessment_drafts where registration_id = :id)
                                    then (select count(*) from assessment_drafts d, jsonb_object_keys(d.scores) k
                                          where d.registration_id = :id)::int
                                    else -1 end
                        """)
                .param("id", Long.parseLong(registration))
                .query(Integer.class)
                .single();
    }

    private long evidenceFiles(String registration) {
        return jdbc.sql("select count(*) from evidence_files where registration_id = :id")
                .param("id", Long.parseLong(registration))
                .query(Long.class)
                .single();
    }

    private String village(String name) {
        return post(
                "admin",
                IntegrationTest.ADMIN_PASSWORD,
                "/api/v1/localities",
                "{\"parentCode\":\"22153\",\"name\":\"" + name + "\",\"kind\":\"thôn\"}",
                "$.code");
    }

    /** A household of the clerk's village registered in this year's round of 22153 (opened by the first test). */
    private String registration(SignedInUser clerk, String head) {
        String village = jdbc.sql("""
                        select l.code from accounts a join localities l on l.id = a.scope_locality_id
                        where a.username = :username
                        """)
                .param("username", clerk.getUsername())
                .query(String.class)
                .single();
        String household = post(
                clerk.getUsername(),
                TestAccounts.PASSWORD,
                "/api/v1/families",
                "{\"villageCode\":\"" + village + "\",\"headName\":\"" + head
                        + "\",\"members\":4,\"adults\":2,\"schoolAgeChildren\":2}",
                "$.id");
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "22153");
        var opened = context.request()
                .post(
                        url("/api/v1/rounds"),
                        RequestOptions.create()
                                .setHeader("Authorization", basic(officer.getUsername(), TestAccounts.PASSWORD))
                                .setHeader("Content-Type", "application/json")
                                .setData("{\"title\":\"LEARNING_FAMILY\",\"registrationDue\":\""
                                        + LocalDate.now().plusDays(10) + "\",\"decisionDue\":\""
                                        + LocalDate.now().plusDays(60) + "\"}"));
        String round = opened.status() == 201
                ? JsonPath.read(opened.text(), "$.id").toString()
                : String.valueOf(jdbc.sql("""
                                select r.id from rounds r join localities l on l.id = r.locality_id
                                where l.code = '22153' and r.title = 'LEARNING_FAMILY'
                                  and r.year = extract(year from current_date)
                                """).query(Long.class).single());
        return post(
                clerk.getUsername(),
                TestAccounts.PASSWORD,
                "/api/v1/rounds/" + round + "/registrations",
                "{\"subjectIds\":[" + household + "]}",
                "$.items[0].id");
    }

    private String post(String username, String password, String path, String json, String answer) {
        var response = context.request()
                .post(
                        url(path),
                        RequestOptions.create()
                                .setHeader("Authorization", basic(username, password))
                                .setHeader("Content-Type", "application/json")
                                .setData(json));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return JsonPath.read(response.text(), answer).toString();
    }

    private void put(SignedInUser who, String path, String json) {
        var response = context.request()
                .put(
                        url(path),
                        RequestOptions.create()
                                .setHeader("Authorization", basic(who.getUsername(), TestAccounts.PASSWORD))
                                .setHeader("Content-Type", "application/json")
                                .setData(json));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    private static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private void signIn(String username) {
        page.navigate(url("/login"));
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                .click();
        page.waitForURL(u -> !u.contains("/login"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }
}
