package io.goftgu.supportchat.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Targets for one priority of a workspace, in business minutes. */
@Entity
@Table(name = "sla_policy")
public class SlaPolicy extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    public String name;
    public String priority;
    @Column(name = "first_response_minutes")
    public int firstResponseMinutes;
    @Column(name = "next_response_minutes")
    public Integer nextResponseMinutes;
    @Column(name = "resolution_minutes")
    public int resolutionMinutes;
}
