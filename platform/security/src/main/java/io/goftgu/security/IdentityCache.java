package io.goftgu.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

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
 * <li>only while the listening connection is up, the trigger is on the table (checked when it connects) and a
 *     notification it sent itself came back (not so through a pooler in transaction mode): a lost connection forgets
 *     everything at once, and the first connection, or a new one, starts from nothing;</li>
 * <li>a status read while any notification arrived, or while not listening, is not kept (a read that raced a change
 *     could hold the old status);</li>
 * <li>a connection that died without a word (a dropped network) is found by that ping, sent every
 *     {@link #CHECK_EVERY}, and nothing is kept longer than {@link #MAX_AGE} in any case.</li>
 * </ul>
 */
final class IdentityCache implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(IdentityCache.class);

    static final String CHANNEL = "goftgu_identity";
    static final String TRIGGER = "goftgu_identity_changed";
    static final Duration MAX_AGE = Duration.ofSeconds(30);
    static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    /** The longest one wait for notifications blocks. */
    private static final Duration WAIT = Duration.ofSeconds(1);
    /** How this cache's pings, and other replicas', begin: a user id never does. */
    private static final String PING = "ping ";
    private static final PGNotification[] NONE = {};
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** The longest wait between tries that never heard their own ping (a pooler that cannot carry LISTEN). */
    private static final Duration RETRY_AT_MOST = Duration.ofMinutes(5);

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
    private final String pingPrefix = PING + UUID.randomUUID() + " ";
    /** Whether the current connection heard its own ping (the listener thread's alone). */
    private boolean heardThisTry;
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

    /**
     * Forgets everything. Answers from memory stop before it and start only after it: a read that began once
     * {@link #listening} was set sees no move of {@link #changes} from here, and is kept.
     */
    private void forgetAll(boolean listeningNow) {
        if (!listeningNow) {
            listening = false;
        }
        changes.incrementAndGet();
        kept.invalidateAll();
        changes.incrementAndGet();
        if (listeningNow) {
            listening = true;
        }
    }

    private void listen() {
        var retryAfter = RETRY_AFTER;
        while (!closed) {
            heardThisTry = false;
            try (var connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                // a ping's answer that never comes (a network that dropped the connection without a word) ends it
                connection.setNetworkTimeout(Runnable::run, (int) CHECK_EVERY.multipliedBy(2).toMillis());
                if (!triggerIsOn(connection)) {
                    LOG.errorf("no %s trigger on %s: every token check reads the table (run the service's migrations)",
                            TRIGGER, table);
                    return;
                }
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    try {
                        receive(connection);
                    } finally {
                        // the connection goes back to the pool: it must not go on collecting notifications there
                        statement.execute("UNLISTEN *");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    LOG.warnf("listening for identity changes failed (%s); token checks read the table until it is"
                            + " back", e.toString());
                }
            } finally {
                forgetAll(false);
            }
            // after a try that heard its ping the waits start afresh; each try that never did waits twice as long
            if (heardThisTry) {
                retryAfter = RETRY_AFTER;
            }
            try {
                Thread.sleep(retryAfter);
            } catch (InterruptedException e) {
                return;
            }
            var doubled = retryAfter.multipliedBy(2);
            retryAfter = doubled.compareTo(RETRY_AT_MOST) < 0 ? doubled : RETRY_AT_MOST;
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

    /**
     * Forgets the users named by notifications, and every {@link #CHECK_EVERY} sends itself a ping on the channel:
     * statuses are kept only once a ping came back (notifications reach this connection: not so behind a pooler in
     * transaction mode), and a ping that does not come back within the next check ends the connection.
     */
    private void receive(Connection connection) throws SQLException {
        var pg = connection.unwrap(PGConnection.class);
        long sent = 0;
        long heard = 0;
        long sentAt = 0;
        while (!closed) {
            if (sent == 0 || System.nanoTime() - sentAt >= CHECK_EVERY.toNanos()) {
                if (sent != heard) {
                    throw new SQLException("a notification sent to ourselves did not come back within " + CHECK_EVERY);
                }
                sent++;
                try (var ping = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
                    ping.setString(1, CHANNEL);
                    ping.setString(2, pingPrefix + sent);
                    ping.execute();
                }
                sentAt = System.nanoTime();
            }
            var notifications = pg.getNotifications((int) WAIT.toMillis());
            for (var notification : notifications == null ? NONE : notifications) {
                var parameter = notification.getParameter();
                if (parameter.equals(pingPrefix + sent)) {
                    heard = sent;
                    heardThisTry = true;
                    if (!listening) {
                        forgetAll(true);
                    }
                } else if (!parameter.startsWith(PING)) {
                    try {
                        forget(UUID.fromString(parameter));
                    } catch (IllegalArgumentException e) {
                        forgetAll(listening);
                    }
                }
            }
        }
    }
}
