package io.goftgu.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.goftgu.e2e.Gateway.PASSWORD;
import static io.goftgu.e2e.Gateway.awaitContact;
import static io.goftgu.e2e.Gateway.call;
import static io.goftgu.e2e.Gateway.login;
import static io.goftgu.e2e.Gateway.newUser;
import static io.goftgu.e2e.Gateway.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How fast a conversation opens for a person who follows a link to it, measured in Chromium on the local stack and
 * printed (docs/benchmarks.md records the numbers and the method; nothing here is timed against a threshold):
 * <ul>
 * <li>first contentful paint, from the browser's paint timing;</li>
 * <li>usable: from navigation start until the newest message is on screen and the composer takes input;</li>
 * <li>cold (a new window: empty cache, already signed in) and warm (the same window opening the link again);</li>
 * <li>the first load's bytes: scripts, styles and fonts as sent (Brotli) and as gzip would send them.</li>
 * </ul>
 */
@ExtendWith(ScreenshotOnFailure.class)
class PageLoadIT {

    private static final int RUNS = 3;
    private static final String NEWEST = "آخرین پیام این گفتگو";

    /** In the page: the moment the newest message shows and the composer is enabled, else null. */
    private static final String USABLE = """
            newest => {
              const log = document.querySelector('[role=log]');
              const composer = document.querySelector('textarea, [role=textbox][contenteditable=true]');
              const shown = log && [...log.querySelectorAll('article')].some(a => a.textContent.includes(newest));
              return shown && composer && !composer.disabled ? performance.now() : null;
            }""";

    private record Load(double fcp, double usable, long transferred, List<String> files) {
    }

    @Test
    void aConversationOpensFastColdAndWarm() throws Exception {
        var slug = LoginInBrowserIT.workspace("speed");
        signUp(slug, "Ava", "ava@" + slug + ".test");
        var ava = login(slug, "ava@" + slug + ".test");
        var ben = newUser(ava, slug, "Ben", "ben@" + slug + ".test", "ADMIN");
        awaitContact(ava, ben.userId());
        var room = call("POST", "/api/internal-chat/rooms?type=direct", ava.token(),
                Map.of("userId", ben.userId()), 201).path("id").asText();
        for (int i = 1; i <= 40; i++) {
            call("POST", "/api/internal-chat/messages", i % 2 == 0 ? ava.token() : ben.token(),
                    Map.of("roomId", room, "body", i == 40 ? NEWEST : "پیام شماره " + i,
                            "clientMessageId", UUID.randomUUID()), 201);
        }

        var cold = new ArrayList<Load>();
        var warm = new ArrayList<Load>();
        for (int run = 0; run < RUNS; run++) {
            var browser = BrowserSession.blank("fa", 1280, 800);
            // signed in without loading the UI, so the first page load below starts from an empty cache
            signIn(browser.context, slug, "ava@" + slug + ".test");
            cold.add(load(browser.page, "/dashboard/internal-chat/" + room + "?lang=fa"));
            warm.add(load(browser.context.newPage(), "/dashboard/internal-chat/" + room));
            assertEquals(List.of(), browser.problems());
            browser.close();
        }

        var first = cold.getFirst();
        long code = 0;
        long fonts = 0;
        for (var file : first.files()) {
            if (file.endsWith(".woff2")) {
                fonts += gzipSize(file);
            } else {
                code += gzipSize(file);
            }
        }
        System.out.printf("%nweb UI page load (median of %d, local stack, Chromium headless):%n", RUNS);
        System.out.println("| load | first contentful paint | conversation usable |");
        System.out.println("|---|---|---|");
        System.out.printf("| cold cache | %.0f ms | %.0f ms |%n", median(cold, true), median(cold, false));
        System.out.printf("| warm cache | %.0f ms | %.0f ms |%n", median(warm, true), median(warm, false));
        System.out.printf("first load: %d files, %.1f KiB as sent (Brotli, with headers); gzip: scripts and styles "
                        + "%.1f KiB, fonts (woff2, not recompressed) %.1f KiB%n",
                first.files().size(), first.transferred() / 1024.0, code / 1024.0, fonts / 1024.0);
        assertTrue(first.files().stream().anyMatch(f -> f.endsWith(".js")), "the page loaded its scripts");
    }

    private static void signIn(BrowserContext context, String slug, String email) {
        var response = context.request().post("/api/auth/login", RequestOptions.create()
                .setHeader("Content-Type", "application/json")
                .setData(Map.of("workspace", slug, "email", email, "password", PASSWORD)));
        assertEquals(200, response.status(), response.text());
    }

    private static Load load(Page page, String path) {
        page.navigate(path);
        var usable = ((Number) page.waitForFunction(USABLE, NEWEST,
                new Page.WaitForFunctionOptions().setPollingInterval(10)).jsonValue()).doubleValue();
        var fcp = ((Number) page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1"))
                .doubleValue();
        @SuppressWarnings("unchecked")
        var entries = (List<Map<String, Object>>) page.evaluate("""
                performance.getEntriesByType('resource')
                  .filter(e => /\\/assets\\//.test(e.name))
                  .map(e => ({name: new URL(e.name).pathname, size: e.transferSize}))""");
        long transferred = 0;
        var files = new ArrayList<String>();
        for (var entry : entries) {
            transferred += ((Number) entry.get("size")).longValue();
            files.add((String) entry.get("name"));
        }
        return new Load(fcp, usable, transferred, files);
    }

    private static long gzipSize(String path) throws Exception {
        // HTTP/1.1 as a browser's first request to an http:// origin would be (no h2c upgrade), and never unbounded
        var response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(LocalStack.shared().gateway() + path))
                        .timeout(java.time.Duration.ofSeconds(30))
                        .header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return response.body().length;
    }

    private static double median(List<Load> loads, boolean fcp) {
        var values = loads.stream().mapToDouble(l -> fcp ? l.fcp() : l.usable()).sorted().toArray();
        return values[values.length / 2];
    }
}
