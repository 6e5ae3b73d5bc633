package io.goftgu.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A user's password hash (Argon2id, PHC string), kept apart from the user so lists never load it. */
@Entity
@Table(name = "credential")
public class Credential extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Credential of(UUID userId, String passwordHash) {
        var credential = new Credential();
        credential.userId = userId;
        credential.passwordHash = passwordHash;
        credential.updatedAt = Instant.now();
        return credential;
    }
}
