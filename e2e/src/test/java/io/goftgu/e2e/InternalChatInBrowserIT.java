package io.goftgu.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.goftgu.e2e.Gateway.PASSWORD;
import static io.goftgu.e2e.Gateway.awaitContact;
import static io.goftgu.e2e.Gateway.call;
import static io.goftgu.e2e.Gateway.login;
import static io.goftgu.e2e.Gateway.newUser;
import static io.goftgu.e2e.Gateway.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Internal Chat as two colleagues use it, each in their own Chromium window, through the gateway of the real stack:
 * a direct conversation in real time (message, typing, reaction, reply, read receipt), older history by scrolling
 * up, an image attachment with its preview, hostile text shown as text, Jalali dates in Persian and Gregorian in
 * English, and a socket that dies while messages keep coming (all arrive once, in order, after the reconnect).
 * Controls are found by role and accessible name (the UI contract and web/README.md), as a screen reader would.
 */
@ExtendWith(ScreenshotOnFailure.class)
class InternalChatInBrowserIT {

    private static final Pattern JALALI_DATE = Pattern.compile(
            "[۰-۹]{1,2} (فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند) ([۰-۹]{4})");

    private record Team(String slug, Gateway.Session ava, Gateway.Session ben) {
    }

    private static Team team(String prefix) throws Exception {
        var slug = LoginInBrowserIT.workspace(prefix);
        signUp(slug, "Ava Azadi", "ava@" + slug + ".test");
        var ava = login(slug, "ava@" + slug + ".test");
        var ben = newUser(ava, slug, "Ben Bahrami", "ben@" + slug + ".test", "ADMIN");
        awaitContact(ava, ben.userId());
        awaitContact(ben, ava.userId());
        return new Team(slug, ava, ben);
    }

    private static BrowserSession signedIn(Team team, String who, String language, int height) throws Exception {
        var browser = BrowserSession.open(language, 1280, height);
        browser.logIn(team.slug(), who + "@" + team.slug() + ".test", PASSWORD);
        assertThat(browser.page).hasURL(Pattern.compile(".*/dashboard/internal-chat(/.*)?$"));
        return browser;
    }

