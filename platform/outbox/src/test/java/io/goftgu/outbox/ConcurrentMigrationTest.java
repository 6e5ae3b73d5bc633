package io.goftgu.outbox;

import io.goftgu.testing.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several replicas of a service starting at once (a Helm install or upgrade with replicas > 1) all run
 * {@code quarkus.flyway.migrate-at-start}: Flyway's PostgreSQL advisory lock makes them take turns, so each
 * migration is applied exactly once and every replica starts. This is why the chart needs no migration Job.
 */
class ConcurrentMigrationTest {

    @Test
    void replicasMigratingTogetherApplyEachMigrationOnce() throws Exception {
        var server = PostgresServer.shared();
        var url = server.database("flyway_race_" + UUID.randomUUID().toString().substring(0, 8).replace("-", ""));
        int replicas = 4;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(replicas);
        try {
            var results = new ArrayList<Future<Integer>>();
            for (int i = 0; i < replicas; i++) {
                results.add(pool.submit(() -> {
                    var flyway = Flyway.configure().dataSource(url, server.user(), server.password())
                            .locations("classpath:db/outbox").load();
                    start.await();
                    return flyway.migrate().migrationsExecuted;
                }));
            }
            start.countDown();
            int executed = 0;
            for (var result : results) {
                executed += result.get(60, TimeUnit.SECONDS); // none failed
            }
            try (var connection = DriverManager.getConnection(url, server.user(), server.password());
                 var statement = connection.createStatement()) {
                int migrations;
                try (var rs = statement.executeQuery("SELECT count(*), count(DISTINCT script) FROM flyway_schema_history"
                        + " WHERE success AND type <> 'SCHEMA'")) {
                    rs.next();
                    migrations = rs.getInt(2);
                    assertEquals(rs.getInt(2), rs.getInt(1), "each migration recorded once");
                }
                assertEquals(migrations, executed, "each migration ran in exactly one replica");
                assertTrue(migrations >= 2, "V0_1 and the repeatable trace columns");
                try (var rs = statement.executeQuery("SELECT count(*) FROM information_schema.columns"
                        + " WHERE table_name = 'outbox_event' AND column_name IN ('trace_parent', 'event_type')")) {
                    rs.next();
                    assertEquals(2, rs.getInt(1));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
