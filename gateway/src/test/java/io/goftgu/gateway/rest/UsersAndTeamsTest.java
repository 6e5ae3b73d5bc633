package io.goftgu.gateway.rest;

import io.goftgu.events.EventTypes;
import io.goftgu.gateway.support.GatewayTest;
import io.goftgu.gateway.support.IdentityEventsProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Users and teams through the HTTP stack, for each endpoint: what an ADMIN may do, what bad input gets, and who may
 * not (no token, a customer, an ADMIN of another workspace, which sees 404 and changes nothing). The identity events
 * each change produces are read back from Kafka.
 */
@QuarkusTest
class UsersAndTeamsTest extends GatewayTest {

    @Test
    void adminsCreateListAndChangeUsers() {
        var workspace = signUp("users");
        var admin = adminToken(workspace);
        var customer = createUser(admin, "Reza Customer", "Reza@Customer.example", "USER");
        createUser(admin, "Ali Staff", "ali@" + workspace.slug() + ".example", "ADMIN");

        bearer(admin).get("/api/workspace/users?page=1&limit=2").then().statusCode(200)
                .body("total", equalTo(3))
                .body("page", equalTo(1))
                .body("limit", equalTo(2))
                .body("totalPages", equalTo(2))
                .body("data.name", contains("Ali Staff", "Owner of " + workspace.slug()));
        bearer(admin).get("/api/workspace/users?page=2&limit=2").then().statusCode(200)
                .body("data.email", contains("reza@customer.example"));

        bearer(admin).body(Map.of("name", "Reza Moshtari", "role", "ADMIN")).patch("/api/workspace/users/" + customer)
                .then().statusCode(200)
                .body("name", equalTo("Reza Moshtari"))
                .body("role", equalTo("ADMIN"))
                .body("active", equalTo(true));
    }

