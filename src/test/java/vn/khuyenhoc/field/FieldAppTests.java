package vn.khuyenhoc.field;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.locality.LocalityService;
import vn.khuyenhoc.locality.LocalityView;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * The village clerk's offline app in Chromium at 360 × 800: work done with the browser offline survives a reload and
 * reaches the server when the network returns; a household changed on the server meanwhile is a conflict the clerk
 * resolves. The clerk is scoped to one village (an account bound to the village, opened below the account service).
 */
@IntegrationTest
class FieldAppTests {

    static FieldBrowser chromium;

    @LocalServerPort
    int port;

    @Autowired
    LocalityService localities;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    BrowserContext context;
    Page page;
    LocalityView village;
    SignedInUser clerk;
    SignedInUser officer;

    @BeforeEach
    void open() {
        if (chromium == null) {
            chromium = new FieldBrowser(port);
        }
        String commune = FieldBrowser.communeWithoutRound(jdbc);
        village = localities.createVillage(
                commune, new LocalityService.VillageDraft("Buôn Ngoại Tuyến", "buôn", null), accounts.admin());
        clerk = accounts.open(Role.DATA_CLERK, village.code());
        officer = accounts.open(Role.COMMUNE_OFFICER, commune);
        chromium.round(officer);
        context = chromium.browser.newContext(
                new Browser.NewContextOptions().setLocale("vi-VN").setViewportSize(360, 800));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @Test
    void workDoneOfflineSurvivesAReloadAndIsSentWhenTheNetworkReturns() throws IOException {
        chromium.signIn(page, clerk);
        // the clerk's home is the to-do list, and the bottom bar leads to the field app
        page.navigate(chromium.url("/"));
        PlaywrightAssertions.assertThat(page.locator("#tasks-heading")).hasText("Việc cần làm");
        PlaywrightAssertions.assertThat(page.locator("nav.tabs a[href='/field']"))
                .isVisible();
        chromium.openField(page);
        // Playwright for Java has no BrowserContext.serviceWorkers(): the page says which worker controls it
        assertThat(page.evaluate("() => navigator.serviceWorker.controller.scriptURL"))
                .isEqualTo(chromium.url("/sw.js"));

        context.setOffline(true);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Buôn Ngoại Tuyến"))
                .click();
        for (String name : List.of("Y Ngoại Mlô", "H'Linh Niê", "Đinh Văn Đồi")) {
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Thêm hộ"))
                    .click();
            page.getByLabel("Họ tên chủ hộ").fill(name);
            page.getByLabel("Số nhân khẩu").fill("5");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu (chờ gửi)"))
                    .click();
            PlaywrightAssertions.assertThat(page.locator(".flash.ok")).containsText("Đã thêm hộ " + name);
        }
        PlaywrightAssertions.assertThat(page.locator("#pending")).hasText("Chưa gửi: 3");
        // searched without diacritics
        page.getByLabel("Tìm hộ").fill("dinh van doi");
        PlaywrightAssertions.assertThat(page.locator("li.family")).hasCount(1);
        page.getByLabel("Tìm hộ").fill("y ngoai");
        Locator household = page.locator("li.family", new Page.LocatorOptions().setHasText("Y Ngoại Mlô"));
        household
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Đăng ký"))
                .click();
        household
                .locator("a", new Locator.LocatorOptions().setHasText("Đã đăng ký"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("h1")).containsText("Tự đánh giá: Y Ngoại Mlô");
        for (String[] score : FieldBrowser.PASSING) {
            page.locator("input[name='" + score[0] + "']").fill(score[1]);
        }
        PlaywrightAssertions.assertThat(page.locator("#total")).containsText("89");
        page.getByLabel("Nhận xét").fill("Cả nhà cùng đọc sách");
        page.getByLabel("Chụp hoặc chọn ảnh")
                .setInputFiles(new FilePayload("anh.jpg", "image/jpeg", FieldBrowser.photo()));
        PlaywrightAssertions.assertThat(page.locator(".photos")).containsText("1600×1200");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu tự đánh giá (chờ gửi)"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("#pending")).hasText("Chưa gửi: 6");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target/screenshots/field-offline.png"))
                .setFullPage(true));

        // the phone restarts without signal: the shell comes from the service worker, the queue from IndexedDB
        page.reload();
        page.waitForSelector("html[data-ready='true']");
        PlaywrightAssertions.assertThat(page.locator("#net")).hasText("Mất mạng");
        PlaywrightAssertions.assertThat(page.locator("#pending")).hasText("Chưa gửi: 6");
        page.locator("#pending").click();
        PlaywrightAssertions.assertThat(page.locator("li.queued")).hasCount(6);
        assertThat(count("select count(*) from families where locality_id = :v", village.id()))
                .isZero();

        context.setOffline(false);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi ngay"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("#pending")).hasText("Chưa gửi: 0");

        // the officer sees them
        var listed = chromium.call(officer, "GET", "/api/v1/families?locality=" + village.code(), null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(listed.text(), "$.items[*].headName"))
                .containsExactlyInAnyOrder("Y Ngoại Mlô", "H'Linh Niê", "Đinh Văn Đồi");
        Map<String, Object> registration =
                jdbc.sql("""
                        select g.id, g.stage, a.total, a.comment from registrations g
                        join families f on f.id = g.subject_id
                        join assessments a on a.registration_id = g.id and a.stage = 'SELF'
                        where f.locality_id = :v and f.head_name = 'Y Ngoại Mlô'
                        """).param("v", village.id()).query().singleRow();
        assertThat(registration)
                .containsEntry("stage", "SELF_ASSESSED")
                .containsEntry("total", 89)
                .containsEntry("comment", "Cả nhà cùng đọc sách");
        byte[] photo = jdbc.sql("select content from evidence_files where registration_id = :id")
                .param("id", registration.get("id"))
                .query(byte[].class)
                .single();
        var image = ImageIO.read(new ByteArrayInputStream(photo));
        assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(1600);
        // each change was applied once, remembered by its client id
        assertThat(count("select count(*) from field_submissions where account_id = :v", clerk.accountId()))
                .isEqualTo(6);

        // back on the to-do home, online: the two households not yet registered are waiting, one tap away
        page.navigate(chromium.url("/"));
        Locator unregistered = page.locator("a.task[data-kind='unregistered']");
        PlaywrightAssertions.assertThat(unregistered.locator(".n")).hasText("2");

        // separation of duties: the clerk who self-assessed cannot review, on the page or through the API
        page.navigate(chromium.url("/registrations/" + registration.get("id")));
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("Bình xét do cán bộ xã");
        PlaywrightAssertions.assertThat(page.locator("form#assessment")).hasCount(0);
        var review = chromium.call(
                clerk,
                "PUT",
                "/api/v1/registrations/" + registration.get("id") + "/assessments/REVIEW",
                "{\"scores\":{}}");
        assertThat(review.status()).isEqualTo(403);
        assertThat(review.text()).contains("Bình xét do cán bộ xã");
    }

    @Test
    void aHouseholdChangedOnTheServerMeanwhileIsAConflictTheClerkResolves() {
        String id = chromium.household(officer, village.code(), "Ksor Xung Đột");
        chromium.signIn(page, clerk);
        chromium.openField(page);

        context.setOffline(true);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Buôn Ngoại Tuyến"))
                .click();
        page.locator("li.family", new Page.LocatorOptions().setHasText("Ksor Xung Đột"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sửa"))
                .click();
        page.getByLabel("Địa chỉ").fill("Nhà cuối buôn, gần giếng");
        page.getByLabel("Số nhân khẩu").fill("6");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu (chờ gửi)"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("#pending")).hasText("Chưa gửi: 1");

        // meanwhile the officer corrects the same household
        var changed = chromium.call(
                officer,
                "PUT",
                "/api/v1/families/" + id,
                "{\"villageCode\":\"" + village.code() + "\",\"headName\":\"Ksor Xung Đột\",\"address\":\"Đầu buôn\","
                        + "\"members\":4,\"adults\":3,\"schoolAgeChildren\":1,\"version\":0}");
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);

        context.setOffline(false);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi ngay"))
                .click();
        page.locator("#pending").click();
        Locator conflict = page.locator("li.queued.conflict");
        PlaywrightAssertions.assertThat(conflict).containsText("xung đột");
        Locator address = conflict.locator("tr", new Locator.LocatorOptions().setHasText("Địa chỉ"));
        PlaywrightAssertions.assertThat(address).containsText("Nhà cuối buôn, gần giếng");
        PlaywrightAssertions.assertThat(address).containsText("Đầu buôn");
        PlaywrightAssertions.assertThat(conflict.locator("tr.differs")).hasCount(3); // address, members, adults
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target/screenshots/field-conflict.png"))
                .setFullPage(true));
        assertThat(jdbc.sql("select address from families where id = :id")
                        .param("id", Long.parseLong(id))
                        .query(String.class)
                        .single())
                .isEqualTo("Đầu buôn"); // nothing overwritten before the clerk chose

        conflict.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Giữ bản của tôi"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("#pending")).hasText("Chưa gửi: 0");
        Map<String, Object> saved = jdbc.sql("select address, members, adults, version from families where id = :id")
                .param("id", Long.parseLong(id))
                .query()
                .singleRow();
        assertThat(saved)
                .containsEntry("address", "Nhà cuối buôn, gần giếng")
                .containsEntry("members", 6)
                .containsEntry("version", 2);
    }

    @Test
    void aRefusedChangeComesBackWithTheReasonAndIsSentOnceCorrected() {
        chromium.household(officer, village.code(), "Rơ Châm Trùng");
        chromium.signIn(page, clerk);
        chromium.openField(page);

        context.setOffline(true);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Buôn Ngoại Tuyến"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Thêm hộ"))
                .click();
        page.getByLabel("Họ tên chủ hộ").fill("Rơ Châm Trùng");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu (chờ gửi)"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("#pending")).hasText("Chưa gửi: 1");

        context.setOffline(false);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi ngay"))
                .click();
        page.locator("#pending").click();
        Locator refused = page.locator("li.queued.refused");
        PlaywrightAssertions.assertThat(refused).containsText("bị từ chối");
        PlaywrightAssertions.assertThat(refused.locator(".reason")).containsText("Có thể trùng");

        refused.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sửa"))
                .click();
        PlaywrightAssertions.assertThat(page.getByLabel("Họ tên chủ hộ")).hasValue("Rơ Châm Trùng");
        page.getByText("Vẫn lưu nếu trùng tên chủ hộ trong thôn").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu (chờ gửi)"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("#pending")).hasText("Chưa gửi: 0");
        assertThat(count("select count(*) from families where locality_id = :v", village.id()))
                .isEqualTo(2);
    }

    private long count(String sql, long param) {
        return jdbc.sql(sql).param("v", param).query(Long.class).single();
    }
}
