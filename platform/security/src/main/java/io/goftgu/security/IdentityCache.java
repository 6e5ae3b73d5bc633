package io.goftgu.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The statuses {@link TokenRevocation} read from a service's identity projection, kept until the projection changes, so
 * that a request's token check needs neither a query nor a hop to a worker thread (docs/benchmarks.md, "Eleventh
 * round"). A trigger on the projection table (db/security/R__goftgu_identity_changed.sql) sends {@code NOTIFY
 * goftgu_identity} with the user's id when the row is inserted, deleted, or its workspace, role or active flag is
 * written; PostgreSQL delivers it at commit to one connection of every replica, which {@code LISTEN}s here and forgets
 * that user. So a deactivation or demotion counts from the moment the projection commits it, as when every request
 * read the table, give or take the notification's delivery (well under a millisecond on a healthy connection).
 * <p>
 * Nothing is answered from memory unless it is certain to be told of changes:
 * <ul>
 * <li>only while the listening connection is up and the trigger is on the table (checked when it connects): a lost
 *     connection forgets everything at once, and the first connection, or a new one, starts from nothing;</li>
 * <li>a status read while any notification arrived, or while not listening, is not kept (a read that raced a change
 *     could hold the old status);</li>
 * <li>a connection that died without a word (a dropped network) is found by a check every {@link #CHECK_EVERY}, and
 *     nothing is kept longer than {@link #MAX_AGE} in any case.</li>
 * </ul>
 */
final class IdentityCache implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(IdentityCache.class);

    static final String CHANNEL = "goftgu_identity";
    static final String TRIGGER = "goftgu_identity_changed";
    static final Duration MAX_AGE = Duration.ofSeconds(30);
    static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    /** A kept status; {@code status} is null for a user the projection has not heard of. */
    private record Kept(IdentityDirectory.Status status) {
    }

    private final DataSource dataSource;
    private final String table;
    private final Cache<UUID, Kept> kept = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(MAX_AGE).build();
    /** Moves on every notification and every change of {@link #listening}: a read that saw it move keeps nothing. */
    private final AtomicLong changes = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean closed;
    private final Thread listener;

    IdentityCache(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
        this.listener = Thread.ofPlatform().daemon().name("identity-listener").start(this::listen);
    }

    /** The kept answer for the user, or null when it must be read (through {@link #read}). */
    IdentityDirectory.Known known(UUID userId) {
        if (!listening) {
            return null;
        }
        var found = kept.getIfPresent(userId);
        return found == null ? null : new IdentityDirectory.Known(found.status());
    }

    /** Reads the user's status with {@code reader} and keeps it when nothing can have changed meanwhile. */
    IdentityDirectory.Status read(UUID userId, Function<UUID, IdentityDirectory.Status> reader) {
        var before = changes.get();
        var wasListening = listening;
        var status = reader.apply(userId);
        if (wasListening && changes.get() == before) {
            kept.put(userId, new Kept(status));
            // a notification that came between the check above and the put: it may have missed this entry
            if (changes.get() != before) {
                kept.invalidate(userId);
            }
        }
        return status;
    }

    /** Whether answers may come from memory now (tests wait for it). */
    boolean listening() {
        return listening;
    }

    @Override
    public void close() {
        closed = true;
        listener.interrupt();
    }

    private void forget(UUID userId) {
        changes.incrementAndGet();
        kept.invalidate(userId);
    }

    private void forgetAll(boolean listeningNow) {
        changes.incrementAndGet();
        listening = listeningNow;
        kept.invalidateAll();
        changes.incrementAndGet();
    }

    private void listen() {
        while (!closed) {
            try (var connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                if (!triggerIsOn(connection)) {
                    LOG.errorf("no %s trigger on %s: every token check reads the table (run the service's migrations)",
                            TRIGGER, table);
                    return;
                }
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                forgetAll(true);
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    LOG.warnf("listening for identity changes failed (%s); token checks read the table until it is back",
                            e.toString());
                }
            } finally {
                forgetAll(false);
            }
            try {
                Thread.sleep(RETRY_AFTER);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean triggerIsOn(Connection connection) throws SQLException {
        try (var query = connection.prepareStatement(
                "SELECT 1 FROM pg_trigger WHERE tgname = ? AND tgrelid = to_regclass(?) AND tgenabled <> 'D'")) {
            query.setString(1, TRIGGER);
            query.setString(2, table);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private void receive(Connection connection) throws SQLException {
        var pg = connection.unwrap(PGConnection.class);
        var checked = System.nanoTime();
        while (!closed) {
            var notifications = pg.getNotifications((int) CHECK_EVERY.toMillis());
            if (notifications != null) {
                for (var notification : notifications) {
                    try {
                        forget(UUID.fromString(notification.getParameter()));
                    } catch (IllegalArgumentException e) {
                        forgetAll(true);
                    }
                }
            }
            if (System.nanoTime() - checked >= CHECK_EVERY.toNanos()) {
                if (!connection.isValid((int) CHECK_EVERY.toSeconds())) {
                    throw new SQLException("the listening connection stopped answering");
                }
                checked = System.nanoTime();
            }
        }
    }
}
