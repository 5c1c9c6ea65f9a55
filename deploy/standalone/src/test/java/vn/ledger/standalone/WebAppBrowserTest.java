package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ledger.command.demo.DemoData;

/**
 * The web application in a real headless Chromium (Debian's chromium and chromedriver, which {@code .ci/run}
 * installs), against the service on a real socket with the demo data: a secretary records a whole session on a
 * phone-sized window, submits and corrects it; a reviewer returns and acknowledges it; the office rebuilds a view
 * with the progress bar reaching 100 %; the dashboard shows Q3 2022's 5,300. Screenshots of each page are kept in
 * {@code target/screenshots}.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebAppBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Dimension PHONE = new Dimension(360, 740);
    static final Dimension LAPTOP = new Dimension(1280, 900);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
        registry.add("LEDGER_DEMO_DATA", () -> "true");
    }

    static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startChromium() throws IOException {
        // CI installs Debian's chromium and chromedriver (.ci/run); elsewhere the test needs them installed, and
        // says so by skipping rather than failing on a machine that has only a JDK
        boolean installed = Files.isExecutable(Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium")))
                && Files.isExecutable(Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver")));
        if (!"true".equals(System.getenv("CI"))) {
            org.junit.jupiter.api.Assumptions.assumeTrue(installed,
                    "Chromium and chromedriver are not installed: apt-get install chromium chromium-driver");
        }
        Files.createDirectories(SCREENSHOTS);
        // this run's screenshots only: a renamed step leaves no stale file behind
        try (var old = Files.newDirectoryStream(SCREENSHOTS, "*.png")) {
            for (Path file : old) {
                Files.delete(file);
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=vi-VN", "--user-data-dir=" + Files.createTempDirectory("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aSecretaryRecordsSubmitsAndCorrectsASessionOnAPhoneThenTheCommitteeReviewsAndTheOfficeRebuilds()
            throws IOException {
        UUID cell = DemoData.CULTURE_AND_ARTS_CENTRE_CELL;
        // a session of last week: recent enough for the calendar feed, which lists the last two years onwards
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(7);
        String cellName = "Chi bộ Trung tâm Văn hóa Nghệ thuật";

        // the office, on a laptop: a secretary's account and a new member, through the office page's forms
        browser.manage().window().setSize(LAPTOP);
        signIn("admin", LedgerTestSupport.ADMIN_PASSWORD);
        open("/ui/office");
        waitFor(By.cssSelector("#user-units option"));
        click(By.xpath("//form[@id='user-form']/ancestor::details/summary"));
        type(By.id("user-name"), "bithu-vhnt");
        type(By.id("user-password"), "ngắn");
        new Select(browser.findElement(By.id("user-role"))).selectByValue("SECRETARY");
        new Select(browser.findElement(By.id("user-units"))).selectByVisibleText(cellName);
        click(By.cssSelector("#user-form button[type='submit']"));
        waitForText(By.cssSelector("#user-form [data-field='password']"), "Cần từ 10 đến 200 ký tự.");
        screenshot("01-office-user-password-refused");
        type(By.id("user-password"), LedgerTestSupport.USER_PASSWORD);
        click(By.cssSelector("#user-form button[type='submit']"));
        waitFor(By.cssSelector("#user-form .form-ok:not([hidden])"));
        click(By.xpath("//form[@id='member-form']/ancestor::details/summary"));
        type(By.id("member-name"), "Trương Thị Ánh Tuyết");
        new Select(browser.findElement(By.id("member-unit"))).selectByVisibleText(cellName);
        type(By.id("member-card"), "93.777001");
        setValue(By.id("member-joined"), "2021-09-02");
        click(By.cssSelector("#member-form button[type='submit']"));
        waitFor(By.cssSelector("#member-form .form-ok:not([hidden])"));
        screenshot("02-office-forms");
        signOut();
        LedgerTestSupport.user(LedgerTestSupport.admin(port), "uyvien-btv", "REVIEWER");

        // the secretary, on a phone: schedule, record, submit, correct
        browser.manage().window().setSize(PHONE);
        signIn("bithu-vhnt", "wrong-password");
        assertThat(text(By.id("login-error"))).isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
        screenshot("03-sign-in-error-phone");
        signIn("bithu-vhnt", LedgerTestSupport.USER_PASSWORD);
        open("/ui/sessions");
        waitFor(By.cssSelector("#schedule-units option"));
        click(By.cssSelector("#schedule-card summary"));
        new Select(browser.findElement(By.id("schedule-units"))).selectByVisibleText(cellName);
        type(By.id("schedule-topic"), "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh");
        setValue(By.id("schedule-at"), day + "T08:00");
        type(By.id("schedule-venue"), "Hội trường Trung tâm");
        type(By.id("schedule-presenter"), "Đồng chí Phó Bí thư Đảng ủy");
        type(By.id("schedule-host"), "Đồng chí Bí thư chi bộ");
        type(By.id("schedule-basis"), "Kết luận số 01-KL/TW");
        screenshot("04-schedule-phone");
        click(By.id("schedule-submit"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> driver.getCurrentUrl().contains("/ui/sessions/"));
        String url = browser.getCurrentUrl();
        UUID session = UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
        long pageOpened = System.nanoTime();
        open("/ui/sessions/" + session);
        waitFor(By.cssSelector("#checklist li"));
        List<String> names = browser.findElements(By.cssSelector("#checklist li .name")).stream()
                .map(WebElement::getText).toList();
        long expected = jdbc.queryForObject("""
                SELECT count(*) FROM command_model.membership ms
                WHERE ms.unit_id = ? AND ms.valid_from <= ? AND (ms.valid_to IS NULL OR ms.valid_to > ?)
                  AND NOT EXISTS (SELECT 1 FROM command_model.exemption e WHERE e.member_id = ms.member_id
                                  AND e.valid_from <= ? AND ? <= e.valid_to)
                """, Long.class, cell, day, day, day, day);
        assertThat(names).as("every expected member of the cell is on the checklist").hasSize((int) expected)
                .contains("Trương Thị Ánh Tuyết");
        screenshot("05-session-checklist-phone");

        click(By.id("all-present"));
        String someone = names.get(3);
        type(By.id("member-search"), vn.ledger.query.document.VietnameseText.fold(someone));
        List<WebElement> found = visible(By.cssSelector("#checklist li"));
        assertThat(found).extracting(item -> item.findElement(By.className("name")).getText()).contains(someone);
        mark(someone, "excused");
        type(By.id("member-search"), "");
        mark(names.get(5), "absent");
        mark(names.get(7), "online");
        screenshot("06-session-marked-phone");
        click(By.id("save-attendance"));
        waitForText(By.id("attendance-counts"), "Có mặt " + (names.size() - 2) + "/");
        System.out.printf("[measure] phone: a %d-member session marked (all present, three exceptions, one found by a "
                + "search without diacritics) and saved in %.1f s of browser time, screenshots included%n",
                names.size(), (System.nanoTime() - pageOpened) / 1e9);

        for (String category : List.of("PUBLIC", "CIVIL_SERVANTS", "CLUB_REPRESENTATIVES")) {
            type(By.id("guest-" + category), category.equals("PUBLIC") ? "40" : "12");
        }
        click(By.id("save-guests"));
        waitFor(By.cssSelector("#guests-saved:not([hidden])"));

        click(By.cssSelector("#performance-add summary"));
        type(By.id("performance-title"), "Nghĩa gia đình, tình làng xóm");
        type(By.id("performance-genre"), "cải lương");
        type(By.id("performance-venue"), "Hội trường Trung tâm");
        setValue(By.id("performance-date"), day.toString());
        type(By.id("performance-audience"), "-5");
        click(By.id("performance-submit"));
        waitForText(By.cssSelector("#performance-form [data-field='audience']"), "Không được âm.");
        type(By.id("performance-audience"), "350");
        click(By.id("performance-submit"));
        waitFor(By.cssSelector("#performance-list li"));
        screenshot("07-performance-phone");

        type(By.id("minutes"), "Biên bản sinh hoạt chuyên đề tháng 11: học tập Kết luận 01-KL/TW.");
        click(By.id("submit-record"));
        waitForText(By.id("status"), "Đã nộp biên bản");
        waitFor(By.cssSelector("#correction-form:not([hidden])"));
        screenshot("08-session-submitted-phone");

        // a correction without a reason: the server's refusal shows next to the field, in Vietnamese
        mark(names.get(5), "excused");
        click(By.id("save-correction"));
        waitForText(By.cssSelector("[data-field='reason']"), "Hãy ghi lý do.");
        screenshot("09-correction-needs-reason-phone");
        type(By.id("correction-reason"), "Đồng chí có giấy phép, ghi nhầm là vắng không phép");
        click(By.id("save-correction"));
        waitFor(By.cssSelector("#attendance-saved:not([hidden])"));
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM event_store.domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type = 'vn.ledger.events.AttendanceCorrected'
                """, Long.class, session.toString())).isEqualTo(1);

        open("/ui/sessions/" + session + "/history");
        waitFor(By.cssSelector("#timeline li[data-type='AttendanceCorrected']"));
        assertThat(text(By.cssSelector("#timeline li[data-type='AttendanceCorrected'] .reason")))
                .contains("ghi nhầm");
        assertThat(text(By.cssSelector("#timeline li[data-type='AttendanceCorrected'] .changes")))
                .as("the correction beside the original").isEqualTo(names.get(5) + ": Vắng không phép → Vắng có phép");
        assertThat(text(By.cssSelector("#timeline li[data-type='SessionScheduled'] .when")))
                .contains("bithu-vhnt (Bí thư chi bộ)");
        screenshot("10-history-phone");

        // the cell's calendar on the secretary's phone: a feed link of their own, then revoked
        open("/ui/sessions");
        click(By.cssSelector("#calendar-card summary"));
        click(By.id("calendar-create"));
        String feed = waitFor(By.cssSelector("#calendar-urls a")).getText();
        assertThat(feed).contains("/api/v1/calendar.ics?token=");
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        String calendar = fetch(client, feed, 200);
        assertThat(biweekly.Biweekly.parse(calendar).first().getEvents())
                .anySatisfy(event -> assertThat(event.getUid().getValue()).isEqualTo(session + "@ledger"));
        screenshot("11-calendar-link-phone");
        click(By.id("calendar-revoke"));
        waitForText(By.id("calendar-urls"), "Đã thu hồi");
        fetch(client, feed, 401);
        signOut();

        // the reviewer, on a laptop
        browser.manage().window().setSize(LAPTOP);
        signIn("uyvien-btv", LedgerTestSupport.USER_PASSWORD);
        open("/ui/review");
        waitFor(By.cssSelector("#review-list a.session-link"));
        screenshot("12-review-queue");
        open("/ui/sessions/" + session);
        waitFor(By.cssSelector("#review-card:not([hidden])"));
        type(By.id("review-comment"), "Đề nghị bổ sung ý kiến thảo luận");
        click(By.id("return"));
        waitForText(By.id("status"), "Bị trả lại");
        screenshot("13-session-returned");
        signOut();

        // the office: rebuild a view and watch the progress bar reach 100 %
        signIn("admin", LedgerTestSupport.ADMIN_PASSWORD);
        open("/ui/office");
        waitFor(By.cssSelector("tr[data-projection='stats-v1'] button.rebuild"));
        click(By.cssSelector("tr[data-projection='stats-v1'] button.rebuild"));
        screenshot("14-office-rebuilding");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver ->
                driver.findElement(By.id("rebuild-state")).getText().equals("DONE"));
        assertThat(text(By.id("rebuild-percent"))).isEqualTo("100 %");
        assertThat(browser.findElement(By.id("rebuild-bar")).getAttribute("value")).isEqualTo("100");
        assertThat(text(By.id("rebuild-events"))).matches("(\\d+)/\\1");
        screenshot("15-office-rebuilt");

        open("/?quarter=2022-Q3");
        waitForText(By.cssSelector("#total-audience strong"), "5.300");
        screenshot("16-dashboard-2022-Q3");
        // the quarterly report from the dashboard's links, downloaded with the browser's own session
        byte[] pdf = downloadLink("report-pdf");
        String pdfText;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            pdfText = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(pdfText).contains("QUÝ III NĂM 2022").contains("Chi bộ Trung tâm Văn hóa Nghệ thuật")
                .contains("Nghĩa gia đình, tình làng xóm").contains("5.300");
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(downloadLink("report-xlsx")))) {
            assertThat(workbook.getFirstSheet().read()).isNotEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(new String(downloadLink("report-csv"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Chi bộ Trung tâm Văn hóa Nghệ thuật");
        Files.write(SCREENSHOTS.resolve("quarterly-report-2022-Q3.pdf"), pdf);
        open("/?quarter=2022-Q3&lang=en");
        waitForText(By.cssSelector("#total-audience"), "Performance audience");
        screenshot("17-dashboard-2022-Q3-english");
    }

    // ---- the browser

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void signIn(String username, String password) {
        open("/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        click(By.id("sign-in"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !driver.getCurrentUrl().endsWith("/login"));
    }

    private void signOut() {
        click(By.cssSelector("form.signout button"));
        waitFor(By.id("username"));
    }

    private void mark(String name, String mark) {
        WebElement item = browser.findElements(By.cssSelector("#checklist li")).stream()
                .filter(li -> li.findElement(By.className("name")).getText().equals(name))
                .findFirst().orElseThrow();
        WebElement button = item.findElement(By.cssSelector("button[data-mark='" + mark + "']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        assertThat(button.getAttribute("aria-pressed")).isEqualTo("true");
    }

    /** The file behind a link of the page, fetched by the page itself (with its session cookie). */
    private byte[] downloadLink(String id) {
        Object base64 = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById(arguments[0]).href, {credentials: 'same-origin'})
                  .then(response => response.ok ? response.arrayBuffer() : Promise.reject(response.status))
                  .then(buffer => {
                    let binary = '';
                    new Uint8Array(buffer).forEach(b => binary += String.fromCharCode(b));
                    done(btoa(binary));
                  })
                  .catch(error => done('failed: ' + error));
                """, id);
        assertThat(String.valueOf(base64)).doesNotStartWith("failed");
        return java.util.Base64.getDecoder().decode(String.valueOf(base64));
    }

    private static String fetch(java.net.http.HttpClient client, String url, int status) {
        try {
            var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void setValue(By by, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", waitFor(by), value);
    }

    private void type(By by, String text) {
        WebElement field = waitFor(by);
        field.clear();
        if (!text.isEmpty()) {
            field.sendKeys(text);
        } else {
            ((JavascriptExecutor) browser).executeScript(
                    "arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", field);
        }
    }

    private void click(By by) {
        WebElement element = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(by));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private void waitForText(By by, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    private List<WebElement> visible(By by) {
        return browser.findElements(by).stream().filter(WebElement::isDisplayed).toList();
    }

    private String text(By by) {
        return waitFor(by).getText();
    }

    private void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
