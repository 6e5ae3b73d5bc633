package io.goftgu.internalchat.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** An uploaded file of a room; its bytes live in the BlobStore under {@link #storageKey}. */
@Entity
public class Attachment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    @Column(name = "room_id")
    public UUID roomId;
    @Column(name = "uploader_id")
    public UUID uploaderId;
    /** NULL until a message carries it. */
    @Column(name = "message_id")
    public UUID messageId;
    public String name;
    public long size;
    @Column(name = "content_type")
    public String contentType;
    public Integer width;
    public Integer height;
    @Column(name = "storage_key")
    public String storageKey;
    @Column(name = "created_at")
    public Instant createdAt;
}
