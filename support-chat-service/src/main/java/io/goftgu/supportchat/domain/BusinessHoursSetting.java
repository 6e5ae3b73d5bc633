package io.goftgu.supportchat.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A workspace's calendar as stored: schedule and holidays as JSON text. */
@Entity
@Table(name = "business_hours")
public class BusinessHoursSetting extends PanacheEntityBase {

    @Id
    @Column(name = "workspace_id")
    public UUID workspaceId;
    @Column(name = "time_zone")
    public String timeZone;
    public String schedule;
    public String holidays;
}
