package io.goftgu.internalchat;

import io.goftgu.testing.FakeCrm;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * CRM links that lead somewhere (docs/design.md, "CRM links"): the workspace's settings arrive as
 * {@code identity.workspace.links-updated}; message links, pinned links and project rooms are checked against a real
 * lookup server ({@link FakeCrm}), named by it and given URLs from the templates; what it refuses or cannot answer
 * for is a 400 that writes nothing.
 */
@QuarkusTest
class CrmLinksTest extends ChatTestSupport {

    static final UUID WS = UUID.randomUUID();
    static final UUID OTHER_WS = UUID.randomUUID();
    static final FakeCrm CRM = new FakeCrm();
    static final Map<String, String> TEMPLATES = Map.of(
            "TASK", "https://crm.example.com/tasks/{refId}",
            "DOCUMENT", "https://crm.example.com/#/docs/{refId}",
            "PROJECT", "https://crm.example.com/projects/{refId}");
    static UUID sara;
    static UUID reza;
    static UUID other;

    @BeforeEach
    void workspace() {
        if (sara != null) {
            return;
        }
        sara = staff(WS, "Sara");
        reza = staff(WS, "Reza");
        other = staff(OTHER_WS, "Other");
        StaffDirectory.links(WS, TEMPLATES, CRM.lookupUrl());
        StaffDirectory.links(OTHER_WS, Map.of("TASK", "https://other.example.com/t/{refId}"), null);
        awaitColleagues(sara, 1);
        awaitTrue(() -> count("SELECT count(*) FROM workspace_links WHERE workspace_id IN (?, ?)", WS, OTHER_WS) == 2,
                "identity.workspace.links-updated never reached the projection");
    }

    @AfterAll
    static void stop() {
        CRM.close();
    }

    private static Map<String, Object> message(String roomId, Object... links) {
        return Map.of("roomId", roomId, "body", "see the link", "clientMessageId", UUID.randomUUID(), "links", List.of(links));
    }

    @Test
    void aLinkIsNamedByTheLookupAndLeadsToTheCrmAndTheAnswerIsCached() {
        var roomId = group(sara, "Links", reza);
        var sent = as(sara).body(message(roomId, Map.of("kind", "TASK", "refId", "T 42/a", "title", "my words"),
                        Map.of("kind", "KNOWLEDGE", "refId", "k-1")))
                .post("/api/internal-chat/messages").then().statusCode(201)
                .body("links[0].title", equalTo(FakeCrm.title("TASK", "T 42/a")))
                .body("links[0].url", equalTo("https://crm.example.com/tasks/T%2042%2Fa"))
                .body("links[1].title", equalTo(FakeCrm.title("KNOWLEDGE", "k-1")))
                .body("links[1].url", nullValue())
                .extract().<String>path("id");
        var asked = CRM.requests().stream().filter(r -> r.get("refId").equals("T 42/a")).findFirst().orElseThrow();
        assertEquals(Map.of("workspaceId", WS.toString(), "userId", sara.toString(), "kind", "TASK", "refId", "T 42/a"), asked);

        // read back: the history carries the title kept and the URL
        as(reza).get("/api/internal-chat/messages/" + sent).then().statusCode(200)
                .body("links[0].url", equalTo("https://crm.example.com/tasks/T%2042%2Fa"))
                .body("links[0].title", equalTo(FakeCrm.title("TASK", "T 42/a")));

        // the same user and refId again: answered from the cache
        as(sara).body(message(roomId, Map.of("kind", "TASK", "refId", "T 42/a"))).post("/api/internal-chat/messages")
                .then().statusCode(201);
        assertEquals(1, CRM.asked("T 42/a"));
    }

