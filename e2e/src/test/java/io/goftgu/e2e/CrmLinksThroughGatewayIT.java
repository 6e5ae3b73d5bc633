package io.goftgu.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.EventJson;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.goftgu.e2e.Gateway.call;
import static io.goftgu.e2e.Gateway.login;
import static io.goftgu.e2e.Gateway.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CRM links across the packaged services (docs/design.md, "CRM links"): an ADMIN sets the workspace's URL templates
 * at the gateway, the settings travel on identity.events to internal-chat and support-info, and both give their
 * links URLs from them; another workspace's links stay without. In Chromium, an ADMIN sets an address on the
 * settings page by its accessible name, and a message's link opens the CRM in a new tab. (The lookup is proved in
 * the services' tests against a real HTTP server; the stack refuses a lookup on loopback, as production does.)
 */
@ExtendWith(ScreenshotOnFailure.class)
class CrmLinksThroughGatewayIT {

    @BeforeAll
    static void start() throws IOException {
        LocalStack.shared();
    }

    @Test
    void templatesSetAtTheGatewayGiveLinksTheirUrlsInEveryService() throws Exception {
        var slug = "e2e-links-" + UUID.randomUUID().toString().substring(0, 8);
        signUp(slug, "Nava", "nava@e2e.test");
        var nava = login(slug, "nava@e2e.test");
        var otherSlug = "e2e-links-other-" + UUID.randomUUID().toString().substring(0, 8);
        signUp(otherSlug, "Omid", "omid@e2e.test");
        var omid = login(otherSlug, "omid@e2e.test");

        call("PUT", "/api/workspace/links", nava.token(), Map.of("templates", Map.of(
                "TASK", "https://crm.example.com/tasks/{refId}",
                "DOCUMENT", "https://crm.example.com/docs/{refId}")), 200);

        var room = notesRoom(nava);
        var message = call("POST", "/api/internal-chat/messages", nava.token(), Map.of("roomId", room, "body", "see",
                "clientMessageId", UUID.randomUUID(), "links", List.of(Map.of("kind", "TASK", "refId", "T 7", "title", "Call back"))),
                201).path("id").asText();
        var link = await(() -> call("GET", "/api/internal-chat/messages/" + message, nava.token(), null, 200)
                .path("links").path(0));
        assertEquals("https://crm.example.com/tasks/T%207", link.path("url").asText());

        var record = call("POST", "/api/support-info", nava.token(), Map.of("title", "Visit", "source", "ONSITE_BY_US",
                "type", "QUESTION", "links", List.of(Map.of("kind", "DOCUMENT", "refId", "d-1", "title", "Contract"))), 201)
                .path("id").asText();
        var recordLink = await(() -> call("GET", "/api/support-info/" + record, nava.token(), null, 200).path("links").path(0));
        assertEquals("https://crm.example.com/docs/d-1", recordLink.path("url").asText());

        var otherRoom = notesRoom(omid);
        var otherLink = call("POST", "/api/internal-chat/messages", omid.token(), Map.of("roomId", otherRoom, "body", "x",
                "clientMessageId", UUID.randomUUID(), "links", List.of(Map.of("kind", "TASK", "refId", "T 7", "title", "t"))),
                201).path("links").path(0);
        assertTrue(otherLink.path("url").isNull(), "another workspace's settings are its own: " + otherLink);
    }

    @Test
    void anAdminSetsTheAddressesInTheDashboardAndALinkOpensTheCrm() throws Exception {
        var slug = "ui-links-" + UUID.randomUUID().toString().substring(0, 8);
        signUp(slug, "Sara", "sara@" + slug + ".test");
        var sara = login(slug, "sara@" + slug + ".test");
        var browser = BrowserSession.open("en");
        var page = browser.page;
        browser.logIn(slug, "sara@" + slug + ".test", Gateway.PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/dashboard/internal-chat$"));
        page.navigate("/dashboard/settings?section=links");
        page.getByLabel("Task address").fill("https://crm.example.com/tasks/{refId}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Saved."))).isVisible();
        assertEquals("https://crm.example.com/tasks/{refId}",
                call("GET", "/api/workspace/links", sara.token(), null, 200).path("templates").path("TASK").asText());

        var room = notesRoom(sara);
        var message = call("POST", "/api/internal-chat/messages", sara.token(), Map.of("roomId", room, "body", "follow up",
                "clientMessageId", UUID.randomUUID(), "links", List.of(Map.of("kind", "TASK", "refId", "T-9", "title", "Call Reza back"))),
                201).path("id").asText();
        await(() -> call("GET", "/api/internal-chat/messages/" + message, sara.token(), null, 200).path("links").path(0));
        page.navigate("/dashboard/internal-chat/" + room);
        var link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Call Reza back"));
        assertThat(link).hasAttribute("href", "https://crm.example.com/tasks/T-9");
        assertThat(link).hasAttribute("target", "_blank");
        assertThat(link).hasAttribute("rel", "noopener noreferrer");
        assertEquals(List.of(), browser.problems());
    }

    /** The user's notes-to-self room, once identity.events have told internal chat about them. */
    private static String notesRoom(Gateway.Session me) throws Exception {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var response = Gateway.send("POST", "/api/internal-chat/rooms?type=direct", me.token(), Map.of("userId", me.userId()));
            if (response.statusCode() / 100 == 2 || System.nanoTime() > deadline) {
                assertEquals(201, response.statusCode(), response.body());
                return EventJson.MAPPER.readTree(response.body()).path("id").asText();
            }
            Thread.sleep(200);
        }
    }

    /** The link once it has a URL: the settings reach each service's projection within moments. */
    private static JsonNode await(Callable<JsonNode> link) throws Exception {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var current = link.call();
            if (current.path("url").isTextual() || System.nanoTime() > deadline) {
                return current;
            }
            Thread.sleep(200);
        }
    }
}
