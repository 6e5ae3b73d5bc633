package io.goftgu.projection;

import io.goftgu.events.EventTypes;
import io.goftgu.events.PresencePayload;
import io.goftgu.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * {@code realtime.presence.changed} (produced by realtime-service on {@code realtime.signals}) into a service's
 * {@link PresenceTable}; the topic's other signals (typing, heartbeats) pass by without a transaction. Bad payloads
 * (an unknown status, no user) are skipped as {@link Projections} says.
 */
@ApplicationScoped
public class PresenceProjection {

    private final Projections projections;

    PresenceProjection(Projections projections) {
        this.projections = projections;
    }

    /** Feeds {@code table} from presence changes as consumer group {@code consumer}; call it at start. */
    public void subscribe(String consumer, PresenceTable table) {
        projections.subscribe(consumer, List.of(Topics.REALTIME_SIGNALS), EventTypes.Realtime.PRESENCE_CHANGED::equals,
                event -> table.presenceChanged(event, PresencePayload.read(event)));
    }
}
