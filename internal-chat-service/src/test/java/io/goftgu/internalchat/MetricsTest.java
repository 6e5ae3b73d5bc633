package io.goftgu.internalchat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** /q/metrics carries internal chat's figures: messages sent (as published events) and the relay lag. */
@QuarkusTest
class MetricsTest extends ChatTestSupport {

    @Test
    void sentMessagesAreCounted() {
        var workspace = UUID.randomUUID();
        var me = staff(workspace, "Metered One");
        var colleague = staff(workspace, "Metered Two");
        awaitColleagues(me, 1);
        var room = group(me, "metered", colleague);
        send(me, room, "hello");

        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String metrics;
        do {
            metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
            if (value(metrics, "goftgu_outbox_events_published_total", "type=\"internal-chat.message.created\"") >= 1) {
                break;
            }
            sleep(100);
        } while (System.nanoTime() < deadline);
        assertTrue(value(metrics, "goftgu_outbox_events_published_total", "type=\"internal-chat.message.created\"") >= 1,
                "messages sent");
        assertTrue(metrics.contains("goftgu_outbox_relay_lag_seconds_count"));
    }

    /** The value of one series (by name and one label), 0 when absent; an exemplar (tracing on) may follow it. */
    static double value(String metrics, String name, String label) {
        var m = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(label) + "[^}]*} ([0-9.eE+-]+)( #.*)?$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
