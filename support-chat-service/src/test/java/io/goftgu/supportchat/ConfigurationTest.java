package io.goftgu.supportchat;

import io.goftgu.supportchat.domain.Category;
import io.goftgu.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/** A workspace's configuration: categories, canned responses and labels, each scoped to its workspace. */
@QuarkusTest
class ConfigurationTest extends SupportChatTestSupport {

    @Test
    void categoriesAreScopedToTheCallersWorkspace() {
        // workspaces of its own: other tests add categories to WORKSPACE
        var workspace = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            category(workspace, "پشتیبانی فنی");
            category(UUID.randomUUID(), "Other tenant");
        });
        RestAssured.given().auth().oauth2(TestTokens.staff(UUID.randomUUID(), workspace))
                .get("/api/support-chat/categories").then().statusCode(200).body("name", equalTo(List.of("پشتیبانی فنی")));
    }

    private static void category(UUID workspace, String name) {
        var category = new Category();
        category.id = UUID.randomUUID();
        category.workspaceId = workspace;
        category.name = name;
        category.createdAt = Instant.now();
        category.persist();
    }

    @Test
    void aCategoryOrLabelPatchChangesOnlyWhatItSends() {
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        var parent = as(agent).body(Map.of("name", "parent-" + suffix)).post("/api/support-chat/categories")
                .then().statusCode(201).extract().<String>path("id");
        var child = as(agent).body(Map.of("name", "child-" + suffix, "parentId", parent)).post("/api/support-chat/categories")
                .then().statusCode(201).extract().<String>path("id");
        as(agent).body(Map.of("position", 3)).patch("/api/support-chat/categories/" + child).then().statusCode(200)
                .body("name", equalTo("child-" + suffix)).body("parentId", equalTo(parent)).body("position", equalTo(3));
        var toTop = new java.util.HashMap<String, Object>();
        toTop.put("parentId", null);
        as(agent).body(toTop).patch("/api/support-chat/categories/" + child).then().statusCode(200)
                .body("parentId", equalTo(null)).body("name", equalTo("child-" + suffix));
        as(agent).body(Map.of("name", " ")).patch("/api/support-chat/categories/" + child).then().statusCode(400)
                .contentType("application/problem+json");
        as(agent).body(Map.of("parentId", child)).patch("/api/support-chat/categories/" + child).then().statusCode(400);
        as(otherStaff).body(Map.of("position", 1)).patch("/api/support-chat/categories/" + child).then().statusCode(404);
        as(customer).body(Map.of("position", 1)).patch("/api/support-chat/categories/" + child).then().statusCode(403);

        var label = as(agent).body(Map.of("name", "label-" + suffix, "color", "#ff0000")).post("/api/support-chat/labels")
                .then().statusCode(201).extract().<String>path("id");
        as(agent).body(Map.of("color", "#00FF00")).patch("/api/support-chat/labels/" + label).then().statusCode(200)
                .body("name", equalTo("label-" + suffix)).body("color", equalTo("#00ff00"));
        as(agent).body(Map.of("name", "renamed-" + suffix)).patch("/api/support-chat/labels/" + label).then().statusCode(200)
                .body("name", equalTo("renamed-" + suffix)).body("color", equalTo("#00ff00"));
        as(agent).body(Map.of("color", "green")).patch("/api/support-chat/labels/" + label).then().statusCode(400);
        var noColor = new java.util.HashMap<String, Object>();
        noColor.put("color", null);
        as(agent).body(noColor).patch("/api/support-chat/labels/" + label).then().statusCode(400);
        as(otherStaff).body(Map.of("name", "x")).patch("/api/support-chat/labels/" + label).then().statusCode(404);
        as(customer).body(Map.of("name", "x")).patch("/api/support-chat/labels/" + label).then().statusCode(403);
        as(agent).get("/api/support-chat/labels").then().body("find { it.id == '" + label + "' }.name", equalTo("renamed-" + suffix));
    }

    @Test
    void cannedResponsesAndLabelsAreWorkspaceConfiguration() {
        var code = "greet" + UUID.randomUUID().toString().substring(0, 4);
        var id = as(agent).body(Map.of("shortCode", code, "title", "Greeting", "body", "سلام! چطور کمک کنم؟"))
                .post("/api/support-chat/canned-responses").then().statusCode(201).extract().<String>path("id");
        as(agent).body(Map.of("shortCode", code.toUpperCase(), "title", "dup", "body", "x"))
                .post("/api/support-chat/canned-responses").then().statusCode(409);
        as(agent).body(Map.of("shortCode", "bad code!", "title", "t", "body", "x")).post("/api/support-chat/canned-responses").then().statusCode(400);
        as(agent).get("/api/support-chat/canned-responses?q=" + code).then().body("id", equalTo(List.of(id)));
        as(agent).body(Map.of("shortCode", code, "title", "Hello", "body", "Hi")).put("/api/support-chat/canned-responses/" + id)
                .then().statusCode(200).body("title", equalTo("Hello"));
        as(otherStaff).get("/api/support-chat/canned-responses/" + id).then().statusCode(404);
        as(customer).get("/api/support-chat/canned-responses").then().statusCode(403);
        as(agent).delete("/api/support-chat/canned-responses/" + id).then().statusCode(204);
        as(agent).get("/api/support-chat/canned-responses/" + id).then().statusCode(404);
        var name = "urgent-" + UUID.randomUUID().toString().substring(0, 4);
        as(agent).body(Map.of("name", name, "color", "#ff0000")).post("/api/support-chat/labels").then().statusCode(201);
        as(agent).body(Map.of("name", name.toUpperCase(), "color", "#ff0000")).post("/api/support-chat/labels").then().statusCode(409);
        as(agent).body(Map.of("name", "x", "color", "red")).post("/api/support-chat/labels").then().statusCode(400);
        as(customer).body(Map.of("name", "mine", "color", "#ff0000")).post("/api/support-chat/labels").then().statusCode(403);
    }
}
