package io.goftgu.gateway.support;

import io.goftgu.testing.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Quarkus test resource: routes internal chat, support chat and realtime to {@link FakeService}, and support info to a
 * port where nothing listens (a service that is down).
 */
public class ServicesResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        var service = "http://127.0.0.1:" + FakeService.start();
        return Map.of(
                "goftgu.routes.internal-chat", service,
                "goftgu.routes.support-chat", service,
                "goftgu.routes.realtime", service,
                "goftgu.routes.support-info", "http://127.0.0.1:" + FreePorts.next(),
                "goftgu.routes.connect-timeout", "2s");
    }

    @Override
    public void stop() {
        // the fake service lives as long as the JVM
    }
}
