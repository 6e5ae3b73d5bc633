package io.goftgu.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A tenant: every user, team and conversation belongs to exactly one workspace. */
@Entity
@Table(name = "workspace")
public class Workspace extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** Lower-case URL slug, unique; users name their workspace by it when they log in. */
    @Column(nullable = false, unique = true)
    public String slug;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Workspace create(String name, String slug) {
        var workspace = new Workspace();
        workspace.id = UUID.randomUUID();
        workspace.name = name;
        workspace.slug = slug;
        workspace.createdAt = Instant.now();
        return workspace;
    }

    public static Optional<Workspace> bySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
