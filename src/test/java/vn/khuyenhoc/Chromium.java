package vn.khuyenhoc;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium for the browser tests (Playwright downloads none: {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}): where
 * it is, and one headless launch for every browser test. Without it the tests are skipped, except where {@code CI} is
 * set, where they fail.
 */
public final class Chromium {

    public static final Path PATH = Paths.get(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    private Chromium() {}

    /** Skips the calling tests without Chromium, and fails them on CI. */
    public static void require() {
        boolean present = Files.isExecutable(PATH);
        if (!present && System.getenv("CI") != null) {
            throw new IllegalStateException(
                    "CI is set but Chromium is missing at " + PATH + ": install Debian's chromium");
        }
        Assumptions.assumeTrue(present, "no Chromium at " + PATH);
    }

    /** A headless Chromium without the services a test never needs (sync, updates, QUIC, background requests). */
    public static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(PATH)
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
}
