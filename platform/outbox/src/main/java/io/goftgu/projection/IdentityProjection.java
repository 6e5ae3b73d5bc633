package io.goftgu.projection;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventTypes;
import io.goftgu.events.IdentityPayloads;
import io.goftgu.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * {@code identity.events} (produced by the gateway) into a service's {@link IdentityTable}: services never read the
 * gateway's tables. Bad payloads are skipped as {@link Projections} says.
 */
@ApplicationScoped
public class IdentityProjection {

    private final Projections projections;

    IdentityProjection(Projections projections) {
        this.projections = projections;
    }

    /** Feeds {@code table} from {@code identity.events} as consumer group {@code consumer}; call it at start. */
    public void subscribe(String consumer, IdentityTable table) {
        projections.subscribe(consumer, List.of(Topics.IDENTITY), type -> true, event -> apply(table, event));
    }

    /** Parses the event's payload, then hands it to the table; a type the table does not know changes nothing. */
    public static void apply(IdentityTable table, EventEnvelope event) {
        switch (IdentityPayloads.read(event)) {
            case IdentityPayloads.User user -> table.user(event, user, user.activeAfter(event.type()));
            case IdentityPayloads.WorkspaceLinks links -> table.workspaceLinks(event, links);
            case IdentityPayloads.Team team -> table.teamCreated(event, team);
            case IdentityPayloads.TeamMember member when EventTypes.Identity.TEAM_MEMBER_ADDED.equals(event.type()) ->
                    table.teamMemberAdded(event, member);
            case IdentityPayloads.TeamMember member -> table.teamMemberRemoved(event, member);
            case null, default -> {
            }
        }
    }
}
