package io.goftgu.supportinfo;

import io.goftgu.events.Actor;
import io.goftgu.events.EventTypes;
import io.goftgu.supportinfo.Fixtures.Workspace;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The ticket-to-record path with a real Kafka: the test publishes {@code support-chat.ticket.status-changed}
 * envelopes as support-chat-service does (key = ticket id), waits until the service's consumer group has committed
 * past them, and then reads what the service recorded over REST and on {@code support-info.events}.
 */
@QuarkusTest
class TicketRecordsTest {

    static final String GROUP = "support-info.ticket-records";
    static Workspace ws;

    @BeforeEach
    void workspace() {
        if (ws == null) {
            ws = Workspace.create();
        }
    }

    static JsonPath recordsOf(Workspace in, UUID ticketId) {
        return in.staff().get("/api/support-info?ticketId=" + ticketId).then().statusCode(200).extract().jsonPath();
    }

    static void deliver(io.goftgu.events.EventEnvelope event) {
        Fixtures.awaitHandled(GROUP, Fixtures.publish(event));
    }

    @Test
    void aResolvedTicketBecomesOneRecordEvenWhenDeliveredTwice() {
        var ticketId = UUID.randomUUID();
        deliver(Fixtures.ticketEvent(ws.id(), ticketId, 1,
                Fixtures.ticket(ticketId, 1001, "Printer", "OPEN", null, "USER", ws.customerId(), false, null)));
        assertEquals(0, recordsOf(ws, ticketId).getInt("total"), "only a resolved ticket is recorded");

        var resolved = Fixtures.ticketEvent(ws.id(), ticketId, 2, Fixtures.ticket(ticketId, 1042,
                "چاپگر کار نمی‌کند", "RESOLVED", "OPEN", "USER", ws.customerId(), false, ws.colleagueId()));
        deliver(resolved);
        var records = recordsOf(ws, ticketId);
        assertEquals(1, records.getInt("total"));
        assertEquals("1042 — چاپگر کار نمی‌کند", records.getString("data[0].title"));
        assertEquals("USER_TICKET", records.getString("data[0].source"));
        assertEquals("ISSUE", records.getString("data[0].type"));
        assertEquals("RESOLVED", records.getString("data[0].status"));
        assertEquals("HIGH", records.getString("data[0].priority"));
        assertEquals(ws.customerId().toString(), records.getString("data[0].customerId"));
        assertEquals(ws.colleagueId().toString(), records.getString("data[0].assigneeId"));
        assertEquals("شرح: چاپگر کار نمی‌کند", records.getString("data[0].description"));
        assertEquals(ticketId.toString(), records.getString("data[0].ticketId"));
        var first = ws.staff().get("/api/support-info/" + records.getString("data[0].id")).asString();

        // the very same envelope again (same event id): nothing changes
        deliver(resolved);
        assertEquals(1, recordsOf(ws, ticketId).getInt("total"));
        assertEquals(first, ws.staff().get("/api/support-info/" + records.getString("data[0].id")).asString());

        var events = Fixtures.events(UUID.fromString(records.getString("data[0].id")), 1);
        assertEquals(1, events.size(), "one record, one event");
        assertEquals(EventTypes.SupportInfo.RECORD_CREATED, events.getFirst().type());
        assertEquals(Actor.SYSTEM, events.getFirst().actor());
        assertEquals(java.util.Set.of("ADMIN"), events.getFirst().audience().roles());
        assertEquals(ticketId.toString(), events.getFirst().payload().path("ticketId").asText());
    }

