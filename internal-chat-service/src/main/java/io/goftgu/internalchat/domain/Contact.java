package io.goftgu.internalchat.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** A workspace user as identity.events describe them; written only by the identity and presence projections. */
@Entity
public class Contact extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    public String name;
    public String email;
    public String role;
    public boolean active;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** online, away, busy or offline, from realtime.signals. */
    public String presence;
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    public boolean isActiveStaff() {
        return active && "ADMIN".equals(role);
    }
}
