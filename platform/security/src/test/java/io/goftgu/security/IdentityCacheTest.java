package io.goftgu.security;

import io.goftgu.testing.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link IdentityCache} on a real PostgreSQL with the trigger of db/security/R__goftgu_identity_changed.sql on a
 * projection table: what is kept, and every way it must be forgotten (a change of the row, a change racing a read, a
 * lost listening connection); and that nothing is kept where no trigger announces changes.
 */
class IdentityCacheTest {

    private static final String TABLE = "cache_test_user";
    private static final UUID WORKSPACE = UUID.randomUUID();
    private static PGSimpleDataSource dataSource;

    private final List<IdentityCache> caches = new ArrayList<>();

    @BeforeAll
    static void database() throws IOException, SQLException {
        var server = PostgresServer.shared();
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(server.database("goftgu_security_test"));
        dataSource.setUser(server.user());
        dataSource.setPassword(server.password());
        String migration;
        try (var in = IdentityCache.class.getResourceAsStream("/db/security/R__goftgu_identity_changed.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${identity_table}", TABLE);
        }
        for (var table : List.of(TABLE, "untriggered_user")) {
            execute("CREATE TABLE IF NOT EXISTS " + table
                    + " (id uuid PRIMARY KEY, workspace_id uuid NOT NULL, role text, active boolean NOT NULL)");
        }
        execute(migration);
    }

    @AfterEach
    void close() {
        caches.forEach(IdentityCache::close);
    }

    @Test
    void aReadStatusIsKeptUntilItsRowChanges() throws Exception {
        var user = user("ADMIN");
        var other = user("ADMIN");
        var cache = listening(TABLE);
        assertNull(cache.known(user), "nothing is known before it was read");

        assertEquals("ADMIN", cache.read(user, this::status).role().name());
        assertEquals("ADMIN", cache.known(user).status().role().name());
        var stranger = UUID.randomUUID();
        assertNull(cache.read(stranger, this::status));
        assertNotNull(cache.known(stranger), "a user the projection has not heard of is known as such");
        assertNull(cache.known(stranger).status());

        // another user's change forgets only them
        cache.read(other, this::status);
        execute("UPDATE " + TABLE + " SET active = false WHERE id = '" + other + "'");
        await(() -> cache.known(other) == null, "the deactivation was never heard of");
        assertNotNull(cache.known(user));

        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("UPDATE " + TABLE + " SET role = 'USER' WHERE id = '" + user + "'");
            var committed = System.nanoTime();
            await(() -> cache.known(user) == null, "the demotion was never heard of");
            System.out.printf("a committed change was forgotten %.1f ms after its commit%n",
                    (System.nanoTime() - committed) / 1e6);
        }
        assertEquals("USER", cache.read(user, this::status).role().name());

        // and a user the projection hears of for the first time is no longer "unknown"
        execute("INSERT INTO " + TABLE + " VALUES ('" + stranger + "', '" + WORKSPACE + "', 'USER', true)");
        await(() -> cache.known(stranger) == null, "the new user was never heard of");
    }

    @Test
    void aReadThatRacesAChangeIsNotKept() throws Exception {
        var user = user("ADMIN");
        var cache = listening(TABLE);
        // the old status is read, then the row changes and its notification arrives before the read is kept
        var read = cache.read(user, id -> {
            var before = status(id);
            execute("UPDATE " + TABLE + " SET active = false WHERE id = '" + id + "'");
            sleep(500);
            return before;
        });
        assertTrue(read.active());
        assertNull(cache.known(user), "a status read while the row changed was kept");
        assertFalse(cache.read(user, this::status).active());
        assertNotNull(cache.known(user));
    }

    @Test
    void aLostConnectionAnswersNothingFromMemoryUntilItListensAgain() throws Exception {
        var user = user("ADMIN");
        var cache = listening(TABLE);
        cache.read(user, this::status);
        assertNotNull(cache.known(user));

        // the listening connection is killed, and the row changes while nobody listens
        execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'");
        execute("UPDATE " + TABLE + " SET active = false WHERE id = '" + user + "'");
        await(() -> cache.known(user) == null, "a dead connection still answered from memory");
        await(cache::listening, "never listened again");
        assertNull(cache.known(user), "what was kept before the connection was lost survived it");
        assertFalse(cache.read(user, this::status).active());
        assertFalse(cache.known(user).status().active());
    }

    @Test
    void whereNotificationsDoNotComeBackNothingIsKept() throws Exception {
        // as behind a pooler in transaction mode, where LISTEN holds for a server connection the client no longer
        // has: here the LISTEN goes to another channel, so the trigger's and the cache's own notifications never arrive
        var elsewhere = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    var result = method.invoke(dataSource, args);
                    return result instanceof java.sql.Connection connection ? listeningElsewhere(connection) : result;
                });
        var user = user("ADMIN");
        var cache = new IdentityCache(elsewhere, TABLE);
        caches.add(cache);
        sleep(2_000);
        assertFalse(cache.listening());
        assertTrue(cache.read(user, this::status).active());
        assertNull(cache.known(user), "kept though no notification can arrive");
    }

    /** The connection, with {@code LISTEN goftgu_identity} sent to another channel. */
    private static java.sql.Connection listeningElsewhere(java.sql.Connection connection) {
        return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(IdentityCacheTest.class.getClassLoader(),
                new Class<?>[] {java.sql.Connection.class}, (proxy, method, args) -> {
                    var result = method.invoke(connection, args);
                    if (!method.getName().equals("createStatement") || !(result instanceof java.sql.Statement statement)) {
                        return result;
                    }
                    return java.lang.reflect.Proxy.newProxyInstance(IdentityCacheTest.class.getClassLoader(),
                            new Class<?>[] {java.sql.Statement.class}, (p, m, a) -> m.invoke(statement,
                                    m.getName().equals("execute") && a != null && a[0] instanceof String sql
                                            ? new Object[] {sql.replace("LISTEN " + IdentityCache.CHANNEL, "LISTEN elsewhere")}
                                            : a));
                });
    }

    @Test
    void withoutTheTriggerNothingIsKept() throws Exception {
        var user = UUID.randomUUID();
        execute("INSERT INTO untriggered_user VALUES ('" + user + "', '" + WORKSPACE + "', 'ADMIN', true)");
        var cache = new IdentityCache(dataSource, "untriggered_user");
        caches.add(cache);
        sleep(1_000);
        assertFalse(cache.listening());
        var directory = IdentityDirectory.jdbc(dataSource,
                "SELECT workspace_id, role, active FROM untriggered_user WHERE id = ?");
        assertTrue(cache.read(user, directory::status).active());
        assertNull(cache.known(user), "kept with nothing to announce its changes");
    }

    private IdentityCache listening(String table) {
        var cache = new IdentityCache(dataSource, table);
        caches.add(cache);
        await(cache::listening, "never listened");
        return cache;
    }

    private IdentityDirectory.Status status(UUID userId) {
        return IdentityDirectory.jdbc(dataSource, "SELECT workspace_id, role, active FROM " + TABLE + " WHERE id = ?")
                .status(userId);
    }

    private static UUID user(String role) {
        var id = UUID.randomUUID();
        execute("INSERT INTO " + TABLE + " VALUES ('" + id + "', '" + WORKSPACE + "', '" + role + "', true)");
        return id;
    }

    private static void execute(String sql) {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String message) {
        var deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, message);
            sleep(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
