package dev.awsconnectors.testhost.browser;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * A headless Chromium for the browser tests: Debian's {@code chromium} driven through Debian's
 * {@code chromedriver}, both named explicitly so that Selenium Manager never looks for, or downloads, anything.
 * Each browser gets a fresh profile directory, deleted on {@link #close()}.
 *
 * <p>Screenshots go to the directory in the system property {@value #SCREENSHOTS_PROPERTY} (the build sets it to
 * {@code ${project.build.directory}/screenshots}), else {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    static final String SCREENSHOTS_PROPERTY = "awsc.screenshotDirectory";
    static final String REQUIRE_BROWSER_VARIABLE = "AWSC_REQUIRE_BROWSER";
    static final String SKIPPED_MESSAGE =
            "Browser tests skipped: install Debian's chromium and chromium-driver (.ci/run does)";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriverService service;
    private final WebDriver driver;
    private final Path profile;

    private Browser(ChromeDriverService service, WebDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Skips the calling test class (a JUnit assumption) when Debian's chromium or chromedriver is missing, or fails
     * it when the environment variable {@value #REQUIRE_BROWSER_VARIABLE} is {@code true}.
     */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (installed) {
            return;
        }
        String missing = (Files.isExecutable(CHROMIUM) ? "" : CHROMIUM + " ")
                + (Files.isExecutable(CHROMEDRIVER) ? "" : CHROMEDRIVER + " ");
        if ("true".equalsIgnoreCase(System.getenv(REQUIRE_BROWSER_VARIABLE))) {
            Assertions.fail(SKIPPED_MESSAGE + " — missing: " + missing.strip() + "; "
                    + REQUIRE_BROWSER_VARIABLE + "=true makes this a failure.");
        }
        Assumptions.assumeTrue(false, SKIPPED_MESSAGE + " (missing: " + missing.strip() + ")");
    }

    static Browser open() {
        return open(true);
    }

    /** A browser that runs no page's script, as some admins' browsers are set up; WebDriver's own scripts run. */
    static Browser openWithoutScripts() {
        return open(false);
    }

    private static Browser open(boolean scripts) {
        Path profile;
        try {
            profile = Files.createTempDirectory("awsc-chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1024", "--user-data-dir=" + profile);
        // Keeps the pages' console messages, for the tests that check a page loads without script errors.
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        if (!scripts) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(WAIT);
            return new Browser(service, driver, profile);
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw e;
        }
    }

    /** The console's errors since the last call (Chromium hands each message out once). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    WebDriver driver() {
        return driver;
    }

    void get(String url) {
        driver.get(url);
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    String title() {
        return driver.getTitle();
    }

    String pageSource() {
        return driver.getPageSource();
    }

    /** The visible text of the page's body. */
    String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    <T> T waitUntil(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    /** The element, once the page has it. */
    WebElement waitFor(By by) {
        return waitUntil(d -> d.findElements(by).isEmpty() ? null : d.findElement(by));
    }

    /** Scrolls to the element once the page has it, clicks it, and waits until the page it leads to has loaded. */
    void click(By by) {
        WebElement element = waitFor(by);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true);", element);
        element.click();
        waitUntil(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))
                ? Boolean.TRUE : null);
    }

    /** The dialog with this id, once it shows. */
    WebElement visibleDialog(String id) {
        return waitUntil(d -> d.findElements(By.id(id)).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null));
    }

    /** Waits until no dialog with this id shows. */
    void dialogGone(String id) {
        waitUntil(d -> d.findElements(By.id(id)).stream().noneMatch(WebElement::isDisplayed) ? Boolean.TRUE : null);
    }

    /**
     * Logs in on the login page shown now, with the field ids of Jira's own login form
     * ({@code login-form-username}, {@code login-form-password}, {@code login-form-submit}).
     */
    void logIn(String userName, String password) {
        WebElement user = waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("login-form-username")));
        user.clear();
        user.sendKeys(userName);
        WebElement passwordField = driver.findElement(By.id("login-form-password"));
        passwordField.clear();
        passwordField.sendKeys(password);
        submit(passwordField);
    }

    /**
     * Confirms the password on the WebSudo page shown now, with the field ids of Jira's own page
     * ({@code login-form-authenticatePassword}, {@code login-form-submit}).
     */
    void confirmWebSudo(String password) {
        WebElement passwordField = waitUntil(
                ExpectedConditions.visibilityOfElementLocated(By.id("login-form-authenticatePassword")));
        passwordField.clear();
        passwordField.sendKeys(password);
        submit(passwordField);
    }

    private void submit(WebElement fieldOfTheForm) {
        driver.findElement(By.id("login-form-submit")).click();
        // The post answers with a new page (or a redirect to one): wait until the form's page is gone and the new
        // one is loaded. While the browser is between the two, asking about the old field may fail in other ways
        // than "stale"; that only means "ask again".
        waitUntil(d -> {
            try {
                fieldOfTheForm.isEnabled();
                return null;
            } catch (StaleElementReferenceException | NoSuchElementException gone) {
                return Boolean.TRUE;
            } catch (WebDriverException between) {
                return null;
            }
        });
        waitUntil(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))
                ? Boolean.TRUE : null);
    }

    /** Keeps a PNG of the current page as {@code <name>.png} in the screenshot directory; returns its path. */
    Path screenshot(String name) {
        Path directory = screenshotDirectory();
        try {
            Files.createDirectories(directory);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Path file = directory.resolve(name + ".png");
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path screenshotDirectory() {
        String configured = System.getProperty(SCREENSHOTS_PROPERTY);
        return configured == null || configured.isBlank() ? Paths.get("target", "screenshots")
                : Paths.get(configured);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            // A profile left in the temp directory harms nothing.
        }
    }
}
