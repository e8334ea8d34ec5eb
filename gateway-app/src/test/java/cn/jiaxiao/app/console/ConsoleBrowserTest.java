package cn.jiaxiao.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.app.support.ClassRoster;
import cn.jiaxiao.app.support.GatewayTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium (Debian's chromium and chromium-driver, no download): teacher71
 * composes a notice to 7-1 with a typo, sees it marked, applies the fix and submits; grade7 approves it in his
 * inbox; the notice page follows it to SENT with every message delivered; a guardian's confirmation shows once
 * the replies API is there. Each page is saved under {@code target/screenshots}.
 */
class ConsoleBrowserTest extends GatewayTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final DateTimeFormatter SCHOOL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private ChromeDriverService service;
    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "chromium and chromium-driver are installed (apt-get install chromium chromium-driver)");
        System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
        profile = Files.createTempDirectory("jiaxiao-chromium");
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=zh-CN", "--user-data-dir=" + profile.toAbsolutePath());
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 1000));
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
        clock.toSchoolHours();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void screenshot(String name) throws IOException {
        File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** A screenshot of the whole page, however long (Chromium's full-page capture through the window size). */
    private void fullPage(String name) throws IOException {
        Dimension before = browser.manage().window().getSize();
        Number height = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(before.getWidth(), Math.min(1800, height.intValue() + 140)));
        screenshot(name);
        browser.manage().window().setSize(before);
    }

    private void login(String user) {
        browser.get(url("/"));
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("jiaxiao-demo");
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/console"));
    }

    private void logout() {
        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void composeApproveAndFollowANoticeToSent() throws IOException {
        browser.get(url("/login"));
        screenshot("01-login");
        login("teacher71");
        fullPage("02-home");

        // compose, with a typo
        browser.get(url("/console/compose"));
        assertThat(browser.findElements(By.cssSelector("input[name=classes]")).stream()
                .map(e -> e.getAttribute("value")).toList()).as("only what teacher71 may reach").containsExactly("7-1");
        String marker = marker();
        browser.findElement(By.id("title")).sendKeys("学习软件安装通知");
        browser.findElement(By.id("body")).sendKeys("请家长帮助孩子按装学习软件，周五前完成。" + marker);
        browser.findElement(By.cssSelector("input[name=classes][value='7-1']")).click();
        WebElement typo = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#highlight mark")));
        assertThat(typo.getText()).isEqualTo("按装");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pv-sms"), "【示范中学】"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pv-estimate"), "接收人"));
        fullPage("03-compose-typo");

        browser.findElement(By.cssSelector("#findings .apply-fix")).click();
        wait.until(d -> d.findElement(By.id("body")).getAttribute("value").contains("安装学习软件"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#highlight mark"), 0));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pv-sms"), "安装学习软件"));
        fullPage("04-compose");
        browser.findElement(By.id("replyRequired")).click();
        if (browser.findElement(By.id("ack-row")).isDisplayed()) {
            browser.findElement(By.id("acknowledgeWarnings")).click();
        }
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.urlMatches("/console/notices/\\d+$"));
        String noticeUrl = browser.getCurrentUrl();
        long id = Long.parseLong(noticeUrl.substring(noticeUrl.lastIndexOf('/') + 1));
        wait.until(ExpectedConditions.attributeToBe(By.id("n-status"), "data-status", "PENDING_APPROVAL"));
        logout();

        // grade7 approves in the inbox
        login("grade7");
        browser.get(url("/console/inbox"));
        By item = By.cssSelector("article[data-notice='" + id + "']");
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(item));
        assertThat(card.getText()).contains("安装学习软件", "接收人", "审批链");
        fullPage("05-inbox");
        card.findElement(By.cssSelector("button.approve")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(item));

        // the notice page follows it to SENT
        browser.get(url("/console/notices/" + id));
        wait.withTimeout(Duration.ofSeconds(90))
                .until(ExpectedConditions.attributeToBe(By.id("n-status"), "data-status", "SENT"));
        int recipients = ClassRoster.guardianMobiles(jdbc, cipher, "7-1").size();
        wait.until(ExpectedConditions.attributeToBe(By.id("n-progress-text"), "data-delivered",
                Integer.toString(recipients)));
        wait.until(d -> d.findElements(By.cssSelector("#deliveries tbody tr")).size() >= recipients);
        String timeline = browser.findElement(By.id("n-timeline")).getText();
        assertThat(timeline).contains("审批", "发送完成").contains("（年级组长）").doesNotContain("GRADE_LEADER");
        Instant created = Instant.parse(api.get("teacher71", "/api/notices/" + id).json().get("createdAt").asText());
        assertThat(timeline).as("in the school's zone, whatever the browser's")
                .contains("起草：七(1)班刘老师 " + SCHOOL_TIME.format(created));
        assertThat(browser.findElement(By.cssSelector("#deliveries tbody")).getText()).contains("****");
        fullPage("06-notice");

        // a guardian confirms by SMS, at the simulator
        List<String> mobiles = ClassRoster.guardianMobiles(jdbc, cipher, "7-1");
        // to the notice's own extension: other tests of the shared context leave open reply-required notices
        smsc.injectMo(mobiles.get(0), "1069000" + String.format("%04d", id % 10000), "收到");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmations")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conf-summary"), "已确认 1 人"));
        assertThat(browser.findElement(By.id("conf-list")).getText()).contains("家长");
        fullPage("07-confirmations");
        logout();
    }

    @Test
    void pagesOutOfScopeAreNotShown() throws IOException {
        login("teacher72");
        browser.get(url("/console/settings"));
        assertThat(browser.findElement(By.cssSelector(".error")).getText()).contains("仅限学校级账号管理员");
        browser.get(url("/console/archive"));
        fullPage("08-archive");
        browser.get(url("/console/roster"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("class-select"), "7-2"));
        assertThat(browser.findElement(By.id("class-select")).getText()).doesNotContain("7-1");
        fullPage("09-roster");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/console/compose"));
        screenshot("10-compose-phone");
        logout();
        login("affairs");
        browser.get(url("/console/settings"));
        wait.until(d -> !d.findElements(By.cssSelector("#terms li")).isEmpty());
        fullPage("11-settings");
    }

    @Test
    void theManagerEditsQuietHoursAndChainsAndAHeadTeacherAddsAStudentAndAGroup() throws IOException {
        login("affairs");
        browser.get(url("/console/settings"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quiet-current"), "22:00–07:00"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#chain-class .chain-current"),
                "审批：通知所属年级/学院年级组长"));
        try {
            // a bad time is refused next to its field, in Chinese
            WebElement start = browser.findElement(By.id("quiet-start"));
            start.clear();
            start.sendKeys("25:00");
            browser.findElement(By.cssSelector("#quiet-form button[type=submit]")).click();
            WebElement startError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quiet-start-error")));
            assertThat(startError.getText()).contains("开始时间", "HH:mm");
            assertThat(start.getAttribute("aria-invalid")).isEqualTo("true");
            fullPage("12-settings-quiet-error");

            start.clear();
            start.sendKeys("21:30");
            WebElement end = browser.findElement(By.id("quiet-end"));
            end.clear();
            end.sendKeys("06:45");
            browser.findElement(By.cssSelector("#quiet-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quiet-current"), "21:30–06:45"));
            assertThat(browser.findElement(By.id("quiet-start-error")).isDisplayed()).isFalse();
            assertThat(api.get("affairs", "/api/settings/quiet-hours").json().get("start").asText()).isEqualTo("21:30");

            // an approval chain without its one step is refused: every notice needs an approval
            new Select(browser.findElement(By.id("chain-class-0-action"))).selectByValue("");
            browser.findElement(By.cssSelector("#chain-class button[type=submit]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#chain-class [data-error-for='steps']")));
            assertThat(browser.findElement(By.cssSelector("#chain-class [data-error-for='steps']")).getText())
                    .contains("审批");
            fullPage("13-settings-saved");
        } finally {
            api.delete("affairs", "/api/settings/quiet-hours");
        }
        logout();

        // teacher71 adds a student with a guardian, then a group of his class's guardians
        login("teacher71");
        browser.get(url("/console/roster"));
        wait.until(d -> !d.findElements(By.cssSelector("#group-members input[name=guardianIds]")).isEmpty());
        String studentNo = "B" + System.nanoTime() % 1_000_000_000L;
        browser.findElement(By.id("student-no")).sendKeys(studentNo);
        browser.findElement(By.id("student-name")).sendKeys("浏览器测试学生");
        browser.findElement(By.id("guardian-name")).sendKeys("浏览器测试家长");
        browser.findElement(By.id("guardian-mobile")).sendKeys("12345");
        browser.findElement(By.cssSelector("#student-form button[type=submit]")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("guardian-mobile-error")))
                .getText()).as("a bad number, next to its field").isNotBlank();
        WebElement mobile = browser.findElement(By.id("guardian-mobile"));
        mobile.clear();
        mobile.sendKeys("13700003333");
        browser.findElement(By.cssSelector("#student-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#students tbody"), studentNo));
        assertThat(browser.findElement(By.cssSelector("#students tbody")).getText()).contains("137****3333")
                .doesNotContain("13700003333");

        String group = "浏览器测试组" + marker();
        browser.findElement(By.id("group-name")).sendKeys(group);
        browser.findElement(By.cssSelector("#group-members input[name=guardianIds]")).click();
        browser.findElement(By.cssSelector("#group-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups-list"), group));
        fullPage("14-roster-student-and-group");
        logout();

        var mine = api.get("teacher71", "/api/groups").json();
        for (var g : mine) {
            if (g.get("name").asText().equals(group)) {
                assertThat(g.get("guardianIds")).hasSize(1);
                api.delete("teacher71", "/api/groups/" + g.get("id").asLong());
            }
        }
        for (var student : api.get("teacher71", "/api/classes/7-1/students").json()) {
            if (student.get("studentNo").asText().equals(studentNo)) {
                api.delete("teacher71", "/api/students/" + student.get("id").asLong());
            }
        }
    }
}
