package io.goftgu.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.goftgu.e2e.Gateway.PASSWORD;
import static io.goftgu.e2e.Gateway.call;
import static io.goftgu.e2e.Gateway.login;
import static io.goftgu.e2e.Gateway.newUser;
import static io.goftgu.e2e.Gateway.signUp;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Merging a duplicate ticket from the dashboard, through the gateway of the real stack: the agent (in Persian) merges
 * the customer's second ticket into the first; the duplicate's message shows in the first ticket's conversation, and
 * the customer, looking at the duplicate in the panel (in English), is told at once where it went and follows the link.
 * A ticket of another customer, merged by force, is listed on the agent's page at once, and its customer is told it
 * was merged without learning into which ticket.
 * Controls are found by role and accessible name (docs/ui.md).
 */
@ExtendWith(ScreenshotOnFailure.class)
class MergeInBrowserIT {

    private static Locator byRole(Page page, AriaRole role, String name) {
        return page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator article(Page page, String text) {
        return page.getByRole(AriaRole.LOG).getByRole(AriaRole.ARTICLE).filter(new Locator.FilterOptions().setHasText(text));
    }

    @Test
    void anAgentMergesADuplicateAndTheCustomerFollowsIt() throws Exception {
        var slug = LoginInBrowserIT.workspace("merge");
        signUp(slug, "Ava Azadi", "ava@" + slug + ".test");
        var admin = login(slug, "ava@" + slug + ".test");
        var customer = newUser(admin, slug, "Cyrus Karimi", "cyrus@" + slug + ".test", "USER");
        var first = call("POST", "/api/support-chat", customer.token(), Map.of("subject", "Printer jams"), 201);
        call("POST", "/api/support-chat/" + first.path("id").asText() + "/messages", customer.token(),
                Map.of("body", "It jams on page two", "clientMessageId", UUID.randomUUID()), 201);
        var duplicate = call("POST", "/api/support-chat", customer.token(), Map.of("subject", "Printer jams again"), 201);
        call("POST", "/api/support-chat/" + duplicate.path("id").asText() + "/messages", customer.token(),
                Map.of("body", "Still jamming today", "clientMessageId", UUID.randomUUID()), 201);
        var firstNumber = first.path("number").asText();
        var duplicateNumber = duplicate.path("number").asText();

        var cyrus = BrowserSession.open("en", 1280, 900);
        cyrus.logIn(slug, "cyrus@" + slug + ".test", PASSWORD);
        assertThat(cyrus.page).hasURL(Pattern.compile(".*/panel/.*"));
        cyrus.page.navigate("/panel/support-chat/" + duplicate.path("id").asText());
        assertThat(article(cyrus.page, "Still jamming today")).hasCount(1);

        var ava = BrowserSession.open("fa", 1366, 900);
        ava.logIn(slug, "ava@" + slug + ".test", PASSWORD);
        assertThat(ava.page).hasURL(Pattern.compile(".*/dashboard/.*"));
        ava.page.navigate("/dashboard/support-chat/" + first.path("id").asText());
        assertThat(article(ava.page, "It jams on page two")).hasCount(1);
        byRole(ava.page, AriaRole.BUTTON, "ادغام").click();
        var dialog = ava.page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("ادغام تیکت‌ها در " + firstNumber));
        assertThat(dialog).isVisible();
        dialog.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName(Pattern.compile(duplicateNumber))).check();
        ava.screenshot("merge-dialog");
        byRole(ava.page, AriaRole.BUTTON, "ادغام تیکت‌های انتخاب‌شده").click();
        assertThat(dialog).hasCount(0);

        // the duplicate's words now read in the first ticket's conversation, marked where they came from
        assertThat(article(ava.page, "Still jamming today")).hasCount(1);
        assertThat(article(ava.page, "Still jamming today")).containsText(duplicateNumber);
        assertThat(ava.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(duplicateNumber))).isVisible();
        ava.screenshot("merge-target");

        // the customer, still on the duplicate, is told without a reload, and follows the link
        var banner = cyrus.page.getByRole(AriaRole.NOTE).filter(new Locator.FilterOptions().setHasText("was merged into"));
        assertThat(banner).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        assertThat(byRole(cyrus.page, AriaRole.BUTTON, "Reopen ticket")).hasCount(0);
        cyrus.screenshot("merge-banner");
        byRole(cyrus.page, AriaRole.LINK, "Go to " + firstNumber).click();
        assertThat(cyrus.page).hasURL(Pattern.compile(".*/panel/support-chat/" + first.path("id").asText() + "$"));
        assertThat(article(cyrus.page, "It jams on page two")).hasCount(1);
        assertThat(article(cyrus.page, "Still jamming today")).hasCount(1);

        // another customer's ticket, merged by an agent who confirmed it: the agent's page lists it at once; its
        // customer is told the ticket was merged, but not into which ticket (it is Cyrus's)
        var dana = newUser(admin, slug, "Dana Rahimi", "dana@" + slug + ".test", "USER");
        var other = call("POST", "/api/support-chat", dana.token(), Map.of("subject", "Scanner jams"), 201);
        var otherId = other.path("id").asText();
        var danaPage = BrowserSession.open("en", 1280, 900);
        danaPage.logIn(slug, "dana@" + slug + ".test", PASSWORD);
        assertThat(danaPage.page).hasURL(Pattern.compile(".*/panel/.*"));
        danaPage.page.navigate("/panel/support-chat/" + otherId);
        assertThat(danaPage.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Scanner jams"))).isVisible();
        call("POST", "/api/support-chat/" + first.path("id").asText() + "/merge", admin.token(),
                Map.of("ticketIds", List.of(otherId), "force", true), 200);
        assertThat(ava.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(other.path("number").asText())))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        var elsewhere = danaPage.page.getByRole(AriaRole.NOTE).filter(new Locator.FilterOptions().setHasText("was merged into"));
        assertThat(elsewhere).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        assertThat(elsewhere).hasText("This ticket was merged into another ticket and is closed.");
        assertThat(danaPage.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Go to")))).hasCount(0);
        assertThat(byRole(danaPage.page, AriaRole.BUTTON, "Reopen ticket")).hasCount(0);
        assertThat(danaPage.page.locator("body")).not().containsText(firstNumber);
        danaPage.screenshot("merge-elsewhere");

        assertTrue(ava.problems().isEmpty(), ava.problems().toString());
        assertTrue(cyrus.problems().isEmpty(), cyrus.problems().toString());
        assertTrue(danaPage.problems().isEmpty(), danaPage.problems().toString());
    }
}
