package io.goftgu.events;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The payloads of {@code identity.events}: the gateway writes exactly these records, and every consumer (the
 * services' identity projections, realtime-service's access changes) reads them with {@link #read}, so the shape
 * lives once. Ids are required; the other fields may be absent in an older or partial event.
 */
public final class IdentityPayloads {

    /** {@link EventTypes.Identity#WORKSPACE_CREATED}. */
    public record Workspace(UUID id, String name, String slug) {
        public Workspace {
            Objects.requireNonNull(id, "id is required");
        }
    }

    /**
     * {@link EventTypes.Identity#WORKSPACE_LINKS_UPDATED}: the whole of a workspace's CRM link settings after the
     * change. {@code templates} maps a kind ({@code DOCUMENT}, {@code TASK}, {@code KNOWLEDGE}, {@code PROJECT}) to a
     * URL template holding {@code {refId}}; a kind without one has no URL. {@code lookupUrl} is the endpoint that
     * checks a refId and names it, or null for none. The gateway checks both before it publishes them (platform/links
     * {@code LinkSettings}).
     */
    public record WorkspaceLinks(UUID workspaceId, Map<String, String> templates, String lookupUrl) {
        public WorkspaceLinks {
            Objects.requireNonNull(workspaceId, "workspaceId is required");
            templates = templates == null ? Map.of() : Map.copyOf(templates);
        }
    }

    /** {@link EventTypes.Identity#USER_CREATED}, {@code USER_UPDATED}, {@code USER_DEACTIVATED}. */
    public record User(UUID id, UUID workspaceId, String name, String email, String role, Boolean active) {
        public User {
            Objects.requireNonNull(id, "id is required");
        }

        /** Whether the user is active after an event of {@code type}: a deactivation always says no; absent is yes. */
        public boolean activeAfter(String type) {
            return !EventTypes.Identity.USER_DEACTIVATED.equals(type) && !Boolean.FALSE.equals(active);
        }

        /** A payload with name, email and role; a partial one (a bare deactivation) only changes {@code active}. */
        public boolean complete() {
            return name != null && email != null && role != null;
        }
    }

    /** {@link EventTypes.Identity#TEAM_CREATED}. */
    public record Team(UUID id, UUID workspaceId, String name, List<UUID> memberIds) {
        public Team {
            Objects.requireNonNull(id, "id is required");
            memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
        }
    }

    /** {@link EventTypes.Identity#TEAM_MEMBER_ADDED}, {@code TEAM_MEMBER_REMOVED}. */
    public record TeamMember(UUID teamId, UUID workspaceId, String teamName, UUID userId) {
        public TeamMember {
            Objects.requireNonNull(teamId, "teamId is required");
            Objects.requireNonNull(userId, "userId is required");
        }
    }

    private IdentityPayloads() {
    }

    /**
     * The typed payload of an identity event: a {@link Workspace}, {@link WorkspaceLinks}, {@link User}, {@link Team} or {@link TeamMember};
     * null for a type this class does not know (a newer producer's). Throws {@link BadPayloadException} when the
     * payload does not fit its type.
     */
    public static Object read(EventEnvelope event) {
        return switch (event.type()) {
            case EventTypes.Identity.WORKSPACE_CREATED -> EventJson.payload(event, Workspace.class);
            case EventTypes.Identity.WORKSPACE_LINKS_UPDATED -> EventJson.payload(event, WorkspaceLinks.class);
            case EventTypes.Identity.USER_CREATED, EventTypes.Identity.USER_UPDATED,
                 EventTypes.Identity.USER_DEACTIVATED -> EventJson.payload(event, User.class);
            case EventTypes.Identity.TEAM_CREATED -> EventJson.payload(event, Team.class);
            case EventTypes.Identity.TEAM_MEMBER_ADDED, EventTypes.Identity.TEAM_MEMBER_REMOVED ->
                    EventJson.payload(event, TeamMember.class);
            default -> null;
        };
    }
}
