package io.goftgu.supportchat;

import io.goftgu.testing.KafkaResource;
import io.goftgu.testing.PostgresResource;
import io.goftgu.testing.TestTokens;
import io.goftgu.testing.TokensResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the support-chat HTTP tests share. Support chat runs through the real HTTP stack, on a real PostgreSQL and a
 * real Kafka broker: users arrive as {@code identity.events} and agents' presence as {@code realtime.signals} (as
 * gateway and realtime-service publish them), tokens come from {@link TestTokens}, and events are read back from
 * {@code support-chat.events}. The schedulers' work (SLA scan, auto-close) is driven directly at chosen instants.
 * The test resources are declared here, once, so every test class runs against the same application.
 */
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "support_chat"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokensResource.class)
abstract class SupportChatTestSupport {

    static final UUID WORKSPACE = UUID.randomUUID();
    static final UUID OTHER_WORKSPACE = UUID.randomUUID();

    static final String INTERNAL = "test-internal-secret";
    static UUID agent;
    static UUID agent2;
    static UUID customer;
    static UUID customer2;
    static UUID otherStaff;
    static String otherLabel;

    @Inject
    EntityManager entityManager;

    /** Once per class; in a @BeforeEach because Quarkus points RestAssured at the random port per test. */
    @BeforeEach
    void people() {
        if (agent != null) {
            return;
        }
        agent = Signals.user(WORKSPACE, "Agent", "ADMIN");
        agent2 = Signals.user(WORKSPACE, "Agent Two", "ADMIN");
        customer = Signals.user(WORKSPACE, "Customer", "USER");
        customer2 = Signals.user(WORKSPACE, "Customer Two", "USER");
        otherStaff = Signals.user(OTHER_WORKSPACE, "Stranger", "ADMIN");
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM workspace_user WHERE id IN (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, agent).setParameter(2, agent2).setParameter(3, customer).setParameter(4, customer2)
                .setParameter(5, otherStaff).getSingleResult()).intValue()) < 5) {
            assertTrue(System.nanoTime() < deadline, "identity.events never reached the projection");
            sleep(100);
        }
        otherLabel = as(otherStaff).body(Map.of("name", "foreign", "color", "#000000"))
                .post("/api/support-chat/labels").then().statusCode(201).extract().path("id");
    }

    static RequestSpecification as(UUID user) {
        String token;
        if (user.equals(otherStaff)) {
            token = TestTokens.staff(user, OTHER_WORKSPACE);
        } else if (user.equals(customer) || user.equals(customer2)) {
            token = TestTokens.customer(user, WORKSPACE);
        } else {
            token = TestTokens.staff(user, WORKSPACE);
        }
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static RequestSpecification asGuest(String guestId) {
        return RestAssured.given().auth().oauth2(TestTokens.guest(UUID.fromString(guestId), WORKSPACE)).contentType(ContentType.JSON);
    }

    static String ticket(UUID by, String subject) {
        Map<String, Object> body = by.equals(customer) || by.equals(customer2)
                ? Map.of("subject", subject, "description", "details")
                : Map.of("subject", subject, "description", "details", "requesterId", customer);
        return as(by).body(body).post("/api/support-chat").then().statusCode(201).extract().path("id");
    }

    static io.restassured.response.ValidatableResponse say(RequestSpecification as, String ticketId, String body, boolean internal) {
        return as.body(Map.of("body", body, "clientMessageId", UUID.randomUUID(), "internal", internal))
                .post("/api/support-chat/" + ticketId + "/messages").then();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> startGuest(Map<String, Object> extra) {
        var body = new java.util.HashMap<String, Object>(Map.of("workspaceId", WORKSPACE, "subject", "سفارش من کجاست؟",
                "message", "سلام، سفارشم نرسیده", "name", "Visitor", "email", "visitor@example.com",
                "userAgent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1",
                "referrer", "https://shop.example/cart", "utmSource", "newsletter"));
        body.putAll(extra);
        return RestAssured.given().contentType(ContentType.JSON).header("X-Goftgu-Internal", INTERNAL).body(body)
                .post("/internal/support-chat/guests/start").then().statusCode(201).extract().as(Map.class);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void await(java.util.function.BooleanSupplier condition) {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met in 30 s");
            sleep(100);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static org.hamcrest.Matcher everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }
}
