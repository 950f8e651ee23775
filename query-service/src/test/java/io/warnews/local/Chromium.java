package io.warnews.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven through Selenium, with Debian's {@code chromium} and
 * {@code chromium-driver} packages (or CHROME_BIN and CHROMEDRIVER). When either is missing the
 * browser tests fail saying what to install: they are never skipped.
 */
final class Chromium {

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Chromium() {
    }

    /** Starts the browser at the given window size, in the UTC time zone and British English. */
    static ChromeDriver start(int width, int height) {
        Path browser = find("CHROME_BIN", BROWSERS, "Chromium");
        Path driver = find("CHROMEDRIVER", DRIVERS, "chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--force-device-scale-factor=1", "--lang=en-GB",
                "--hide-scrollbars", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", "UTC"))
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return chrome;
    }

    private static Path find(String variable, List<String> places, String what) {
        List<String> tried = new ArrayList<>();
        Optional<String> configured = Optional.ofNullable(System.getenv(variable)).filter(text -> !text.isBlank());
        for (String place : configured.map(List::of).orElse(places)) {
            tried.add(place);
            Path path = Path.of(place);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        throw new AssertionError("""
                The browser tests need %s, which is not installed here (looked for %s).
                On Debian or Ubuntu, as root: apt-get update && apt-get install -y chromium chromium-driver
                (.ci/run does this when they are missing), or set CHROME_BIN and CHROMEDRIVER to the browser and \
                its driver.""".formatted(what, String.join(", ", tried)));
    }
}
