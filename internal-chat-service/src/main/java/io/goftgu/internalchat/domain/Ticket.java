package io.goftgu.internalchat.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/**
 * A support ticket as support-chat.events describe it: what a TICKET room shows of its ticket, and how the
 * discussion API knows a ticket exists in the caller's workspace. Written only by {@code listener.TicketListener}.
 */
@Entity
public class Ticket extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    public String number;
    public String subject;
    public String status;
    @Column(name = "requester_name")
    public String requesterName;
    @Column(name = "assignee_id")
    public UUID assigneeId;
    @Column(name = "last_sequence")
    public long lastSequence;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
