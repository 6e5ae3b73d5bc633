package io.goftgu.supportchat.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** An anonymous website visitor who started a conversation through the public widget. */
@Entity
public class Guest extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    public String name;
    public String email;
    public String phone;
    @Column(name = "external_id")
    public String externalId;
    public boolean verified;
    @Column(name = "user_agent")
    public String userAgent;
    public String device;
    public String browser;
    public String referrer;
    @Column(name = "utm_source")
    public String utmSource;
    @Column(name = "utm_medium")
    public String utmMedium;
    @Column(name = "utm_campaign")
    public String utmCampaign;
    @Column(name = "utm_term")
    public String utmTerm;
    @Column(name = "utm_content")
    public String utmContent;
    @Column(name = "first_visit_at")
    public Instant firstVisitAt;
    @Column(name = "last_visit_at")
    public Instant lastVisitAt;
    @Column(name = "visit_count")
    public int visitCount;
    /** The customer this guest turned out to be: their tickets moved to that customer. */
    @Column(name = "merged_into_user_id")
    public UUID mergedIntoUserId;
    @Column(name = "merged_at")
    public Instant mergedAt;
    /** Set while staff block this guest (service/GuestBlocks): its token is refused and events leave it out. */
    @Column(name = "blocked_at")
    public Instant blockedAt;
    @Column(name = "blocked_by")
    public UUID blockedBy;
}
