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
public class Message extends PanacheEntityBase {

    public enum Type { TEXT, SYSTEM }

    @Id
    public UUID id;
    @Column(name = "room_id")
    public UUID roomId;
    public long seq;
    @Column(name = "sender_id")
    public UUID senderId;
    @Enumerated(EnumType.STRING)
    public Type type;
    /** NULL once deleted. */
    public String body;
    @Column(name = "client_message_id")
    public UUID clientMessageId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "edited_at")
    public Instant editedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;
    @Column(name = "pinned_at")
    public Instant pinnedAt;
    @Column(name = "pinned_by")
    public UUID pinnedBy;
    @Column(name = "reply_to_id")
    public UUID replyToId;
    @Column(name = "reply_seq")
    public Long replySeq;
    @Column(name = "reply_sender_id")
    public UUID replySenderId;
    @Column(name = "reply_sender_name")
    public String replySenderName;
    @Column(name = "reply_excerpt")
    public String replyExcerpt;
    @Column(name = "system_kind")
    public String systemKind;
    @Column(name = "system_user_id")
    public UUID systemUserId;
    @Column(name = "system_value")
    public String systemValue;
    @Column(name = "search_text")
    public String searchText;

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
