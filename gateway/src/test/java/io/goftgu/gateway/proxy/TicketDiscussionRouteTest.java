package io.goftgu.gateway.proxy;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which paths the gateway sends to internal chat as a ticket's discussion (the rest of {@code /api/support-chat} goes
 * to support chat); the routing itself is proven through a real stack in e2e (TicketDiscussionInBrowserIT).
 */
class TicketDiscussionRouteTest {

    static boolean toInternalChat(String path) {
        return ServiceRoutes.TICKET_DISCUSSION.matcher(path).matches();
    }

    @Test
    void onlyATicketsDiscussionGoesToInternalChat() {
        var id = UUID.randomUUID();
        assertTrue(toInternalChat("/api/support-chat/" + id + "/discussion"));
        // an id that is none reaches internal chat too, which answers 404 as for any ticket it does not know
        assertTrue(toInternalChat("/api/support-chat/not-an-id/discussion"));

        assertFalse(toInternalChat("/api/support-chat/" + id));
        assertFalse(toInternalChat("/api/support-chat/" + id + "/messages"));
        assertFalse(toInternalChat("/api/support-chat/" + id + "/discussions"));
        assertFalse(toInternalChat("/api/support-chat/" + id + "/discussion/x"));
        assertFalse(toInternalChat("/api/support-chat/" + id + "/x/discussion"));
        assertFalse(toInternalChat("/api/support-chat/public/discussion"));
        assertFalse(toInternalChat("/api/support-chatty/" + id + "/discussion"));
    }
}
