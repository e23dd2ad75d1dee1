package vn.khuyenhoc.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Every page a province administrator and a village clerk reach from the menu, and the main detail pages, checked by
 * axe-core in Chromium on a 360 × 800 phone: no critical and no serious violation. On the clerk's pages the header
 * stays under 80 pixels and every control a thumb must hit is at least 44 × 44 pixels.
 */
@IntegrationTest
class AccessibilityTests {

    static Playwright playwright;
    static Browser browser;
    static String axe;

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
    static void launch() throws IOException {
        vn.khuyenhoc.Chromium.require();
        // axe-core as published by Deque: the only thing used from its Playwright package is this file
        try (InputStream in = AccessibilityTests.class.getResourceAsStream("/axe.min.js")) {
            assertThat(in).as("axe.min.js on the test classpath").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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
        newContext();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    /** The records the detail pages show: a village with a household, a chapter, a round and a registration. */
    record Records(
            SignedInUser clerk, String village, String family, String chapter, String round, String registration) {}

    /** Made once: the round's title, year and commune admit one round. */
    static Records records;

    Records records() {
        if (records == null) {
            records = make();
        }
        return records;
    }

    private Records make() {
        var village = localities.createVillage(
                "22276",
                new LocalityService.VillageDraft(
                        "Thôn Dễ Dùng " + java.util.UUID.randomUUID().toString().substring(0, 6), "thôn", null),
                accounts.admin());
        SignedInUser clerk = accounts.open(Role.DATA_CLERK, village.code());
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, "22276");
        String family = api(
                clerk.getUsername(),
                TestAccounts.PASSWORD,
                "/api/v1/families",
                "{\"villageCode\":\"" + village.code()
                        + "\",\"headName\":\"Y Thử Niê\",\"members\":4,\"adults\":2,\"schoolAgeChildren\":2}",
                "$.id");
        String chapter = api(
                "admin",
                IntegrationTest.ADMIN_PASSWORD,
                "/api/v1/chapters",
                "{\"kind\":\"CHI_HOI\",\"hostType\":\"VILLAGE\",\"hostCode\":\"" + village.code() + "\"}",
                "$.id");
        String round = api(
                officer.getUsername(),
                TestAccounts.PASSWORD,
                "/api/v1/rounds",
                "{\"title\":\"LEARNING_FAMILY\",\"registrationDue\":\""
                        + LocalDate.now().plusDays(10) + "\",\"decisionDue\":\""
                        + LocalDate.now().plusDays(60) + "\"}",
                "$.id");
        String registration = api(
                clerk.getUsername(),
                TestAccounts.PASSWORD,
                "/api/v1/rounds/" + round + "/registrations",
                "{\"subjectIds\":[" + family + "]}",
                "$.items[0].id");
        return new Records(clerk, village.code(), family, chapter, round, registration);
    }

    @Test
    void everyPageAnAdministratorAndAClerkReachHasNoSeriousViolation() {
        Records r = records();
        List<String> failures = new ArrayList<>();

        // the check can fail: an image without a text alternative is a critical violation
        page.setContent("<!DOCTYPE html><html lang=\"vi\"><head><title>Thử</title></head><body><main>"
                + "<img src=\"data:image/png;base64,iVBORw0KGgo=\"></main></body></html>");
        List<String> planted = new ArrayList<>();
        run("(thử)", planted);
        assertThat(planted).anyMatch(f -> f.contains("image-alt"));

        for (String path : List.of("/login", "/verify", "/public/statistics")) {
            check(path, failures);
        }

        signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        Set<String> pages = new LinkedHashSet<>(menu());
        pages.addAll(List.of(
                "/dashboard",
                "/dashboard?indicator=learning-family-rate",
                "/coverage",
                "/localities/22015",
                "/localities/" + r.village(),
                "/families/" + r.family(),
                "/families/new",
                "/chapters/" + r.chapter(),
                "/rounds/" + r.round(),
                "/registrations/" + r.registration(),
                "/account/tokens",
                "/account/password",
                "/public/statistics",
                "/verify"));
        for (String path : pages) {
            check(path, failures);
        }

        newContext();
        signIn(r.clerk().getUsername(), TestAccounts.PASSWORD);
        Set<String> clerkPages = new LinkedHashSet<>(menu());
        clerkPages.addAll(List.of(
                "/families/" + r.family(),
                "/families/new",
                "/rounds/" + r.round(),
                "/registrations/" + r.registration()));
        for (String path : clerkPages) {
            check(path, failures);
        }

        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    @Test
    void theClerksPagesHaveAShortHeaderAndControlsAThumbCanHit() {
        Records r = records();
        signIn(r.clerk().getUsername(), TestAccounts.PASSWORD);
        List<String> failures = new ArrayList<>();
        for (String path : List.of(
                "/", "/families", "/families/new", "/rounds/" + r.round(), "/registrations/" + r.registration())) {
            page.navigate(url(path));
            double header = ((Number)
                            page.evaluate("() => document.querySelector('header.top').getBoundingClientRect().height"))
                    .doubleValue();
            if (header >= 80) {
                failures.add(path + ": header " + header + " px high");
            }
            @SuppressWarnings("unchecked")
            List<String> small = (List<String>) page.evaluate(SMALL_CONTROLS);
            small.forEach(s -> failures.add(path + ": " + s));
        }
        // the bottom bar offers the clerk's five destinations, the menu the rest and the sign-out
        assertThat(page.locator("nav.tabs a").allTextContents())
                .containsExactly("Việc cần làm", "Sổ thôn", "Hộ gia đình", "Công nhận", "Tìm kiếm");
        page.locator("details.menu summary").click();
        assertThat(page.locator(".menu-panel").textContent())
                .contains("Cơ quan, đơn vị", "Đăng xuất")
                .doesNotContain("Hội viên", "Quán triệt", "Mục tiêu", "Báo cáo", "Tài khoản");

        // and the officer's pages the issue measured (coverage, localities), the dashboard and a chapter
        newContext();
        signIn("admin", IntegrationTest.ADMIN_PASSWORD);
        for (String path : List.of(
                "/coverage",
                "/localities/22015",
                "/localities/" + r.village(),
                "/dashboard",
                "/chapters/" + r.chapter())) {
            page.navigate(url(path));
            @SuppressWarnings("unchecked")
            List<String> small = (List<String>) page.evaluate(SMALL_CONTROLS);
            small.forEach(s -> failures.add(path + ": " + s));
        }
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    /**
     * The visible controls smaller than 44 × 44 pixels, described. A checkbox or radio button counts with its label
     * (the label is what a thumb hits). Exempt, as WCAG 2.5.8 allows: links inside a sentence of running text (a
     * paragraph other than a row of links, a note, a message), which cannot grow without breaking the line.
     */
    static final String SMALL_CONTROLS = """
            () => {
              const small = [];
              const controls = document.querySelectorAll(
                'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])');
              for (const element of controls) {
                let target = element;
                if ((element.type === 'checkbox' || element.type === 'radio') && element.closest('label')) {
                  target = element.closest('label');
                }
                if (element.tagName === 'A' && element.closest('p:not(.links), small, .flash, .legend') && !element.classList.contains('button')) {
                  continue;
                }
                const box = target.getBoundingClientRect();
                const style = getComputedStyle(target);
                if (box.width === 0 || box.height === 0 || box.right <= 0 || style.visibility === 'hidden') {
                  continue;
                }
                if (box.width < 44 - 0.5 || box.height < 44 - 0.5) {
                  const name = (element.getAttribute('aria-label') || element.textContent || element.name || '').trim().slice(0, 40);
                  small.push(element.tagName.toLowerCase() + ' "' + name + '" ' + Math.round(box.width) + '×' + Math.round(box.height));
                }
              }
              return small;
            }
            """;

    /** The menu's destinations of the signed-in user. */
    private List<String> menu() {
        page.navigate(url("/"));
        @SuppressWarnings("unchecked")
        List<String> paths = (List<String>) page.evaluate(
                "() => [...document.querySelectorAll('.menu-panel nav a')].map(a => a.getAttribute('href'))");
        assertThat(paths).isNotEmpty();
        return paths;
    }

    /**
     * Opens the page, notes when it is wider than the phone, and runs axe-core on it, adding its critical and serious
     * violations to {@code failures}.
     */
    private void check(String path, List<String> failures) {
        var response = page.navigate(url(path));
        assertThat(response.status()).as(path).isLessThan(400);
        page.waitForLoadState();
        int overflow =
                ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")).intValue();
        if (overflow > 0) {
            failures.add(path + ": the page is " + overflow + " px wider than the phone");
        }
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(BrowserTests.SCREENSHOTS.resolve("phone" + path.replaceAll("[^A-Za-z0-9]+", "-") + ".png"))
                .setFullPage(true));
        run(path, failures);
    }

    private void run(String path, List<String> failures) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, { resultTypes: ['violations'] });
                  return result.violations
                    .filter(v => v.impact === 'critical' || v.impact === 'serious')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                 nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + n.html.slice(0, 120)) }));
                }
                """);
        for (Map<String, Object> v : violations) {
            failures.add(
                    path + ": " + v.get("impact") + " " + v.get("id") + " (" + v.get("help") + ") " + v.get("nodes"));
        }
    }

    private void newContext() {
        if (context != null) {
            context.close();
        }
        // the page's policy forbids inline scripts; axe is injected by the test, not by the page
        context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("vi-VN")
                .setViewportSize(360, 800)
                .setBypassCSP(true));
        page = context.newPage();
    }

    private void signIn(String username, String password) {
        page.navigate(url("/login"));
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                .click();
        page.waitForURL(u -> !u.contains("/login"));
    }

    /** Creates a record through the JSON API and answers the value at {@code path} of the answer. */
    private String api(String username, String password, String uri, String json, String path) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        var response = context.request()
                .post(
                        url(uri),
                        RequestOptions.create()
                                .setHeader("Authorization", "Basic " + basic)
                                .setHeader("Content-Type", "application/json")
                                .setData(json));
        assertThat(response.status()).as(uri + " " + response.text()).isEqualTo(201);
        return JsonPath.read(response.text(), path).toString();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
