package vn.khuyenhoc.field;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khuyenhoc.TestAccounts;
import vn.khuyenhoc.shared.SignedInUser;

/** Chromium for the field app's tests and benchmark, and the records they start from, made through the API. */
final class FieldBrowser implements AutoCloseable {

    /** A family set's passing scores (the seeded QĐ 448 set: twelve items in points). */
    static final String[][] PASSING = {
        {"1.1", "10"}, {"1.2", "9"}, {"1.3", "9"}, {"2.1", "10"}, {"2.2", "8"}, {"2.3", "6"},
        {"3.1", "7"}, {"3.2", "6"}, {"3.3", "5"}, {"4.1", "6"}, {"4.2", "7"}, {"4.3", "6"}
    };

    final Playwright playwright;
    final Browser browser;
    final APIRequestContext api;
    final int port;

    FieldBrowser(int port) {
        vn.khuyenhoc.Chromium.require();
        this.port = port;
        playwright = Playwright.create();
        browser = vn.khuyenhoc.Chromium.launch(playwright);
        // the officer's requests go on their own, outside the browser context that is set offline
        api = playwright.request().newContext();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void signIn(Page page, SignedInUser user) {
        page.navigate(url("/login"));
        page.getByLabel("Tên đăng nhập").fill(user.username());
        page.getByLabel("Mật khẩu").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                .click();
        page.waitForURL(u -> !u.contains("/login"));
    }

    /** Opens the field app online and waits until its bundle is in IndexedDB and its shell in the worker's cache. */
    void openField(Page page) {
        page.navigate(url("/field"));
        page.waitForSelector("html[data-ready='true'][data-bundle='loaded']");
        page.waitForFunction("() => navigator.serviceWorker.ready.then(() => caches.match('/field')).then(r => !!r)");
        page.waitForFunction("() => !!navigator.serviceWorker.controller");
    }

    APIResponse call(SignedInUser user, String method, String path, String json) {
        String basic = Base64.getEncoder()
                .encodeToString((user.username() + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
        RequestOptions options = RequestOptions.create()
                .setMethod(method)
                .setHeader("Authorization", "Basic " + basic)
                .setHeader("Content-Type", "application/json");
        if (json != null) {
            options.setData(json);
        }
        return api.fetch(url(path), options);
    }

    String create(SignedInUser user, String path, String json) {
        APIResponse response = call(user, "POST", path, json);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return JsonPath.read(response.text(), "$.id").toString();
    }

    String household(SignedInUser user, String village, String name) {
        return create(
                user,
                "/api/v1/families",
                "{\"villageCode\":\"" + village + "\",\"headName\":\"" + name
                        + "\",\"members\":4,\"adults\":2,\"schoolAgeChildren\":1,\"confirmDuplicate\":true}");
    }

    /** This year's family round of the commune, opened by its officer. */
    long round(SignedInUser officer) {
        return Long.parseLong(create(
                officer,
                "/api/v1/rounds",
                "{\"title\":\"LEARNING_FAMILY\",\"registrationDue\":\""
                        + LocalDate.now().plusDays(20) + "\",\"decisionDue\":\""
                        + LocalDate.now().plusDays(90) + "\"}"));
    }

    /** A commune with no round yet (the test database is shared by every test class). */
    /**
     * Communes no other test names: each field test takes one without a round yet, so that its world is its own and
     * it changes no other test's (a commune of the as-of-date tests gained a village once).
     */
    static final java.util.List<String> RESERVED = java.util.List.of(
            "24214", "24217", "24221", "24229", "24235", "24250", "24259", "24265", "24280", "24286", "24301", "24305");

    static String communeWithoutRound(JdbcClient jdbc) {
        return jdbc.sql("""
                        select code from localities l
                        where level = 'COMMUNE' and not former_map and valid_to is null and code in (:reserved)
                          and not exists (select 1 from rounds r where r.locality_id = l.id)
                        order by code limit 1
                        """)
                .param("reserved", RESERVED)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("every commune reserved for the field tests has a round:"
                        + " add more to FieldBrowser.RESERVED"));
    }

    /** A camera-sized JPEG (2400 × 1800) that the app must shrink to 1600 px before queueing it. */
    static byte[] photo() {
        BufferedImage image = new BufferedImage(2400, 1800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, 2400, 1800, Color.BLUE));
        g.fillRect(0, 0, 2400, 1800);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        api.dispose();
        browser.close();
        playwright.close();
    }
}
