package vn.khuyenhoc.field;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
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
 * The field app on a throttled 3G profile (not a test: excluded from {@code ./mvnw verify}, and skipped unless asked
 * for):
 *
 * <pre>
 * ./mvnw -o test -Dtest=FieldAppBenchmark -Dkhuyenhoc.bench.field=true -Dspotless.check.skip=true
 * </pre>
 *
 * A village of 400 households in a commune with this year's family round (300 of them registered); the clerk's
 * Chromium at 360 × 800 throttled through CDP {@code Network.emulateNetworkConditions}: 150 ms latency, 1.6 Mbit/s
 * (200,000 bytes/s) each way. It prints the bundle's download into IndexedDB, the sync of 50 new households each
 * registered with a photo (150 requests), and each view of the app once its shell is cached.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "khuyenhoc.bench.field", matches = "true")
class FieldAppBenchmark {

    @LocalServerPort
    int port;

    @Autowired
    LocalityService localities;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void throttledVillage() {
        String commune = FieldBrowser.communeWithoutRound(jdbc);
        LocalityView village = localities.createVillage(
                commune, new LocalityService.VillageDraft("Buôn Đo Tốc Độ", "buôn", null), accounts.admin());
        jdbc.sql("""
                        insert into families (head_name, address, members, adults, school_age_children, phone, locality_id)
                        select (array['Y','H''','Nguyễn Văn','Trần Thị','Ksor','Niê','Lê Thị','Đinh Văn'])[1 + i % 8]
                                   || ' ' || (array['Mlô','Êban','Hoa','Bình','Kdăm','Adrơng','Tâm','Đức'])[1 + (i / 8) % 8]
                                   || ' ' || i,
                               'Số ' || i || ', đường liên buôn', 2 + i % 6, 1 + i % 2, 0, '09' || lpad(i::text, 8, '0'), :v
                        from generate_series(1, 400) i
                        """).param("v", village.id()).update();
        SignedInUser officer = accounts.open(Role.COMMUNE_OFFICER, commune);
        SignedInUser clerk = accounts.open(Role.DATA_CLERK, village.code());
        try (FieldBrowser chromium = new FieldBrowser(port)) {
            long round = chromium.round(officer);
            List<Long> ids = jdbc.sql("select id from families where locality_id = :v order by id limit 300")
                    .param("v", village.id())
                    .query(Long.class)
                    .list();
            var registered = chromium.call(
                    officer, "POST", "/api/v1/rounds/" + round + "/registrations", "{\"subjectIds\":" + ids + "}");
            if (registered.status() != 201) {
                throw new IllegalStateException(registered.text());
            }

            BrowserContext context = chromium.browser.newContext(
                    new Browser.NewContextOptions().setLocale("vi-VN").setViewportSize(360, 800));
            Page page = context.newPage();
            chromium.signIn(page, clerk);
            CDPSession cdp = context.newCDPSession(page);
            cdp.send("Network.enable");
            JsonObject slow = new JsonObject();
            slow.addProperty("offline", false);
            slow.addProperty("latency", 150);
            slow.addProperty("downloadThroughput", 200_000);
            slow.addProperty("uploadThroughput", 200_000);
            cdp.send("Network.emulateNetworkConditions", slow);

            // first open: shell from the network, then the bundle into IndexedDB
            long opened = System.nanoTime();
            chromium.openField(page);
            double firstOpen = (System.nanoTime() - opened) / 1e6;
            double bundle = measure(page, "field-bundle");
            long bundleBytes = ((Number) page.evaluate(
                            "() => performance.getEntriesByType('resource').filter(e => e.name.endsWith('/field/api/bundle'))"
                                    + ".map(e => e.encodedBodySize).pop() || 0"))
                    .longValue();

            // 50 households added offline, each registered with a photo, then sent at once
            Object made = page.evaluate("""
                    async ([villageCode, roundId]) => {
                      const store = await import('/js/field/store.js');
                      const { downscale } = await import('/js/field/photo.js');
                      let bytes = 0;
                      for (let i = 0; i < 50; i++) {
                        const family = `L:${store.uuid()}`;
                        await store.enqueue({ kind: 'family-create', ref: family, baseVersion: null, payload: {
                          villageCode, headName: `Hộ Mới Đo ${i}`,
                          address: `Rẫy ${i}`, members: 4, adults: 2, schoolAgeChildren: 1, phone: '',
                          confirmDuplicate: true } });
                        const registration = `L:${store.uuid()}`;
                        await store.enqueue({ kind: 'register', ref: registration, baseVersion: null,
                          payload: { roundId, familyRef: family } });
                        // a camera-like picture: light, shapes and grain, 2400 x 1800 before the app shrinks it
                        const canvas = document.createElement('canvas');
                        canvas.width = 2400; canvas.height = 1800;
                        const g = canvas.getContext('2d');
                        const sky = g.createLinearGradient(0, 0, 0, 1800);
                        sky.addColorStop(0, '#9cc3e6'); sky.addColorStop(1, '#5a7d3a');
                        g.fillStyle = sky; g.fillRect(0, 0, 2400, 1800);
                        for (let k = 0; k < 400; k++) {
                          g.fillStyle = `hsla(${(k * 37 + i * 11) % 360}, 45%, ${30 + k % 40}%, 0.6)`;
                          g.beginPath();
                          g.arc((k * 977 + i * 131) % 2400, (k * 613 + i * 71) % 1800, 10 + k % 90, 0, 7);
                          g.fill();
                        }
                        const grain = g.getImageData(0, 0, 2400, 1800);
                        for (let p = 0; p < grain.data.length; p += 4) {
                          const n = (Math.random() - 0.5) * 24;
                          grain.data[p] += n; grain.data[p + 1] += n; grain.data[p + 2] += n;
                        }
                        g.putImageData(grain, 0, 0);
                        const file = await new Promise((r) => canvas.toBlob(r, 'image/jpeg', 0.92));
                        const { blob, width, height } = await downscale(file);
                        bytes += blob.size;
                        await store.enqueue({ kind: 'photo', ref: registration, baseVersion: null,
                          payload: { itemCode: '1.1', blob, fileName: 'minh-chung.jpg', width, height } });
                      }
                      return bytes;
                    }
                    """, List.of(village.code(), (int) round));
            long photoBytes = ((Number) made).longValue();
            page.evaluate("() => performance.clearMeasures('field-sync')"); // the app synced once when it opened
            long syncStarted = System.nanoTime();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi ngay"))
                    .click();
            page.waitForFunction(
                    "() => performance.getEntriesByName('field-sync').length > 0",
                    null,
                    new Page.WaitForFunctionOptions().setTimeout(600_000).setPollingInterval(500));
            double sync = measure(page, "field-sync");
            double syncWall = (System.nanoTime() - syncStarted) / 1e6;
            long sent = jdbc.sql(
                            "select count(*) from evidence_files e join registrations g on g.id = e.registration_id"
                                    + " where g.round_id = :r")
                    .param("r", round)
                    .query(Long.class)
                    .single();
            page.waitForSelector("html[data-bundle='loaded']");

            // the app opened again, its shell from the worker's cache and its data from IndexedDB
            page.navigate(chromium.url("/field"));
            page.waitForSelector("html[data-shown='true']");
            double shown = ((Number) page.evaluate("() => performance.getEntriesByName('field-shown')[0].startTime"))
                    .doubleValue();
            StringBuilder views = new StringBuilder();
            for (String view : List.of(
                    "#/",
                    "#/v/" + village.code(),
                    "#/h/" + ids.get(0),
                    "#/h/new/" + village.code(),
                    "#/r/" + firstRegistration(round),
                    "#/q")) {
                double took = ((Number) page.evaluate("""
                        async (hash) => {
                          const start = performance.now();
                          location.hash = hash === '#/' ? '#/home' : hash;
                          while (!(document.documentElement.dataset.view || '').startsWith(location.hash + '@')) {
                            await new Promise((r) => setTimeout(r, 1));
                          }
                          await new Promise((r) => requestAnimationFrame(() => r()));
                          return performance.now() - start;
                        }
                        """, view)).doubleValue();
                views.append(String.format(Locale.ROOT, "  view %-28s %6.0f ms%n", view, took));
            }
            System.out.printf(
                    Locale.ROOT,
                    """
                    == FieldAppBenchmark (%s; 150 ms, 200,000 B/s each way) ==
                      first open (shell from network, bundle into IndexedDB): %.0f ms
                      bundle of 400 households, 300 registrations: %.0f ms (%d bytes over the wire)
                      sync of 50 households + 50 registrations + 50 photos (%d photo bytes): %.0f ms (wall %.0f ms), photos stored: %d
                      reopen from the worker's cache until the list shows: %.0f ms
                    %s""",
                    LocalDate.now(),
                    firstOpen,
                    bundle,
                    bundleBytes,
                    photoBytes,
                    sync,
                    syncWall,
                    sent,
                    shown,
                    views);
            context.close();
        }
    }

    private long firstRegistration(long round) {
        return jdbc.sql("select min(id) from registrations where round_id = :r")
                .param("r", round)
                .query(Long.class)
                .single();
    }

    private static double measure(Page page, String name) {
        return ((Number) page.evaluate("(n) => performance.getEntriesByName(n).pop().duration", name)).doubleValue();
    }
}
