package io.goftgu.supportinfo;

import io.goftgu.supportinfo.Fixtures.Workspace;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** /q/metrics carries support info's figures: the records created, as published events, and the relay lag. */
@QuarkusTest
class MetricsTest {

    @Test
    void createdRecordsArePublishedAndCounted() throws InterruptedException {
        var ws = Workspace.create();
        ws.staff().body(Map.of("title", "metered call", "source", "OUTBOUND_CALL", "type", "QUESTION"))
                .post("/api/support-info").then().statusCode(201);
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String metrics;
        do {
            metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
            if (value(metrics, "goftgu_outbox_events_published_total", "type=\"support-info.record.created\"") >= 1) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertTrue(value(metrics, "goftgu_outbox_events_published_total", "type=\"support-info.record.created\"") >= 1);
        assertTrue(metrics.contains("goftgu_outbox_relay_lag_seconds_count"));
        assertTrue(metrics.contains("http_server_requests_seconds_count"));
    }

    /** The value of one series (by name and one label), 0 when absent; an exemplar (tracing on) may follow it. */
    static double value(String metrics, String name, String label) {
        var m = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(label) + "[^}]*} ([0-9.eE+-]+)( #.*)?$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
