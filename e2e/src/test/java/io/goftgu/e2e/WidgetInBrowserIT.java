package io.goftgu.e2e;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import io.goftgu.testing.TestSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.goftgu.e2e.Gateway.call;
import static io.goftgu.e2e.Gateway.login;
import static io.goftgu.e2e.Gateway.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guest widget on somebody else's web site, in Chromium: a tiny HTTP server of this test plays the customer's site
 * on a second origin ({@code http://localhost:<port>}) and embeds {@code <script src=".../widget.js"
 * data-workspace="…" async>} of the stack's gateway. That origin is allowed in the workspace's widget settings (through
 * the API), so the visitor gets the launcher, opens the chat, writes, sees the agent typing and replying (the agent
 * works through the API and a socket), sends a file, is remembered after a reload, and rates the conversation once it
 * is resolved — in Persian (the site's {@code <html lang="fa">}) and in English. The same page served from an origin
 * that is not allowed ({@code http://127.0.0.1:<port>}) cannot frame the widget: no launcher, no chat. The host page
 * never holds the guest token. Screenshots of the widget closed, open and in a chat, per language.
 */
class WidgetInBrowserIT {

    private static HttpServer site;
    private static volatile String secret;
    private static int sitePort;
    private static String slug;
    private static String owner;

    @BeforeAll
    static void siteAndWorkspace() throws Exception {
        var stack = LocalStack.shared();
        slug = "widget-" + UUID.randomUUID().toString().substring(0, 8);
        signUp(slug, "Agent Arman", "owner@" + slug + ".test");
        owner = login(slug, "owner@" + slug + ".test").token();

        site = HttpServer.create(new InetSocketAddress(0), 0);
        sitePort = site.getAddress().getPort();
        site.createContext("/", exchange -> {
            var path = exchange.getRequestURI().getPath();
            var lang = path.startsWith("/en") ? "en" : "fa";
            // a signed-in user of the site: its server computes the hash with the widget secret (a forged one on /forged)
            var identity = "";
            if ((path.equals("/verified") || path.equals("/forged")) && secret != null) {
                identity = " data-external-id=\"crm-42\" data-name=\"Customer 42\" data-identifier-hash=\""
                        + hmac(path.equals("/verified") ? secret : "not-the-secret", "crm-42") + "\"";
            }
            var page = """
                    <!doctype html>
                    <html lang="%s" dir="%s"><head><meta charset="utf-8"><title>Shop</title></head>
                    <body><h1>%s</h1><p>%s</p>
                    <script src="%s/widget.js" data-workspace="%s"%s async></script>
                    </body></html>""".formatted(lang, lang.equals("fa") ? "rtl" : "ltr",
                    lang.equals("fa") ? "فروشگاه نمونه" : "Example shop",
                    lang.equals("fa") ? "کالاهای خوب، قیمت مناسب." : "Good things, fair prices.",
                    stack.origin(), slug, identity);
            var bytes = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        site.start();

        // the site's origin is allowed; 127.0.0.1 on the same port is another origin, and is not
        var settings = call("PUT", "/api/support-chat/widget-settings", owner, Map.of(
                "allowedOrigins", List.of("http://localhost:" + sitePort),
                "color", "#00796b",
                "greeting", Map.of("fa", "سلام! سوالی درباره‌ی سفارشتان دارید؟", "en", "Hi! A question about your order?"),
                "language", "auto"), 200);
        assertEquals("http://localhost:" + sitePort, settings.path("allowedOrigins").path(0).asText());
    }

    @AfterAll
    static void stopSite() {
        if (site != null) {
            site.stop(0);
        }
    }

    @Test
    void anAdminSetsTheWidgetUpInTheDashboard() throws Exception {
        var own = "widget-set-" + UUID.randomUUID().toString().substring(0, 8);
        signUp(own, "Sima Admin", "sima@" + own + ".test");
        var browser = BrowserSession.open("en");
        try {
            var page = browser.page;
            page.onDialog(dialog -> dialog.accept());
            browser.logIn(own, "sima@" + own + ".test", Gateway.PASSWORD);
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/dashboard/internal-chat.*"));
            page.navigate("/dashboard/settings?section=widget");
            var origins = page.getByLabel("Allowed origins", new Page.GetByLabelOptions().setExact(false));
            origins.fill("https://shop.example.com\nftp://files.example.com");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
            // the server names the bad origin; the form shows it next to the field, and nothing is saved
            assertThat(page.locator(".field").filter(new Locator.FilterOptions().setHas(origins))
                    .locator(".field-error")).isVisible();
            var token = login(own, "sima@" + own + ".test").token();
            assertEquals(0, call("GET", "/api/support-chat/widget-settings", token, null, 200)
                    .path("allowedOrigins").size());

            origins.fill("https://shop.example.com");
            page.getByLabel("Greeting in English").fill("Hello from the shop");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Saved"))).isVisible();
            var saved = call("GET", "/api/support-chat/widget-settings", token, null, 200);
            assertEquals("https://shop.example.com", saved.path("allowedOrigins").path(0).asText());
            assertEquals("Hello from the shop", saved.path("greeting").path("en").asText());

            // a new secret is shown once, here, and never again by the API
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make a new secret")).click();
            var shown = page.locator("code").first();
            assertThat(shown).isVisible();
            var secretShown = shown.innerText();
            var after = call("GET", "/api/support-chat/widget-settings", token, null, 200);
            assertTrue(after.path("secret").isNull(), after.toString());
            assertTrue(secretShown.endsWith(after.path("secretHint").asText().replace("…", "")), secretShown + " / " + after);
            browser.screenshot("settings-widget");
            assertEquals(List.of(), browser.problems());
        } finally {
            browser.close();
        }
    }

    @Test
    void aVisitorChatsWithAnAgentIsRememberedAfterAReloadAndRates() throws Exception {
        try (var browser = BrowserSession.blank("fa", 1280, 800)) {
            var page = browser.page;
            page.navigate("http://localhost:" + sitePort + "/");
            var launcher = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("گفتگو با پشتیبانی"));
            assertThat(launcher).isVisible();
            browser.screenshot("widget-closed");

            launcher.click();
            assertThat(launcher).hasAttribute("aria-expanded", "true");
            var frame = page.frameLocator("iframe[title='پنجرهٔ گفتگو با پشتیبانی']");
            assertThat(frame.locator("html")).hasAttribute("dir", "rtl");
            var log = frame.getByRole(AriaRole.LOG, new FrameLocator.GetByRoleOptions().setName("پیام‌ها"));
            assertThat(log).containsText("سلام! سوالی درباره‌ی سفارشتان دارید؟");
            browser.screenshot("widget-open");

            frame.getByLabel("نام (اختیاری)").fill("ویدا <b>مهمان</b>");
            frame.getByRole(AriaRole.TEXTBOX, new FrameLocator.GetByRoleOptions().setName("پیام").setExact(true))
                    .fill("سلام، سفارش ۱۰۴۲ من هنوز نرسیده");
            frame.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("ارسال").setExact(true)).click();
            assertThat(log.getByRole(AriaRole.ARTICLE).filter(new Locator.FilterOptions()
                    .setHasText("سلام، سفارش ۱۰۴۲ من هنوز نرسیده"))).isVisible();

            var ticketId = ticketWithMessage("سلام، سفارش ۱۰۴۲ من هنوز نرسیده");
            var ticket = call("GET", "/api/support-chat/" + ticketId, owner, null, 200);
            assertEquals("GUEST", ticket.path("requester").path("kind").asText());
            assertEquals("ویدا <b>مهمان</b>", ticket.path("requester").path("name").asText());

            // the agent types (a socket) and replies (REST); an internal note never shows
            try (var agentSocket = TestSocket.connect(URI.create(LocalStack.shared().ws()), owner)) {
                agentSocket.send(Map.of("type", "support-chat:join", "ticketId", ticketId, "tempId", "j"));
                agentSocket.await(f -> "j".equals(f.path("tempId").asText()), java.time.Duration.ofSeconds(20));
                var typing = frame.getByRole(AriaRole.STATUS);
                for (int i = 0; i < 20 && !typing.innerText().contains("در حال نوشتن"); i++) {
                    agentSocket.send(Map.of("type", "support-chat:typing", "ticketId", ticketId, "isTyping", true));
                    page.waitForTimeout(1000);
                }
                assertThat(typing).containsText("در حال نوشتن");
                browser.screenshot("widget-typing");
                call("POST", "/api/support-chat/" + ticketId + "/messages", owner, Map.of("body",
                        "یادداشت داخلی: مشتری ویژه است", "clientMessageId", UUID.randomUUID(), "internal", true), 201);
                call("POST", "/api/support-chat/" + ticketId + "/messages", owner, Map.of("body",
                        "سلام ویدا، بسته‌تان امروز ارسال می‌شود.", "clientMessageId", UUID.randomUUID()), 201);
            }
            assertThat(log).containsText("سلام ویدا، بسته‌تان امروز ارسال می‌شود.");
            assertThat(frame.getByRole(AriaRole.STATUS)).not().containsText("در حال نوشتن");
            // the visitor's name is text, not markup
            assertEquals(0, frame.locator("b").count());

            // a file, through the attachment endpoint with the guest token
            var file = Files.createTempFile("receipt-", ".txt");
            Files.writeString(file, "order 1042 receipt");
            frame.locator("input[type=file]").setInputFiles(file);
            assertThat(frame.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions()
                    .setName("برداشتن " + file.getFileName()))).isVisible();
            frame.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("ارسال").setExact(true)).click();
            assertThat(log.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                    .setName("دریافت " + file.getFileName()))).isVisible();
            browser.screenshot("widget-chat");

            // the host page holds nothing of the visitor: the token is in the widget origin's storage
            assertEquals(0, ((Number) page.evaluate("localStorage.length + sessionStorage.length")).intValue());
            assertEquals("", page.evaluate("document.cookie"));

            var tickets = call("GET", "/api/support-chat", owner, null, 200).path("total").asInt();
            // a reload: the visitor is remembered, the panel opens again on the conversation
            page.reload();
            var again = page.frameLocator("iframe[title='پنجرهٔ گفتگو با پشتیبانی']");
            var logAgain = again.getByRole(AriaRole.LOG, new FrameLocator.GetByRoleOptions().setName("پیام‌ها"));
            assertThat(logAgain).containsText("سلام ویدا، بسته‌تان امروز ارسال می‌شود.",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            assertThat(logAgain).containsText("سلام، سفارش ۱۰۴۲ من هنوز نرسیده");
            assertFalse(again.locator("body").innerText().contains("یادداشت داخلی"), "an internal note reached the guest");
            assertEquals(tickets, call("GET", "/api/support-chat", owner, null, 200).path("total").asInt(),
                    "the returning visitor started nothing new");

            // resolved: the visitor rates
            call("PATCH", "/api/support-chat/" + ticketId, owner, Map.of("status", "RESOLVED"), 200);
            var rating = again.getByRole(AriaRole.GROUP, new FrameLocator.GetByRoleOptions().setName("از این گفتگو راضی بودید؟"));
            assertThat(rating).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(45_000));
            // the stars are radios drawn by their labels; the visitor clicks the fifth
            again.getByRole(AriaRole.RADIO, new FrameLocator.GetByRoleOptions().setName("۵ از ۵"))
                    .check(new Locator.CheckOptions().setForce(true));
            again.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("ثبت امتیاز")).click();
            assertThat(again.getByText("ممنون از بازخورد شما!")).isVisible();
            assertEquals(5, call("GET", "/api/support-chat/" + ticketId, owner, null, 200).path("rating").path("score").asInt());

            // the launcher closes the panel and gives focus back
            var launcherAgain = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("گفتگو با پشتیبانی"));
            launcherAgain.click();
            assertThat(launcherAgain).hasAttribute("aria-expanded", "false");
            assertThat(page.locator("iframe[title='پنجرهٔ گفتگو با پشتیبانی']")).isHidden();
            assertEquals(List.of(), browser.problems());
        }
    }

    @Test
    void inEnglishOnAnEnglishPage() throws Exception {
        try (var browser = BrowserSession.blank("en", 1280, 800)) {
            var page = browser.page;
            page.navigate("http://localhost:" + sitePort + "/en");
            var launcher = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat with support"));
            assertThat(launcher).isVisible();
            browser.screenshot("widget-closed");
            launcher.click();
            var frame = page.frameLocator("iframe[title='Support chat window']");
            assertThat(frame.locator("html")).hasAttribute("dir", "ltr");
            var log = frame.getByRole(AriaRole.LOG, new FrameLocator.GetByRoleOptions().setName("Messages"));
            assertThat(log).containsText("Hi! A question about your order?");
            browser.screenshot("widget-open");
            frame.getByRole(AriaRole.TEXTBOX, new FrameLocator.GetByRoleOptions().setName("Message").setExact(true))
                    .fill("Hello, where is my parcel?");
            frame.getByRole(AriaRole.TEXTBOX, new FrameLocator.GetByRoleOptions().setName("Message").setExact(true))
                    .press("Enter");
            assertThat(log.getByRole(AriaRole.ARTICLE).filter(new Locator.FilterOptions()
                    .setHasText("Hello, where is my parcel?"))).isVisible();
            var ticketId = ticketWithMessage("Hello, where is my parcel?");
            call("POST", "/api/support-chat/" + ticketId + "/messages", owner,
                    Map.of("body", "It ships today.", "clientMessageId", UUID.randomUUID()), 201);
            assertThat(log).containsText("It ships today.");
            browser.screenshot("widget-chat");
            assertEquals(List.of(), browser.problems());
        }
    }

    @Test
    void anOriginThatIsNotAllowedCannotFrameTheWidget() throws Exception {
        // the page itself says so: frame-ancestors lists the allowed origin, not this one, and never * or 'none'
        var response = Gateway.send("GET", "/widget/" + slug, null, null);
        assertEquals(200, response.statusCode());
        var policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.endsWith("frame-ancestors 'self' http://localhost:" + sitePort), policy);
        assertTrue(response.headers().firstValue("X-Frame-Options").isEmpty());
        // the rest of the UI may not be framed at all
        assertEquals("DENY", Gateway.send("GET", "/login", null, null).headers().firstValue("X-Frame-Options").orElseThrow());

        try (var browser = BrowserSession.blank("fa", 1280, 800)) {
            var page = browser.page;
            page.navigate("http://127.0.0.1:" + sitePort + "/");
            assertThat(page.getByRole(AriaRole.HEADING)).hasText("فروشگاه نمونه");
            page.waitForTimeout(4000);
            // the browser refused to show the widget page in the frame: it never said hello, so no launcher
            assertEquals(0, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("گفتگو با پشتیبانی")).count());
            assertEquals(0, page.frameLocator("iframe").first().getByRole(AriaRole.LOG).count());
            assertTrue(browser.problems().stream().anyMatch(p -> p.contains("frame-ancestors")), browser.problems().toString());
            browser.screenshot("widget-refused");
        }
    }

    @Test
    void aVerifiedVisitorIsOneGuestOnEveryDeviceAndAForgedHashIsRefused() throws Exception {
        // the secret is shown once, when regenerated; the site keeps it on its server
        secret = call("PUT", "/api/support-chat/widget-settings", owner, Map.of("regenerateSecret", true), 200)
                .path("secret").asText();
        assertTrue(call("GET", "/api/support-chat/widget-settings", owner, null, 200).path("secret").isNull());
        String guestId = null;
        for (var device : List.of("laptop", "phone")) {
            try (var browser = BrowserSession.blank("fa", 1280, 800)) {
                var page = browser.page;
                page.navigate("http://localhost:" + sitePort + "/verified");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("گفتگو با پشتیبانی")).click();
                var frame = page.frameLocator("iframe[title='پنجرهٔ گفتگو با پشتیبانی']");
                var text = "پیام تأییدشده از " + device;
                frame.getByRole(AriaRole.TEXTBOX, new FrameLocator.GetByRoleOptions().setName("پیام").setExact(true)).fill(text);
                frame.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("ارسال").setExact(true)).click();
                assertThat(frame.getByRole(AriaRole.LOG).getByRole(AriaRole.ARTICLE)
                        .filter(new Locator.FilterOptions().setHasText(text))).isVisible();
                var requester = call("GET", "/api/support-chat/" + ticketWithMessage(text), owner, null, 200)
                        .path("requester").path("id").asText();
                var guest = call("GET", "/api/support-chat/guests/" + requester, owner, null, 200);
                assertTrue(guest.path("verified").asBoolean(), guest.toString());
                assertEquals("crm-42", guest.path("externalId").asText());
                assertEquals("Customer 42", guest.path("name").asText());
                if (guestId != null) {
                    assertEquals(guestId, requester, "the same verified visitor on another device is the same guest");
                }
                guestId = requester;
                assertEquals(List.of(), browser.problems());
            }
        }
        try (var browser = BrowserSession.blank("fa", 1280, 800)) {
            var page = browser.page;
            page.navigate("http://localhost:" + sitePort + "/forged");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("گفتگو با پشتیبانی")).click();
            var frame = page.frameLocator("iframe[title='پنجرهٔ گفتگو با پشتیبانی']");
            frame.getByRole(AriaRole.TEXTBOX, new FrameLocator.GetByRoleOptions().setName("پیام").setExact(true))
                    .fill("I am crm-42, show me their tickets");
            frame.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("ارسال").setExact(true)).click();
            assertThat(frame.getByRole(AriaRole.ALERT)).containsText("هویت شما تأیید نشد");
            assertEquals(0, frame.getByRole(AriaRole.ARTICLE).count());
        }
    }

    private static String hmac(String key, String value) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ticketWithMessage(String text) throws Exception {
        for (var ticket : call("GET", "/api/support-chat?limit=100", owner, null, 200).path("data")) {
            var id = ticket.path("id").asText();
            for (var m : call("GET", "/api/support-chat/" + id + "/messages", owner, null, 200)) {
                if (text.equals(m.path("body").asText())) {
                    return id;
                }
            }
        }
        throw new AssertionError("no ticket holds " + text);
    }
}
