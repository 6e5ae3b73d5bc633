package io.goftgu.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import io.goftgu.testing.TestSocket;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.goftgu.e2e.Gateway.PASSWORD;
import static io.goftgu.e2e.Gateway.call;
import static io.goftgu.e2e.Gateway.login;
import static io.goftgu.e2e.Gateway.newUser;
import static io.goftgu.e2e.Gateway.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ticket's staff discussion (issue 15) across the real stack: the gateway sends
 * {@code /api/support-chat/{id}/discussion} to internal chat, which knows the ticket from support-chat.events. An agent
 * opens the discussion from the ticket page in Chromium and lands in its room, which shows the ticket and follows its
 * status; the ticket's assignee is in it; the customer who asked gets the 404 of a ticket they cannot see and no trace
 * of the room in their ticket. The rest (bad input, other workspaces, guests, reassignment) is proven in
 * internal-chat-service's DiscussionTest.
 */
@ExtendWith(ScreenshotOnFailure.class)
class TicketDiscussionInBrowserIT {

    @Test
    void anAgentOpensTheDiscussionFromTheTicketAndItsRoomShowsTheTicket() throws Exception {
        var slug = LoginInBrowserIT.workspace("disc");
        signUp(slug, "Ava Azadi", "ava@" + slug + ".test");
        var ava = login(slug, "ava@" + slug + ".test");
        var bahram = newUser(ava, slug, "Bahram Bahrami", "bahram@" + slug + ".test", "ADMIN");
        var cyrus = newUser(ava, slug, "Cyrus Karimi", "cyrus@" + slug + ".test", "USER");
        var ticket = call("POST", "/api/support-chat", cyrus.token(),
                Map.of("subject", "Invoice for March missing", "description", "I cannot find it."), 201);
        var ticketId = ticket.path("id").asText();
        var number = ticket.path("number").asText();
        call("PATCH", "/api/support-chat/" + ticketId, ava.token(), Map.of("assigneeId", bahram.userId()), 200);
        // the customer's socket, listening all along
        var customerSocket = TestSocket.connect(URI.create(LocalStack.shared().ws()), cyrus.token());

        var agent = BrowserSession.open("fa", 1366, 900);
        agent.logIn(slug, "ava@" + slug + ".test", PASSWORD);
        assertThat(agent.page).hasURL(Pattern.compile(".*/dashboard/.*"));
        agent.page.navigate("/dashboard/support-chat/" + ticketId);
        agent.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("گفتگوی همکاران").setExact(true)).click();
        // the first open of a discussion may wait for the ticket to reach internal chat (up to 2 s), then creates the room
        assertThat(agent.page).hasURL(Pattern.compile(".*/dashboard/internal-chat/[0-9a-f-]{36}$"),
                new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions().setTimeout(20_000));
        var roomId = agent.page.url().replaceAll(".*/", "");

        var banner = agent.page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("تیکت " + number));
        assertThat(banner).containsText("Invoice for March missing",
                new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
        assertThat(banner).containsText("Cyrus Karimi");
        assertThat(banner).containsText("باز");
        assertThat(agent.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName(Pattern.compile(number + ".*Invoice for March missing")))).isVisible();
        agent.screenshot("ticket-discussion");

        // the ticket changes in support chat; the room follows it live
        call("PATCH", "/api/support-chat/" + ticketId, ava.token(), Map.of("status", "PENDING"), 200);
        assertThat(banner.locator(".status")).hasText("در انتظار",
                new LocatorAssertions.HasTextOptions().setTimeout(20_000));

        // back on the ticket page, the discussion's unread count follows its room live: once the page's socket is
        // shown to be live (a status change reaches the status field), a colleague's message in the room is counted
        agent.page.navigate("/dashboard/support-chat/" + ticketId);
        var status = agent.page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("وضعیت").setExact(true));
        assertThat(status).hasValue("PENDING", new LocatorAssertions.HasValueOptions().setTimeout(20_000));
        call("PATCH", "/api/support-chat/" + ticketId, ava.token(), Map.of("status", "IN_PROGRESS"), 200);
        assertThat(status).hasValue("IN_PROGRESS", new LocatorAssertions.HasValueOptions().setTimeout(20_000));
        call("POST", "/api/internal-chat/messages", bahram.token(),
                Map.of("roomId", roomId, "body", "I'll call them", "clientMessageId", java.util.UUID.randomUUID()), 201);
        assertThat(agent.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^گفتگوی همکاران.*۱ پیام خوانده‌نشده")))).isVisible(
                new LocatorAssertions.IsVisibleOptions().setTimeout(10_000));

        // the assignee is a member; opening again gives the same room
        var discussion = call("GET", "/api/support-chat/" + ticketId + "/discussion", bahram.token(), null, 200);
        assertEquals(roomId, discussion.path("roomId").asText());
        assertTrue(discussion.path("member").asBoolean());
        assertEquals(roomId, call("POST", "/api/support-chat/" + ticketId + "/discussion", ava.token(), null, 200)
                .path("roomId").asText());

        // the customer: the 404 of a ticket they cannot see, and nothing of the room in their ticket
        call("GET", "/api/support-chat/" + ticketId + "/discussion", cyrus.token(), null, 404);
        call("POST", "/api/support-chat/" + ticketId + "/discussion", cyrus.token(), null, 404);
        var seen = call("GET", "/api/support-chat/" + ticketId, cyrus.token(), null, 200).toString();
        assertFalse(seen.contains(roomId), seen);
        assertFalse(seen.toLowerCase().contains("discussion"), seen);
        // their socket heard the ticket change, and never of the room
        customerSocket.await(f -> "support-chat:ticket-update".equals(f.path("type").asText())
                && "PENDING".equals(f.path("data").path("status").asText()), Duration.ofSeconds(20));
        for (var frame : customerSocket.drain(Duration.ofSeconds(1))) {
            assertFalse(frame.toString().contains(roomId), frame.toString());
            assertFalse(frame.path("type").asText().startsWith("internal-chat:"), frame.toString());
        }
        customerSocket.close();
        assertTrue(agent.problems().isEmpty(), agent.problems().toString());
    }
}
