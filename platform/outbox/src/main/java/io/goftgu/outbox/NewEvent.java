package io.goftgu.outbox;

import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventTypes;

import java.util.Objects;
import java.util.UUID;

/**
 * What a producer says happened; {@link Outbox#add} completes it into an envelope (id, sequence, time).
 *
 * @param payload the changed object as its REST API shows it (a record, not an entity)
 */
public record NewEvent(String type, UUID workspaceId, UUID aggregateId, Actor actor, Audience audience,
                       Object payload) {

    public NewEvent {
        EventTypes.requireValid(type);
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(aggregateId, "aggregateId");
    }
}
