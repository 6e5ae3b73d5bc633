package io.goftgu.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Quarkus test resource: a real PostgreSQL database named by the {@code database} init arg. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private String database = "goftgu_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        return PostgresServer.shared().quarkusConfig(database);
    }

    @Override
    public void stop() {
        // shared by every test of the JVM; removed when the JVM exits
    }
}
