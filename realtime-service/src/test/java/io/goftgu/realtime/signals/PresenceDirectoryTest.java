package io.goftgu.realtime.signals;

import io.goftgu.realtime.signals.PresenceDirectory.Entry;
import io.goftgu.realtime.signals.PresenceDirectory.Key;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresenceDirectoryTest {

    private static final long SECOND = 1_000_000_000L;

    private final PresenceDirectory directory = new PresenceDirectory(6 * SECOND);
    private final UUID a = new UUID(0, 1);
    private final UUID b = new UUID(0, 2);
    private final UUID workspace = UUID.randomUUID();
    private final UUID user = UUID.randomUUID();
    private final Key key = new Key(workspace, user);

    @Test
    void aUserIsPresentWhileAnyReplicaHoldsThem() {
        directory.report(a, workspace, false, Map.of(user, new Entry("online", 1)), List.of(), 0);
        directory.report(b, workspace, false, Map.of(user, new Entry("online", 2)), List.of(), 0);
        directory.report(a, workspace, false, Map.of(), List.of(user), SECOND);
        assertEquals("online", directory.statusOf(key).status(), "still on b");
        var touched = directory.report(b, workspace, false, Map.of(), List.of(user), SECOND);
        assertEquals(List.of(key), touched);
        assertNull(directory.statusOf(key));
    }

    @Test
    void theLatestChoiceAmongReplicasWins() {
        directory.report(a, workspace, false, Map.of(user, new Entry("online", 1)), List.of(), 0);
        directory.report(b, workspace, false, Map.of(user, new Entry("busy", 5)), List.of(), 0);
        assertEquals("busy", directory.statusOf(key).status());
        directory.report(a, workspace, false, Map.of(user, new Entry("away", 9)), List.of(), 0);
        assertEquals("away", directory.statusOf(key).status());
    }

    @Test
    void aReplicaThatStopsHeartbeatingTakesItsUsersWithIt() {
        directory.alive(a, Set.of(workspace), 0);
        directory.report(a, workspace, true, Map.of(user, new Entry("online", 1)), List.of(), 0);
        directory.alive(b, Set.of(), 0);
        assertTrue(directory.expire(5 * SECOND).isEmpty());
        directory.alive(b, Set.of(), 5 * SECOND);
        assertEquals(a, directory.leader(b, 5 * SECOND), "the lowest live id leads");

        assertEquals(List.of(key), directory.expire(7 * SECOND), "a went silent for over 6 s");
        assertNull(directory.statusOf(key));
        assertEquals(b, directory.leader(b, 7 * SECOND));
    }

    @Test
    void aCompleteReportReplacesWhatTheReplicaHeldAndAHeartbeatDropsWorkspacesItLeft() {
        var other = UUID.randomUUID();
        directory.report(a, workspace, false, Map.of(user, new Entry("online", 1)), List.of(), 0);
        directory.report(a, workspace, false, Map.of(other, new Entry("online", 1)), List.of(), 0);
        var touched = directory.report(a, workspace, true, Map.of(other, new Entry("online", 1)), List.of(), SECOND);
        assertTrue(touched.contains(key), "a missed goodbye is corrected by the next full report");
        assertNull(directory.statusOf(key));

        assertEquals(List.of(new Key(workspace, other)), directory.alive(a, Set.of(), 2 * SECOND));
        assertTrue(directory.present().isEmpty());
    }
}
