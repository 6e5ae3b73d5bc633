package io.goftgu.projection;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.PresencePayload;

/** A service's copy of staff presence, fed by {@link PresenceProjection}. */
public interface PresenceTable {

    /**
     * A staff user's presence changed; {@code presence.lastSeenAt()} may be null (an older event). Keep the newer of
     * two reports: replicas' reports may arrive out of order.
     */
    void presenceChanged(EventEnvelope event, PresencePayload presence);
}
