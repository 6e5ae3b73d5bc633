package io.goftgu.internalchat.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "room_member")
public class RoomMember extends PanacheEntityBase {

    public enum Role { OWNER, ADMIN, MODERATOR, MEMBER, GUEST }

    @Embeddable
    public record Key(@Column(name = "room_id") UUID roomId, @Column(name = "user_id") UUID userId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Enumerated(EnumType.STRING)
    public Role role;
    @Column(name = "last_read_seq")
    public long lastReadSeq;
    @Column(name = "joined_at")
    public Instant joinedAt;

    public UUID userId() {
        return key.userId();
    }
}
