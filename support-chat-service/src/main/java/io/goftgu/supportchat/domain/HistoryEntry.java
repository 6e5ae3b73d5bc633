package io.goftgu.supportchat.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One change of a ticket: action, field, old and new value, who, when. */
@Entity
@Table(name = "ticket_history")
public class HistoryEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    @Column(name = "ticket_id")
    public UUID ticketId;
    public String action;
    public String field;
    @Column(name = "old_value")
    public String oldValue;
    @Column(name = "new_value")
    public String newValue;
    @Column(name = "actor_kind")
    public String actorKind;
    @Column(name = "actor_id")
    public UUID actorId;
    public Instant at;
}
