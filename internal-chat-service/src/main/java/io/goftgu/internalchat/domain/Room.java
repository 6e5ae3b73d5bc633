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
public class Room extends PanacheEntityBase {

    public enum Type { DIRECT, TEAM, GROUP, PROJECT, TICKET }

    /** Who may post. */
    public enum PostPolicy { ALL_MEMBERS, ADMINS_ONLY, OWNER_ONLY }

    /** Who may invite, and who may change settings. */
    public enum ManagePolicy { ALL_MEMBERS, ADMINS, OWNER_ONLY }

    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 10_000;
    public static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;
    public static final long MAX_FILE_SIZE_CEILING = 100L * 1024 * 1024;

    @Id
    public UUID id;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    @Enumerated(EnumType.STRING)
    public Type type;
    public String title;
    public String description;
    @Column(name = "is_private")
    public boolean isPrivate = true;
    @Column(name = "is_archived")
    public boolean isArchived;
    @Column(name = "is_locked")
    public boolean isLocked;
    @Column(name = "team_id")
    public UUID teamId;
    @Column(name = "project_id")
    public String projectId;
    /** TICKET rooms: the support ticket discussed (its fields: {@link Ticket}, a projection of support-chat.events). */
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Column(name = "direct_key")
    public String directKey;
    @Column(name = "last_seq")
    public long lastSeq;
    @Column(name = "created_by")
    public UUID createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "last_activity_at")
    public Instant lastActivityAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "who_can_post")
    public PostPolicy whoCanPost = PostPolicy.ALL_MEMBERS;
    @Enumerated(EnumType.STRING)
    @Column(name = "who_can_invite")
    public ManagePolicy whoCanInvite = ManagePolicy.ADMINS;
    @Enumerated(EnumType.STRING)
    @Column(name = "who_can_change_settings")
    public ManagePolicy whoCanChangeSettings = ManagePolicy.ADMINS;
    @Column(name = "allow_attachments")
    public boolean allowAttachments = true;
    @Column(name = "allow_reactions")
    public boolean allowReactions = true;
    @Column(name = "allow_replies")
    public boolean allowReplies = true;
    @Column(name = "max_message_length")
    public int maxMessageLength = DEFAULT_MAX_MESSAGE_LENGTH;
    @Column(name = "max_file_size")
    public long maxFileSize = DEFAULT_MAX_FILE_SIZE;
    @Column(name = "retention_days")
    public Integer retentionDays;
}
