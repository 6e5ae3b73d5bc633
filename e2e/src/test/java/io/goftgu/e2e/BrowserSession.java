package io.goftgu.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A person at a browser: Debian's Chromium driven by Playwright, one window ({@link BrowserContext}: its own cookies
 * and cache) per person, on the gateway of the shared {@link LocalStack}. Every page's console errors and uncaught
 * exceptions are collected, so a test can assert that the Content-Security-Policy refused nothing and no script
 * failed. One Chromium per test JVM.
 */
final class BrowserSession implements AutoCloseable {

    /** Chromium as root on a machine with no network but loopback (its background services would flood it). */
    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic");

    private static Playwright playwright;
    private static Browser browser;
    /** The windows open now, for {@link ScreenshotOnFailure}. */
    static final List<BrowserSession> OPEN = new java.util.concurrent.CopyOnWriteArrayList<>();

    final BrowserContext context;
    final Page page;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    private BrowserSession(BrowserContext context) {
        this.context = context;
        this.page = context.newPage();
        watch(page);
        context.onPage(this::watch);
        OPEN.add(this);
    }

    /** A new window with an empty cache and no cookies, showing the UI in {@code language} ("fa" or "en"). */
    static BrowserSession open(String language) throws IOException {
        return open(language, 1280, 800);
    }

    static BrowserSession open(String language, int width, int height) throws IOException {
        var session = blank(language, width, height);
        // the language switch persists the choice; ?lang= on the first route sets it. React renders after the page's
        // load event, so wait until the app has applied (and stored) the language before the test navigates on:
        // a deep link opened at once otherwise found no stored choice and showed the default Persian
        session.page.navigate("/login?lang=" + language);
        assertThat(session.page.locator("html"))
                .hasAttribute("lang", language);
        return session;
    }

    /** A new window that has loaded nothing yet: an empty cache and no cookies. */
    static BrowserSession blank(String language, int width, int height) throws IOException {
        var context = browser().newContext(new Browser.NewContextOptions()
                .setBaseURL(LocalStack.shared().origin())
                .setLocale(language.equals("fa") ? "fa-IR" : "en-US")
                .setTimezoneId("Asia/Tehran")
                .setViewportSize(width, height));
        context.setDefaultTimeout(20_000);
        return new BrowserSession(context);
    }

    private static synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium())
                    .setArgs(CHROMIUM_ARGS)
                    .setHeadless(true));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    private static Path chromium() {
        for (var candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("no Chromium: apt-get install -y chromium (./goftgu test does it as root)");
    }

    private void watch(Page each) {
        each.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !expectedNetworkError(message.text())) {
                problems.add(message.text());
            }
        });
        each.onPageError(error -> problems.add("uncaught: " + error));
    }

    /** The browser logs every failed request; a 401 probe of the session, or a 4xx a test provokes, is not a fault. */
    private static boolean expectedNetworkError(String text) {
        return text.startsWith("Failed to load resource: the server responded with a status of 4");
    }

    /** Console errors and uncaught exceptions so far: CSP refusals show up here. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Logs in through the login form, as a person types it. */
    void logIn(String workspace, String email, String password) {
        var fa = isPersian();
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(fa ? "فضای کاری" : "Workspace")).fill(workspace);
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(fa ? "ایمیل" : "Email")).fill(email);
        page.getByLabel(fa ? "گذرواژه" : "Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(fa ? "ورود" : "Log in")).click();
    }

    boolean isPersian() {
        return "fa".equals(page.locator("html").getAttribute("lang"));
    }

    /** Saves the page as {@code <name>-<language>.png} under the build's screenshots folder. */
    void screenshot(String name) {
        var language = page.locator("html").getAttribute("lang");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-" + language + ".png")));
    }

    static final Path SCREENSHOTS = Path.of(System.getProperty("goftgu.screenshots", "target/screenshots"));

    @Override
    public void close() {
        OPEN.remove(this);
        context.close();
    }
}
