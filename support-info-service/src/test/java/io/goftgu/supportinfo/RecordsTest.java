package io.goftgu.supportinfo;

import io.goftgu.events.Actor;
import io.goftgu.events.EventTypes;
import io.goftgu.supportinfo.Fixtures.Workspace;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Records through the real HTTP stack, PostgreSQL and Kafka: users and teams arrive as {@code identity.events},
 * each write's event is read back from {@code support-info.events}, and every refused request is checked to have
 * changed nothing (the record read back afterwards is the same).
 */
@QuarkusTest
class RecordsTest {

    static Workspace ws;
    static Workspace other;
    static String label;
    static String category;
    static String otherLabel;
    static String otherCategory;

    /** Once per class; in a @BeforeEach because Quarkus points RestAssured at the random port per test. */
    @BeforeEach
    void workspaces() {
        if (ws != null) {
            return;
        }
        ws = Workspace.create();
        other = Workspace.create();
        label = ws.staff().body(Map.of("name", "VIP", "color", "#E53935")).post("/api/support-info/labels")
                .then().statusCode(201).extract().path("id");
        category = ws.staff().body(Map.of("name", "سخت‌افزار")).post("/api/support-info/categories")
                .then().statusCode(201).extract().path("id");
        otherLabel = other.staff().body(Map.of("name", "VIP", "color", "#000000")).post("/api/support-info/labels")
                .then().statusCode(201).extract().path("id");
        otherCategory = other.staff().body(Map.of("name", "Other")).post("/api/support-info/categories")
                .then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> full() {
        var body = new HashMap<String, Object>();
        body.put("title", "تماس ورودی: چاپگر خراب است");
        body.put("description", "مشتری گزارش داد که چاپگر کار نمی‌کند");
        body.put("source", "INBOUND_CALL");
        body.put("type", "ISSUE");
        body.put("priority", "HIGH");
        body.put("contactAt", "2026-03-01T08:00:00Z");
        body.put("dueAt", "2026-03-02T08:00:00Z");
        body.put("customerId", ws.customerId());
        body.put("assigneeId", ws.colleagueId());
        body.put("teamId", ws.teamId());
        body.put("categoryId", category);
        body.put("labelIds", List.of(label));
        body.put("visibleToCustomer", true);
        body.put("links", List.of(Map.of("kind", "TASK", "refId", "task-17", "title", "Replace toner")));
        return body;
    }

    static Map<String, Object> minimal(String title) {
        return new HashMap<>(Map.of("title", title, "source", "OUTBOUND_CALL", "type", "QUESTION"));
    }

    static String create(Workspace in, Map<String, Object> body) {
        return in.staff().body(body).post("/api/support-info").then().statusCode(201).extract().path("id");
    }

    static String read(String id) {
        return ws.staff().get("/api/support-info/" + id).then().statusCode(200).extract().asString();
    }

    @Test
    void staffCreateReadUpdateDeleteAndEachChangeIsAnEventForStaff() {
        var response = ws.staff().body(full()).post("/api/support-info");
        response.then().statusCode(201)
                .header("Location", containsString("/api/support-info/"))
                .body("title", equalTo("تماس ورودی: چاپگر خراب است"))
                .body("status", equalTo("NEW"))
                .body("priority", equalTo("HIGH"))
                .body("customer.name", equalTo("Cyrus"))
                .body("assignee.name", equalTo("Bob"))
                .body("team.name", equalTo("Field support"))
                .body("category.name", equalTo("سخت‌افزار"))
                .body("labels.name", equalTo(List.of("VIP")))
                .body("labels.color", equalTo(List.of("#E53935")))
                .body("links.refId", equalTo(List.of("task-17")))
                .body("visibleToCustomer", equalTo(true))
                .body("createdBy", equalTo(ws.adminId().toString()));
        String id = response.path("id");
        ws.staff().get("/api/support-info/" + id).then().statusCode(200).body("dueAt", equalTo("2026-03-02T08:00:00Z"));

        ws.staff().body(Map.of("status", "IN_PROGRESS", "links", List.of(
                        Map.of("kind", "DOCUMENT", "refId", "doc-1", "title", "Invoice"),
                        Map.of("kind", "KNOWLEDGE", "refId", "kb-9", "title", "Printer FAQ")),
                        "labelIds", List.of()))
                .patch("/api/support-info/" + id).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("links.kind", equalTo(List.of("DOCUMENT", "KNOWLEDGE")))
                .body("labels", equalTo(List.of()))
                .body("title", equalTo("تماس ورودی: چاپگر خراب است"));
        // clearing with null; unchanged fields stay
        var body = new HashMap<String, Object>();
        body.put("assigneeId", null);
        body.put("dueAt", null);
        ws.staff().body(body).patch("/api/support-info/" + id).then().statusCode(200)
                .body("assigneeId", nullValue()).body("dueAt", nullValue()).body("teamId", equalTo(ws.teamId().toString()));

        ws.staff().delete("/api/support-info/" + id).then().statusCode(204);
        ws.staff().get("/api/support-info/" + id).then().statusCode(404).contentType("application/problem+json");
        ws.staff().delete("/api/support-info/" + id).then().statusCode(404);

        var events = Fixtures.events(UUID.fromString(id), 4);
        assertEquals(List.of(EventTypes.SupportInfo.RECORD_CREATED, EventTypes.SupportInfo.RECORD_UPDATED,
                        EventTypes.SupportInfo.RECORD_UPDATED, EventTypes.SupportInfo.RECORD_DELETED),
                events.stream().map(e -> e.type()).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L), events.stream().map(e -> e.sequence()).toList());
        for (var event : events) {
            assertEquals(ws.id(), event.workspaceId());
            assertEquals(Set.of("ADMIN"), event.audience().roles(), "staff-only fields go to staff only");
            assertEquals(Set.of(), event.audience().users(), "never the customer");
            assertEquals(Actor.user(ws.adminId()), event.actor());
        }
        assertEquals("Bob", events.get(0).payload().path("assignee").path("name").asText());
        assertEquals("IN_PROGRESS", events.get(1).payload().path("status").asText());
        assertEquals(id, events.get(3).payload().path("id").asText());
    }

