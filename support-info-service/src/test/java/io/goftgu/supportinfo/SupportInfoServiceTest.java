package io.goftgu.supportinfo;

import io.goftgu.supportinfo.domain.Category;
import io.goftgu.testing.KafkaResource;
import io.goftgu.testing.PostgresResource;
import io.goftgu.testing.TestTokens;
import io.goftgu.testing.TokensResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service runs secured, on its own real PostgreSQL database with the outbox migrated, and reports health;
 * categories are read within the caller's workspace only. This class carries the module's one test resource set
 * (real PostgreSQL, real Kafka, tokens); Quarkus applies it to every test class, so they share one running app.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "support_info"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokensResource.class)
class SupportInfoServiceTest {

    static final UUID WORKSPACE = UUID.randomUUID();
    static final UUID OTHER_WORKSPACE = UUID.randomUUID();

    @Inject
    EntityManager entityManager;

    @Test
    void readyWithItsDatabaseAndOutbox() {
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        long pending = QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("SELECT count(*) FROM outbox_event").getSingleResult())
                        .longValue());
        assertEquals(0, pending);
    }

    @Test
    void categoriesAreScopedToTheCallersWorkspace() {
        QuarkusTransaction.requiringNew().run(() -> {
            category(WORKSPACE, "پشتیبانی فنی");
            category(OTHER_WORKSPACE, "Other tenant");
        });
        RestAssured.given().auth().oauth2(TestTokens.staff(UUID.randomUUID(), WORKSPACE))
                .get("/api/support-info/categories").then().statusCode(200).body("name", equalTo(List.of("پشتیبانی فنی")));
    }

    @Test
    void callersWithoutTheRightTokenAreRefused() {
        RestAssured.get("/api/support-info/categories").then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().auth().oauth2("garbage").get("/api/support-info/categories").then().statusCode(401);
        RestAssured.given().auth().oauth2(TestTokens.customer(UUID.randomUUID(), WORKSPACE))
                .get("/api/support-info/categories").then().statusCode(403);
    }

    private static void category(UUID workspace, String name) {
        var category = new Category();
        category.id = UUID.randomUUID();
        category.workspaceId = workspace;
        category.name = name;
        category.createdAt = Instant.now();
        category.persist();
    }
}
