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