    @Test
    void reopenedAndResolvedAgainUpdatesTheSameRecord() {
        var ticketId = UUID.randomUUID();
        deliver(Fixtures.ticketEvent(ws.id(), ticketId, 1, Fixtures.ticket(ticketId, 7, "VPN down", "RESOLVED",
                "IN_PROGRESS", "USER", ws.customerId(), false, null)));
        var recordId = recordsOf(ws, ticketId).getString("data[0].id");
        // staff classify it meanwhile; the ticket does not own these fields
        ws.staff().body(Map.of("type", "COMPLAINT", "visibleToCustomer", true)).patch("/api/support-info/" + recordId)
                .then().statusCode(200);

        deliver(Fixtures.ticketEvent(ws.id(), ticketId, 2, Fixtures.ticket(ticketId, 7, "VPN down", "REOPENED",
                "RESOLVED", "USER", ws.customerId(), false, null)));
        ws.staff().get("/api/support-info/" + recordId).then().body("status", equalTo("OPEN"))
                .body("resolvedAt", nullValue());

        deliver(Fixtures.ticketEvent(ws.id(), ticketId, 3, Fixtures.ticket(ticketId, 7, "VPN down again", "RESOLVED",
                "REOPENED", "USER", ws.customerId(), false, ws.adminId())));
        var records = recordsOf(ws, ticketId);
        assertEquals(1, records.getInt("total"), "still one record for the ticket");
        assertEquals(recordId, records.getString("data[0].id"));
        assertEquals("7 — VPN down again", records.getString("data[0].title"));
        assertEquals("RESOLVED", records.getString("data[0].status"));
        assertEquals(ws.adminId().toString(), records.getString("data[0].assigneeId"));
        assertEquals("COMPLAINT", records.getString("data[0].type"));
        assertEquals(true, records.getBoolean("data[0].visibleToCustomer"));
        // the customer sees the visible record about them
        ws.customer().get("/api/support-info/" + recordId).then().statusCode(200).body("status", equalTo("RESOLVED"));

        deliver(Fixtures.ticketEvent(ws.id(), ticketId, 4, Fixtures.ticket(ticketId, 7, "VPN down again", "CLOSED",
                "RESOLVED", "USER", ws.customerId(), false, ws.adminId())));
        ws.staff().get("/api/support-info/" + recordId).then().body("status", equalTo("CLOSED"));

        var types = Fixtures.events(UUID.fromString(recordId), 5).stream().map(e -> e.type()).toList();
        assertEquals(List.of(EventTypes.SupportInfo.RECORD_CREATED, EventTypes.SupportInfo.RECORD_UPDATED,
                EventTypes.SupportInfo.RECORD_UPDATED, EventTypes.SupportInfo.RECORD_UPDATED,
                EventTypes.SupportInfo.RECORD_UPDATED), types);
    }

    @Test
    void aTicketStaffOpenedForAGuestIsAnAdminTicketWithoutCustomer() {
        var ticketId = UUID.randomUUID();
        deliver(Fixtures.ticketEvent(ws.id(), ticketId, 1, Fixtures.ticket(ticketId, 55, "Phone order", "RESOLVED",
                "OPEN", "GUEST", UUID.randomUUID(), true, null)));
        var records = recordsOf(ws, ticketId);
        assertEquals(1, records.getInt("total"));
        assertEquals("ADMIN_TICKET", records.getString("data[0].source"));
        assertEquals(null, records.getString("data[0].customerId"));
    }

    @Test
    void withTheSettingOffNoRecordIsMade() {
        var off = Workspace.create();
        off.staff().body(Map.of("recordResolvedTickets", false)).put("/api/support-info/settings").then()
                .statusCode(200);
        var ticketId = UUID.randomUUID();
        deliver(Fixtures.ticketEvent(off.id(), ticketId, 1, Fixtures.ticket(ticketId, 1, "Quiet", "RESOLVED",
                "OPEN", "USER", off.customerId(), false, null)));
        assertEquals(0, recordsOf(off, ticketId).getInt("total"));
        assertEquals(0, off.staff().get("/api/support-info/counts").jsonPath().getInt("total"));

        // and a ticket of one workspace never lands in another
        var elsewhere = UUID.randomUUID();
        deliver(Fixtures.ticketEvent(ws.id(), elsewhere, 1, Fixtures.ticket(elsewhere, 2, "Mine", "RESOLVED",
                "OPEN", "USER", ws.customerId(), false, null)));
        assertEquals(0, recordsOf(off, elsewhere).getInt("total"));
        assertNotEquals(0, recordsOf(ws, elsewhere).getInt("total"));
    }
}