    /** Opens (or creates) the direct conversation with {@code name} from the contacts list; returns the room id. */
    private static String openDirect(Page page, String tab, String name) {
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(tab)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name)).first().click();
        assertThat(page).hasURL(Pattern.compile(".*/dashboard/internal-chat/[0-9a-f-]{36}$"));
        var url = page.url();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static Locator log(Page page) {
        return page.getByRole(AriaRole.LOG);
    }

    private static Locator message(Page page, String text) {
        return log(page).getByRole(AriaRole.ARTICLE).filter(new Locator.FilterOptions().setHasText(text));
    }

    private static void send(Page page, String composer, String button, String text) {
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(composer).setExact(true)).fill(text);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
    }

    private static void post(Gateway.Session who, String roomId, String body) throws Exception {
        call("POST", "/api/internal-chat/messages", who.token(),
                Map.of("roomId", roomId, "body", body, "clientMessageId", UUID.randomUUID()), 201);
    }

    @Test
    void twoColleaguesTalkInRealTime() throws Exception {
        var team = team("live");
        var a = signedIn(team, "ava", "fa", 900);
        var b = signedIn(team, "ben", "fa", 900);
        var room = openDirect(a.page, "مخاطبان", "Ben Bahrami");
        assertEquals(room, openDirect(b.page, "مخاطبان", "Ava Azadi"));
        assertThat(log(a.page)).hasAccessibleName("پیام‌ها");

        send(a.page, "پیام", "ارسال", "سلام بن، جلسه ساعت ۱۰ است");
        var hello = message(b.page, "سلام بن، جلسه ساعت ۱۰ است");
        assertThat(hello).hasCount(1);

        // Ben types: Ava sees it; Ben stops (by sending, below): it goes away
        b.page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("پیام").setExact(true))
                .pressSequentially("باشه، می‌آیم", new Locator.PressSequentiallyOptions().setDelay(30));
        assertThat(a.page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("در حال نوشتن")))
                .isVisible();

        // Ben reacts and replies to Ava's message
        hello.hover();
        hello.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("افزودن واکنش")).click();
        b.page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("شکلک"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("👍").setExact(true)).click();
        hello.hover();
        hello.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("پاسخ").setExact(true)).click();
        b.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ارسال").setExact(true)).click();

        var mine = message(a.page, "سلام بن، جلسه ساعت ۱۰ است").first();
        assertThat(mine.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("👍.*۱")))).isVisible();
        var reply = message(a.page, "باشه، می‌آیم");
        assertThat(reply).hasCount(1);
        assertThat(reply.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("رفتن به پیام")))).isVisible();
        assertThat(a.page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("در حال نوشتن")))
                .hasCount(0);

        // Ben has read it: Ava's message says so
        assertThat(mine.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("دیده‌شده توسط")))).isVisible();

        // Persian: right to left, Jalali dates in Persian digits, every time a <time datetime>
        assertThat(a.page.locator("html")).hasAttribute("dir", "rtl");
        assertJalali(a.page);
        a.screenshot("internal-chat");

        a.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("اطلاعات اتاق")).click();
        assertThat(a.page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("اطلاعات اتاق")))
                .isVisible();
        a.screenshot("room-info");
        a.page.keyboard().press("Escape");

        a.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("جستجوی پیام‌ها")).click();
        a.page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("جستجو").setExact(true)).fill("جلسه");
        a.page.keyboard().press("Enter");
        assertThat(a.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(Pattern.compile("باز کردن پیام در"))).first()).isVisible();
        a.screenshot("search");
        a.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("اتاق جدید")).click();
        assertThat(a.page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("اتاق جدید"))).isVisible();
        a.screenshot("new-room");
        assertEquals(List.of(), a.problems());
        assertEquals(List.of(), b.problems());
    }

    @Test
    void englishIsLeftToRightWithGregorianDatesAndSearchFindsMessages() throws Exception {
        var team = team("english");
        var room = call("POST", "/api/internal-chat/rooms?type=group", team.ava().token(),
                Map.of("title", "Quarterly review", "memberIds", List.of(team.ben().userId())), 201).path("id").asText();
        post(team.ben(), room, "The quarterly numbers are in the team drive");
        var a = signedIn(team, "ava", "en", 900);
        var page = a.page;
        assertThat(page.locator("html")).hasAttribute("dir", "ltr");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quarterly review")).click();
        assertThat(message(page, "quarterly numbers")).hasCount(1);
        var dates = page.locator("[role=log] time").allInnerTexts();
        var year = Instant.now().atZone(ZoneId.of("Asia/Tehran")).getYear();
        assertTrue(dates.stream().anyMatch(d -> d.contains(Integer.toString(year))), "a Gregorian date: " + dates);
        a.screenshot("internal-chat");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search messages")).click();
        page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search").setExact(true))
                .fill("numbers");
        page.keyboard().press("Enter");
        var hit = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(Pattern.compile("Open message in")));
        assertThat(hit.first()).isVisible();
        assertThat(hit.first().locator("mark")).containsText("numbers");
        a.screenshot("search");
        hit.first().click();
        assertThat(page).hasURL(Pattern.compile(".*/dashboard/internal-chat/" + room + ".*"));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New room")).click();
        assertThat(page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New room"))).isVisible();
        a.screenshot("new-room");
        page.keyboard().press("Escape");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Room info")).click();
        assertThat(page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("Room info"))).isVisible();
        a.screenshot("room-info");
        assertEquals(List.of(), a.problems());
    }

    @Test
    void olderHistoryLoadsByScrollingUp() throws Exception {
        var team = team("history");
        var room = call("POST", "/api/internal-chat/rooms?type=group", team.ava().token(),
                Map.of("title", "تاریخچه", "memberIds", List.of(team.ben().userId())), 201).path("id").asText();
        for (int i = 1; i <= 120; i++) {
            post(i % 2 == 0 ? team.ava() : team.ben(), room, "پیام قدیمی %03d".formatted(i));
        }
        var a = signedIn(team, "ava", "fa", 800);
        var page = a.page;
        page.navigate("/dashboard/internal-chat/" + room);
        assertThat(message(page, "پیام قدیمی 120")).hasCount(1);
        assertThat(message(page, "پیام قدیمی 001")).hasCount(0);
        log(page).hover();
        for (int i = 0; i < 60 && message(page, "پیام قدیمی 001").count() == 0; i++) {
            page.mouse().wheel(0, -3000);
            page.waitForTimeout(150);
        }
        assertThat(message(page, "پیام قدیمی 001")).hasCount(1);
        assertEquals(List.of(), a.problems());
    }

    @Test
    void anImageUploadsAndPreviewsAndHostileTextStaysText() throws Exception {
        var team = team("files");
        var a = signedIn(team, "ava", "fa", 900);
        var page = a.page;
        var dialogs = new ArrayList<String>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        openDirect(page, "مخاطبان", "Ben Bahrami");

        var png = Files.createTempFile("diagram-", ".png");
        var image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
        page.getByLabel("پیوست پرونده").setInputFiles(png);
        send(page, "پیام", "ارسال", "نمودار فروش");
        var withImage = message(page, "نمودار فروش");
        var preview = withImage.locator("img");
        assertThat(preview).isVisible();
        page.waitForCondition(() -> ((Number) preview.evaluate("img => img.naturalWidth")).intValue() == 64);

        var hostile = "<img src=x onerror=alert(1)> <script>alert(2)</script>";
        send(page, "پیام", "ارسال", hostile);
        assertThat(message(page, "<img src=x onerror=alert(1)>")).hasCount(1);
        assertThat(log(page).locator("img[src='x'], script")).hasCount(0);
        page.waitForTimeout(500);
        assertEquals(List.of(), dialogs, "nothing ran");
        assertEquals(List.of(), a.problems());
    }

    @Test
    void aSocketThatDiesLosesNothing() throws Exception {
        var team = team("offline");
        // tall enough that the virtualised list shows all twenty at once
        var b = BrowserSession.open("fa", 1280, 2400);
        var blocked = new AtomicBoolean(false);
        var live = new CopyOnWriteArrayList<WebSocketRoute>();
        b.context.routeWebSocket(Pattern.compile(".*/ws$"), socket -> {
            if (blocked.get()) {
                socket.close();
                return;
            }
            socket.connectToServer();
            live.add(socket);
        });
        b.logIn(team.slug(), "ben@" + team.slug() + ".test", PASSWORD);
        var room = openDirect(b.page, "مخاطبان", "Ava Azadi");
        post(team.ava(), room, "پیش از قطع");
        assertThat(message(b.page, "پیش از قطع")).hasCount(1);

        // the socket dies and the network with it; twenty messages come meanwhile
        blocked.set(true);
        b.context.setOffline(true);
        for (var socket : live) {
            socket.close();
        }
        for (int i = 1; i <= 20; i++) {
            post(team.ava(), room, "آفلاین-%02d".formatted(i));
        }
        b.page.waitForTimeout(1000);
        blocked.set(false);
        b.context.setOffline(false);

        assertThat(message(b.page, "آفلاین-20")).hasCount(1);
        var seen = log(b.page).getByRole(AriaRole.ARTICLE).allInnerTexts().stream()
                .map(text -> Pattern.compile("آفلاین-(\\d\\d)").matcher(text))
                .filter(java.util.regex.Matcher::find)
                .map(m -> Integer.parseInt(m.group(1)))
                .toList();
        assertEquals(IntStream.rangeClosed(1, 20).boxed().toList(), seen, "all twenty, once each, in order");

        // and the new socket delivers again
        post(team.ava(), room, "پس از وصل");
        assertThat(message(b.page, "پس از وصل")).hasCount(1);
    }

    @Test
    void aPhoneAndAKeyboardAreEnough() throws Exception {
        var team = team("phone");
        var room = call("POST", "/api/internal-chat/rooms?type=direct", team.ava().token(),
                Map.of("userId", team.ben().userId()), 201).path("id").asText();
        post(team.ben(), room, "از گوشی هم جواب بده");
        var a = BrowserSession.open("fa", 390, 844);
        var page = a.page;
        page.getByLabel("فضای کاری").focus();
        page.keyboard().type(team.slug());
        page.keyboard().press("Tab");
        page.keyboard().type("ava@" + team.slug() + ".test");
        page.keyboard().press("Tab");
        page.keyboard().type(PASSWORD);
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/dashboard/internal-chat(/.*)?$"));

        page.navigate("/dashboard/internal-chat/" + room);
        assertThat(message(page, "از گوشی هم جواب بده")).hasCount(1);
        var composer = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("پیام").setExact(true));
        assertThat(composer).isInViewport();
        // from the top of the page, Tab alone reaches the composer, and focus is visible on the way
        page.locator("body").focus();
        boolean reached = false;
        for (int i = 0; i < 60 && !reached; i++) {
            page.keyboard().press("Tab");
            var outline = (String) page.evaluate("() => { const e = document.activeElement; const s = getComputedStyle(e); "
                    + "return e === document.body ? 'body' : s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.boxShadow; }");
            assertTrue(outline.equals("body") || !outline.startsWith("none 0px none"), "focus is visible: " + outline);
            reached = (Boolean) composer.evaluate("e => e === document.activeElement");
        }
        assertTrue(reached, "Tab reaches the composer");
        page.keyboard().type("با صفحه‌کلید فرستادم");
        page.keyboard().press("Enter");
        assertThat(message(page, "با صفحه‌کلید فرستادم")).hasCount(1);
        a.screenshot("internal-chat-phone");
        assertEquals(List.of(), a.problems());
    }

    /** A date in the conversation is Jalali, in Persian digits, and matches its datetime's year. */
    private static void assertJalali(Page page) {
        var times = page.locator("[role=log] time");
        assertTrue(times.count() > 0, "times are <time> elements");
        for (int i = 0; i < times.count(); i++) {
            var time = times.nth(i);
            var iso = time.getAttribute("datetime");
            var instant = Instant.parse(iso);
            var matcher = JALALI_DATE.matcher(time.innerText());
            if (matcher.find()) {
                var jalaliYear = Integer.parseInt(matcher.group(2).chars()
                        .mapToObj(c -> String.valueOf(c - '۰')).reduce("", String::concat));
                var gregorianYear = instant.atZone(ZoneId.of("Asia/Tehran")).getYear();
                // the Solar Hijri year starts at the March equinox: 621 years behind after it, 622 before
                assertTrue(jalaliYear == gregorianYear - 621 || jalaliYear == gregorianYear - 622,
                        time.innerText() + " for " + iso);
                return;
            }
        }
        throw new AssertionError("no Jalali date among " + times.allInnerTexts());
    }
}
