package io.goftgu.gateway.rest;

import io.goftgu.events.EventTypes;
import io.goftgu.gateway.support.GatewayTest;
import io.goftgu.gateway.support.IdentityEventsProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code /api/workspace/links}: the gateway owns a workspace's CRM link settings and publishes every change. */
@QuarkusTest
class LinkSettingsTest extends GatewayTest {

    private static final String TASKS = "https://crm.example.com/tasks/{refId}";

    @Test
    void anAdminSetsTheTemplatesAndLookupAndTheyArePublished() {
        var workspace = signUp("links");
        var admin = adminToken(workspace);
        bearer(admin).get("/api/workspace/links").then().statusCode(200)
                .body("templates", anEmptyMap()).body("lookupUrl", nullValue());

        var templates = new HashMap<String, String>();
        templates.put("TASK", " " + TASKS + " ");
        templates.put("PROJECT", "https://crm.example.com/#/projects/{refId}");
        templates.put("DOCUMENT", "");
        var body = new HashMap<String, Object>();
        body.put("templates", templates);
        body.put("lookupUrl", "https://crm.example.com/api/goftgu-lookup?token=abc");
        bearer(admin).body(body).put("/api/workspace/links").then().statusCode(200)
                .body("templates", equalTo(Map.of("TASK", TASKS, "PROJECT", "https://crm.example.com/#/projects/{refId}")))
                .body("lookupUrl", equalTo("https://crm.example.com/api/goftgu-lookup?token=abc"));
        bearer(admin).get("/api/workspace/links").then().statusCode(200)
                .body("templates.TASK", equalTo(TASKS)).body("templates.DOCUMENT", nullValue());

        try (var probe = new IdentityEventsProbe()) {
            var event = probe.await(workspace.id(), EventTypes.Identity.WORKSPACE_LINKS_UPDATED, 1).getFirst();
            assertEquals(workspace.id(), event.aggregateId());
            assertEquals(TASKS, event.payload().path("templates").path("TASK").asText());
            assertEquals(workspace.id().toString(), event.payload().path("workspaceId").asText());
        }

        // another workspace has its own (none)
        var other = signUp("links-other");
        bearer(adminToken(other)).get("/api/workspace/links").then().statusCode(200).body("templates", anEmptyMap());
    }

    @Test
    void badSettingsAre400NamingTheFieldAndChangeNothing() {
        var workspace = signUp("links-bad");
        var admin = adminToken(workspace);
        bearer(admin).body(Map.of("templates", Map.of("TASK", TASKS))).put("/api/workspace/links").then().statusCode(200);

        assertRefused(admin, Map.of("templates", Map.of("TASK", "https://crm.example.com/tasks/")), "templates.TASK");
        assertRefused(admin, Map.of("templates", Map.of("TASK", "javascript:alert(1)/{refId}")), "templates.TASK");
        assertRefused(admin, Map.of("templates", Map.of("INVOICE", "https://crm.example.com/{refId}")), "templates.INVOICE");
        assertRefused(admin, Map.of("templates", Map.of(), "lookupUrl", "file:///etc/passwd"), "lookupUrl");
        assertRefused(admin, Map.of("templates", Map.of(), "lookupUrl", "/relative/lookup"), "lookupUrl");

        bearer(admin).get("/api/workspace/links").then().statusCode(200)
                .body("templates", equalTo(Map.of("TASK", TASKS))).body("lookupUrl", nullValue());
    }

    @Test
    void customersMayNeitherReadNorChangeThem() {
        var workspace = signUp("links-guard");
        var admin = adminToken(workspace);
        var email = "customer@" + workspace.slug() + ".example";
        createUser(admin, "Customer", email, "USER");
        var customer = login(workspace.slug(), email, PASSWORD).accessToken();

        bearer(customer).get("/api/workspace/links").then().statusCode(403).contentType("application/problem+json");
        bearer(customer).body(Map.of("templates", Map.of("TASK", TASKS))).put("/api/workspace/links")
                .then().statusCode(403).contentType("application/problem+json");
        json().body(Map.of("templates", Map.of("TASK", TASKS))).put("/api/workspace/links").then().statusCode(401);
        bearer(admin).get("/api/workspace/links").then().statusCode(200).body("templates", anEmptyMap());
    }

    private static void assertRefused(String admin, Map<String, Object> body, String field) {
        bearer(admin).body(body).put("/api/workspace/links").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }
}
