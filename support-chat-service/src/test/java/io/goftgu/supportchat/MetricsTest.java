package io.goftgu.supportchat;

import io.goftgu.supportchat.service.TicketMetrics;
import io.goftgu.testing.KafkaResource;
import io.goftgu.testing.PostgresResource;
import io.goftgu.testing.TestTokens;
import io.goftgu.testing.TokensResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** /q/metrics carries support chat's figures: tickets by status, SLA states, and the ticket events published. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "support_chat"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokensResource.class)
class MetricsTest {

    @Inject
    TicketMetrics ticketMetrics;
    @Inject
    EntityManager entityManager;

    @Test
    void ticketsByStatusSlaStatesAndPublishedTicketEvents() throws InterruptedException {
        var workspace = UUID.randomUUID();
        var customer = Signals.user(workspace, "Metered", "USER");
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM workspace_user WHERE id = ?1").setParameter(1, customer).getSingleResult())
                .intValue()) == 0) {
            assertTrue(System.nanoTime() < deadline, "identity.events never reached the projection");
            Thread.sleep(100);
        }
        RestAssured.given().auth().oauth2(TestTokens.customer(customer, workspace)).contentType(ContentType.JSON)
                .body(Map.of("subject", "metered", "description", "details"))
                .post("/api/support-chat").then().statusCode(201);

        ticketMetrics.refresh();
        String metrics;
        do {
            metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
            if (value(metrics, "goftgu_outbox_events_published_total", "type=\"support-chat.ticket.created\"") >= 1) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);

        assertTrue(value(metrics, "goftgu_support_chat_tickets", "status=\"OPEN\"") >= 1, "open tickets counted");
        for (var state : new String[] {"on-track", "at-risk", "breached"}) {
            assertTrue(metrics.contains("goftgu_support_chat_tickets_sla{state=\"" + state + "\"}"), state);
        }
        assertTrue(value(metrics, "goftgu_outbox_events_published_total", "type=\"support-chat.ticket.created\"") >= 1);
        assertTrue(metrics.contains("goftgu_outbox_relay_lag_seconds_count"));
    }

    /** The value of one series (by name and one label), 0 when absent; an exemplar (tracing on) may follow it. */
    static double value(String metrics, String name, String label) {
        var m = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(label) + "[^}]*} ([0-9.eE+-]+)( #.*)?$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
