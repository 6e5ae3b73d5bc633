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
    public String body;
    @Column(name = "client_message_id")
    public UUID clientMessageId;
    @Column(name = "created_at")
    public Instant createdAt;
}
