package io.goftgu.gateway.edge;

import io.goftgu.gateway.support.GatewayTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /q/metrics carries the gateway's domain figures: logins by outcome, lockouts, rate-limit refusals, and the
 * identity events its outbox published.
 */
@QuarkusTest
class MetricsTest extends GatewayTest {

    @Test
    void loginsLockoutsRefusalsAndPublishedEventsAreCounted() throws InterruptedException {
        var before = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        var workspace = signUp("metrics");
        var address = freshAddress();
        loginResponse(workspace.slug(), workspace.adminEmail(), PASSWORD, address).then().statusCode(200);
        var sawLockout = false;
        for (int i = 0; i < 8 && !sawLockout; i++) {
            sawLockout = loginResponse(workspace.slug(), workspace.adminEmail(), "wrong password!", address)
                    .statusCode() == 429;
        }
        assertTrue(sawLockout, "the throttle answered 429");

        var deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String metrics;
        do { // the workspace's identity events are published by the relay shortly after the commit
            metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
            if (value(metrics, "goftgu_outbox_events_published_total", "type=\"identity.workspace.created\"") >= 1) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);

        var finalMetrics = metrics;
        assertTrue(value(metrics, "goftgu_gateway_logins_total", "outcome=\"success\"")
                > value(before, "goftgu_gateway_logins_total", "outcome=\"success\""),
                () -> finalMetrics.lines().filter(l -> l.startsWith("goftgu_gateway")).toList() + " before "
                        + before.lines().filter(l -> l.startsWith("goftgu_gateway")).toList());
        assertTrue(value(metrics, "goftgu_gateway_logins_total", "outcome=\"failure\"")
                >= value(before, "goftgu_gateway_logins_total", "outcome=\"failure\"") + 1);
        assertTrue(value(metrics, "goftgu_gateway_logins_total", "outcome=\"locked-out\"")
                > value(before, "goftgu_gateway_logins_total", "outcome=\"locked-out\""));
        assertTrue(value(metrics, "goftgu_gateway_rate_limited_total", "route=\"login\"")
                > value(before, "goftgu_gateway_rate_limited_total", "route=\"login\""));
        assertTrue(value(metrics, "goftgu_outbox_events_published_total", "type=\"identity.workspace.created\"") >= 1,
                "identity events published");
        assertTrue(metrics.contains("goftgu_outbox_relay_lag_seconds"), "relay lag");
        assertTrue(metrics.contains("http_server_requests_seconds_count"), "HTTP server metrics");
    }

    /** The value of one series (by name and one label), 0 when absent; an exemplar (tracing on) may follow it. */
    static double value(String metrics, String name, String label) {
        var m = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(label) + "[^}]*} ([0-9.eE+-]+)( #.*)?$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
