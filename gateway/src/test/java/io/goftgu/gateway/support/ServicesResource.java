package io.goftgu.gateway.support;

import io.goftgu.testing.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Quarkus test resource: routes internal chat, support chat and realtime to {@link FakeService}, and support info to a
 * port where nothing listens (a service that is down). Support chat and realtime are lists of two replicas whose first
 * is such a dead port, so their requests (and the public endpoints' internal calls) go through the failover.
 */
public class ServicesResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        var service = "http://127.0.0.1:" + FakeService.start();
        var replicas = "http://127.0.0.1:" + FreePorts.next() + "," + service;
        return Map.of(
                "goftgu.routes.internal-chat", service,
                "goftgu.routes.support-chat", replicas,
                "goftgu.routes.realtime", replicas,
                "goftgu.routes.support-info", "http://127.0.0.1:" + FreePorts.next(),
                "goftgu.routes.connect-timeout", "2s");
    }

    @Override
    public void stop() {
        // the fake service lives as long as the JVM
    }
}
