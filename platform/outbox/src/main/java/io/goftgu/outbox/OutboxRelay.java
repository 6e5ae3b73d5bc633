package io.goftgu.outbox;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to Kafka in id order (which, per aggregate, is commit order); their deletion commits once
 * Kafka has acknowledged them. Woken right after each commit; the sweeper wakes it periodically for leftovers.
 * One relay pass runs at a time per service: a PostgreSQL advisory lock makes replicas take turns, so
 * per-aggregate order holds with any number of replicas. A replica that finds the lock taken retries shortly,
 * so its own events never wait for the sweeper.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Advisory lock key shared by the replicas of one service (each service has its own database). */
    private static final long LOCK_KEY = 0x676f667467750001L;
    private static final long LOCK_RETRY_MILLIS = 10;
    /** See {@link #take}: two statements, sent in one round trip; the second is planned under the first's settings. */
    private static final String TAKE = """
            SELECT set_config('synchronous_commit', 'off', true), set_config('enable_seqscan', 'off', true);
            WITH turn AS (SELECT pg_try_advisory_xact_lock(?) AS mine),
            taken AS (
                DELETE FROM outbox_event WHERE id IN (
                    SELECT id FROM outbox_event WHERE (SELECT mine FROM turn) ORDER BY id LIMIT ?)
                RETURNING id, topic, record_key, envelope, event_type, trace_parent, created_at)
            SELECT turn.mine, taken.* FROM turn LEFT JOIN taken ON true""";

    private final DataSource dataSource;
    private final Producer<String, String> producer;
    private final OutboxConfig config;
    private final OutboxMetrics metrics;
    private final OutboxTracing tracing;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().name("outbox-relay").daemon().unstarted(runnable));
    private final AtomicBoolean scheduled = new AtomicBoolean();

    OutboxRelay(DataSource dataSource, Producer<String, String> producer, OutboxConfig config, OutboxMetrics metrics,
                OutboxTracing tracing) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.config = config;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    /** Asks for a relay pass soon; passes never overlap and requests made during one cause one more. */
    public void wakeUp() {
        if (scheduled.compareAndSet(false, true)) {
            worker.execute(this::pass);
        }
    }

    @Scheduled(every = "${goftgu.outbox.sweep-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        wakeUp();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        worker.shutdown();
        try {
            worker.awaitTermination(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pass() {
        scheduled.set(false);
        try {
            Outcome outcome;
            do {
                outcome = publishBatch();
            } while (outcome == Outcome.MORE);
            if (outcome == Outcome.LOCKED && scheduled.compareAndSet(false, true)) {
                worker.schedule(this::pass, LOCK_RETRY_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (SQLException | RuntimeException e) {
            // Kafka or the database is away: the rows stay and the sweeper tries again
            Log.warnf("outbox relay pass failed, will retry: %s", e.getMessage());
        }
    }

    private enum Outcome { DONE, MORE, LOCKED }

    /**
     * One pass is one local transaction of one round trip: take the turn, then take (delete and return) the oldest
     * rows; they are published, and the deletion commits once Kafka acknowledged every one of them. When some send
     * fails, the deletion rolls back and only the acknowledged rows that follow no failure of their aggregate are
     * deleted, so a retry republishes the rest in order (a duplicate is possible, a reordering is not; consumers
     * dedupe by event id) and a row Kafka refuses holds back only its own aggregate.
     */
    private Outcome publishBatch() throws SQLException {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                var rows = take(connection);
                if (rows == null) {
                    connection.rollback();
                    return Outcome.LOCKED;
                }
                var done = publish(rows);
                if (done.size() < rows.size()) {
                    connection.rollback();
                    delete(connection, done);
                }
                connection.commit();
                return rows.size() == config.batchSize() ? Outcome.MORE : Outcome.DONE;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * Takes the relay's turn and, when this replica has it, deletes and returns the oldest rows, in one round trip.
     * The statement's snapshot may predate the previous turn's commit; rows that turn deleted are then skipped by
     * the delete (it re-checks each row), so nothing is taken twice.
     * <p>
     * The transaction commits without waiting for its WAL to reach the disk ({@code synchronous_commit} off for
     * this transaction only). What a pass commits is only the deletion of rows Kafka already holds: if a crash
     * loses that deletion, the rows are published again, which consumers already absorb, and nothing is reordered.
     * The writes that matter, the change and its outbox row, keep the server's {@code synchronous_commit}; this
     * spares one disk flush per pass, which at a steady rate is one per message.
     * <p>
     * The statement is planned with sequential scans off ({@code enable_seqscan}, for this transaction only). The
     * table is a queue: a few live rows among up to a minute's worth of deleted ones, until autovacuum passes. A
     * plan made while the table was nearly empty (after a quiet spell, or on a fresh database) is a sequential scan
     * and a sort, and each connection kept it until the next vacuum, so every pass read the whole table: under the
     * bench, 2,478 scans of up to 1,000 pages in one run (docs/benchmarks.md, "Seventh round"). The primary key's
     * index finds the oldest rows whatever the table's size.
     *
     * @return the rows in id order (which, per aggregate, is commit order), or {@code null} when another replica
     *         has the turn
     */
    private List<Row> take(Connection connection) throws SQLException {
        try (var take = connection.prepareStatement(TAKE)) {
            take.setLong(1, LOCK_KEY);
            take.setInt(2, config.batchSize());
            take.execute(); // the settings
            take.getMoreResults();
            try (var rs = take.getResultSet()) {
                var rows = new ArrayList<Row>();
                boolean mine = false;
                while (rs.next()) {
                    mine = rs.getBoolean(1);
                    if (rs.getObject(2) != null) {
                        rows.add(new Row(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()));
                    }
                }
                if (!mine) {
                    return null;
                }
                rows.sort(Comparator.comparingLong(Row::id));
                return rows;
            }
        }
    }

    private record Row(long id, String topic, String key, String envelope, String type, String traceParent,
                       Instant createdAt) {
    }

    /**
     * Sends the rows in order and waits for Kafka; returns the ids it acknowledged, leaving out every row that
     * follows a failed row of the same aggregate.
     */
    private List<Long> publish(List<Row> rows) {
        var sent = new ArrayList<Future<RecordMetadata>>(rows.size());
        var spans = new ArrayList<Span>(rows.size());
        for (var row : rows) {
            var record = new ProducerRecord<>(row.topic(), row.key(), row.envelope());
            // the writing request's trace continues in a PRODUCER span whose context rides in the record headers
            spans.add(tracing.startPublish(row.topic(), row.type(), row.traceParent(), record.headers()));
            sent.add(producer.send(record));
        }
        producer.flush();
        var deadline = System.nanoTime() + config.publishTimeout().toNanos();
        var failedKeys = new HashSet<String>();
        var done = new ArrayList<Long>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            try {
                sent.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (!failedKeys.contains(row.key())) {
                    done.add(row.id());
                }
                metrics.published(row.topic(), row.type(), Duration.between(row.createdAt(), Instant.now()));
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (failedKeys.add(row.key())) {
                    Log.warnf("outbox: publishing to %s failed, will retry: %s", row.topic(), e.getMessage());
                }
                failed(row, spans.get(i), e);
            } finally {
                spans.get(i).end();
            }
        }
        return done;
    }

    private void failed(Row row, Span span, Exception e) {
        metrics.failed(row.topic());
        span.recordException(e);
        span.setStatus(StatusCode.ERROR);
    }

    private static void delete(Connection connection, List<Long> ids) throws SQLException {
        try (var delete = connection.prepareStatement("DELETE FROM outbox_event WHERE id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            delete.executeUpdate();
        }
    }
}