    @Test
    void aRefusedOrUnverifiedLinkIsA400AndNothingIsWritten() {
        var roomId = group(sara, "Refusals", reza);
        long seq = lastSeq(sara, roomId);
        long events = eventCount(roomId);
        for (var refId : List.of("missing", "secret", "forbidden")) {
            as(sara).body(message(roomId, Map.of("kind", "DOCUMENT", "refId", "ok-1"), Map.of("kind", "DOCUMENT", "refId", refId)))
                    .post("/api/internal-chat/messages").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("links[1].refId"));
        }
        // a lookup that does not answer in time (5 s in tests, 2 s by default) is refused as unverified: 400, never a 5xx
        long start = System.nanoTime();
        as(sara).body(message(roomId, Map.of("kind", "TASK", "refId", "slow")))
                .post("/api/internal-chat/messages").then().statusCode(400)
                .body("errors[0].field", equalTo("links[0].refId")).body("detail", containsString("could not be verified"));
        assertEquals(true, (System.nanoTime() - start) / 1_000_000 < FakeCrm.SLOW_MILLIS, "the timeout cut the wait");
        as(sara).body(message(roomId, Map.of("kind", "TASK", "refId", "broken")))
                .post("/api/internal-chat/messages").then().statusCode(400).body("errors[0].field", equalTo("links[0].refId"));
        assertEquals(seq, lastSeq(sara, roomId));
        assertEquals(events, eventCount(roomId));
        assertEquals(0, count("SELECT count(*) FROM message_link WHERE ref_id IN ('missing', 'secret', 'forbidden', 'slow', 'broken')"));

        // pinned links: the same rule
        as(sara).body(Map.of("pinnedLinks", List.of(Map.of("kind", "TASK", "refId", "missing"))))
                .patch("/api/internal-chat/rooms/" + roomId).then().statusCode(400)
                .body("errors[0].field", equalTo("pinnedLinks[0].refId"));
        as(sara).body(Map.of("pinnedLinks", List.of(Map.of("kind", "DOCUMENT", "refId", "d 1"))))
                .patch("/api/internal-chat/rooms/" + roomId).then().statusCode(200)
                .body("pinnedLinks[0].title", equalTo(FakeCrm.title("DOCUMENT", "d 1")))
                .body("pinnedLinks[0].url", equalTo("https://crm.example.com/#/docs/d%201"));
        as(reza).get("/api/internal-chat/rooms/" + roomId).then().statusCode(200)
                .body("pinnedLinks[0].url", equalTo("https://crm.example.com/#/docs/d%201"));
    }

    @Test
    void aProjectRoomsProjectIsCheckedAndLinked() {
        as(sara).body(Map.of("projectId", "missing", "title", "Nowhere", "memberIds", List.of(reza)))
                .post("/api/internal-chat/rooms?type=project").then().statusCode(400)
                .body("errors[0].field", equalTo("projectId"));
        assertEquals(0, count("SELECT count(*) FROM room WHERE workspace_id = ? AND project_id = 'missing'", WS));
        var projectId = "P-" + UUID.randomUUID();
        as(sara).body(Map.of("projectId", projectId, "title", "Launch", "memberIds", List.of(reza)))
                .post("/api/internal-chat/rooms?type=project").then().statusCode(201)
                .body("projectUrl", equalTo("https://crm.example.com/projects/" + projectId));
    }

    @Test
    void anotherWorkspaceHasItsOwnSettings() {
        // no lookup there: the given title is kept and required, the CRM is not asked, its own template applies
        var roomId = group(other, "Elsewhere");
        int before = CRM.requests().size();
        as(other).body(message(roomId, Map.of("kind", "TASK", "refId", "missing", "title", "As given")))
                .post("/api/internal-chat/messages").then().statusCode(201)
                .body("links[0].title", equalTo("As given"))
                .body("links[0].url", equalTo("https://other.example.com/t/missing"));
        as(other).body(message(roomId, Map.of("kind", "TASK", "refId", "t-2", "title", " ")))
                .post("/api/internal-chat/messages").then().statusCode(400)
                .body("errors[0].field", equalTo("links[0].title"));
        assertEquals(before, CRM.requests().size());
    }
}