    @Test
    void defaultsAndAPatchThatChangesNothingIsNoEvent() {
        var id = ws.staff().body(minimal("Defaults")).post("/api/support-info").then().statusCode(201)
                .body("priority", equalTo("MEDIUM")).body("status", equalTo("NEW"))
                .body("visibleToCustomer", equalTo(false)).body("contactAt", notNullValue())
                .body("labels", equalTo(List.of())).body("links", equalTo(List.of()))
                .extract().<String>path("id");
        var before = read(id);
        ws.staff().body(Map.of("title", "Defaults", "priority", "MEDIUM")).patch("/api/support-info/" + id)
                .then().statusCode(200);
        assertEquals(before, read(id));
        assertEquals(1, Fixtures.events(UUID.fromString(id), 1).size());
    }

    @Test
    void badInputIsAFieldProblemAndCreatesNothing() {
        long before = total(ws);
        var cases = List.<Map.Entry<String, Map<String, Object>>>of(
                Map.entry("source", with(full(), "source", "FAX")),
                Map.entry("type", with(full(), "type", "GOSSIP")),
                Map.entry("priority", with(full(), "priority", "URGENT")),
                Map.entry("title", without(full(), "title")),
                Map.entry("title", with(full(), "title", "  ")),
                Map.entry("title", with(full(), "title", "x".repeat(501))),
                Map.entry("source", without(full(), "source")),
                Map.entry("dueAt", with(full(), "dueAt", "2026-02-28T08:00:00Z")),
                Map.entry("labelIds", with(full(), "labelIds", List.of(otherLabel))),
                Map.entry("labelIds", with(full(), "labelIds", List.of(UUID.randomUUID()))),
                Map.entry("categoryId", with(full(), "categoryId", otherCategory)),
                Map.entry("customerId", with(full(), "customerId", ws.colleagueId())),
                Map.entry("customerId", with(full(), "customerId", other.customerId())),
                Map.entry("assigneeId", with(full(), "assigneeId", ws.customerId())),
                Map.entry("teamId", with(full(), "teamId", other.teamId())),
                Map.entry("links[0].kind", with(full(), "links", List.of(Map.of("kind", "INVOICE", "refId", "1", "title", "x")))),
                Map.entry("links[0].refId", with(full(), "links", List.of(Map.of("kind", "TASK", "title", "x")))),
                Map.entry("contactAt", with(full(), "contactAt", "yesterday")));
        for (var c : cases) {
            ws.staff().body(c.getValue()).post("/api/support-info").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(c.getKey()));
        }
        ws.staff().body("{\"title\": ").post("/api/support-info").then().statusCode(400)
                .contentType("application/problem+json");
        ws.staff().post("/api/support-info").then().statusCode(400);
        assertEquals(before, total(ws));
    }

    @Test
    void aRejectedPatchChangesNothing() {
        var id = create(ws, full());
        var before = read(id);
        var nullTitle = new HashMap<String, Object>();
        nullTitle.put("title", null);
        for (var body : List.<Map<String, Object>>of(
                Map.of("dueAt", "2026-02-01T00:00:00Z", "title", "changed?"),
                Map.of("contactAt", "2026-03-05T00:00:00Z"),
                nullTitle,
                Map.of("labelIds", List.of(otherLabel), "title", "changed?"),
                Map.of("categoryId", otherCategory),
                Map.of("customerId", other.customerId()),
                Map.of("status", "DONE"),
                Map.of("type", "GOSSIP"))) {
            ws.staff().body(body).patch("/api/support-info/" + id).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        assertEquals(before, read(id));
        assertEquals(1, Fixtures.events(UUID.fromString(id), 1).size(), "only the create was announced");
    }

    @Test
    void statusMovesFollowTheWorkflowAndAnIllegalMoveIsAConflict() {
        var id = create(ws, minimal("Workflow"));
        patchStatus(id, "RESOLVED").then().statusCode(200).body("resolvedAt", notNullValue());
        var resolved = read(id);
        patchStatus(id, "IN_PROGRESS").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("RESOLVED"));
        patchStatus(id, "NEW").then().statusCode(409);
        ws.staff().body(Map.of("status", "IN_PROGRESS", "title", "not applied")).patch("/api/support-info/" + id)
                .then().statusCode(409);
        assertEquals(resolved, read(id));
        patchStatus(id, "CLOSED").then().statusCode(200).body("closedAt", notNullValue());
        patchStatus(id, "RESOLVED").then().statusCode(409);
        patchStatus(id, "OPEN").then().statusCode(200).body("resolvedAt", nullValue()).body("closedAt", nullValue());
        patchStatus(id, "IN_PROGRESS").then().statusCode(200);
        patchStatus(id, "OPEN").then().statusCode(200);
        // a contact logged after the fact may start in any status
        ws.staff().body(with(minimal("Logged late"), "status", "CLOSED")).post("/api/support-info").then()
                .statusCode(201).body("status", equalTo("CLOSED"));
    }

    @Test
    void aCustomerReadsOnlyVisibleRecordsAboutThemWithoutStaffFields() {
        var visible = create(ws, full());
        var hidden = create(ws, with(full(), "visibleToCustomer", false));
        var someoneElses = create(ws, with(full(), "customerId", ws.otherCustomerId()));

        ws.customer().get("/api/support-info/" + visible).then().statusCode(200)
                .body("title", equalTo("تماس ورودی: چاپگر خراب است"))
                .body("category.name", equalTo("سخت‌افزار"))
                .body("$", not(hasKey("assignee"))).body("$", not(hasKey("assigneeId")))
                .body("$", not(hasKey("team"))).body("$", not(hasKey("teamId")))
                .body("$", not(hasKey("labels"))).body("$", not(hasKey("labelIds")))
                .body("$", not(hasKey("links"))).body("$", not(hasKey("createdBy")))
                .body("$", not(hasKey("visibleToCustomer")));
        ws.customer().get("/api/support-info/" + hidden).then().statusCode(404).contentType("application/problem+json");
        ws.customer().get("/api/support-info/" + someoneElses).then().statusCode(404);
        ws.otherCustomer().get("/api/support-info/" + visible).then().statusCode(404);
        other.staff().get("/api/support-info/" + visible).then().statusCode(404);
        other.customer().get("/api/support-info/" + visible).then().statusCode(404);

        List<String> mine = ws.customer().get("/api/support-info?limit=100").then().statusCode(200)
                .body("data[0]", not(hasKey("assignee"))).extract().path("data.id");
        org.hamcrest.MatcherAssert.assertThat(mine, hasItem(visible));
        org.hamcrest.MatcherAssert.assertThat(mine, not(hasItem(hidden)));
        org.hamcrest.MatcherAssert.assertThat(mine, not(hasItem(someoneElses)));
        ws.customer().get("/api/support-info/counts").then().statusCode(200).body("total", equalTo(mine.size()));
        ws.customer().get("/api/support-info?assigneeId=" + ws.colleagueId()).then().statusCode(400);
        ws.customer().get("/api/support-info?labelId=" + label).then().statusCode(400);

        // customers and guests do not write; guests do not read; other workspaces do not see
        var before = read(visible);
        ws.customer().body(minimal("mine")).post("/api/support-info").then().statusCode(403)
                .contentType("application/problem+json");
        ws.customer().body(Map.of("title", "hacked")).patch("/api/support-info/" + visible).then().statusCode(403);
        ws.customer().delete("/api/support-info/" + visible).then().statusCode(403);
        ws.guest().get("/api/support-info").then().statusCode(403);
        ws.guest().get("/api/support-info/" + visible).then().statusCode(403);
        ws.guest().get("/api/support-info/counts").then().statusCode(403);
        other.staff().body(Map.of("title", "hacked")).patch("/api/support-info/" + visible).then().statusCode(404);
        other.staff().delete("/api/support-info/" + visible).then().statusCode(404);
        RestAssured.get("/api/support-info").then().statusCode(401).contentType("application/problem+json");
        assertEquals(before, read(visible));
        other.staff().get("/api/support-info?limit=100").then().statusCode(200)
                .body("data.id", not(hasItem(visible)));
    }

    @Test
    void filtersSortPagingAndCounts() {
        var in = Workspace.create();
        var child = in.staff().body(Map.of("name", "Printers", "parentId",
                        in.staff().body(Map.of("name", "Hardware")).post("/api/support-info/categories").path("id")))
                .post("/api/support-info/categories").then().statusCode(201).extract().<String>path("id");
        var parent = in.staff().get("/api/support-info/categories/" + child).path("parentId");
        var vip = in.staff().body(Map.of("name", "VIP", "color", "#ffcc00")).post("/api/support-info/labels").path("id");

        // stored with Arabic kaf and yeh, searched with Persian ones
        var a = create(in, Map.of("title", "تماس درباره فاكتور", "source", "INBOUND_CALL", "type", "ISSUE",
                "priority", "HIGH", "assigneeId", in.adminId(), "teamId", in.teamId(), "categoryId", child,
                "labelIds", List.of(vip), "customerId", in.customerId(), "contactAt", "2026-01-10T10:00:00Z"));
        var b = create(in, Map.of("title", "Quote for ACME", "source", "OUTBOUND_CALL", "type", "QUOTE",
                "priority", "LOW", "assigneeId", in.colleagueId(), "categoryId", parent, "status", "OPEN",
                "contactAt", "2026-02-10T10:00:00Z"));
        var c = create(in, Map.of("title", "Broken printer", "description", "the acme printer is broken",
                "source", "ONSITE_BY_US", "type", "COMPLAINT", "priority", "CRITICAL", "status", "RESOLVED",
                "contactAt", "2026-03-10T10:00:00Z"));

        expect(in, "", c, b, a);
        expect(in, "source=INBOUND_CALL", a);
        expect(in, "type=QUOTE,COMPLAINT", c, b);
        expect(in, "status=OPEN", b);
        expect(in, "priority=CRITICAL", c);
        expect(in, "assigneeId=" + in.colleagueId(), b);
        expect(in, "user=me", a);
        expect(in, "teamId=" + in.teamId(), a);
        expect(in, "categoryId=" + parent, b, a);
        expect(in, "categoryId=" + child, a);
        expect(in, "categoryId=" + otherCategory);
        expect(in, "labelId=" + vip, a);
        expect(in, "customerId=" + in.customerId(), a);
        expect(in, "q=acme", c, b);
        expect(in, "q=ACME printer", c);
        expect(in, "q=فاکتور", a);
        expect(in, "q=100%", new String[0]);
        expect(in, "from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z", b);
        expect(in, "sort=priority", b, a, c);
        expect(in, "sort=-priority", c, a, b);
        expect(in, "sort=contactAt", a, b, c);
        expect(in, "sort=title", c, b, a);

        in.staff().get("/api/support-info?limit=2&page=2").then().statusCode(200)
                .body("data.id", equalTo(List.of(a))).body("total", equalTo(3)).body("page", equalTo(2))
                .body("limit", equalTo(2)).body("totalPages", equalTo(2));
        in.staff().get("/api/support-info").then().body("limit", equalTo(20)).body("page", equalTo(1))
                .body("totalPages", equalTo(1));
        in.staff().get("/api/support-info/counts").then().statusCode(200)
                .body("total", equalTo(3)).body("byStatus.NEW", equalTo(1)).body("byStatus.OPEN", equalTo(1))
                .body("byStatus.IN_PROGRESS", equalTo(0)).body("byStatus.RESOLVED", equalTo(1))
                .body("byStatus.CLOSED", equalTo(0));
        in.staff().get("/api/support-info/counts?priority=LOW,HIGH&status=OPEN").then().statusCode(200)
                .body("total", equalTo(2)).body("byStatus.OPEN", equalTo(1)).body("byStatus.NEW", equalTo(1));

        for (var bad : List.of("limit=101", "limit=0", "page=0", "page=x", "sort=bogus", "status=DONE",
                "source=FAX", "from=yesterday", "assigneeId=nope", "user=you",
                "from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z")) {
            var parts = bad.split("&");
            var request = in.staff();
            for (var pair : parts) {
                request = request.queryParam(pair.split("=", 2)[0], pair.split("=", 2)[1]);
            }
            request.get("/api/support-info").then().statusCode(400).contentType("application/problem+json");
        }
    }

    /** {@code query} as {@code a=1&b=2}, sent as query parameters (so {@code %} and spaces are encoded). */
    private static void expect(Workspace in, String query, String... ids) {
        var request = in.staff();
        for (var pair : query.split("&")) {
            if (!pair.isEmpty()) {
                var parts = pair.split("=", 2);
                request = request.queryParam(parts[0], parts[1]);
            }
        }
        request.get("/api/support-info").then().statusCode(200)
                .body("data.id", equalTo(List.of(ids))).body("total", equalTo(ids.length));
    }

    private static io.restassured.response.Response patchStatus(String id, String status) {
        return ws.staff().body(Map.of("status", status)).patch("/api/support-info/" + id);
    }

    private static long total(Workspace in) {
        return ((Number) in.staff().get("/api/support-info/counts").path("total")).longValue();
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        var copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> body, String key) {
        var copy = new HashMap<>(body);
        copy.remove(key);
        return copy;
    }

    @Test
    void demotionAndDeactivationTakeEffectOnTheNextRequest() {
        var mine = Workspace.create();
        var token = io.goftgu.testing.TestTokens.staff(mine.colleagueId(), mine.id());
        String recordId = Fixtures.as(token).body(Map.of("title", "Staff only", "source", "INBOUND_CALL", "type", "QUESTION"))
                .post("/api/support-info").then().statusCode(201).extract().path("id");
        Fixtures.userChanged(mine.id(), mine.colleagueId(), "Bob", "USER", true);
        // the token still says ADMIN; the service's projection says USER: staff-only reads and writes stop at once
        Fixtures.awaitTrue("a demoted admin still creates records", () -> Fixtures.as(token)
                .body(Map.of("title", "x", "source", "INBOUND_CALL", "type", "QUESTION")).post("/api/support-info")
                .statusCode() == 403);
        Fixtures.as(token).get("/api/support-info/" + recordId).then().statusCode(404);
        Fixtures.userChanged(mine.id(), mine.colleagueId(), "Bob", "USER", false);
        Fixtures.awaitTrue("a deactivated user still reads support info", () -> Fixtures.as(token)
                .get("/api/support-info").statusCode() == 401);
        mine.staff().get("/api/support-info/" + recordId).then().statusCode(200);
    }
}
