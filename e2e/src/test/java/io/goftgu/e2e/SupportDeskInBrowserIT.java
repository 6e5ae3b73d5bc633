package io.goftgu.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.goftgu.testing.TestSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.goftgu.e2e.Gateway.PASSWORD;
import static io.goftgu.e2e.Gateway.call;
import static io.goftgu.e2e.Gateway.login;
import static io.goftgu.e2e.Gateway.newUser;
import static io.goftgu.e2e.Gateway.signUp;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The support desk as a CRM team runs it, in Chromium through the gateway of the real stack: an agent and a customer
 * work one ticket in real time (internal notes never reach the customer: not on the page, not in any WebSocket
 * frame), support records with every field in Persian, settings that give a new ticket its SLA due times, and what a
 * customer may not see or do. Controls are found by role and accessible name (docs/ui.md, web/README.md).
 */
@ExtendWith(ScreenshotOnFailure.class)
class SupportDeskInBrowserIT {

    private record Desk(String slug, Gateway.Session admin, Gateway.Session customer) {
    }

    private static Desk desk(String prefix) throws Exception {
        var slug = LoginInBrowserIT.workspace(prefix);
        signUp(slug, "Ava Azadi", "ava@" + slug + ".test");
        var admin = login(slug, "ava@" + slug + ".test");
        var customer = newUser(admin, slug, "Cyrus Karimi", "cyrus@" + slug + ".test", "USER");
        return new Desk(slug, admin, customer);
    }

    private static BrowserSession signedIn(Desk desk, String who, String language) throws Exception {
        var browser = BrowserSession.open(language, 1366, 900);
        return signIn(browser, desk, who);
    }

    private static BrowserSession signIn(BrowserSession browser, Desk desk, String who) {
        browser.logIn(desk.slug(), who + "@" + desk.slug() + ".test", PASSWORD);
        assertThat(browser.page).hasURL(Pattern.compile(".*/(dashboard|panel)/.*"));
        return browser;
    }

