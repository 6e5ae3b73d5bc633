package io.goftgu.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** A person of a workspace: staff ({@link UserRole#ADMIN}) or customer ({@link UserRole#USER}). */
@Entity
@Table(name = "workspace_user")
public class UserAccount extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(nullable = false)
    public String name;

    /** Always lower-case: e-mail addresses are compared without case. */
    @Column(nullable = false)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UserRole role;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static UserAccount create(UUID workspaceId, String name, String email, UserRole role) {
        var user = new UserAccount();
        user.id = UUID.randomUUID();
        user.workspaceId = workspaceId;
        user.name = name;
        user.email = normalizeEmail(email);
        user.role = role;
        user.active = true;
        user.createdAt = Instant.now();
        user.updatedAt = user.createdAt;
        return user;
    }

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** The user with {@code id} in {@code workspaceId}; another workspace's user is as absent as a missing one. */
    public static Optional<UserAccount> inWorkspace(UUID workspaceId, UUID id) {
        return find("workspaceId = ?1 and id = ?2", workspaceId, id).firstResultOptional();
    }

    public static Optional<UserAccount> byEmail(UUID workspaceId, String email) {
        return find("workspaceId = ?1 and email = ?2", workspaceId, normalizeEmail(email)).firstResultOptional();
    }

    public boolean isStaff() {
        return role == UserRole.ADMIN;
    }
}
