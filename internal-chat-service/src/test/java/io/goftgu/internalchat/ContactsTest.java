package io.goftgu.internalchat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Contacts: staff with presence from realtime.signals, my direct rooms and unread counts; teams with their rooms. */
@QuarkusTest
class ContactsTest extends ChatTestSupport {

    static final UUID WS = UUID.randomUUID();
    static UUID hana;
    static UUID omid;
    static UUID pari;
    static UUID customer;

    @BeforeEach
    void users() {
        if (hana != null) {
            return;
        }
        hana = staff(WS, "Hana");
        omid = staff(WS, "Omid");
        pari = staff(WS, "Pari");
        customer = customer(WS, "Customer");
        awaitColleagues(hana, 2);
    }

    @Test
    void presenceComesFromRealtimeSignals() {
        as(hana).get("/api/internal-chat/contacts").then().statusCode(200)
                .body("users.find { it.id == '" + pari + "' }.presence", equalTo("offline"))
                .body("users.find { it.id == '" + pari + "' }.lastSeenAt", nullValue());
        var seen = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StaffDirectory.presence(WS, omid, "online", seen);
        awaitTrue(() -> "online".equals(as(hana).get("/api/internal-chat/contacts")
                .path("users.find { it.id == '" + omid + "' }.presence")), "presence never arrived");
        as(hana).get("/api/internal-chat/contacts").then()
                .body("users.find { it.id == '" + omid + "' }.lastSeenAt", equalTo(seen.toString()));
        // an older report does not overwrite a newer one
        StaffDirectory.presence(WS, omid, "offline", seen.minusSeconds(60));
        StaffDirectory.presence(WS, omid, "away", seen.plusSeconds(5));
        awaitTrue(() -> "away".equals(as(hana).get("/api/internal-chat/contacts")
                .path("users.find { it.id == '" + omid + "' }.presence")), "later presence never arrived");
    }

    @Test
    void directRoomsUnreadCountsTeamsAndSearch() {
        String roomId = as(omid).body(Map.of("userId", hana)).post("/api/internal-chat/rooms?type=direct")
                .then().statusCode(201).extract().path("id");
        send(omid, roomId, "سلام هانا");
        send(omid, roomId, "خبر داری؟");
        as(hana).get("/api/internal-chat/contacts").then()
                .body("users.find { it.id == '" + omid + "' }.directRoomId", equalTo(roomId))
                .body("users.find { it.id == '" + omid + "' }.unreadCount", equalTo(2))
                .body("users.find { it.id == '" + pari + "' }.directRoomId", nullValue())
                .body("users.id", not(hasItem(customer.toString())));
        var teamId = StaffDirectory.team(WS, "Sales", List.of(hana, pari));
        awaitTrue(() -> as(hana).get("/api/internal-chat/contacts").jsonPath().getList("teams.id").contains(teamId.toString()),
                "team never arrived");
        as(hana).get("/api/internal-chat/contacts").then().body("teams.find { it.id == '" + teamId + "' }.roomId", nullValue());
        String teamRoom = as(pari).body(Map.of("teamId", teamId)).post("/api/internal-chat/rooms?type=team")
                .then().statusCode(201).extract().path("id");
        send(pari, teamRoom, "جلسه ساعت ۱۰");
        as(hana).get("/api/internal-chat/contacts").then()
                .body("teams.find { it.id == '" + teamId + "' }.roomId", equalTo(teamRoom))
                .body("teams.find { it.id == '" + teamId + "' }.unreadCount", equalTo(1));
        as(omid).get("/api/internal-chat/contacts").then().body("teams.find { it.id == '" + teamId + "' }.roomId", nullValue());
        as(hana).get("/api/internal-chat/contacts?search=sal").then().body("teams", hasSize(1)).body("users", hasSize(0));
        as(hana).get("/api/internal-chat/contacts?search=OM").then().body("users", hasSize(1)).body("users[0].name", equalTo("Omid"));
        as(customer).get("/api/internal-chat/contacts").then().statusCode(403);
    }
}
