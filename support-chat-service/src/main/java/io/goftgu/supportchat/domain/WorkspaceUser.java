package io.goftgu.supportchat.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A workspace user as {@code identity.events} describe them (a projection; the gateway owns users). */
@Entity
@Table(name = "workspace_user")
public class WorkspaceUser extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    public String name;
    public String email;
    public String role;
    public boolean active;
}
