package io.goftgu.outbox;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Adds domain events to the outbox table inside the caller's transaction, so an event exists if and only if its
 * change committed. After the commit the relay is woken to publish at once.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();
    private static final String SEQUENCE_FIELD = "\"sequence\":";
    private static final String SEQUENCE_PLACEHOLDER = SEQUENCE_FIELD + Long.MAX_VALUE;
    private static final String PAYLOAD_FIELD = "\"payload\":";
    /** How an envelope without a payload ends: its last field is the payload. */
    private static final String NO_PAYLOAD = PAYLOAD_FIELD + "null}";
    /**
     * Takes the aggregate's next sequence and adds the event with it. The sequence row's lock, taken first, makes one
     * aggregate's outbox ids follow commit order (the relay publishes in id order).
     */
    private static final String INSERT = """
            WITH next AS (
                INSERT INTO outbox_sequence (aggregate_id, last_sequence) VALUES (?, 1)
                ON CONFLICT (aggregate_id) DO UPDATE SET last_sequence = outbox_sequence.last_sequence + 1
                RETURNING last_sequence),
            added AS (
                INSERT INTO outbox_event (event_id, topic, record_key, envelope, event_type, trace_parent)
                SELECT ?, ?, ?, ?::text || next.last_sequence || ?::text, ?, ? FROM next)
            SELECT last_sequence FROM next""";

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final OutboxTracing tracing;

    Outbox(DataSource dataSource, TransactionSynchronizationRegistry transactions, OutboxRelay relay,
           OutboxTracing tracing) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
        this.tracing = tracing;
    }

    /** Must run inside a transaction; returns the event's id. */
    public UUID add(NewEvent event) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Outbox.add needs an active transaction");
        }
        // The envelope is written once without its payload and with a placeholder where the aggregate's next
        // sequence goes; the payload is written straight from the producer's record (no tree in between) and put
        // in place of the null. The statement below takes the sequence and writes the row in one round trip,
        // splicing the number into the text at its place.
        var head = new EventEnvelope(UUID.randomUUID(), event.type(), 1, event.workspaceId(), event.aggregateId(),
                Long.MAX_VALUE, Instant.now().truncatedTo(ChronoUnit.MICROS), event.actor(), event.audience(), null);
        var json = EventJson.write(head);
        // the first occurrence is the envelope's own field: only ids and the type come before it
        var at = json.indexOf(SEQUENCE_PLACEHOLDER);
        if (at < 0 || !json.endsWith(NO_PAYLOAD)) {
            throw new IllegalStateException("the envelope of " + event.type() + " is not shaped as expected: " + json);
        }
        var rest = json.substring(at + SEQUENCE_PLACEHOLDER.length(), json.length() - NO_PAYLOAD.length())
                + PAYLOAD_FIELD + EventJson.writeValue(event.payload()) + "}";
        try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, head.aggregateId());
            insert.setObject(2, head.id());
            insert.setString(3, head.topic());
            insert.setString(4, head.aggregateId().toString());
            insert.setString(5, json.substring(0, at + SEQUENCE_FIELD.length()));
            insert.setString(6, rest);
            // observability: the type for the relay's counters, the writing request's trace for the record
            insert.setString(7, head.type());
            insert.setString(8, tracing.currentTraceParent());
            insert.execute();
            wakeRelayAfterCommit();
            return head.id();
        } catch (SQLException e) {
            throw new IllegalStateException("could not add event " + event.type() + " to the outbox", e);
        }
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        afterCommit(transactions, relay::wakeUp);
    }

    /** Runs {@code action} once the current transaction has committed (not when it rolls back). */
    static void afterCommit(TransactionSynchronizationRegistry transactions, Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
