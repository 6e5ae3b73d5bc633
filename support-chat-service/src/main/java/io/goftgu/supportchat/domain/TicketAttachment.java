package io.goftgu.supportchat.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A file uploaded to a ticket, stored in PostgreSQL; attached to a message when the message is sent. */
@Entity
@Table(name = "ticket_attachment")
public class TicketAttachment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Column(name = "message_id")
    public UUID messageId;
    @Column(name = "uploader_id")
    public UUID uploaderId;
    public String name;
    public long size;
    @Column(name = "content_type")
    public String contentType;
    @Basic(fetch = FetchType.LAZY)
    public byte[] data;
    @Column(name = "created_at")
    public Instant createdAt;
}
