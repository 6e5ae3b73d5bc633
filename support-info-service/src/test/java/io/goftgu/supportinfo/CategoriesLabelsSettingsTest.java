package io.goftgu.supportinfo;

import io.goftgu.events.EventTypes;
import io.goftgu.supportinfo.Fixtures.Workspace;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The workspace configuration of support info: the category tree (no cycles, no deleting what records use unless
 * they move), labels (unique names, colours) and settings; staff only, and never across workspaces.
 */
@QuarkusTest
class CategoriesLabelsSettingsTest {

    static Workspace ws;
    static Workspace other;

    @BeforeEach
    void workspaces() {
        if (ws == null) {
            ws = Workspace.create();
            other = Workspace.create();
        }
    }

    static String category(Workspace in, String name, String parentId) {
        var body = new HashMap<String, Object>(Map.of("name", name));
        body.put("parentId", parentId);
        return in.staff().body(body).post("/api/support-info/categories").then().statusCode(201)
                .extract().path("id");
    }

    static String tree(Workspace in) {
        return in.staff().get("/api/support-info/categories").then().statusCode(200).extract().asString();
    }

    @Test
    void categoryTreeCrudWithoutCycles() {
        var top = category(ws, "خدمات", null);
        var mid = category(ws, "نصب", top);
        var leaf = category(ws, "Onsite", mid);
        ws.staff().get("/api/support-info/categories/" + leaf).then().statusCode(200)
                .body("parentId", equalTo(mid)).body("name", equalTo("Onsite"));
        ws.staff().get("/api/support-info/categories").then().body("id", hasItem(top));

        ws.staff().body(Map.of("name", "نصب")).post("/api/support-info/categories").then().statusCode(201);
        ws.staff().body(Map.of("name", "نصب", "parentId", top)).post("/api/support-info/categories").then()
                .statusCode(409).contentType("application/problem+json");
        ws.staff().body(Map.of("name", "خدمات")).post("/api/support-info/categories").then().statusCode(409);

        var before = tree(ws);
        ws.staff().body(Map.of("parentId", leaf)).patch("/api/support-info/categories/" + top).then()
                .statusCode(400).body("errors.field", hasItem("parentId"));
        ws.staff().body(Map.of("parentId", top)).patch("/api/support-info/categories/" + top).then().statusCode(400);
        var otherTop = category(other, "Elsewhere", null);
        ws.staff().body(Map.of("parentId", otherTop)).patch("/api/support-info/categories/" + leaf).then()
                .statusCode(400);
        ws.staff().body(Map.of("name", "x", "parentId", otherTop)).post("/api/support-info/categories").then()
                .statusCode(400);
        ws.staff().body(Map.of("name", " ")).post("/api/support-info/categories").then().statusCode(400)
                .body("errors.field", hasItem("name"));
        other.staff().body(Map.of("name", "stolen")).patch("/api/support-info/categories/" + leaf).then()
                .statusCode(404);
        other.staff().delete("/api/support-info/categories/" + leaf).then().statusCode(404);
        assertEquals(before, tree(ws));

        ws.staff().body(Map.of("name", "Onsite visits", "position", 3)).patch("/api/support-info/categories/" + leaf)
                .then().statusCode(200).body("name", equalTo("Onsite visits")).body("position", equalTo(3));
        var moveUp = new HashMap<String, Object>();
        moveUp.put("parentId", null);
        ws.staff().body(moveUp).patch("/api/support-info/categories/" + leaf).then().statusCode(200)
                .body("parentId", nullValue());
        ws.staff().delete("/api/support-info/categories/" + top).then().statusCode(409);
        ws.staff().delete("/api/support-info/categories/" + mid).then().statusCode(204);
        ws.staff().delete("/api/support-info/categories/" + top).then().statusCode(204);
        ws.staff().get("/api/support-info/categories/" + top).then().statusCode(404);
    }

    @Test
    void deletingACategoryInUseIsAConflictUnlessItsRecordsMove() {
        var from = category(ws, "Old", null);
        var to = category(ws, "New", null);
        var record = ws.staff().body(Map.of("title", "Call", "source", "INBOUND_CALL", "type", "QUESTION",
                "categoryId", from)).post("/api/support-info").then().statusCode(201).extract().<String>path("id");

        ws.staff().delete("/api/support-info/categories/" + from).then().statusCode(409)
                .contentType("application/problem+json");
        ws.staff().delete("/api/support-info/categories/" + from + "?moveTo=" + from).then().statusCode(400);
        ws.staff().delete("/api/support-info/categories/" + from + "?moveTo=" + category(other, "Theirs", null))
                .then().statusCode(400);
        ws.staff().get("/api/support-info/" + record).then().body("categoryId", equalTo(from));

        ws.staff().delete("/api/support-info/categories/" + from + "?moveTo=" + to).then().statusCode(204);
        ws.staff().get("/api/support-info/" + record).then().body("categoryId", equalTo(to))
                .body("category.name", equalTo("New"));
        ws.staff().get("/api/support-info/categories").then().body("id", not(hasItem(from)));
        var events = Fixtures.events(UUID.fromString(record), 2);
        assertEquals(EventTypes.SupportInfo.RECORD_UPDATED, events.get(1).type());
        assertEquals(to, events.get(1).payload().path("categoryId").asText());
    }

