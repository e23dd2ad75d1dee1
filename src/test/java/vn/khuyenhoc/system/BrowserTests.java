package vn.khuyenhoc.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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

    static final Path SCREENSHOTS = Paths.get("target/screenshots");

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    LocalityService localities;

    @Autowired
    TestAccounts accounts;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

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
        screenshot("dashboard");
        page.navigate(url("/"));
        // the home is the to-do list now, with the place search below it
        PlaywrightAssertions.assertThat(page.locator("#tasks-heading")).hasText("Việc cần làm");
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
        // the field shows the place's name; its code is what the form sends
        PlaywrightAssertions.assertThat(page.getByLabel("Thôn, tổ dân phố")).hasValue("Buôn Chọn Thử");
        PlaywrightAssertions.assertThat(page.locator("input[type=hidden][name=villageCode]"))
                .hasValue(village.code());

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

    /**
     * A family round run by the three offices in their own scopes: the commune officer opens it, the village clerk
     * registers and scores from a phone, the officer appraises, the chairman's office decides and prints; the printed
     * code opens the public verification page.
     */
    @Test
    void aFamilyRoundRunsFromAPhoneToPrintedCertificates() {
        var village = localities.createVillage(
                "22076", new LocalityService.VillageDraft("Khu phố Chứng Nhận", "khu phố", null), accounts.admin());
        jdbc.sql("""
                        insert into families (head_name, members, adults, school_age_children, locality_id)
                        select n, 4, 2, 2, id from localities, unnest(array['Đinh Văn Chăm', 'Hà Thị Học']) n where code = :code
                        """).param("code", village.code()).update();
        SignedInUser clerk = accounts.open(Role.DATA_CLERK, village.code());
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "22076");
        SignedInUser office = accounts.open(Role.DECISION_OFFICE, "22076");

        signIn(officer.getUsername(), TestAccounts.PASSWORD);
        page.navigate(url("/rounds/new"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mở đợt"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("h1")).containsText("Gia đình học tập năm");
        String round = page.url().replaceAll(".*/rounds/", "");

        switchTo(clerk);
        page.setViewportSize(360, 740);
        page.navigate(url("/rounds/" + round + "/register"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chọn / bỏ chọn tất cả"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng ký các đối tượng đã chọn"))
                .click();
        PlaywrightAssertions.assertThat(page.locator(".flash.ok")).containsText("Đã đăng ký 2 đối tượng");
        page.navigate(url("/rounds/" + round));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hà Thị Học"))
                .click();
        Locator points = page.locator("form.scoring input[type=number][name^='score.']");
        for (int i = 0; i < points.count(); i++) {
            points.nth(i).fill(points.nth(i).getAttribute("max"));
        }
        screenshot("self-assessment-phone");
        // the scoring form's button sits in a sticky bar: Chromium 156 hit-tests Playwright 1.57's click at the
        // button's place in the flow, on the form behind it, so the tests press it from the keyboard as a user can

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi tự đánh giá"))
                .press("Enter");
        PlaywrightAssertions.assertThat(page.locator(".flash.ok")).containsText("Đạt (100 điểm)");
        // separation of duties: the clerk who self-assessed is not offered the review, and is told why
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("Bình xét do cán bộ xã ghi nhận");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu bình xét"))
                        .count())
                .isZero();
        String registration = page.url().replaceAll(".*/registrations/([0-9]+).*", "$1");
        int overflow = (int) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow).isLessThanOrEqualTo(0);

        switchTo(officer);
        page.navigate(url("/registrations/" + registration));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu bình xét"))
                .press("Enter");
        PlaywrightAssertions.assertThat(page.locator(".flash.ok")).containsText("Đã lưu bình xét");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xác nhận kết quả thẩm định"))
                .press("Enter");
        PlaywrightAssertions.assertThat(page.locator("dl.facts")).containsText("Đã thẩm định, đạt");

        switchTo(office);
        page.navigate(url("/rounds/" + round));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ra quyết định công nhận"))
                .click();
        page.getByLabel("Số quyết định").fill("35");
        page.getByLabel("Người ký").fill("Nguyễn Văn Ký");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ghi quyết định và cấp giấy chứng nhận"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("h1")).containsText("Quyết định số 35/QĐ-UBND");
        screenshot("decision");
        String certificates = page.getByRole(
                        AriaRole.LINK, new Page.GetByRoleOptions().setName("In tất cả giấy chứng nhận (PDF)"))
                .getAttribute("href");
        var pdf = page.request().get(url(certificates));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        String code = page.locator("table.list tbody tr td:nth-child(4) a").textContent();

        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setLocale("vi-VN"));
        page = context.newPage();
        page.navigate(url("/verify/" + code));
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("Hà Thị Học");
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("Còn hiệu lực");
        screenshot("verify");
    }

    private void switchTo(SignedInUser user) {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setLocale("vi-VN"));
        page = context.newPage();
        signIn(user.getUsername(), TestAccounts.PASSWORD);
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
