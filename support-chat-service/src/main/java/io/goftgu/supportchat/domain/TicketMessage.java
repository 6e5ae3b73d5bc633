package io.goftgu.supportchat.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A public reply or (with {@link #internal}) a staff-only internal note. */
@Entity
@Table(name = "ticket_message")
public class TicketMessage extends PanacheEntityBase {

    public static final String STAFF = "STAFF";
    public static final String CUSTOMER = "CUSTOMER";
    public static final String GUEST = "GUEST";

    @Id
    public UUID id;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    @Column(name = "ticket_id")
    public UUID ticketId;
    public long seq;
    /** {@link #STAFF}, {@link #CUSTOMER} or {@link #GUEST}. */
    @Column(name = "sender_kind")
    public String senderKind;
    @Column(name = "sender_id")
    public UUID senderId;
    public String body;
    public boolean internal;
    @Column(name = "reply_to_id")
    public UUID replyToId;
    @Column(name = "client_message_id")
    public UUID clientMessageId;
    @Column(name = "edited_at")
    public Instant editedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;
    @Column(name = "created_at")
    public Instant createdAt;
}
