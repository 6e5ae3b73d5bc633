package io.goftgu.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A named group of staff in a workspace (support teams, team rooms in internal chat). */
@Entity
@Table(name = "team")
public class Team extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The member user ids; loaded for a page of teams at once. */
    @ElementCollection
    @CollectionTable(name = "team_member", joinColumns = @JoinColumn(name = "team_id"))
    @Column(name = "user_id")
    @BatchSize(size = 100)
    public Set<UUID> memberIds = new LinkedHashSet<>();

    public static Team create(UUID workspaceId, String name) {
        var team = new Team();
        team.id = UUID.randomUUID();
        team.workspaceId = workspaceId;
        team.name = name;
        team.createdAt = Instant.now();
        return team;
    }

    public static Optional<Team> inWorkspace(UUID workspaceId, UUID id) {
        return find("workspaceId = ?1 and id = ?2", workspaceId, id).firstResultOptional();
    }
}
