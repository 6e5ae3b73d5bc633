package io.goftgu.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.goftgu.e2e.Gateway.PASSWORD;
import static io.goftgu.e2e.Gateway.login;
import static io.goftgu.e2e.Gateway.newUser;
import static io.goftgu.e2e.Gateway.signUp;

/**
 * Two agents on one ticket, in Chromium through the gateway of the real stack (docs/subsystems/collision-detection.md):
 * each sees that the other is viewing, then replying or writing a note; an agent who sends a reply after the other
 * replied meanwhile is asked first, in a dialog, and may send anyway. Ava works in Persian, Sara in English; controls
 * are found by role and accessible name (docs/ui.md).
 */
@ExtendWith(ScreenshotOnFailure.class)
class TicketCollisionInBrowserIT {

    private static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(20_000);

    private static Locator byRole(Page page, AriaRole role, String name) {
        return page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator viewers(Page page, String name, String text) {
        return byRole(page, AriaRole.LIST, name).getByRole(AriaRole.LISTITEM)
                .filter(new Locator.FilterOptions().setHasText(text));
    }

    private static Locator article(Page page, String text) {
        return page.getByRole(AriaRole.LOG).getByRole(AriaRole.ARTICLE).filter(new Locator.FilterOptions().setHasText(text));
    }

    /** The customer opens a ticket, once support chat has learnt of them from identity events. */
    private static String openTicket(Gateway.Session customer, Map<String, Object> body) throws Exception {
        var deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (true) {
            var answer = Gateway.send("POST", "/api/support-chat", customer.token(), body);
            if (answer.statusCode() == 201) {
                return io.goftgu.events.EventJson.MAPPER.readTree(answer.body()).path("id").asText();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no ticket: " + answer.statusCode() + " " + answer.body());
            }
            Thread.sleep(200);
        }
    }

    @Test
    void twoAgentsOnOneTicketSeeEachOtherAndAreAskedBeforeReplyingOverEachOther() throws Exception {
        var slug = LoginInBrowserIT.workspace("collide");
        signUp(slug, "Ava Azadi", "ava@" + slug + ".test");
        var admin = login(slug, "ava@" + slug + ".test");
        newUser(admin, slug, "Sara Sadeghi", "sara@" + slug + ".test", "ADMIN");
        var customer = newUser(admin, slug, "Cyrus Karimi", "cyrus@" + slug + ".test", "USER");
        var ticketId = openTicket(customer, Map.of("subject", "Invoice total is wrong",
                "description", "It counts the discount twice."));

        var ava = BrowserSession.open("fa", 1366, 900);
        ava.logIn(slug, "ava@" + slug + ".test", PASSWORD);
        assertThat(ava.page).hasURL(Pattern.compile(".*/dashboard/.*"));
        var sara = BrowserSession.open("en", 1366, 900);
        sara.logIn(slug, "sara@" + slug + ".test", PASSWORD);
        assertThat(sara.page).hasURL(Pattern.compile(".*/dashboard/.*"));

        ava.page.navigate("/dashboard/support-chat/" + ticketId);
        sara.page.navigate("/dashboard/support-chat/" + ticketId);
        assertThat(viewers(ava.page, "همکاران روی این تیکت", "Sara Sadeghi در حال مشاهده است")).isVisible(SOON);
        assertThat(viewers(sara.page, "Also on this ticket", "Ava Azadi is viewing")).isVisible(SOON);

        // Sara writes a note, then a reply: Ava sees which
        byRole(sara.page, AriaRole.CHECKBOX, "Internal note").check();
        byRole(sara.page, AriaRole.TEXTBOX, "Message").pressSequentially("checking the discount rules",
                new Locator.PressSequentiallyOptions().setDelay(20));
        assertThat(viewers(ava.page, "همکاران روی این تیکت", "Sara Sadeghi در حال نوشتن یادداشت است")).isVisible(SOON);
        byRole(sara.page, AriaRole.TEXTBOX, "Message").fill("");
        byRole(sara.page, AriaRole.CHECKBOX, "Internal note").uncheck();

        // Ava starts a reply; meanwhile Sara replies
        var avaReply = "Ava: we will send a corrected invoice " + UUID.randomUUID().toString().substring(0, 6);
        byRole(ava.page, AriaRole.TEXTBOX, "پیام").pressSequentially("Ava: we will",
                new Locator.PressSequentiallyOptions().setDelay(20));
        var saraReply = "Sara: the corrected invoice is attached";
        byRole(sara.page, AriaRole.TEXTBOX, "Message").pressSequentially("Sara: ", new Locator.PressSequentiallyOptions().setDelay(20));
        assertThat(viewers(ava.page, "همکاران روی این تیکت", "Sara Sadeghi در حال پاسخ دادن است")).isVisible(SOON);
        assertThat(viewers(sara.page, "Also on this ticket", "Ava Azadi is replying")).isVisible(SOON);
        byRole(sara.page, AriaRole.TEXTBOX, "Message").fill(saraReply);
        byRole(sara.page, AriaRole.BUTTON, "Send").click();
        assertThat(article(sara.page, saraReply)).hasCount(1);

        // Ava sends: asked first, with Sara's reply now on her page; she sends anyway
        byRole(ava.page, AriaRole.TEXTBOX, "پیام").fill(avaReply);
        byRole(ava.page, AriaRole.BUTTON, "ارسال").click();
        var dialog = byRole(ava.page, AriaRole.ALERTDIALOG, "همکار دیگری پاسخ داد");
        assertThat(dialog).isVisible(SOON);
        assertThat(dialog).containsText("Sara Sadeghi");
        assertThat(article(ava.page, saraReply)).hasCount(1);
        assertThat(article(ava.page, avaReply)).hasCount(0);
        ava.screenshot("ticket-collision");
        byRole(ava.page, AriaRole.BUTTON, "باز هم بفرست").click();
        assertThat(dialog).hasCount(0);
        assertThat(article(ava.page, avaReply)).hasCount(1);
        assertThat(article(sara.page, avaReply)).hasCount(1);

        // Sara leaves the ticket: Ava no longer sees her
        sara.page.navigate("/dashboard/support-chat");
        assertThat(viewers(ava.page, "همکاران روی این تیکت", "Sara Sadeghi")).hasCount(0,
                new LocatorAssertions.HasCountOptions().setTimeout(20_000));
    }
}
