package io.goftgu.gateway.rest;

import io.goftgu.events.EventTypes;
import io.goftgu.gateway.support.GatewayTest;
import io.goftgu.gateway.support.IdentityEventsProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sign-up through the HTTP stack: the happy path, a taken slug, each bad field, malformed JSON, and the events the
 * new workspace puts on {@code identity.events} (read back by a real Kafka consumer). The disabled switch is covered
 * by {@code WorkspaceSignUpTest} without a second Quarkus profile.
 */
@QuarkusTest
class SignUpTest extends GatewayTest {

    private static Map<String, Object> valid(String slug) {
        var body = new HashMap<String, Object>();
        body.put("name", "Acme Support");
        body.put("slug", slug);
        body.put("ownerName", "Sara Ahmadi");
        body.put("ownerEmail", "Sara@Acme.example");
        body.put("ownerPassword", PASSWORD);
        return body;
    }

    @Test
    void createsTheWorkspaceAndItsFirstAdmin() {
        var slug = uniqueSlug("acme");
        json().header("X-Forwarded-For", freshAddress()).body(valid(slug)).post("/api/workspaces")
                .then().statusCode(201)
                .body("workspace.id", notNullValue())
                .body("workspace.slug", equalTo(slug))
                .body("workspace.name", equalTo("Acme Support"))
                .body("user.role", equalTo("ADMIN"))
                .body("user.email", equalTo("sara@acme.example"))
                .body("user.active", equalTo(true))
                .body("user.password", equalTo(null))
                .body("user.passwordHash", equalTo(null));
        // and the owner can log in with the e-mail in any case
        login(slug, "SARA@acme.example", PASSWORD);
    }

    @Test
    void aTakenSlugIs409() {
        var slug = uniqueSlug("taken");
        json().header("X-Forwarded-For", freshAddress()).body(valid(slug)).post("/api/workspaces").then().statusCode(201);
        json().header("X-Forwarded-For", freshAddress()).body(valid(slug)).post("/api/workspaces")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString(slug));
    }

    @Test
    void badFieldsAre400WithTheFieldNamed() {
        assertBadField("slug", "Not A Slug");
        assertBadField("slug", "-leading-hyphen");
        assertBadField("slug", "ab");
        assertBadField("slug", null);
        assertBadField("name", " ");
        assertBadField("ownerName", null);
        assertBadField("ownerEmail", "not-an-email");
        assertBadField("ownerPassword", "short");
        assertBadField("ownerPassword", null);
    }

    private void assertBadField(String field, Object value) {
        var body = valid(uniqueSlug("bad"));
        body.put(field, value);
        json().body(body).post("/api/workspaces")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    @Test
    void malformedJsonIs400ProblemJson() {
        json().body("{\"name\": \"x\", ").post("/api/workspaces")
                .then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
        json().body("[1, 2]").post("/api/workspaces")
                .then().statusCode(400)
                .contentType("application/problem+json");
        json().post("/api/workspaces")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void publishesWorkspaceCreatedAndUserCreatedWithTheirContractShapes() {
        try (var events = new IdentityEventsProbe()) {
            var workspace = signUp("events");

            var created = events.await(workspace.id(), EventTypes.Identity.WORKSPACE_CREATED, 1).getFirst();
            assertEquals(workspace.id(), created.aggregateId());
            assertEquals(1, created.sequence());
            assertEquals(workspace.adminId(), created.actor().id());
            assertEquals(java.util.Set.of("ADMIN"), created.audience().roles());
            var payload = created.payload();
            assertEquals(workspace.id().toString(), payload.get("id").asText());
            assertEquals(workspace.slug(), payload.get("slug").asText());
            assertEquals("Workspace " + workspace.slug(), payload.get("name").asText());
            assertEquals(3, payload.size());

            var user = events.await(workspace.id(), EventTypes.Identity.USER_CREATED, 1).getFirst();
            assertEquals(workspace.adminId(), user.aggregateId());
            assertEquals(1, user.sequence());
            var owner = user.payload();
            assertEquals(workspace.adminId(), UUID.fromString(owner.get("id").asText()));
            assertEquals(workspace.id().toString(), owner.get("workspaceId").asText());
            assertEquals("Owner of " + workspace.slug(), owner.get("name").asText());
            assertEquals(workspace.adminEmail(), owner.get("email").asText());
            assertEquals("ADMIN", owner.get("role").asText());
            assertEquals(true, owner.get("active").asBoolean());
            assertEquals(6, owner.size());

            // nothing else happened in this workspace
            assertEquals(2, events.await(workspace.id(), e -> true, 2, Duration.ofSeconds(5)).size());
        }
    }

    @Test
    void signUpIsRateLimitedPerAddress() {
        // the test profile allows 3 an hour per address (5 by default)
        var address = freshAddress();
        for (int i = 0; i < 3; i++) {
            json().header("X-Forwarded-For", address).body(valid(uniqueSlug("limited"))).post("/api/workspaces")
                    .then().statusCode(201);
        }
        var slug = uniqueSlug("limited");
        json().header("X-Forwarded-For", address).body(valid(slug)).post("/api/workspaces")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        json().header("X-Forwarded-For", freshAddress()).body(valid(slug)).post("/api/workspaces").then().statusCode(201);
    }
}
