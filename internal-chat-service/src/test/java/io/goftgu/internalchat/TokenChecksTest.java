package io.goftgu.internalchat;

import io.goftgu.internalchat.contacts.ProjectedIdentity;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every request's token is checked against the contacts projection, and what a check read is kept until the row
 * changes (platform/security IdentityCache, announced by the trigger of db/security/R__goftgu_identity_changed.sql,
 * which this service's migrations put on {@code contact}): a kept status answers without a query, and a
 * deactivation or demotion written to the projection counts from its commit.
 */
@QuarkusTest
class TokenChecksTest extends ChatTestSupport {

    static final UUID WS = UUID.randomUUID();

    @Inject
    ProjectedIdentity directory;

    @Test
    void aKeptStatusAnswersUntilTheProjectionChangesIt() {
        var admin = staff(WS, "Kept Admin");
        var user = staff(WS, "Kept User");
        awaitColleagues(admin, 1);
        awaitTrue(directory::keepsStatuses, "the directory never listened for changes");
        var room = group(admin, "Kept", user);
        as(user).get("/api/internal-chat/rooms/" + room).then().statusCode(200);
        assertNotNull(directory.known(user), "the check's read was not kept");
        assertEquals("ADMIN", directory.known(user).status().role().name());

        // a demotion written to the projection (as identity.events would): staff endpoints are 403 from its commit
        execute("UPDATE contact SET role = 'USER' WHERE id = ?", user);
        awaitTrue(() -> directory.known(user) == null, "the demotion was never heard of");
        as(user).get("/api/internal-chat/rooms").then().statusCode(403);
        assertEquals("USER", directory.known(user).status().role().name());

        // a deactivation: 401 on every request
        execute("UPDATE contact SET active = false WHERE id = ?", user);
        awaitTrue(() -> directory.known(user) == null, "the deactivation was never heard of");
        as(user).body(Map.of("roomId", room, "body", "x", "clientMessageId", UUID.randomUUID()))
                .post("/api/internal-chat/messages").then().statusCode(401).contentType("application/problem+json");
        as(user).get("/api/internal-chat/rooms/" + room).then().statusCode(401);

        // the admin's kept status was not touched by another user's changes
        assertNotNull(directory.known(admin));
        as(admin).get("/api/internal-chat/rooms/" + room).then().statusCode(200);
        assertNull(directory.known(UUID.randomUUID()));
    }
}