    @Test
    void userInputIsChecked() {
        var workspace = signUp("userinput");
        var admin = adminToken(workspace);
        createUser(admin, "Taken", "taken@" + workspace.slug() + ".example", "USER");

        bearer(admin).body(Map.of("name", "Again", "email", "TAKEN@" + workspace.slug() + ".example",
                        "password", PASSWORD, "role", "USER"))
                .post("/api/workspace/users").then().statusCode(409).contentType("application/problem+json");
        bearer(admin).body(Map.of("name", "X", "email", "x@example.com", "password", "short", "role", "USER"))
                .post("/api/workspace/users").then().statusCode(400).body("errors.field", hasItem("password"));
        bearer(admin).body(Map.of("name", "X", "email", "x@example.com", "password", PASSWORD, "role", "GUEST"))
                .post("/api/workspace/users").then().statusCode(400).body("errors.field", hasItem("role"));
        bearer(admin).body(Map.of("name", "X", "email", "nope", "password", PASSWORD, "role", "USER"))
                .post("/api/workspace/users").then().statusCode(400).body("errors.field", hasItem("email"));
        bearer(admin).body(Map.of("name", "  ")).patch("/api/workspace/users/" + workspace.adminId())
                .then().statusCode(400).body("errors.field", hasItem("name"));
        bearer(admin).get("/api/workspace/users?limit=500").then().statusCode(400).body("errors.field", hasItem("limit"));
        bearer(admin).get("/api/workspace/users?page=abc").then().statusCode(400).body("errors.field", hasItem("page"));
        bearer(admin).body(Map.of("active", false)).patch("/api/workspace/users/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theLastActiveAdminCannotBeDeactivatedOrDemoted() {
        var workspace = signUp("lastadmin");
        var admin = adminToken(workspace);
        bearer(admin).body(Map.of("active", false)).patch("/api/workspace/users/" + workspace.adminId())
                .then().statusCode(409);
        bearer(admin).body(Map.of("role", "USER")).patch("/api/workspace/users/" + workspace.adminId())
                .then().statusCode(409);
    }

    @Test
    void customersAndStrangersMayNotManageUsers() {
        var workspace = signUp("guarded");
        var admin = adminToken(workspace);
        var customerEmail = "customer@" + workspace.slug() + ".example";
        var customerId = createUser(admin, "Customer", customerEmail, "USER");
        var customer = login(workspace.slug(), customerEmail, PASSWORD).accessToken();

        RestAssured.get("/api/workspace/users").then().statusCode(401).contentType("application/problem+json");
        bearer(customer).get("/api/workspace/users").then().statusCode(403).contentType("application/problem+json");
        bearer(customer).body(Map.of("name", "X", "email", "x@example.com", "password", PASSWORD, "role", "ADMIN"))
                .post("/api/workspace/users").then().statusCode(403);
        bearer(customer).body(Map.of("role", "ADMIN")).patch("/api/workspace/users/" + customerId)
                .then().statusCode(403);
        bearer(customer).get("/api/workspace/teams").then().statusCode(403);
        bearer(customer).body(Map.of("name", "Mine")).post("/api/workspace/teams").then().statusCode(403);

        // an ADMIN of another workspace: the user does not exist for them, and nothing changes
        var other = adminToken(signUp("stranger"));
        bearer(other).body(Map.of("name", "Hijacked", "active", false)).patch("/api/workspace/users/" + customerId)
                .then().statusCode(404);
        bearer(other).get("/api/workspace/users").then().statusCode(200).body("data.email", not(hasItem(customerEmail)));
        bearer(admin).get("/api/workspace/users").then()
                .body("data.find { it.id == '" + customerId + "' }.name", equalTo("Customer"))
                .body("data.find { it.id == '" + customerId + "' }.active", equalTo(true));
    }

    @Test
    void deactivationEndsSessionsAndPublishesUserDeactivated() {
        try (var events = new IdentityEventsProbe()) {
            var workspace = signUp("deactivate");
            var admin = adminToken(workspace);
            var email = "staff@" + workspace.slug() + ".example";
            var staffId = createUser(admin, "Staff", email, "ADMIN");
            var staffSession = login(workspace.slug(), email, PASSWORD);

            bearer(admin).body(Map.of("name", "Staff Renamed", "active", false)).patch("/api/workspace/users/" + staffId)
                    .then().statusCode(200).body("active", equalTo(false));

            RestAssured.given().cookie("goftgu_refresh", staffSession.refreshCookie()).post("/api/auth/refresh")
                    .then().statusCode(401);
            // the still-unexpired access token no longer works on the gateway's admin endpoints
            bearer(staffSession.accessToken()).get("/api/workspace/users").then().statusCode(401);

            var userEvents = events.await(workspace.id(), e -> e.aggregateId().equals(staffId), 3,
                    java.time.Duration.ofSeconds(20));
            assertEquals(List.of(EventTypes.Identity.USER_CREATED, EventTypes.Identity.USER_UPDATED, EventTypes.Identity.USER_DEACTIVATED),
                    userEvents.stream().map(e -> e.type()).toList());
            assertEquals(List.of(1L, 2L, 3L), userEvents.stream().map(e -> e.sequence()).toList());
            var deactivated = userEvents.get(2).payload();
            assertEquals("Staff Renamed", deactivated.get("name").asText());
            assertEquals(false, deactivated.get("active").asBoolean());
            assertEquals(email, deactivated.get("email").asText());
            assertEquals(workspace.adminId(), userEvents.get(2).actor().id());
        }
    }

    @Test
    void teamsWithMembersAndTheirEvents() {
        try (var events = new IdentityEventsProbe()) {
            var workspace = signUp("teams");
            var admin = adminToken(workspace);
            var ali = createUser(admin, "Ali", "ali@" + workspace.slug() + ".example", "ADMIN");
            var sara = createUser(admin, "Sara", "sara@" + workspace.slug() + ".example", "ADMIN");
            var customer = createUser(admin, "Customer", "c@" + workspace.slug() + ".example", "USER");

            var teamId = bearer(admin).body(Map.of("name", "Support", "memberIds", List.of(ali)))
                    .post("/api/workspace/teams").then().statusCode(201)
                    .body("name", equalTo("Support"))
                    .body("memberIds", contains(ali.toString()))
                    .extract().jsonPath().getString("id");
            bearer(admin).body(Map.of("name", "SUPPORT")).post("/api/workspace/teams").then().statusCode(409);
            bearer(admin).body(Map.of("name", "Sales", "memberIds", List.of(customer)))
                    .post("/api/workspace/teams").then().statusCode(400).body("errors.field", hasItem("memberIds"));
            bearer(admin).body(Map.of("name", "")).post("/api/workspace/teams").then().statusCode(400);

            bearer(admin).put("/api/workspace/teams/" + teamId + "/members/" + sara).then().statusCode(200)
                    .body("memberIds", containsInAnyOrder(ali.toString(), sara.toString()));
            bearer(admin).put("/api/workspace/teams/" + teamId + "/members/" + sara).then().statusCode(200);
            bearer(admin).put("/api/workspace/teams/" + teamId + "/members/" + customer).then().statusCode(409);
            bearer(admin).delete("/api/workspace/teams/" + teamId + "/members/" + ali).then().statusCode(204);
            bearer(admin).get("/api/workspace/teams").then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("data[0].memberIds", contains(sara.toString()));

            var teamEvents = events.await(workspace.id(), e -> e.aggregateId().toString().equals(teamId), 3,
                    java.time.Duration.ofSeconds(20));
            assertEquals(List.of(EventTypes.Identity.TEAM_CREATED, EventTypes.Identity.TEAM_MEMBER_ADDED, EventTypes.Identity.TEAM_MEMBER_REMOVED),
                    teamEvents.stream().map(e -> e.type()).toList());
            var created = teamEvents.get(0).payload();
            assertEquals(teamId, created.get("id").asText());
            assertEquals(workspace.id().toString(), created.get("workspaceId").asText());
            assertEquals("Support", created.get("name").asText());
            assertEquals(ali.toString(), created.get("memberIds").get(0).asText());
            var added = teamEvents.get(1).payload();
            assertEquals(teamId, added.get("teamId").asText());
            assertEquals("Support", added.get("teamName").asText());
            assertEquals(workspace.id().toString(), added.get("workspaceId").asText());
            assertEquals(sara.toString(), added.get("userId").asText());
            assertEquals(ali.toString(), teamEvents.get(2).payload().get("userId").asText());
        }
    }

    @Test
    void anotherWorkspacesTeamIsNotFoundAndUnchanged() {
        var workspace = signUp("ownteam");
        var admin = adminToken(workspace);
        var member = createUser(admin, "Member", "m@" + workspace.slug() + ".example", "ADMIN");
        var teamId = bearer(admin).body(Map.of("name", "Ops", "memberIds", List.of(member)))
                .post("/api/workspace/teams").then().statusCode(201).extract().jsonPath().getString("id");

        var strangerWorkspace = signUp("otherteam");
        var stranger = adminToken(strangerWorkspace);
        bearer(stranger).put("/api/workspace/teams/" + teamId + "/members/" + strangerWorkspace.adminId())
                .then().statusCode(404);
        bearer(stranger).delete("/api/workspace/teams/" + teamId + "/members/" + member).then().statusCode(404);
        bearer(stranger).get("/api/workspace/teams").then().body("data", empty());
        // a user of another workspace cannot be put into my team either
        bearer(admin).put("/api/workspace/teams/" + teamId + "/members/" + strangerWorkspace.adminId())
                .then().statusCode(404);

        bearer(admin).get("/api/workspace/teams").then().body("data[0].memberIds", contains(member.toString()));
    }
}
