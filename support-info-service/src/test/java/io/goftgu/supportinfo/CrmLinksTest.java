package io.goftgu.supportinfo;

import io.goftgu.testing.FakeCrm;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A record's CRM links (docs/design.md, "CRM links"): named by the workspace's lookup (a real HTTP server,
 * {@link FakeCrm}) and given URLs by its templates; a refId the lookup refuses or cannot answer for is a 400 that
 * writes nothing; another workspace's settings are its own.
 */
@QuarkusTest
class CrmLinksTest {

    static final FakeCrm CRM = new FakeCrm();
    static Fixtures.Workspace ws;
    static Fixtures.Workspace other;

    @BeforeAll
    static void workspaces() {
        ws = Fixtures.Workspace.create();
        other = Fixtures.Workspace.create();
        Fixtures.links(ws.id(), Map.of("TASK", "https://crm.example.com/tasks/{refId}"), CRM.lookupUrl());
        Fixtures.links(other.id(), Map.of("DOCUMENT", "https://docs.example.com/d/{refId}"), null);
    }

    @AfterAll
    static void stop() {
        CRM.close();
    }

    private static Map<String, Object> record(Object... links) {
        var body = RecordsTest.minimal("Call about the printer");
        body.put("links", List.of(links));
        return body;
    }

    @Test
    void linksAreNamedByTheLookupAndLeadToTheCrm() {
        var id = ws.staff().body(record(Map.of("kind", "TASK", "refId", "task 17", "title", "typed"),
                        Map.of("kind", "KNOWLEDGE", "refId", "kb-3")))
                .post("/api/support-info").then().statusCode(201)
                .body("links[0].title", equalTo(FakeCrm.title("TASK", "task 17")))
                .body("links[0].url", equalTo("https://crm.example.com/tasks/task%2017"))
                .body("links[1].title", equalTo(FakeCrm.title("KNOWLEDGE", "kb-3")))
                .body("links[1].url", nullValue())
                .extract().<String>path("id");
        ws.colleague().get("/api/support-info/" + id).then().statusCode(200)
                .body("links[0].url", equalTo("https://crm.example.com/tasks/task%2017"));
        assertEquals(ws.adminId().toString(), CRM.requests().stream().filter(r -> r.get("refId").equals("task 17"))
                .findFirst().orElseThrow().get("userId"));

        ws.staff().body(Map.of("links", List.of(Map.of("kind", "TASK", "refId", "task 17")))).patch("/api/support-info/" + id)
                .then().statusCode(200).body("links[0].title", equalTo(FakeCrm.title("TASK", "task 17")));
        assertEquals(1, CRM.asked("task 17"), "the same user and refId again: answered from the cache");
    }

    @Test
    void aRefusedOrUnverifiedLinkIsA400AndNothingIsWritten() {
        var id = ws.staff().body(record(Map.of("kind", "TASK", "refId", "t-1"))).post("/api/support-info")
                .then().statusCode(201).extract().<String>path("id");
        var before = ws.staff().get("/api/support-info/" + id).then().extract().body().asString();
        for (var refId : List.of("missing", "secret", "broken")) {
            ws.staff().body(record(Map.of("kind", "DOCUMENT", "refId", refId))).post("/api/support-info")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("links[0].refId"));
            ws.staff().body(Map.of("title", "changed?", "links", List.of(Map.of("kind", "TASK", "refId", "t-1"),
                            Map.of("kind", "TASK", "refId", refId))))
                    .patch("/api/support-info/" + id).then().statusCode(400)
                    .body("errors[0].field", equalTo("links[1].refId"));
        }
        ws.staff().body(record(Map.of("kind", "TASK", "refId", "slow"))).post("/api/support-info")
                .then().statusCode(400).body("detail", containsString("could not be verified"));
        assertEquals(before, ws.staff().get("/api/support-info/" + id).then().extract().body().asString());
    }

    @Test
    void anotherWorkspaceHasItsOwnSettings() {
        int asked = CRM.requests().size();
        var id = other.staff().body(record(Map.of("kind", "DOCUMENT", "refId", "missing", "title", "As typed")))
                .post("/api/support-info").then().statusCode(201)
                .body("links[0].title", equalTo("As typed"))
                .body("links[0].url", equalTo("https://docs.example.com/d/missing")).extract().<String>path("id");
        other.staff().body(record(Map.of("kind", "DOCUMENT", "refId", "d-2"))).post("/api/support-info")
                .then().statusCode(400).body("errors[0].field", equalTo("links[0].title"));
        assertEquals(asked, CRM.requests().size(), "a workspace without a lookup never asks one");
        ws.staff().get("/api/support-info/" + id).then().statusCode(404);
    }
}
