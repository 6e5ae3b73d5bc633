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

    public enum Role {
        OWNER, ADMIN, MODERATOR, MEMBER, GUEST;

        /** OWNER or ADMIN: invite, remove, and the ADMINS settings policies. */
        public boolean isAdmin() {
            return this == OWNER || this == ADMIN;
        }

        /** OWNER, ADMIN or MODERATOR: delete anyone's messages, mute members. */
        public boolean isModerator() {
            return isAdmin() || this == MODERATOR;
        }
    }

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
    @Column(name = "read_at")
    public Instant readAt;
    @Column(name = "joined_at")
    public Instant joinedAt;
    public boolean muted;
    @Column(name = "muted_until")
    public Instant mutedUntil;
    public String nickname;
    /** The member's own choice: no notifications (browser, e-mail) about this room. Not {@link #muted}, a ban on posting. */
    @Column(name = "notifications_muted")
    public boolean notificationsMuted;

    public UUID userId() {
        return key.userId();
    }

    public UUID roomId() {
        return key.roomId();
    }

    /** Muted now: muted without an end, or until a time still ahead. */
    public boolean isMutedAt(Instant now) {
        return muted && (mutedUntil == null || mutedUntil.isAfter(now));
    }
}
