package io.warnews.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warnews.query.QueryServiceApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dashboard at {@code /} in a real headless Chromium, over the backend as the local run starts
 * it: the command-service's jar as a process of its own, the query-service in this JVM, one
 * PostgreSQL. The seed story goes in through the editors' API; the tests read what a person sees.
 * They run in order: each later one builds on the writes of the earlier ones (a new report, then
 * its correction). Screenshots go to {@code -Dwarnews.screenshots} (default target/screenshots).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final Path COMMAND_JAR = Path.of("../command-service/target/command-service-exec.jar");
    private static final Path SEED_STORY = Path.of("../command-service/src/main/resources/seed/seed-story.json");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("warnews.screenshots", "target/screenshots"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static EmbeddedPostgres postgres;
    private static ServiceProcess command;
    private static ConfigurableApplicationContext query;
    private static String queryUrl;
    private static ChromeDriver browser;
    private static Instant beforeTheCorrection;

    @BeforeAll
    static void startTheBackendAndRecordTheSeedStory() throws Exception {
        browser = Chromium.start(1280, 1000);
        postgres = EmbeddedPostgres.builder().start();
        LocalDatabase.prepare(postgres.getPostgresDatabase(), "warnews_dashboard");
        String jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/warnews_dashboard";
        command = ServiceProcess.start(COMMAND_JAR, "command-service", Files.createTempDirectory("dashboard-logs"),
                ServiceProcess.freePort(), jdbcUrl, LocalDatabase.COMMAND_ROLE, List.of())
                .awaitHealthy(Duration.ofMinutes(2));
        query = new SpringApplicationBuilder(QueryServiceApplication.class).profiles("local").run(
                "--server.port=0", "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + LocalDatabase.QUERY_ROLE,
                "--spring.datasource.password=" + LocalDatabase.QUERY_ROLE);
        queryUrl = "http://localhost:" + ((WebServerApplicationContext) query).getWebServer().getPort();
        for (JsonNode request : JSON.readTree(SEED_STORY.toFile()).get("requests")) {
            HttpResponse<String> response = post(request.get("path").asText(), request.get("body").toString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (query != null) {
            query.close();
        }
        if (command != null) {
            command.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void theDashboardIsPublicWhereTheRootAnsweredFourHundredOne() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(queryUrl + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<h1", "webjars/chart.js/dist/chart.umd.min.js");
        HttpResponse<String> chartJs = HTTP.send(HttpRequest.newBuilder(
                URI.create(queryUrl + "/webjars/chart.js/dist/chart.umd.min.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chartJs.statusCode()).isEqualTo(200);
        HttpResponse<String> audit = HTTP.send(HttpRequest.newBuilder(
                URI.create(queryUrl + "/api/audit/conflicts/russia-ukraine/losses?knownAt=2026-01-01T00:00:00Z")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(audit.statusCode()).as("the audit reads stay an auditor's").isEqualTo(401);
    }

    @Test
    @Order(2)
    void theSeedStoryAsAReaderSeesIt() throws Exception {
        open();
        String personnel = waitForText(By.id("headline-RU-PERSONNEL"), "about 1,000,340");
        assertThat(personnel).contains("Personnel", "about 1,000,340", "Ministry of Defence of Ukraine",
                "as of 2025-06-12", "Source: Ministry of Defence of Ukraine");
        assertThat(js("return document.querySelector('#headline-RU-PERSONNEL .source a').getAttribute('href')"))
                .isEqualTo("https://www.mil.gov.ua/");
        assertThat(text("headline-UA-KILLED")).contains("at least 45,000", "President of Ukraine", "as of 2025-02");
        assertThat(text("headline-RU-UAVS")).contains("at least 40,000");

        String milestones = waitForText(By.id("milestone-list"), "1,000,000");
        assertThat(milestones).contains("Personnel of RU passed 1,000,000", "about 1,000,340");

        String records = waitForText(By.id("attack-records"), "479");
        assertThat(records).contains("Most weapons in one attack", "479 launched",
                "Record drone attack overnight", "intercepted not reported");
        assertThat(records).doesNotContain("intercepted 0").contains("Deadliest attack",
                "Russian strike on Kharkiv", "Weapons not reported; killed 1, injured 23");
        assertThat(text("daily-table")).contains("2025-06-08", "479", "not reported");
        assertThat(text("attack-table")).contains("Kharkiv", "killed 1, injured 23");

        String talks = waitForText(By.id("talks-list"), "7 open terms");
        assertThat(talks).contains("Russia-Ukraine peace talks in Istanbul", "Proposed by UA",
                "A full ceasefire of 30 days", "Reparations");
        assertThat(texts("#talks-list .term[data-status='OPEN']")).hasSize(7);

        String timeline = waitForText(By.id("timeline-list"), "Kharkiv");
        List<String> dates = texts("#timeline-list li.entry time");
        assertThat(dates.get(0)).isEqualTo("2025-06-12");
        assertThat(dates.get(dates.size() - 1)).isEqualTo("2022-02-24");
        screenshot("dashboard-timeline.png", By.id("timeline"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("timeline-kind")))
                .selectByValue("ATTACK");
        assertThat(js("return [...document.querySelectorAll('#timeline-list li.entry')].map(e => e.dataset.kind)"))
                .isEqualTo(List.of("ATTACK", "ATTACK"));

        waitForText(By.id("conflict-line"), "Russia (RU) and Ukraine (UA)");
        assertThat(browser.findElement(By.id("series-chart")).getSize().getHeight()).isGreaterThan(100);

        js("window.scrollTo(0, 0);");
        Files.write(SCREENSHOTS.resolve("dashboard-losses.png"), browser.getScreenshotAs(OutputType.BYTES));
        screenshot("dashboard-attacks.png", By.id("attacks"));
        screenshot("dashboard-talks.png", By.id("talks"));
    }

    @Test
    @Order(3)
    void everyControlHasALabelAndTheKeyboardReachesTheSkipLink() {
        open();
        waitForText(By.id("headline-RU-PERSONNEL"), "1,000,340");
        Object unlabelled = js("""
                return [...document.querySelectorAll('input, select, textarea')]
                    .filter(c => c.labels.length === 0 && !c.getAttribute('aria-label')).map(c => c.id || c.name);""");
        assertThat((List<?>) unlabelled).isEmpty();
        assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to the figures");
        assertThat(focused.getRect().getX()).isGreaterThanOrEqualTo(0);
    }

    @Test
    @Order(4)
    void aNewReportAppearsWithoutAReload() throws Exception {
        open();
        waitForText(By.id("headline-RU-PERSONNEL"), "about 1,000,340");
        waitForText(By.id("live-status"), "Live");
        js("window.notReloaded = true;");

        HttpResponse<String> written = post("/api/conflicts/russia-ukraine/loss-reports", """
                {"reportId":"mod-2025-06-13","side":"RU","claimant":"Ministry of Defence of Ukraine","asOf":"2025-06-13",
                 "figures":[{"category":"PERSONNEL","value":1001400,"qualifier":"ABOUT"}],
                 "source":{"outlet":"Ministry of Defence of Ukraine","url":"https://www.mil.gov.ua/news/2025-06-13",
                           "publishedAt":"2025-06-13T07:00:00Z"}}""");
        assertThat(written.statusCode()).as(written.body()).isEqualTo(201);

        String personnel = waitForText(By.id("headline-RU-PERSONNEL"), "about 1,001,400");
        assertThat(personnel).contains("as of 2025-06-13", "+1,060");
        assertThat(js("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(waitForText(By.id("live-status"), "updated at")).contains("losses reported");
        waitForText(By.id("timeline-list"), "2025-06-13");
    }

    @Test
    @Order(5)
    void asKnownAtShowsTheFiguresBeforeACorrectionAndAfterIt() throws Exception {
        open();
        waitForText(By.id("headline-RU-PERSONNEL"), "about 1,001,400");
        Thread.sleep(1_100);
        beforeTheCorrection = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Thread.sleep(100);
        HttpResponse<String> corrected = post("/api/conflicts/russia-ukraine/loss-reports/mod-2025-06-13/corrections",
                """
                {"figures":[{"category":"PERSONNEL","value":1001200,"qualifier":"ABOUT"}],
                 "reason":"The ministry revised its count",
                 "source":{"outlet":"Ministry of Defence of Ukraine","url":"https://www.mil.gov.ua/news/2025-06-14",
                           "publishedAt":"2025-06-14T07:00:00Z"}}""");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        waitForText(By.id("headline-RU-PERSONNEL"), "about 1,001,200");
        assertThat(browser.findElement(By.id("series-table")).getDomProperty("textContent"))
                .contains("2025-06-13", "corrected");
        screenshot("dashboard-series-milestones.png", By.id("series"), By.id("milestones"));

        knownAt(beforeTheCorrection, "auditor", "wrong-password");
        waitForText(By.id("known-at-message"), "not accepted");
        assertThat(browser.findElement(By.id("mode-banner")).isDisplayed()).isFalse();
        knownAt(beforeTheCorrection, "editor", "editor-dev-password");
        waitForText(By.id("known-at-message"), "not an auditor");

        knownAt(beforeTheCorrection, "auditor", "auditor-dev-password");
        waitForText(By.id("known-at-message"), "as known at");
        waitForText(By.id("mode-banner"), "as known at");
        assertThat(text("headline-RU-PERSONNEL")).contains("about 1,001,400", "as of 2025-06-13");
        assertThat(text("talks-list")).contains("7 open terms");
        assertThat(text("series-table")).as("the series as known then").contains("about 1,001,400")
                .doesNotContain("1,001,200", "corrected");
        screenshot("dashboard-known-at.png", By.id("mode-banner"), By.id("losses"));

        knownAt(Instant.now().plusSeconds(1), "auditor", "auditor-dev-password");
        waitForText(By.id("headline-RU-PERSONNEL"), "about 1,001,200");

        browser.findElement(By.id("known-at-now")).click();
        waitForText(By.id("known-at-message"), "known now");
        assertThat(browser.findElement(By.id("mode-banner")).isDisplayed()).isFalse();
        assertThat(text("headline-RU-PERSONNEL")).contains("about 1,001,200");
    }

    @Test
    @Order(6)
    void onAPhoneNothingIsWiderThanTheScreen() throws Exception {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                "width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            open();
            waitForText(By.id("headline-RU-PERSONNEL"), "about 1,001,200");
            waitForText(By.id("talks-list"), "7 open terms");
            Object overflow = js("return document.documentElement.scrollWidth - window.innerWidth;");
            Object tooWide = js("""
                    return [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                            && !(e.parentElement && e.parentElement.closest('.table-scroll')))
                        .slice(0, 12).map(e => e.tagName + '#' + e.id + '.' + e.className + ' right='
                            + Math.round(e.getBoundingClientRect().right));""");
            assertThat(((Number) overflow).intValue()).as("pixels wider than the %s px screen; too wide: %s",
                            js("return window.innerWidth;"), tooWide)
                    .isLessThanOrEqualTo(0);
            js("window.scrollTo(0, 0);");
            Files.write(SCREENSHOTS.resolve("dashboard-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
            js("document.getElementById('talks').scrollIntoView();");
            Files.write(SCREENSHOTS.resolve("dashboard-phone-talks.png"), browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        }
    }

    @Test
    @Order(7)
    void aFigureLowerThanTheClaimantsEarlierOneIsMarkedAsAnAnomaly() throws Exception {
        open();
        waitForText(By.id("anomalies-count"), "No open anomaly");
        waitForText(By.id("live-status"), "Live");

        HttpResponse<String> written = post("/api/conflicts/russia-ukraine/loss-reports", """
                {"reportId":"mod-2025-06-14","side":"RU","claimant":"Ministry of Defence of Ukraine","asOf":"2025-06-14",
                 "figures":[{"category":"VEHICLES_AND_FUEL_TANKS","value":49000}],
                 "source":{"outlet":"Ministry of Defence of Ukraine","url":"https://www.mil.gov.ua/news/2025-06-14",
                           "publishedAt":"2025-06-14T07:30:00Z"}}""");
        assertThat(written.statusCode()).as("a contradiction is recorded, not refused: " + written.body()).isEqualTo(201);

        String anomalies = waitForText(By.id("anomaly-table"), "Ministry of Defence of Ukraine");
        assertThat(anomalies).contains("RU · Vehicles and fuel tanks", "2025-06-14 (after 2025-06-12)",
                "49,000", "50,000");
        assertThat(text("anomalies-count")).contains("1 open anomaly");
        assertThat(text("headline-RU-VEHICLES_AND_FUEL_TANKS")).as("it counts as published").contains("49,000");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("series-pick")))
                .selectByValue("RU/VEHICLES_AND_FUEL_TANKS");
        new WebDriverWait(browser, PATIENCE).until(driver -> browser.findElement(By.id("series-table"))
                .getDomProperty("textContent").contains("anomaly"));
        assertThat(js("""
                const chart = Chart.getChart(document.getElementById('series-chart'));
                const d = chart.data.datasets.findIndex(s => s.data.some(p => p.point.reportId === arguments[0]));
                return chart.data.datasets[d].pointStyle[chart.data.datasets[d].data.findIndex(
                    p => p.point.reportId === arguments[0])];""", "mod-2025-06-14"))
                .as("the anomaly is drawn as a diamond").isEqualTo("rectRot");

        // By keyboard: Tab from the series picker reaches the chart's points, the newest first.
        WebElement tooltip = browser.findElement(By.id("series-tooltip"));
        assertThat(tooltip.isDisplayed()).isFalse();
        browser.findElement(By.id("series-pick")).sendKeys(Keys.TAB);
        WebElement point = browser.switchTo().activeElement();
        assertThat(point.getDomAttribute("class")).isEqualTo("chart-point");
        assertThat(point.getDomAttribute("aria-label")).contains("49,000 as of 2025-06-14",
                "claimed by Ministry of Defence of Ukraine", "source: Ministry of Defence of Ukraine",
                "published 14 Jun 2025, 07:30 UTC", "anomaly: ", "lower than 50,000");
        String focused = waitForText(By.id("series-tooltip"), "2025-06-14");
        assertThat(tooltip.isDisplayed()).isTrue();
        assertThat(focused).contains("Ministry of Defence of Ukraine: 49,000", "Anomaly", "lower than 50,000",
                "Source: Ministry of Defence of Ukraine", "Published: 14 Jun 2025, 07:30 UTC",
                "Report: mod-2025-06-14");

        // The arrow keys move to the claimant's earlier point, and back.
        point.sendKeys(Keys.ARROW_LEFT);
        assertThat(browser.switchTo().activeElement().getDomAttribute("aria-label"))
                .contains("at least 50,000 as of 2025-06-12", "published 12 Jun 2025, 07:00 UTC");
        assertThat(waitForText(By.id("series-tooltip"), "2025-06-12")).contains(
                "Ministry of Defence of Ukraine: at least 50,000", "Published: 12 Jun 2025, 07:00 UTC",
                "Report: mod-ua-ru-losses-2025-06-12", "Anomaly", "lower than 50,000")
                .doesNotContain("Published: 14 Jun");
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        assertThat(waitForText(By.id("series-tooltip"), "2025-06-14")).isEqualTo(focused);

        // Escape hides it; the mouse over the same point shows the same tooltip.
        WebElement newest = browser.switchTo().activeElement();
        newest.sendKeys(Keys.ESCAPE);
        new WebDriverWait(browser, PATIENCE).until(driver -> !tooltip.isDisplayed());
        browser.findElement(By.id("series-title")).click();
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(newest).perform();
        assertThat(waitForText(By.id("series-tooltip"), "2025-06-14")).isEqualTo(focused);
        screenshot("dashboard-anomalies.png", By.id("series"));
    }

    @Test
    @Order(8)
    void anAttackWhoseFiguresContradictThemselvesIsMarkedAndTheAnomaliesFollowTheKnownAtInstant() throws Exception {
        open();
        waitForText(By.id("attack-anomalies-count"), "No attack report contradicts itself");
        waitForText(By.id("live-status"), "Live");
        HttpResponse<String> written = post("/api/conflicts/russia-ukraine/attacks", """
                {"attackId":"odesa-2025-06-14","claimant":"Air Force of Ukraine",
                 "source":{"outlet":"Air Force of Ukraine","url":"https://t.me/kpszsu/9","publishedAt":"2025-06-14T06:30:00Z"},
                 "details":{"attacker":"RU","startDate":"2025-06-14","targets":[{"place":"Odesa","region":"Odesa Oblast"}],
                            "weapons":[{"type":"CRUISE_MISSILE","model":"Kh-101","launched":10,"intercepted":11}]}}""");
        assertThat(written.statusCode()).as("recorded as published: " + written.body()).isEqualTo(201);
        String listed = waitForText(By.id("attack-anomaly-table"), "odesa-2025-06-14");
        assertThat(listed).contains("Air Force of Ukraine", "11 intercepted is more than the 10 launched");
        assertThat(text("attack-anomalies-count")).contains("1 attack report with inconsistent figures");
        assertThat(text("attack-table")).contains("inconsistent figures", "11 intercepted is more than the 10 launched");

        Thread.sleep(1_100);
        Instant beforeTheFix = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Thread.sleep(100);
        HttpResponse<String> fixed = post("/api/attacks/odesa-2025-06-14/corrections", """
                {"reason":"9 intercepted, not 11",
                 "details":{"attacker":"RU","startDate":"2025-06-14","targets":[{"place":"Odesa","region":"Odesa Oblast"}],
                            "weapons":[{"type":"CRUISE_MISSILE","model":"Kh-101","launched":10,"intercepted":9}]}}""");
        assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(201);
        waitForText(By.id("attack-anomalies-count"), "No attack report contradicts itself");
        assertThat(text("attack-table")).doesNotContain("inconsistent figures");

        knownAt(beforeTheFix, "auditor", "auditor-dev-password");
        waitForText(By.id("known-at-message"), "as known at");
        assertThat(text("attack-anomaly-table")).contains("odesa-2025-06-14", "11 intercepted");
        assertThat(text("attack-table")).contains("inconsistent figures");
        assertThat(text("anomalies-count")).as("the loss anomaly was open then").contains("1 open anomaly");

        knownAt(beforeTheCorrection, "auditor", "auditor-dev-password");
        waitForText(By.id("known-at-message"), "as known at");
        assertThat(text("attack-anomalies-count")).contains("No attack report contradicts itself");
        assertThat(text("anomalies-count")).as("the loss anomaly was not recorded yet").contains("No open anomaly");
        assertThat(text("attack-table")).doesNotContain("Odesa");

        browser.findElement(By.id("known-at-now")).click();
        waitForText(By.id("known-at-message"), "known now");
        assertThat(text("anomalies-count")).contains("1 open anomaly");
        assertThat(text("attack-anomalies-count")).contains("No attack report contradicts itself");
    }

    @Test
    @Order(9)
    void eachMilestoneAndEveryTalksMoveLinksToItsSource() throws Exception {
        open();
        waitForText(By.id("milestone-list"), "passed 1,000,000");
        @SuppressWarnings("unchecked")
        List<String> milestone = (List<String>) js("""
                const card = [...document.querySelectorAll('#milestone-list li.milestone')]
                    .find(li => li.textContent.includes('Personnel of RU passed 1,000,000'));
                const link = card.querySelector('.source a');
                return [link.getAttribute('href'), link.textContent, card.querySelector('.source').textContent];""");
        assertThat(milestone.get(0)).isEqualTo("https://www.mil.gov.ua/");
        assertThat(milestone.get(1)).startsWith("Ministry of Defence of Ukraine");
        assertThat(milestone.get(2)).contains("published 12 Jun 2025, 07:00 UTC");

        waitForText(By.id("talks-list"), "7 open terms");
        assertThat(sourceOf("#talks-istanbul-2025 .talks-source")).containsExactly("https://mfa.gov.ua/",
                "Source: Ministry of Foreign Affairs of Ukraine (opens in a new tab), published 16 May 2025, 15:00 UTC");
        assertThat(sourceOf("#talks-istanbul-2025 li.round")).containsExactly("https://mfa.gov.ua/",
                "Source: Ministry of Foreign Affairs of Ukraine (opens in a new tab), published 16 May 2025, 15:00 UTC");
        assertThat(sourceOf("#talks-istanbul-2025 .proposal-source")).containsExactly("https://mfa.gov.ua/",
                "Source: Ministry of Foreign Affairs of Ukraine (opens in a new tab), published 2 Jun 2025, 18:00 UTC");
        waitForText(By.id("live-status"), "Live");

        // A response with a source of its own: its link, its title as text (never markup).
        HttpResponse<String> rejected = post("/api/talks/istanbul-2025/proposals/ua-terms-2025-06/responses", """
                {"party":"RU","response":"REJECTED","termIds":["5"],"reason":"Unacceptable","date":"2025-06-03",
                 "source":{"outlet":"<i>Kremlin</i> & press","url":"https://kremlin.example/news/2025-06-03?a=1&b=<2>",
                           "publishedAt":"2025-06-03T12:00:00Z"}}""");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(201);
        waitForText(By.id("talks-list"), "RU: Rejected on 2025-06-03");
        assertThat(sourceOf("#talks-istanbul-2025 li.response")).containsExactly(
                "https://kremlin.example/news/2025-06-03?a=1&b=<2>",
                "Source: <i>Kremlin</i> & press (opens in a new tab), published 3 Jun 2025, 12:00 UTC");
        assertThat(text("talks-list")).contains("RU: Rejected on 2025-06-03 (“Unacceptable”). Source: <i>Kremlin</i> & press");
        assertThat(browser.findElements(By.cssSelector("#talks-list i"))).as("the title is text, not markup").isEmpty();
    }

    /**
     * An auditor sees each read model's position, dead letters and last rebuild, and rebuilds one
     * from its row: the row follows the rebuild to its outcome; another user is refused, named.
     */
    @Test
    @Order(10)
    void anAuditorSeesTheReadModelsAndRebuildsOneFromItsRow() throws Exception {
        open();
        waitForText(By.id("headline-RU-PERSONNEL"), "1,001,200");
        readModels("auditor", "auditor-dev-password");
        waitForText(By.id("read-models-message"), "Showing the read models");
        waitForText(By.id("read-model-losses"), "never rebuilt");
        assertThat(texts("#read-models-table tbody th")).containsExactly("attacks", "conflicts", "losses", "talks",
                "timeline");
        assertThat(text("read-model-losses")).contains("position").contains("caught up");

        // another user after the auditor: refused, and the auditor's table (with its buttons) is gone
        readModels("editor", "editor-dev-password");
        waitForText(By.id("read-models-message"), "not an auditor");
        assertThat(browser.findElements(By.cssSelector("#read-models-table tbody tr"))).isEmpty();

        readModels("auditor", "auditor-dev-password");
        waitForText(By.id("read-model-losses"), "never rebuilt");
        click(By.id("rebuild-losses"));
        waitForText(By.id("read-models-message"), "A rebuild of losses started");
        String outcome = waitForText(By.id("read-model-losses"), "verified");
        assertThat(outcome).contains("equal to the model it replaced").containsPattern("\\(\\d[\\d,]* rows\\)");
        // the figures the page shows did not change
        assertThat(text("headline-RU-PERSONNEL")).contains("about 1,001,200");
        screenshot("dashboard-read-models.png", By.id("read-models"));
    }

    /**
     * An event the losses model cannot apply (a constraint the test adds refuses its figure) is set
     * aside: the auditor sees the dead letter on the read model's row, and once the cause is gone
     * retries it from there; the figure then reaches the model.
     */
    @Test
    @Order(11)
    void anAuditorRetriesADeadLetterFromTheReadModelsRow() throws Exception {
        long poison = 777_777;
        try (Connection admin = postgres.getDatabase("postgres", "warnews_dashboard").getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("ALTER TABLE read_model.loss_figure ADD CONSTRAINT dashboard_poison CHECK (value <> "
                    + poison + ")");
            try {
                HttpResponse<String> reported = post("/api/conflicts/russia-ukraine/loss-reports", """
                        {"reportId":"poison-1","side":"RU","claimant":"Poison test","asOf":"2025-06-10",
                         "figures":[{"category":"PERSONNEL","value":%d}],
                         "source":{"outlet":"test","url":"https://example.org","publishedAt":"2025-06-10T07:00:00Z"}}"""
                        .formatted(poison));
                assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
                open();
                waitForText(By.id("headline-RU-PERSONNEL"), "1,001,200");
                // shown again until the processor has set the event aside
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                do {
                    assertThat(System.nanoTime()).as("the dead letter on the losses row").isLessThan(deadline);
                    readModels("auditor", "auditor-dev-password");
                    waitForText(By.id("read-models-message"), "Showing the read models");
                    Thread.sleep(300);
                } while (browser.findElements(By.id("retry-losses")).isEmpty());
                assertThat(text("dead-letters-losses")).isEqualTo("1");
            } finally {
                statement.execute("ALTER TABLE read_model.loss_figure DROP CONSTRAINT dashboard_poison");
            }
        }
        click(By.id("retry-losses"));
        waitForText(By.id("read-models-message"), "1 of 1 streams applied, 0 dead letters left");
        new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElements(By.id("retry-losses")).isEmpty());
        HttpResponse<String> series = HTTP.send(HttpRequest.newBuilder(URI.create(queryUrl
                + "/api/conflicts/russia-ukraine/losses/RU/PERSONNEL/series?claimant=Poison%20test")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(series.body()).contains("777777");
    }

    /** Clicks the element once it is there and enabled (the section re-renders its rows every few seconds). */
    private static void click(By locator) {
        new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement element = driver.findElement(locator);
            if (!element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    private void readModels(String user, String password) {
        signIn("read-models", user, password);
    }

    /** The href and the text of the first source under the first element the selector finds. */
    @SuppressWarnings("unchecked")
    private static List<String> sourceOf(String selector) {
        return (List<String>) js("""
                const source = document.querySelector(arguments[0]).querySelector('.source');
                return [source.querySelector('a').getAttribute('href'), source.textContent];""", selector);
    }

    private void open() {
        browser.get(queryUrl + "/");
    }

    private void knownAt(Instant instant, String user, String password) {
        String local = LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
        js("document.getElementById('known-at-instant').value = arguments[0];",
                local.length() == 16 ? local + ":00" : local);
        signIn("known-at", user, password);
    }

    /** Fills the form's user and password ({@code <form>-user}, {@code <form>-password}), clears its message, submits. */
    private static void signIn(String form, String user, String password) {
        WebElement userField = browser.findElement(By.id(form + "-user"));
        userField.clear();
        userField.sendKeys(user);
        WebElement passwordField = browser.findElement(By.id(form + "-password"));
        passwordField.clear();
        passwordField.sendKeys(password);
        js("document.getElementById(arguments[0]).textContent = '';", form + "-message");
        passwordField.sendKeys(Keys.ENTER);
    }

    /**
     * The element's text once it contains {@code text}, read in one go: the page re-renders a view
     * when the feed brings news, so an element found earlier may have been replaced since.
     */
    private static String waitForText(By locator, String text) {
        return new WebDriverWait(browser, PATIENCE).withMessage(() -> "waiting for \"" + text + "\" in " + locator
                        + "; the page shows: " + pageText())
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    String shown = driver.findElement(locator).getText();
                    return shown.contains(text) ? shown : null;
                });
    }

    private static String pageText() {
        try {
            return browser.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** The element's text content, read in one go (the page may replace the element at any time). */
    private static String text(String id) {
        Object text = js("const e = document.getElementById(arguments[0]); return e === null ? null : e.textContent;",
                id);
        assertThat(text).as("element #%s on the page", id).isNotNull();
        return (String) text;
    }

    /** The text of every element the CSS selector finds, read in one go (a re-render cannot intervene). */
    @SuppressWarnings("unchecked")
    private static List<String> texts(String selector) {
        return (List<String>) js("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim())",
                selector);
    }

    private static Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /** A screenshot of the page from the top of the first element to the bottom of the last. */
    private static void screenshot(String name, By first, By... more) throws IOException {
        WebElement top = browser.findElement(first);
        WebElement bottom = more.length == 0 ? top : browser.findElement(more[more.length - 1]);
        js("arguments[0].scrollIntoView();", top);
        int from = top.getRect().getY();
        int to = bottom.getRect().getY() + bottom.getRect().getHeight();
        byte[] png = browser.executeCdpCommand("Page.captureScreenshot", java.util.Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", java.util.Map.of("x", 0, "y", Math.max(0, from - 8), "width", 1280,
                        "height", to - from + 16, "scale", 1))).get("data") instanceof String data
                ? Base64.getDecoder().decode(data) : browser.getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name), png);
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        String credentials = Base64.getEncoder().encodeToString("editor:editor-dev-password".getBytes());
        return HTTP.send(HttpRequest.newBuilder(URI.create(command.url() + path))
                        .header("Content-Type", "application/json").header("Authorization", "Basic " + credentials)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
