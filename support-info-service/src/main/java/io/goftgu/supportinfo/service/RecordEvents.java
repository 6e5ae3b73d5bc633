package io.goftgu.supportinfo.service;

import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventTypes;
import io.goftgu.outbox.NewEvent;
import io.goftgu.outbox.Outbox;
import io.goftgu.security.Role;
import io.goftgu.supportinfo.api.RecordViews;
import io.goftgu.supportinfo.domain.SupportRecord;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Announces record changes on {@code support-info.events} through the outbox (same transaction as the change).
 * The payload is the staff view, so the audience is the workspace's staff only, never a customer.
 */
@ApplicationScoped
public class RecordEvents {

    private static final Audience STAFF = Audience.role(Role.STAFF);

    /** Payload of {@code support-info.record.deleted}. */
    public record Deleted(UUID id, String title, UUID customerId, UUID ticketId, Instant deletedAt) {
    }

    private final Outbox outbox;

    RecordEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(RecordViews.Staff view, UUID workspaceId, Actor actor) {
        outbox.add(new NewEvent(EventTypes.SupportInfo.RECORD_CREATED, workspaceId, view.id(), actor, STAFF, view));
    }

    public void updated(RecordViews.Staff view, UUID workspaceId, Actor actor) {
        outbox.add(new NewEvent(EventTypes.SupportInfo.RECORD_UPDATED, workspaceId, view.id(), actor, STAFF, view));
    }

    public void deleted(SupportRecord record, Instant at, Actor actor) {
        outbox.add(new NewEvent(EventTypes.SupportInfo.RECORD_DELETED, record.workspaceId, record.id, actor, STAFF,
                new Deleted(record.id, record.title, record.customerId, record.ticketId, at)));
    }
}
