package io.goftgu.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.UUID;

/** Consumer-side dedupe keyed by event id: Kafka delivers at least once, handlers must act once. */
@ApplicationScoped
public class ProcessedEvents {

    private final DataSource dataSource;

    ProcessedEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records that {@code consumer} handles {@code eventId}, in the caller's transaction. Returns false when it was
     * recorded before: the caller then skips the event. A concurrent duplicate waits on the row lock and gets false.
     */
    public boolean firstDelivery(String consumer, UUID eventId) {
        try (var connection = dataSource.getConnection();
             var insert = connection.prepareStatement(
                     "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, consumer);
            insert.setObject(2, eventId);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record event " + eventId + " as processed", e);
        }
    }
}
