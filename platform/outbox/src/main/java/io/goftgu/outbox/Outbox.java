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

    /** Must run inside a transaction; returns the envelope as it will be published. */
    public EventEnvelope add(NewEvent event) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Outbox.add needs an active transaction");
        }
        try (var connection = dataSource.getConnection()) {
            // the aggregate's sequence row lock makes one aggregate's outbox ids follow commit order
            long sequence;
            try (var next = connection.prepareStatement("""
                    INSERT INTO outbox_sequence (aggregate_id, last_sequence) VALUES (?, 1)
                    ON CONFLICT (aggregate_id) DO UPDATE SET last_sequence = outbox_sequence.last_sequence + 1
                    RETURNING last_sequence""")) {
                next.setObject(1, event.aggregateId());
                try (var rs = next.executeQuery()) {
                    rs.next();
                    sequence = rs.getLong(1);
                }
            }
            var envelope = new EventEnvelope(UUID.randomUUID(), event.type(), 1, event.workspaceId(),
                    event.aggregateId(), sequence, Instant.now().truncatedTo(ChronoUnit.MICROS), event.actor(),
                    event.audience(), EventJson.toPayload(event.payload()));
            try (var insert = connection.prepareStatement("INSERT INTO outbox_event"
                    + " (event_id, topic, record_key, envelope, event_type, trace_parent) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, envelope.id());
                insert.setString(2, envelope.topic());
                insert.setString(3, envelope.aggregateId().toString());
                insert.setString(4, EventJson.write(envelope));
                // observability: the type for the relay's counters, the writing request's trace for the record
                insert.setString(5, envelope.type());
                insert.setString(6, tracing.currentTraceParent());
                insert.executeUpdate();
            }
            wakeRelayAfterCommit();
            return envelope;
        } catch (SQLException e) {
            throw new IllegalStateException("could not add event " + event.type() + " to the outbox", e);
        }
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