    private static Locator byRole(Page page, AriaRole role, String name) {
        return page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator article(Page page, String text) {
        return page.getByRole(AriaRole.LOG).getByRole(AriaRole.ARTICLE).filter(new Locator.FilterOptions().setHasText(text));
    }

    private static void send(Page page, String composer, String button, String text) {
        byRole(page, AriaRole.TEXTBOX, composer).fill(text);
        byRole(page, AriaRole.BUTTON, button).click();
    }

    /** Shows the same route in the other language and saves it too. */
    private static void screenshotBoth(BrowserSession browser, String name) {
        browser.screenshot(name);
        var other = browser.isPersian() ? "en" : "fa";
        var url = browser.page.url();
        browser.page.navigate(url + (url.contains("?") ? "&" : "?") + "lang=" + other);
        assertThat(browser.page.locator("html")).hasAttribute("lang", other);
        settle(browser.page);
        browser.screenshot(name);
        var back = other.equals("fa") ? "en" : "fa";
        var again = browser.page.url();
        browser.page.navigate(again + (again.contains("?") ? "&" : "?") + "lang=" + back);
        assertThat(browser.page.locator("html")).hasAttribute("lang", back);
    }

    /** Waits until the page has loaded its data: no request in flight, no "loading" status shown. */
    private static void settle(Page page) {
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        assertThat(page.locator("main")).isVisible();
        assertThat(page.locator("[role=status]").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("Loading|در حال بارگذاری")))).hasCount(0);
    }

    @Test
    void anAgentAndACustomerWorkOneTicket() throws Exception {
        var desk = desk("desk");
        var agent = signedIn(desk, "ava", "fa");
        var customer = BrowserSession.open("en", 1280, 900);
        var frames = new CopyOnWriteArrayList<String>();
        customer.page.onWebSocket(ws -> ws.onFrameReceived(frame -> frames.add(frame.text() == null ? "" : frame.text())));
        signIn(customer, desk, "cyrus");
        assertThat(customer.page).hasURL(Pattern.compile(".*/panel/support-chat$"));

        agent.page.navigate("/dashboard/support-chat");
        assertThat(byRole(agent.page, AriaRole.HEADING, "تیکت‌های پشتیبانی")).isVisible();

        // the customer opens a ticket in the panel
        byRole(customer.page, AriaRole.BUTTON, "New ticket").click();
        byRole(customer.page, AriaRole.TEXTBOX, "Subject").fill("Printer prints blank pages");
        byRole(customer.page, AriaRole.TEXTBOX, "Description").fill("Since Monday every page comes out blank.");
        byRole(customer.page, AriaRole.BUTTON, "Submit").click();
        assertThat(customer.page).hasURL(Pattern.compile(".*/panel/support-chat/[0-9a-f-]{36}$"));
        assertThat(customer.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName(Pattern.compile("Printer prints blank pages")))).isVisible();

        // it appears in the agent's list without a reload
        var link = agent.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Printer prints blank pages")));
        assertThat(link).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        agent.screenshot("support-list");
        link.click();
        assertThat(agent.page).hasURL(Pattern.compile(".*/dashboard/support-chat/[0-9a-f-]{36}$"));

        // assigns it to herself
        byRole(agent.page, AriaRole.COMBOBOX, "کارشناس").selectOption(new SelectOption().setLabel("Ava Azadi"));
        assertThat(byRole(agent.page, AriaRole.COMBOBOX, "کارشناس")).hasValue(desk.admin().userId());

        // a due date in the Jalali calendar: a month Farvardin 1410 does not have is refused and not sent
        var details = agent.page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("جزئیات تیکت"));
        var due = byRole(agent.page, AriaRole.TEXTBOX, "سررسید");
        due.fill("۱۴۱۰/۱۳/۰۱ ۰۹:۳۰");
        details.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("ذخیره").setExact(true)).click();
        assertThat(due).hasAttribute("aria-invalid", "true");
        assertThat(details.getByText("تاریخ و زمان معتبر نیست.")).isVisible();
        // typed with Latin digits, the day then picked in the calendar (Jalali, right to left); the time stays as typed
        due.fill("1410/1/15 9:30");
        byRole(agent.page, AriaRole.BUTTON, "تقویم: سررسید").click();
        var calendar = byRole(agent.page, AriaRole.DIALOG, "تقویم: سررسید");
        assertThat(calendar.getByRole(AriaRole.GRID)).hasAttribute("aria-label", Pattern.compile("فروردین ۱۴۱۰"));
        agent.screenshot("ticket-due-calendar");
        calendar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("(^|[^۰-۹])۲۰[^۰-۹].*فروردین"))).click();
        assertThat(calendar).hasCount(0);
        assertThat(due).hasValue("۱۴۱۰/۰۱/۲۰ ۰۹:۳۰");
        details.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("ذخیره").setExact(true)).click();
        // read back from the server: 20 Farvardin 1410, 09:30 in Tehran (the browser's zone) = 2031-04-09 06:00 UTC
        var saved = agent.page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("توافق سطح خدمت"))
                .locator("time[datetime^='2031-04-09T06:00']");
        assertThat(saved).containsText("فروردین ۱۴۱۰");
        assertThat(saved).containsText("۰۹:۳۰");
        assertThat(due).not().hasAttribute("aria-invalid", "true");

        // an internal note, typed slowly (staff-only typing), then a public reply
        var note = "Customer is on the old driver — SECRET-NOTE-42";
        byRole(agent.page, AriaRole.CHECKBOX, "یادداشت داخلی").check();
        byRole(agent.page, AriaRole.TEXTBOX, "پیام").pressSequentially(note, new Locator.PressSequentiallyOptions().setDelay(15));
        byRole(agent.page, AriaRole.BUTTON, "ارسال").click();
        assertThat(article(agent.page, note)).hasCount(1);
        assertThat(article(agent.page, note)).containsText("فقط کارکنان می‌بینند");
        byRole(agent.page, AriaRole.CHECKBOX, "یادداشت داخلی").uncheck();
        var reply = "Please install driver 4.2 and try again.";
        byRole(agent.page, AriaRole.TEXTBOX, "پیام").pressSequentially(reply, new Locator.PressSequentiallyOptions().setDelay(40));
        assertThat(customer.page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("typing"))).isVisible();
        byRole(agent.page, AriaRole.BUTTON, "ارسال").click();

        // the customer sees the reply, never the note
        assertThat(article(customer.page, reply)).hasCount(1);
        assertThat(customer.page.locator("body")).not().containsText("SECRET-NOTE-42");
        assertThat(customer.page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Internal note"))).hasCount(0);
        customer.screenshot("panel-ticket");
        agent.screenshot("support-ticket");

        // the customer answers; the agent resolves
        send(customer.page, "Message", "Send", "Thanks, that fixed it!");
        assertThat(article(agent.page, "Thanks, that fixed it!")).hasCount(1);
        byRole(agent.page, AriaRole.COMBOBOX, "وضعیت").selectOption("RESOLVED");
        assertThat(byRole(agent.page, AriaRole.COMBOBOX, "وضعیت")).hasValue("RESOLVED");

        // the customer is offered the rating and rates
        assertThat(byRole(customer.page, AriaRole.HEADING, "How did we do?")).isVisible();
        customer.page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("5 stars of 5")).check();
        customer.page.getByLabel("Comment (optional)").fill("Quick and kind.");
        byRole(customer.page, AriaRole.BUTTON, "Send rating").click();
        assertThat(byRole(customer.page, AriaRole.HEADING, "Your rating")).isVisible();
        screenshotBoth(customer, "panel-rated");

        // the agent sees the rating
        assertThat(byRole(agent.page, AriaRole.HEADING, "امتیاز مشتری")).isVisible();
        assertThat(agent.page.getByText("Quick and kind.")).isVisible();
        agent.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("تاریخچه")).click();
        assertThat(agent.page.locator(".timeline li").first()).isVisible();
        screenshotBoth(agent, "support-ticket-resolved");
        // resolved tickets become support records (workspace setting on by default) that link back to the ticket
        var ticketUrl = agent.page.url().replaceAll("\\?.*$", "");
        agent.page.navigate("/dashboard/support-info");
        var record = agent.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Printer prints blank pages")));
        assertThat(record).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        record.click();
        byRole(agent.page, AriaRole.LINK, "باز کردن تیکت").click();
        assertThat(agent.page).hasURL(ticketUrl);

        // not one frame the customer's page received carried the note or its typing
        assertFalse(frames.isEmpty(), "the customer's page had a socket");
        for (var frame : frames) {
            assertFalse(frame.contains("SECRET-NOTE-42"), frame);
            assertFalse(frame.contains("\"internal\":true"), frame);
        }
        assertTrue(customer.problems().isEmpty(), customer.problems().toString());
        assertTrue(agent.problems().isEmpty(), agent.problems().toString());
    }

    @Test
    void supportRecordsInPersian() throws Exception {
        var desk = desk("info");
        var team = call("POST", "/api/workspace/teams", desk.admin().token(),
                Map.of("name", "تیم فروش", "memberIds", List.of(desk.admin().userId())), 201);
        call("POST", "/api/support-info/categories", desk.admin().token(), Map.of("name", "سخت‌افزار"), 201);
        call("POST", "/api/support-info/labels", desk.admin().token(), Map.of("name", "فوری", "color", "#d32f2f"), 201);
        awaitDirectory(desk, team.path("id").asText());
        var agent = signedIn(desk, "ava", "fa");
        agent.page.navigate("/dashboard/support-info");
        byRole(agent.page, AriaRole.LINK, "سابقهٔ جدید").click();

        // bad input first: nothing filled in
        byRole(agent.page, AriaRole.BUTTON, "ثبت").click();
        assertThat(agent.page.getByLabel("عنوان", new Page.GetByLabelOptions().setExact(true))).hasAttribute("aria-invalid", "true");
        assertThat(agent.page.getByText("این فیلد لازم است.").first()).isVisible();

        var page = agent.page;
        page.getByLabel("عنوان", new Page.GetByLabelOptions().setExact(true)).fill("تماس دربارهٔ چاپگر لیزری");
        page.getByLabel("توضیحات", new Page.GetByLabelOptions().setExact(true)).fill("مشتری گفت کاغذ گیر می‌کند؛ قطعهٔ غلتک سفارش شد.");
        page.getByLabel("منبع", new Page.GetByLabelOptions().setExact(true)).selectOption("INBOUND_CALL");
        page.getByLabel("نوع", new Page.GetByLabelOptions().setExact(true)).selectOption("COMPLAINT");
        page.getByLabel("اولویت", new Page.GetByLabelOptions().setExact(true)).selectOption("HIGH");
        page.getByLabel("وضعیت", new Page.GetByLabelOptions().setExact(true)).selectOption("OPEN");
        // in the Jalali calendar (29 and 27 Aban 1405 = 20 and 18 November 2026), Latin or Persian digits
        page.getByLabel("زمان تماس", new Page.GetByLabelOptions().setExact(true)).fill("1405/08/29 10:30");
        page.getByLabel("زمان سررسید", new Page.GetByLabelOptions().setExact(true)).fill("۱۴۰۵/۰۸/۲۷ ۱۰:۳۰");
        page.getByLabel("مشتری", new Page.GetByLabelOptions().setExact(true)).selectOption(desk.customer().userId());
        page.getByLabel("کارشناس", new Page.GetByLabelOptions().setExact(true)).selectOption(desk.admin().userId());
        page.getByLabel("تیم", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("تیم فروش"));
        page.getByLabel("دسته", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("سخت‌افزار"));
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("فوری")).check();
        byRole(page, AriaRole.CHECKBOX, "برای مشتری نمایان باشد").check();
        byRole(page, AriaRole.BUTTON, "افزودن پیوند CRM").click();
        page.getByLabel("شناسهٔ CRM", new Page.GetByLabelOptions().setExact(true)).fill("INV-2041");
        page.getByLabel("عنوان پیوند", new Page.GetByLabelOptions().setExact(true)).fill("فاکتور ۲۰۴۱");
        // the due time before the contact time is refused on the client
        byRole(page, AriaRole.BUTTON, "ثبت").click();
        assertThat(page.getByText("زمان سررسید نمی‌تواند پیش از زمان تماس باشد.")).isVisible();
        page.getByLabel("زمان سررسید", new Page.GetByLabelOptions().setExact(true)).fill("۱۴۰۵/۰۹/۰۴ ۱۶:۰۰");
        assertThat(page.locator(".field").filter(new Locator.FilterOptions().setHasText("زمان سررسید")).locator("time"))
                .containsText("آذر");
        // the corrected field no longer shows the error
        assertThat(page.getByText("زمان سررسید نمی‌تواند پیش از زمان تماس باشد.")).isHidden();
        agent.screenshot("support-info-form");
        byRole(page, AriaRole.BUTTON, "ثبت").click();

        assertThat(page).hasURL(Pattern.compile(".*/dashboard/support-info/[0-9a-f-]{36}$"));
        assertThat(byRole(page, AriaRole.HEADING, "تماس دربارهٔ چاپگر لیزری")).isVisible();
        assertThat(page.locator("main")).containsText("آبان ۱۴۰۵");
        assertThat(page.locator("main")).containsText("فاکتور ۲۰۴۱");
        assertThat(page.locator("main")).containsText("تیم فروش");
        screenshotBoth(agent, "support-info-record");

        // found by filter, and not by another
        page.navigate("/dashboard/support-info");
        var row = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("تماس دربارهٔ چاپگر لیزری"));
        page.getByLabel("منبع", new Page.GetByLabelOptions().setExact(true)).selectOption("OUTBOUND_CALL");
        assertThat(row).hasCount(0);
        page.getByLabel("منبع", new Page.GetByLabelOptions().setExact(true)).selectOption("INBOUND_CALL");
        assertThat(row).isVisible();
        page.getByLabel("برچسب", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("فوری"));
        assertThat(row).isVisible();
        // the contact-day filters are Jalali too: the contact was on 29 Aban 1405 (20 November 2026)
        var from = page.getByLabel("تماس از", new Page.GetByLabelOptions().setExact(true));
        from.fill("۱۴۰۵/۰۸/۳۰");
        assertThat(page).hasURL(Pattern.compile(".*[?&]from=2026-11-21(&|$).*"));
        assertThat(row).hasCount(0);
        from.fill("۱۴۰۵/۰۸/۲");
        assertThat(from).hasAttribute("aria-invalid", "false");
        assertThat(row).isVisible();
        from.fill("۱۴۰۵/۰۸/");
        assertThat(from).hasAttribute("aria-invalid", "true");
        // the calendar opens on Aban 1405 when a day is typed, and a picked day becomes the filter
        from.fill("1405/8/30");
        byRole(page, AriaRole.BUTTON, "تقویم: تماس از").click();
        var month = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("تقویم: تماس از"));
        assertThat(month.getByRole(AriaRole.GRID)).hasAttribute("aria-label", Pattern.compile("آبان ۱۴۰۵"));
        month.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("(^|[^۰-۹])۲۹[^۰-۹].*آبان"))).click();
        assertThat(from).hasValue("۱۴۰۵/۰۸/۲۹");
        assertThat(page).hasURL(Pattern.compile(".*[?&]from=2026-11-20(&|$).*"));
        assertThat(row).isVisible();
        // switched to English, the same filter shows the Gregorian day, and back
        page.getByLabel("زبان").selectOption("en");
        assertThat(page.getByLabel("Contact from", new Page.GetByLabelOptions().setExact(true))).hasValue("2026-11-20");
        page.getByLabel("Language").selectOption("fa");
        assertThat(from).hasValue("۱۴۰۵/۰۸/۲۹");
        byRole(page, AriaRole.BUTTON, "پاک کردن پالایه‌ها").click();
        assertThat(from).hasValue("");

        // and by text search (a word of the description), submitted with Enter
        var search = page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("جستجو"));
        search.fill("غلتک");
        search.press("Enter");
        assertThat(row).isVisible();
        search.fill("ناموجود");
        search.press("Enter");
        assertThat(row).hasCount(0);
        assertThat(page.getByText("سابقه‌ای پیدا نشد.")).isVisible();
        search.fill("غلتک");
        search.press("Enter");
        screenshotBoth(agent, "support-info-list");

        // the customer sees it in the panel (visible to them), without staff-only fields
        var customer = signedIn(desk, "cyrus", "fa");
        assertThat(customer.page.getByText("تماس دربارهٔ چاپگر لیزری")).isVisible();
        assertThat(customer.page.locator("body")).not().containsText("فاکتور ۲۰۴۱");
        assertThat(customer.page.locator("body")).not().containsText("تیم فروش");
        assertTrue(agent.problems().isEmpty(), agent.problems().toString());
    }

    /** The support-info service learns users and teams from identity events: wait until it knows the team. */
    private static void awaitDirectory(Desk desk, String teamId) throws Exception {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var r = Gateway.send("POST", "/api/support-info", desk.admin().token(), Map.of("title", "probe", "source",
                    "INBOUND_CALL", "type", "QUESTION", "teamId", teamId, "customerId", desk.customer().userId(),
                    "assigneeId", desk.admin().userId()));
            if (r.statusCode() == 201) {
                var id = EventJsonHolder.id(r.body());
                call("DELETE", "/api/support-info/" + id, desk.admin().token(), null, 204);
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("support-info never learned the team and users");
    }

    @Test
    void settingsGiveANewTicketItsSla() throws Exception {
        var desk = desk("sla");
        var admin = signedIn(desk, "ava", "en");
        admin.page.navigate("/dashboard/settings");
        byRole(admin.page, AriaRole.BUTTON, "Ticket categories").click();
        admin.page.getByLabel("Category name", new Page.GetByLabelOptions().setExact(true)).fill("Printers");
        byRole(admin.page, AriaRole.BUTTON, "Create").click();
        assertThat(byRole(admin.page, AriaRole.BUTTON, "Edit Printers")).isVisible();
        screenshotBoth(admin, "settings-categories");

        byRole(admin.page, AriaRole.BUTTON, "SLA policies").click();
        // bad input: nothing but a name of spaces
        admin.page.getByLabel("Policy name", new Page.GetByLabelOptions().setExact(true)).fill(" ");
        byRole(admin.page, AriaRole.BUTTON, "Create").click();
        assertThat(admin.page.getByText("This field is required.")).isVisible();
        assertThat(admin.page.getByLabel("First response (minutes)")).hasAttribute("aria-invalid", "true");
        admin.page.getByLabel("Policy name", new Page.GetByLabelOptions().setExact(true)).fill("High, fast");
        admin.page.getByLabel("Priority", new Page.GetByLabelOptions().setExact(true)).selectOption("HIGH");
        admin.page.getByLabel("First response (minutes)").fill("30");
        admin.page.getByLabel("Resolution (minutes)").fill("480");
        byRole(admin.page, AriaRole.BUTTON, "Create").click();
        assertThat(byRole(admin.page, AriaRole.CELL, "High, fast")).isVisible();
        // the server's answer for a second policy of the same priority shows too
        admin.page.getByLabel("Policy name", new Page.GetByLabelOptions().setExact(true)).fill("Duplicate");
        admin.page.getByLabel("Priority", new Page.GetByLabelOptions().setExact(true)).selectOption("HIGH");
        admin.page.getByLabel("First response (minutes)").fill("10");
        admin.page.getByLabel("Resolution (minutes)").fill("100");
        byRole(admin.page, AriaRole.BUTTON, "Create").click();
        assertThat(admin.page.getByRole(AriaRole.ALERT).or(admin.page.locator(".field-error")).first()).isVisible();
        screenshotBoth(admin, "settings-sla");

        admin.page.navigate("/dashboard/support-chat?view=queue");
        assertThat(byRole(admin.page, AriaRole.HEADING, "Queue: waiting for assignment")).isVisible();
        screenshotBoth(admin, "support-queue");

        // a new HIGH ticket in that category gets its due times
        var categories = call("GET", "/api/support-chat/categories", desk.admin().token(), null, 200);
        String categoryId = null;
        for (JsonNode c : categories) {
            if ("Printers".equals(c.path("name").asText())) {
                categoryId = c.path("id").asText();
            }
        }
        var ticket = call("POST", "/api/support-chat", desk.customer().token(),
                Map.of("subject", "Toner low", "priority", "HIGH", "categoryId", categoryId), 201);
        assertFalse(ticket.path("firstResponseDueAt").isNull(), ticket.toString());
        assertFalse(ticket.path("resolutionDueAt").isNull(), ticket.toString());
        admin.page.navigate("/dashboard/support-chat/" + ticket.path("id").asText());
        var sla = admin.page.locator("section").filter(new Locator.FilterOptions().setHas(
                byRole(admin.page, AriaRole.HEADING, "SLA")));
        assertThat(sla.locator("time[datetime]").first()).isVisible();
        assertThat(sla).containsText("first response");
        assertThat(admin.page.getByLabel("Category", new Page.GetByLabelOptions().setExact(true))).hasValue(categoryId);
        screenshotBoth(admin, "support-ticket-sla");
        // the due date field in English: the Gregorian calendar, left to right; Escape closes it
        byRole(admin.page, AriaRole.TEXTBOX, "Due date").fill("2031-04-09 09:30");
        byRole(admin.page, AriaRole.BUTTON, "Calendar: Due date").click();
        var calendar = byRole(admin.page, AriaRole.DIALOG, "Calendar: Due date");
        assertThat(calendar.getByRole(AriaRole.GRID)).hasAttribute("aria-label", Pattern.compile("April 2031"));
        admin.screenshot("ticket-due-calendar");
        admin.page.keyboard().press("Escape");
        assertThat(calendar).hasCount(0);
        var ticketPath = "/dashboard/support-chat/" + ticket.path("id").asText();

        // a canned response made in settings is inserted by its /shortcut
        admin.page.navigate("/dashboard/settings?section=canned");
        admin.page.getByLabel("Shortcut", new Page.GetByLabelOptions().setExact(true)).fill("bad code!");
        admin.page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("Thank you");
        admin.page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill("Thank you for your patience.");
        byRole(admin.page, AriaRole.BUTTON, "Create").click();
        assertThat(admin.page.getByText("1 to 50 letters, digits, - or _.")).isVisible();
        admin.page.getByLabel("Shortcut", new Page.GetByLabelOptions().setExact(true)).fill("thanks");
        byRole(admin.page, AriaRole.BUTTON, "Create").click();
        assertThat(byRole(admin.page, AriaRole.BUTTON, "Edit thanks")).isVisible();
        admin.page.navigate(ticketPath);
        var composer = byRole(admin.page, AriaRole.TEXTBOX, "Message");
        composer.pressSequentially("/than");
        assertThat(admin.page.getByRole(AriaRole.LISTBOX, new Page.GetByRoleOptions().setName("Canned responses"))
                .getByRole(AriaRole.OPTION)).hasCount(1);
        composer.press("Enter");
        assertThat(composer).hasValue("Thank you for your patience.");

        // with a file attached
        var file = java.nio.file.Files.createTempFile("toner-", ".txt");
        java.nio.file.Files.writeString(file, "toner order 2026-12\n");
        admin.page.getByLabel("Attach files").setInputFiles(file);
        assertThat(byRole(admin.page, AriaRole.BUTTON, "Remove " + file.getFileName())).isVisible();
        assertThat(admin.page.locator("progress")).hasCount(0);
        byRole(admin.page, AriaRole.BUTTON, "Send").click();
        var sent = article(admin.page, "Thank you for your patience.");
        assertThat(sent).hasCount(1);
        assertThat(sent.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(
                file.getFileName().toString()))).isVisible();
        // the sender corrects it in place
        sent.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit").setExact(true)).click();
        admin.page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Edit message")).fill("Thank you for your patience, Cyrus.");
        admin.page.getByRole(AriaRole.LOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save").setExact(true)).click();
        assertThat(article(admin.page, "Thank you for your patience, Cyrus.")).containsText("(edited)");

        // a guest's ticket shows where the visitor came from
        var started = call("POST", "/api/support-chat/public/" + desk.slug() + "/start", null, Map.of(
                "subject", "Do you ship to Shiraz?", "message", "Hello!", "name", "Visitor Vida",
                "email", "vida@visitor.test", "referrer", "https://search.example/?q=toner",
                "utm", Map.of("source", "newsletter", "campaign", "winter")), 201);
        admin.page.navigate("/dashboard/support-chat/" + started.path("ticket").path("id").asText());
        assertThat(byRole(admin.page, AriaRole.HEADING, "Guest visitor")).isVisible();
        var guest = admin.page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("Ticket details"));
        assertThat(guest).containsText("https://search.example/?q=toner");
        assertThat(guest).containsText("newsletter");
        assertThat(guest).containsText("Visits");
        screenshotBoth(admin, "support-ticket-guest");

        // the visitor turns abusive: the agent blocks them, and their open chat stops at once
        var ticketId = started.path("ticket").path("id").asText();
        var guestToken = started.path("guestToken").asText();
        try (var visitor = TestSocket.connect(URI.create(LocalStack.shared().ws()), guestToken)) {
            visitor.send("{\"type\":\"ping\"}");
            visitor.awaitType("pong", Duration.ofSeconds(10));
            var asked = new CopyOnWriteArrayList<String>();
            admin.page.onceDialog(dialog -> {
                asked.add(dialog.message());
                dialog.accept();
            });
            byRole(admin.page, AriaRole.BUTTON, "Block visitor").click();
            assertThat(guest.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("This visitor is blocked")))
                    .isVisible();
            assertTrue(asked.getFirst().startsWith("Block this visitor?"), asked.toString());
            assertTrue(visitor.closed().get(20, java.util.concurrent.TimeUnit.SECONDS) == 1008);
        }
        call("GET", "/api/support-chat/" + ticketId, guestToken, null, 401);
        call("POST", "/api/support-chat/public/" + desk.slug() + "/start", guestToken,
                Map.of("subject", "Again", "message", "Let me in"), 403);
        screenshotBoth(admin, "support-ticket-guest-blocked");
        byRole(admin.page, AriaRole.BUTTON, "Unblock visitor").click();
        assertThat(byRole(admin.page, AriaRole.BUTTON, "Block visitor")).isVisible();
        call("GET", "/api/support-chat/" + ticketId, guestToken, null, 200);
        assertTrue(admin.problems().isEmpty(), admin.problems().toString());
    }

    @Test
    void aCustomerSeesNoStaffControlsAndIsSentHomeFromTheDashboard() throws Exception {
        var desk = desk("deny");
        var customer = signedIn(desk, "cyrus", "en");
        for (var route : List.of("/dashboard/support-chat", "/dashboard/support-info", "/dashboard/settings")) {
            customer.page.navigate(route);
            assertThat(customer.page).hasURL(Pattern.compile(".*/panel/support-chat$"));
        }
        assertThat(customer.page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))).hasCount(0);

        // bad input on the new-ticket form: the field says what is wrong
        byRole(customer.page, AriaRole.BUTTON, "New ticket").click();
        byRole(customer.page, AriaRole.BUTTON, "Submit").click();
        assertThat(byRole(customer.page, AriaRole.TEXTBOX, "Subject")).hasAttribute("aria-invalid", "true");
        assertThat(customer.page.getByText("This field is required.")).isVisible();
        screenshotBoth(customer, "panel-new-ticket-errors");
        byRole(customer.page, AriaRole.BUTTON, "New ticket").click();
        byRole(customer.page, AriaRole.TEXTBOX, "Subject").fill("Where is my invoice?");
        byRole(customer.page, AriaRole.BUTTON, "Submit").click();
        assertThat(customer.page).hasURL(Pattern.compile(".*/panel/support-chat/[0-9a-f-]{36}$"));

        // staff-only controls are absent
        assertThat(customer.page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Internal note"))).hasCount(0);
        assertThat(customer.page.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName("Internal note"))).hasCount(0);
        assertThat(customer.page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Assignee"))).hasCount(0);
        assertThat(customer.page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Status"))).hasCount(0);
        assertThat(customer.page.locator("body")).not().containsText("SLA");
        // the customer closes and reopens their own ticket
        byRole(customer.page, AriaRole.BUTTON, "Close ticket").click();
        assertThat(byRole(customer.page, AriaRole.BUTTON, "Reopen ticket")).isVisible();
        byRole(customer.page, AriaRole.BUTTON, "Reopen ticket").click();
        assertThat(byRole(customer.page, AriaRole.BUTTON, "Close ticket")).isVisible();
        screenshotBoth(customer, "panel-ticket-open");

        // at phone width the ticket is still usable: the composer and the close button are on screen
        var phone = BrowserSession.open("fa", 390, 844);
        signIn(phone, desk, "cyrus");
        phone.page.navigate(customer.page.url());
        assertThat(byRole(phone.page, AriaRole.TEXTBOX, "پیام")).isVisible();
        assertThat(byRole(phone.page, AriaRole.BUTTON, "بستن تیکت")).isInViewport();
        phone.screenshot("panel-ticket-phone");
        phone.page.navigate("/panel/support-chat");
        settle(phone.page);
        phone.screenshot("panel-list-phone");

        // a staff member on /panel is sent to the dashboard
        var agent = signedIn(desk, "ava", "en");
        agent.page.navigate("/panel/support-chat");
        assertThat(agent.page).hasURL(Pattern.compile(".*/dashboard/internal-chat$"));
    }

    /** The id of a JSON object answer. */
    private static final class EventJsonHolder {
        static String id(String body) throws Exception {
            return io.goftgu.events.EventJson.MAPPER.readTree(body).path("id").asText();
        }
    }
}