    @Test
    void labelsCrudUniqueNamesColoursAndDeletingTakesThemOffRecords() {
        var urgent = ws.staff().body(Map.of("name", "Urgent", "color", "#ff0000")).post("/api/support-info/labels")
                .then().statusCode(201).body("color", equalTo("#FF0000")).extract().<String>path("id");
        ws.staff().body(Map.of("name", "urgent", "color", "#00ff00")).post("/api/support-info/labels").then()
                .statusCode(409).contentType("application/problem+json");
        ws.staff().body(Map.of("name", "Red", "color", "red")).post("/api/support-info/labels").then()
                .statusCode(400).body("errors.field", hasItem("color"));
        ws.staff().body(Map.of("color", "#123456")).post("/api/support-info/labels").then().statusCode(400)
                .body("errors.field", hasItem("name"));
        // the same name in another workspace is another label
        other.staff().body(Map.of("name", "Urgent", "color", "#ff0000")).post("/api/support-info/labels").then()
                .statusCode(201);

        ws.staff().body(Map.of("color", "#00aa00")).patch("/api/support-info/labels/" + urgent).then().statusCode(200)
                .body("color", equalTo("#00AA00")).body("name", equalTo("Urgent"));
        ws.staff().body(Map.of("color", "#12345")).patch("/api/support-info/labels/" + urgent).then().statusCode(400);
        other.staff().body(Map.of("name", "stolen")).patch("/api/support-info/labels/" + urgent).then().statusCode(404);
        other.staff().delete("/api/support-info/labels/" + urgent).then().statusCode(404);
        other.staff().get("/api/support-info/labels/" + urgent).then().statusCode(404);
        ws.staff().get("/api/support-info/labels/" + urgent).then().statusCode(200).body("name", equalTo("Urgent"))
                .body("color", equalTo("#00AA00"));

        var record = ws.staff().body(Map.of("title", "Tagged", "source", "INBOUND_CALL", "type", "QUESTION",
                "labelIds", List.of(urgent))).post("/api/support-info").then().statusCode(201)
                .extract().<String>path("id");
        ws.staff().delete("/api/support-info/labels/" + urgent).then().statusCode(204);
        ws.staff().get("/api/support-info/" + record).then().body("labelIds", equalTo(List.of()));
        ws.staff().get("/api/support-info/labels").then().body("id", not(hasItem(urgent)));
    }

    @Test
    void settingsDefaultOnAndStaffOnly() {
        var own = Workspace.create();
        own.staff().get("/api/support-info/settings").then().statusCode(200)
                .body("recordResolvedTickets", equalTo(true));
        own.staff().body(Map.of("recordResolvedTickets", false)).put("/api/support-info/settings").then()
                .statusCode(200).body("recordResolvedTickets", equalTo(false));
        own.staff().get("/api/support-info/settings").then().body("recordResolvedTickets", equalTo(false));
        own.staff().body(Map.of()).put("/api/support-info/settings").then().statusCode(400)
                .body("errors.field", hasItem("recordResolvedTickets"));
        own.staff().body(Map.of("recordResolvedTickets", "maybe")).put("/api/support-info/settings").then()
                .statusCode(400);
        own.customer().body(Map.of("recordResolvedTickets", true)).put("/api/support-info/settings").then()
                .statusCode(403);
        own.customer().get("/api/support-info/settings").then().statusCode(403);
        own.staff().get("/api/support-info/settings").then().body("recordResolvedTickets", equalTo(false));
        // another workspace keeps its default
        other.staff().get("/api/support-info/settings").then().body("recordResolvedTickets", equalTo(true));
    }

    @Test
    void configurationIsStaffOnly() {
        for (var path : List.of("/api/support-info/categories", "/api/support-info/labels")) {
            ws.customer().get(path).then().statusCode(403).contentType("application/problem+json");
            ws.customer().body(Map.of("name", "x", "color", "#000000")).post(path).then().statusCode(403);
            ws.guest().get(path).then().statusCode(403);
        }
    }
}
