package io.ticketflow.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One fan in a real headless Chromium (Debian's {@code chromium} and {@code chromedriver}, named by path so Selenium
 * Manager never runs and nothing is downloaded), using the page served by the local runtime. Every control is
 * worked with the keyboard (Enter on the focused button or field), never a mouse click; nothing reads the API
 * behind the page's back.
 */
final class FanBrowser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Long enough for a turn in line at the server's advised pace, a saga, or a 15 s hold to run out. */
    static final Duration PATIENCE = Duration.ofSeconds(45);

    final ChromeDriver driver;
    private final URI base;
    private final WebDriverWait wait;

    private FanBrowser(ChromeDriver driver, URI base) {
        this.driver = driver;
        this.base = base;
        this.wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100)) {
            @Override
            public <V> V until(java.util.function.Function<? super org.openqa.selenium.WebDriver, ? extends V> isTrue) {
                try {
                    return super.until(isTrue);
                } catch (org.openqa.selenium.TimeoutException e) {
                    throw new AssertionError(e.getMessage().lines().findFirst().orElse("") + "\n  page " + driver.getCurrentUrl()
                            + " says: " + driver.findElement(By.tagName("main")).getText().replace('\n', '|')
                            + "\n  screenshot " + screenshot("failed-" + System.currentTimeMillis()), e);
                }
            }
        };
    }

    /**
     * Skips a browser test class, saying why, where the browser is not installed (CI installs it): JUnit reports the
     * reason, and it is printed for a plain Maven log.
     */
    static final class Installed implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM)) {
                return ConditionEvaluationResult.enabled("chromium and chromedriver are installed");
            }
            String reason = "browser tests skipped: " + CHROMIUM + " and " + CHROMEDRIVER
                    + " are needed (apt-get install chromium chromium-driver; .ci/run installs them)";
            System.out.println(context.getDisplayName() + ": " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }

    static FanBrowser open(URI base) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1000,760", "--lang=en-US");
        FanBrowser browser = new FanBrowser(new ChromeDriver(service, options), base);
        browser.driver.get(base.resolve("/").toString());
        return browser;
    }

    FanBrowser signIn(String user) {
        WebElement name = visible(By.id("user"));
        name.sendKeys(user, Keys.ENTER);
        visible(By.id("sign-out"));
        return this;
    }

    FanBrowser joinLine(String concertId) {
        click(By.cssSelector("button[data-concert='" + concertId + "']"));
        visible(By.id("queue-live"));
        return this;
    }

    /** Waits in the waiting room until it is the fan's turn, then picks a show and a section. */
    FanBrowser pickShow(String scheduleId, String section) {
        click(By.cssSelector("button[data-schedule='" + scheduleId + "']"));
        click(By.cssSelector("button[data-section='" + section + "']"));
        visible(By.cssSelector("#seat-grid button[data-seat]"));
        return this;
    }

    /**
     * The map is redrawn every few seconds, so the seat is found afresh for each try: a button found just before a
     * redraw is gone by the time it is pressed (the redraw keeps the choice, so a press that landed is never lost).
     */
    FanBrowser chooseSeat(int seatNo) {
        By seat = By.cssSelector("#seat-grid button[data-seat='" + seatNo + "']");
        wait.until(driver -> {
            WebElement button = ExpectedConditions.elementToBeClickable(seat).apply(driver);
            if (button == null) {
                return false;
            }
            try {
                press(button);
                return true;
            } catch (StaleElementReferenceException redrawn) {
                return false;
            }
        });
        wait.until(ExpectedConditions.attributeToBe(seat, "aria-pressed", "true"));
        return this;
    }

    WebElement seat(int seatNo) {
        return visible(By.cssSelector("#seat-grid button[data-seat='" + seatNo + "']"));
    }

    /** Read in one script: the map is redrawn every few seconds. */
    String seatStatus(int seatNo) {
        return (String) seatProperty(seatNo, "dataset.status");
    }

    /** A property of the seat's button, e.g. {@code disabled} or {@code ariaLabel}, read in one script. */
    Object seatProperty(int seatNo, String property) {
        seat(seatNo);
        return script("const e = document.querySelector(\"#seat-grid button[data-seat='" + seatNo + "']\");"
                + " return e ? e." + property + " : null");
    }

    FanBrowser hold() {
        click(By.id("hold"));
        return this;
    }

    FanBrowser atCheckout() {
        visible(By.id("hold-countdown"));
        wait.until(ExpectedConditions.textMatches(By.id("balance"), java.util.regex.Pattern.compile("\\d")));
        return this;
    }

    FanBrowser topUp(int points) {
        String before = text(By.id("balance"));
        WebElement amount = visible(By.id("topup-amount"));
        amount.clear();
        amount.sendKeys(String.valueOf(points));
        click(By.id("topup"));
        // the page opened a checkout at the simulated provider: pay it with the test card
        click(By.id("provider-pay"));
        wait.until(driver -> !text(By.id("balance")).equals(before));
        return this;
    }

    /** Types over the points to use and, unless null, the card token, as a fan at the keyboard would. */
    FanBrowser split(int points, String card) {
        typeOver(By.id("points-to-use"), String.valueOf(points));
        if (card != null) {
            typeOver(By.id("card-token"), card);
        }
        return this;
    }

    private void typeOver(By field, String text) {
        visible(field).sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    /** Pays and waits until the booking's saga settles; returns the settled status the page shows. */
    String pay() {
        click(By.id("pay"));
        return settledBooking();
    }

    /** Read in one script, so a redraw of the booking between finding and reading can never go stale. */
    String settledBooking() {
        wait.until(driver -> {
            String status = bookingStatus();
            return status != null && !status.equals("RUNNING");
        });
        return bookingStatus();
    }

    private String bookingStatus() {
        return (String) script("const e = document.getElementById('booking-status'); return e ? e.dataset.status : null");
    }

    long balance() {
        visible(By.id("balance"));
        return ((Number) script("return Number(document.getElementById('balance').dataset.balance)")).longValue();
    }

    List<String> steps() {
        return driver.findElements(By.cssSelector("#booking li[data-step]")).stream().map(WebElement::getText).toList();
    }

    String alert() {
        return wait.until(driver -> driver.findElements(By.cssSelector("[role=alert]")).stream()
                .map(WebElement::getText).filter(text -> !text.isBlank()).findFirst().orElse(null));
    }

    /** Whether a hold was answered: the checkout opened, or the seat map says why not. */
    boolean heldOrRefused() {
        return driver.getCurrentUrl().contains("#/checkout/") || driver.findElements(By.cssSelector("[role=alert]")).stream()
                .anyMatch(alert -> !alert.getText().isBlank());
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    String text(By by) {
        return visible(by).getText();
    }

    /** Presses Enter on the control, as a fan without a mouse would once it has the focus. */
    void click(By by) {
        press(wait.until(ExpectedConditions.elementToBeClickable(by)));
    }

    private static void press(WebElement control) {
        control.sendKeys(Keys.ENTER);
    }

    void waitUntil(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        wait.until(condition);
    }

    Object script(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** Saves what the fan sees now as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI base() {
        return base;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
