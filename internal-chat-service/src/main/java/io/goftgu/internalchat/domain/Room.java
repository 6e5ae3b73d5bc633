package io.goftgu.internalchat.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

@Entity
public class Room extends PanacheEntityBase {

    public enum Type { DIRECT, TEAM, GROUP, PROJECT }

    @Id
    public UUID id;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    @Enumerated(EnumType.STRING)
    public Type type;
    public String title;
    @Column(name = "direct_key")
    public String directKey;
    @Column(name = "last_seq")
    public long lastSeq;
    @Column(name = "created_by")
    public UUID createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "last_activity_at")
    public Instant lastActivityAt;
}
