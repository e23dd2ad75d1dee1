package vn.khuyenhoc.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * Critical flows in a real browser: Debian's Chromium driven by Playwright. Without Chromium the tests are skipped
 * with a message, except in CI (the variable CI is set), where its absence fails the run.
 */
@IntegrationTest
class BrowserTests {

    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Paths.get("target/screenshots");

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    LocalityService localities;

    @Autowired
    TestAccounts accounts;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void launch() {
        boolean present = Files.isExecutable(CHROMIUM);
        if (!present && System.getenv("CI") != null) {
            throw new IllegalStateException(
                    "CI is set but Chromium is missing at " + CHROMIUM + ": install Debian's chromium");
        }
        if (!present) {
            System.err.println("BrowserTests SKIPPED: no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        }
        Assumptions.assumeTrue(present, "no Chromium at " + CHROMIUM);
        playwright = Playwright.create();
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
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
        context = browser.newContext(new Browser.NewContextOptions().setLocale("vi-VN"));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void adminSignsInAndDrillsDownToAVillage() {
        var village = localities.createVillage(
                "24133",
                new LocalityService.VillageDraft("Tổ dân phố Trình Duyệt", "tổ dân phố", null),
                accounts.admin());

        signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        assertThat(page.locator(".tile .n").first().textContent()).isEqualTo("102");
        screenshot("home");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Địa bàn"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("h1")).containsText("Tỉnh Đắk Lắk");
        PlaywrightAssertions.assertThat(page.locator("table.list tbody tr")).hasCount(100); // first page of 102
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Phường Buôn Ma Thuột"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("h1")).containsText("Phường Buôn Ma Thuột");
        screenshot("commune");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tổ dân phố Trình Duyệt"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("h1")).containsText("Tổ dân phố Trình Duyệt");
        assertThat(page.locator(".facts").textContent()).contains(village.code());
        assertThat(page.locator(".crumbs").textContent())
                .contains("Tỉnh Đắk Lắk")
                .contains("Phường Buôn Ma Thuột");
        screenshot("village");
    }

    @Test
    void searchFindsACommuneTypedWithoutDiacritics() {
        signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        page.navigate(url("/localities/search"));
        page.getByLabel("Tên xã, phường").fill("buon ma thuot");
        PlaywrightAssertions.assertThat(page.locator("ul.results")).containsText("Phường Buôn Ma Thuột");
    }

    @Test
    void aHouseholdIsPlacedByPickingItsVillageFromTheTypedName() {
        var village = localities.createVillage(
                "24133", new LocalityService.VillageDraft("Buôn Chọn Thử", "buôn", null), accounts.admin());
        page.setViewportSize(360, 740);
        signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        page.navigate(url("/families/new"));

        page.getByLabel("Thôn, tổ dân phố").pressSequentially("buon chon thu");
        Locator choice = page.locator("#villageCode-suggestions button.suggestion");
        PlaywrightAssertions.assertThat(choice).hasCount(1);
        PlaywrightAssertions.assertThat(choice).containsText("Buôn Chọn Thử");
        screenshot("village-picker-phone");
        choice.click();
        PlaywrightAssertions.assertThat(page.getByLabel("Thôn, tổ dân phố")).hasValue(village.code());

        page.getByLabel("Họ tên chủ hộ").fill("Y Chọn Mlô");
        page.getByLabel("Số nhân khẩu").fill("3");
        page.getByLabel("Số người lớn (19–60 tuổi)").fill("2");
        page.getByLabel("Số trẻ trong độ tuổi đi học").fill("1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("h1")).containsText("Y Chọn Mlô");
        assertThat(page.locator("main").textContent()).contains("Buôn Chọn Thử");
    }

    @Test
    void aChapterOfficerMarksEveryonePresentFromAPhone() {
        var village = localities.createVillage(
                "22081", new LocalityService.VillageDraft("Thôn Điểm Danh Điện Thoại", "thôn", null), accounts.admin());
        String chapter = api(
                "/api/v1/chapters",
                "{\"kind\":\"CHI_HOI\",\"hostType\":\"VILLAGE\",\"hostCode\":\"" + village.code() + "\"}");
        for (String name : List.of("Y Moan Ênuôl", "H'Hen Niê", "Lê Văn Tâm")) {
            api(
                    "/api/v1/members",
                    "{\"chapterId\":" + chapter + ",\"fullName\":\"" + name
                            + "\",\"gender\":\"FEMALE\",\"birthYear\":1980,\"role\":\"MEMBER\"}");
        }
        String study = api(
                "/api/v1/policy-studies",
                "{\"chapterId\":" + chapter + ",\"date\":\"" + java.time.LocalDate.now()
                        + "\",\"title\":\"Quán triệt QĐ 677\",\"documents\":[\"QD-677-TTG\"]}");

        page.setViewportSize(360, 740);
        signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        page.navigate(url("/policy-studies/" + study));
        PlaywrightAssertions.assertThat(page.locator("ul.roster li")).hasCount(3);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tất cả có mặt"))
                .click();
        PlaywrightAssertions.assertThat(page.locator(".flash.ok")).containsText("Đã lưu: 3 người có mặt");
        PlaywrightAssertions.assertThat(page.locator("ul.roster input:checked")).hasCount(3);
        screenshot("attendance-phone");
        int overflow = (int) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow).isLessThanOrEqualTo(0);

        page.getByLabel("Lê Văn Tâm").uncheck();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu điểm danh"))
                .click();
        PlaywrightAssertions.assertThat(page.locator(".flash.ok")).containsText("2 người có mặt");
    }

    /** Creates a record through the JSON API as the administrator and answers its id. */
    private String api(String path, String json) {
        String basic = java.util.Base64.getEncoder()
                .encodeToString(
                        ("admin:" + IntegrationTest.ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var response = context.request()
                .post(
                        url(path),
                        com.microsoft.playwright.options.RequestOptions.create()
                                .setHeader("Authorization", "Basic " + basic)
                                .setHeader("Content-Type", "application/json")
                                .setData(json));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return com.jayway.jsonpath.JsonPath.read(response.text(), "$.id").toString();
    }

    @Test
    void officerOfOneCommuneSeesNotFoundForAnother() {
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "24133");

        signIn(officer.username(), TestAccounts.PASSWORD);
        assertThat(page.locator("main").textContent()).contains("Phường Buôn Ma Thuột");
        var response = page.navigate(url("/localities/24169"));

        assertThat(response.status()).isEqualTo(404);
        PlaywrightAssertions.assertThat(page.locator("h1")).containsText("Không tìm thấy");
    }

    @Test
    void pagesFitAPhoneThreeHundredSixtyPixelsWide() {
        page.setViewportSize(360, 740);
        signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        page.navigate(url("/localities/66"));
        screenshot("province-phone");

        int overflow = (int) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow).isLessThanOrEqualTo(0);
    }

    private void signIn(String username, String password) {
        page.navigate(url("/login"));
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                .click();
        page.waitForURL(url("/"));
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
