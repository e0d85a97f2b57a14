package nl.dijkwacht.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven by Selenium through Debian's chromedriver (no driver or browser downloads),
 * with the flags this machine needs, plus what the console tests share: sign in, keyboard navigation, an axe-core
 * accessibility check run inside the page, and screenshots. Outside CI a missing browser skips the test with a
 * message; under CI=true it fails.
 */
public final class ConsoleBrowser implements AutoCloseable {

    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;
    private final WebDriverWait wait;

    private ConsoleBrowser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    public static ConsoleBrowser open(int port) {
        return open("http://127.0.0.1:" + port);
    }

    /** A browser for the gateway at {@code base} (e.g. http://localhost:port, so its cookies stay apart from a test issuer's). */
    public static ConsoleBrowser open(String base) {
        Path browser = HeadlessChromium.require();
        Path chromedriver = DRIVERS.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        if (chromedriver == null) {
            HeadlessChromium.missing("chromedriver (apt-get install chromium-driver)");
        }
        try {
            Path profile = Files.createTempDirectory("dijkwacht-selenium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(browser.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=nl-NL", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new ConsoleBrowser(driver, base, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    public void get(String path) {
        driver.get(base + path);
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public void login(String user, String password) {
        driver.manage().deleteAllCookies();
        get("/console/inloggen");
        find(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("password")).sendKeys(Keys.ENTER);
        wait.until(d -> !path().startsWith("/console/inloggen"));
    }

    public void logout() {
        driver.manage().deleteAllCookies();
    }

    public String sessionCookie() {
        var cookie = driver.manage().getCookieNamed("JSESSIONID");
        return cookie == null ? null : cookie.getValue();
    }

    /** Presses Tab until the element with this id has the focus (at most {@code max} presses); fails otherwise. */
    public WebElement tabTo(String id, int max) {
        for (int i = 0; i < max; i++) {
            WebElement active = driver.switchTo().activeElement();
            if (id.equals(active.getAttribute("id"))) {
                return active;
            }
            active.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached #" + id + " in " + max + " presses");
    }

    /** Presses Tab until the focused element matches; returns it. */
    public WebElement tabUntil(java.util.function.Predicate<WebElement> wanted, int max) {
        for (int i = 0; i < max; i++) {
            WebElement active = driver.switchTo().activeElement();
            if (wanted.test(active)) {
                return active;
            }
            active.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached the wanted element in " + max + " presses");
    }

    /** The focused element shows a focus indicator (an outline or a box shadow), as WCAG 2.4.7 asks. */
    public void assertFocusVisible() {
        WebElement active = driver.switchTo().activeElement();
        String outline = active.getCssValue("outline-style");
        String shadow = active.getCssValue("box-shadow");
        assertThat(!"none".equals(outline) || (shadow != null && !"none".equals(shadow)))
                .as("focus visible on <%s id=%s>: outline %s, shadow %s", active.getTagName(), active.getAttribute("id"), outline, shadow)
                .isTrue();
    }

    /**
     * Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules) in the current page.
     *
     * @return violations as "impact rule-id: help (n nodes)"
     */
    @SuppressWarnings("unchecked")
    public List<String> axeViolations(String... impacts) {
        JavascriptExecutor js = driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined'"))) {
            js.executeScript(axeSource());
        }
        Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
                  .then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.length, target: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}))}))
                  .catch(e => done({error: String(e)}));
                """);
        assertThat(result.get("error")).as("axe failed to run").isNull();
        List<String> wanted = List.of(impacts);
        return ((List<Map<String, Object>>) result.get("violations")).stream()
                .filter(v -> wanted.isEmpty() || wanted.contains(String.valueOf(v.get("impact"))))
                .map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " (" + v.get("nodes") + " nodes: " + v.get("target") + ")")
                .toList();
    }

    private static String axeSource() {
        try (InputStream in = ConsoleBrowser.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PNG of the page into target/console-screenshots; with {@code -Ddijkwacht.screenshots=docs} also into
     * docs/console/ (the pictures the README and the guides show).
     */
    public void screenshot(String name) {
        try {
            Long height = (Long) driver.executeScript("return Math.min(4000, document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, Math.max(800, height.intValue())));
            Path png = driver.getScreenshotAs(OutputType.FILE).toPath();
            Path target = Path.of("target", "console-screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
            if ("docs".equals(System.getProperty("dijkwacht.screenshots"))) {
                Path docs = Path.of("..", "docs", "console", name + ".png");
                Files.createDirectories(docs.getParent());
                Files.copy(png, docs, StandardCopyOption.REPLACE_EXISTING);
            }
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
