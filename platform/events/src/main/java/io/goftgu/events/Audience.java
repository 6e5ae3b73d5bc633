package io.goftgu.events;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Who may receive an event in realtime, always within the event's workspace. The producer computes it because
 * it knows the domain (an internal note's audience is the staff, never the customer); realtime-service only
 * enforces it.
 *
 * @param users  user ids
 * @param guests guest ids
 * @param roles  workspace roles ({@code ADMIN}, {@code USER}) whose every member may receive it
 */
public record Audience(Set<UUID> users, Set<UUID> guests, Set<String> roles) {

    public static final Audience NOBODY = new Audience(Set.of(), Set.of(), Set.of());

    public Audience {
        users = users == null ? Set.of() : Set.copyOf(users);
        guests = guests == null ? Set.of() : Set.copyOf(guests);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static Audience users(Collection<UUID> userIds) {
        return new Audience(Set.copyOf(userIds), Set.of(), Set.of());
    }

    public static Audience role(String role) {
        return new Audience(Set.of(), Set.of(), Set.of(role));
    }

    /** Whether a connected principal of the event's workspace may receive the event. */
    public boolean includes(UUID principalId, String role) {
        if ("GUEST".equals(role)) {
            return guests.contains(principalId);
        }
        return users.contains(principalId) || roles.contains(role);
    }
}
