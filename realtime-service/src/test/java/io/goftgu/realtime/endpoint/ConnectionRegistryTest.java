package io.goftgu.realtime.endpoint;

import io.goftgu.events.Audience;
import io.goftgu.realtime.domain.ConnectedPrincipal;
import io.goftgu.security.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Audience lookup in plain JUnit: sockets without a live connection, since only the index is under test. */
class ConnectionRegistryTest {

    private final ConnectionRegistry registry = new ConnectionRegistry();
    private final UUID workspace = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void userAudienceFindsEverySocketOfItsUsersInTheWorkspaceOnly() {
        var alice1 = add("a1", workspace, alice, Role.ADMIN);
        var alice2 = add("a2", workspace, alice, Role.ADMIN);
        add("b", workspace, bob, Role.ADMIN);
        add("a-elsewhere", other, alice, Role.ADMIN);
        add("a-as-guest", workspace, alice, Role.GUEST);

        assertEquals(Set.of(alice1, alice2), Set.copyOf(registry.reachable(workspace, Audience.users(Set.of(alice)))));
    }

    @Test
    void roleAudienceFindsThatRoleOnly() {
        var staff = add("s", workspace, alice, Role.ADMIN);
        add("c", workspace, bob, Role.USER);
        add("g", workspace, UUID.randomUUID(), Role.GUEST);

        assertEquals(List.of(staff), registry.reachable(workspace, Audience.role("ADMIN")));
    }

    @Test
    void guestAudienceMatchesGuestsByGuestIdOnly() {
        var guest = add("g", workspace, alice, Role.GUEST);
        add("u", workspace, alice, Role.USER);

        assertEquals(List.of(guest), registry.reachable(workspace, new Audience(Set.of(), Set.of(alice), Set.of())));
    }

    @Test
    void removedSocketsAreForgotten() {
        add("a1", workspace, alice, Role.ADMIN);
        registry.remove("a1");
        registry.remove("unknown");

        assertEquals(0, registry.size());
        assertEquals(List.of(), registry.reachable(workspace, Audience.role("ADMIN")));
        assertEquals(List.of(), registry.socketsOf(workspace, alice));
    }

    private ClientSocket add(String id, UUID workspaceId, UUID principalId, Role role) {
        var socket = new ClientSocket(id, new ConnectedPrincipal(workspaceId, principalId, role), null, null, "token",
                new SocketState(0, 10));
        registry.add(socket);
        return socket;
    }
}
