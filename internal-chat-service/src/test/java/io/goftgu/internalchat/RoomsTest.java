package io.goftgu.internalchat;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventTypes;
import io.goftgu.internalchat.service.RetentionPurge;
import io.goftgu.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rooms through the real HTTP stack, PostgreSQL and Kafka: group, project and team rooms, settings enforced on
 * every write, member roles, archive and lock, system messages, retention; and who hears about it, read back from
 * {@code internal-chat.events}. Refused calls are checked to change nothing and announce nothing (the room's
 * outbox sequence stays put).
 */
@QuarkusTest
class RoomsTest extends ChatTestSupport {

    static final UUID WS = UUID.randomUUID();
    static final UUID OTHER_WS = UUID.randomUUID();
    static UUID owner;
    static UUID admin;
    static UUID member;
    static UUID outsider;
    static UUID leaver;
    static UUID customer;
    static UUID stranger;

    @Inject
    RetentionPurge purge;

    @BeforeEach
    void users() {
        if (owner != null) {
            return;
        }
        EventLog.start();
        owner = staff(WS, "Owner");
        admin = staff(WS, "Admin");
        member = staff(WS, "Member");
        outsider = staff(WS, "Outsider");
        leaver = staff(WS, "Leaver");
        customer = customer(WS, "Customer");
        stranger = staff(OTHER_WS, "Stranger");
        awaitColleagues(owner, 4);
        awaitTrue(() -> as(stranger).get("/api/internal-chat/contacts").statusCode() == 200, "stranger unknown");
    }

    static void makeAdmin(String roomId, UUID who) {
        as(owner).body(Map.of("role", "ADMIN")).patch("/api/internal-chat/rooms/" + roomId + "/members/" + who)
                .then().statusCode(200).body("role", equalTo("ADMIN"));
    }

    @Test
    void groupIsCreatedWithRolesAndDefaultSettingsAndAnnouncedToItsMembers() {
        var created = as(owner).body(Map.of("title", "  فروش  ", "memberIds", List.of(admin, member), "description", "تیم فروش"))
                .post("/api/internal-chat/rooms?type=group");
        created.then().statusCode(201).body("type", equalTo("GROUP")).body("title", equalTo("فروش"))
                .body("isPrivate", equalTo(true)).body("isArchived", equalTo(false)).body("isLocked", equalTo(false))
                .body("members", hasSize(3))
                .body("members.find { it.userId == '" + owner + "' }.role", equalTo("OWNER"))
                .body("members.find { it.userId == '" + member + "' }.role", equalTo("MEMBER"))
                .body("settings.whoCanPost", equalTo("ALL_MEMBERS")).body("settings.whoCanInvite", equalTo("ADMINS"))
                .body("settings.maxMessageLength", equalTo(10_000)).body("settings.maxFileSize", equalTo(10_485_760))
                .body("settings.retentionDays", nullValue()).body("settings.allowReactions", equalTo(true));
        String roomId = created.path("id");
        var event = EventLog.await(roomId, e -> e.type().equals(EventTypes.InternalChat.ROOM_CREATED));
        assertEquals(Set.of(owner, admin, member), event.audience().users());
        assertEquals(3, event.payload().path("members").size());
        as(member).get("/api/internal-chat/rooms").then().statusCode(200).body("id", hasItem(roomId));
        as(outsider).get("/api/internal-chat/rooms/" + roomId).then().statusCode(404);
        as(stranger).get("/api/internal-chat/rooms/" + roomId).then().statusCode(404);
        as(member).get("/api/internal-chat/rooms/" + roomId + "/members").then().statusCode(200).body("userId", hasSize(3));
    }

    @Test
    void badRoomInputIsAProblemAndCreatesNothing() {
        long rooms = count("SELECT count(*) FROM room WHERE created_by = ?", owner);
        as(owner).body(Map.of("memberIds", List.of(admin))).post("/api/internal-chat/rooms?type=group")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("title"));
        as(owner).body(Map.of("title", " ", "memberIds", List.of())).post("/api/internal-chat/rooms?type=group")
                .then().statusCode(400).body("errors.field", hasItem("title"));
        as(owner).body(Map.of("title", "x".repeat(201))).post("/api/internal-chat/rooms?type=group").then().statusCode(400);
        as(owner).body(Map.of("title", "t", "memberIds", List.of(stranger))).post("/api/internal-chat/rooms?type=group")
                .then().statusCode(400).body("errors.field", hasItem("memberIds"));
        as(owner).body(Map.of("title", "t", "memberIds", List.of(customer))).post("/api/internal-chat/rooms?type=group")
                .then().statusCode(400).body("errors.field", hasItem("memberIds"));
        as(owner).body(Map.of("title", "t", "memberIds", List.of("not-an-id"))).post("/api/internal-chat/rooms?type=group")
                .then().statusCode(400);
        as(owner).body(Map.of("title", "t")).post("/api/internal-chat/rooms?type=lobby").then().statusCode(400);
        as(owner).body(Map.of("title", "t")).post("/api/internal-chat/rooms?type=project")
                .then().statusCode(400).body("errors.field", hasItem("projectId"));
        as(owner).body(Map.of()).post("/api/internal-chat/rooms?type=team").then().statusCode(400)
                .body("errors.field", hasItem("teamId"));
        as(owner).body(Map.of("teamId", UUID.randomUUID())).post("/api/internal-chat/rooms?type=team").then().statusCode(404);
        as(customer).body(Map.of("title", "t")).post("/api/internal-chat/rooms?type=group").then().statusCode(403)
                .contentType("application/problem+json");
        assertEquals(rooms, count("SELECT count(*) FROM room WHERE created_by = ?", owner));
    }

    @Test
    void projectRoomIsOnePerProject() {
        var projectId = "crm-project-" + UUID.randomUUID();
        String roomId = as(owner).body(Map.of("projectId", projectId, "title", "پروژه", "memberIds", List.of(member)))
                .post("/api/internal-chat/rooms?type=project").then().statusCode(201)
                .body("type", equalTo("PROJECT")).body("projectId", equalTo(projectId)).extract().path("id");
        as(member).body(Map.of("projectId", projectId, "title", "again", "memberIds", List.of()))
                .post("/api/internal-chat/rooms?type=project").then().statusCode(200).body("id", equalTo(roomId))
                .body("title", equalTo("پروژه"));
        as(outsider).body(Map.of("projectId", projectId, "title", "mine", "memberIds", List.of()))
                .post("/api/internal-chat/rooms?type=project").then().statusCode(409).contentType("application/problem+json");
        assertEquals(1, count("SELECT count(*) FROM room WHERE project_id = ?", projectId));
    }

    @Test
    void teamRoomMembersFollowTheTeam() {
        var teamId = StaffDirectory.team(WS, "Support", List.of(owner, member));
        awaitTrue(() -> as(owner).get("/api/internal-chat/contacts").jsonPath().getList("teams.id").contains(teamId.toString()),
                "the team never reached the projection");
        as(outsider).body(Map.of("teamId", teamId)).post("/api/internal-chat/rooms?type=team").then().statusCode(404);
        as(stranger).body(Map.of("teamId", teamId)).post("/api/internal-chat/rooms?type=team").then().statusCode(404);
        String roomId = as(owner).body(Map.of("teamId", teamId)).post("/api/internal-chat/rooms?type=team")
                .then().statusCode(201).body("type", equalTo("TEAM")).body("title", equalTo("Support"))
                .body("teamId", equalTo(teamId.toString()))
                .body("members.userId", containsInAnyOrder(owner.toString(), member.toString())).extract().path("id");
        as(member).body(Map.of("teamId", teamId)).post("/api/internal-chat/rooms?type=team").then().statusCode(200)
                .body("id", equalTo(roomId));
        as(owner).get("/api/internal-chat/contacts").then().body("teams.find { it.id == '" + teamId + "' }.roomId", equalTo(roomId));
        // chat cannot change a team room's members: identity does
        as(owner).body(Map.of("userId", outsider)).post("/api/internal-chat/rooms/" + roomId + "/members").then().statusCode(409);

        StaffDirectory.teamMember(WS, teamId, "Support", outsider, true);
        awaitTrue(() -> as(outsider).get("/api/internal-chat/rooms/" + roomId).statusCode() == 200, "never joined the team room");
        var added = EventLog.await(roomId, EventTypes.InternalChat.MEMBER_ADDED, "userId", outsider.toString());
        assertEquals(Set.of(owner, member, outsider), added.audience().users());
        as(outsider).get("/api/internal-chat/messages?roomId=" + roomId).then()
                .body("find { it.type == 'SYSTEM' }.system.kind", equalTo("member-joined"));

        StaffDirectory.teamMember(WS, teamId, "Support", member, false);
        awaitTrue(() -> as(member).get("/api/internal-chat/rooms/" + roomId).statusCode() == 404, "never left the team room");
        var removed = EventLog.await(roomId, EventTypes.InternalChat.MEMBER_REMOVED, "userId", member.toString());
        assertTrue(removed.audience().users().contains(member), "the removed member hears of the removal");
        var after = send(owner, roomId, "بعد از رفتن");
        var created = EventLog.await(roomId, EventTypes.InternalChat.MESSAGE_CREATED, "id", (String) after.get("id"));
        assertEquals(Set.of(owner, outsider), created.audience().users());
    }

    @Test
    void rolesDecideWhoInvitesRemovesAndChangesRoles() {
        var roomId = group(owner, "نقش‌ها", admin, member);
        long events = eventCount(roomId);
        // only the OWNER changes roles
        as(admin).body(Map.of("role", "ADMIN")).patch("/api/internal-chat/rooms/" + roomId + "/members/" + member)
                .then().statusCode(403).contentType("application/problem+json");
        as(member).body(Map.of("userId", outsider)).post("/api/internal-chat/rooms/" + roomId + "/members").then().statusCode(403);
        as(member).delete("/api/internal-chat/rooms/" + roomId + "/members/" + admin).then().statusCode(403);
        as(owner).body(Map.of("role", "KING")).patch("/api/internal-chat/rooms/" + roomId + "/members/" + admin).then().statusCode(400);
        as(outsider).body(Map.of("role", "ADMIN")).patch("/api/internal-chat/rooms/" + roomId + "/members/" + outsider).then().statusCode(404);
        assertEquals(events, eventCount(roomId), "refused changes announce nothing");

        as(owner).body(Map.of("role", "ADMIN")).patch("/api/internal-chat/rooms/" + roomId + "/members/" + admin)
                .then().statusCode(200).body("role", equalTo("ADMIN"));
        EventLog.await(roomId, EventTypes.InternalChat.MEMBER_UPDATED, "userId", admin.toString());
        as(member).get("/api/internal-chat/messages?roomId=" + roomId).then()
                .body("find { it.system?.kind == 'role-changed' }.system.value", equalTo("ADMIN"));
        // an ADMIN invites (as MEMBER or GUEST only), but cannot remove the OWNER
        as(admin).body(Map.of("userId", outsider, "role", "ADMIN")).post("/api/internal-chat/rooms/" + roomId + "/members").then().statusCode(403);
        as(admin).body(Map.of("userId", stranger)).post("/api/internal-chat/rooms/" + roomId + "/members").then().statusCode(404);
        as(admin).body(Map.of("userId", customer)).post("/api/internal-chat/rooms/" + roomId + "/members").then().statusCode(404);
        as(admin).body(Map.of("userId", member)).post("/api/internal-chat/rooms/" + roomId + "/members").then().statusCode(409);
        as(admin).body(Map.of("userId", leaver)).post("/api/internal-chat/rooms/" + roomId + "/members").then().statusCode(201)
                .body("role", equalTo("MEMBER"));
        as(admin).delete("/api/internal-chat/rooms/" + roomId + "/members/" + owner).then().statusCode(403);
        // the last OWNER cannot leave while others remain; a member may leave
        as(owner).delete("/api/internal-chat/rooms/" + roomId + "/members/" + owner).then().statusCode(409);
        as(owner).body(Map.of("role", "MEMBER")).patch("/api/internal-chat/rooms/" + roomId + "/members/" + owner).then().statusCode(409);
        as(member).delete("/api/internal-chat/rooms/" + roomId + "/members/" + member).then().statusCode(204);
        as(member).get("/api/internal-chat/rooms/" + roomId).then().statusCode(404);
        as(member).get("/api/internal-chat/messages?roomId=" + roomId).then().statusCode(404);
        as(owner).get("/api/internal-chat/messages?roomId=" + roomId).then()
                .body("find { it.system?.kind == 'member-left' }.system.userId", equalTo(member.toString()));
    }

    @Test
    void aRemovedMemberHearsTheRemovalAndThenNothing() {
        var roomId = group(owner, "Audience", admin, leaver);
        makeAdmin(roomId, admin);
        send(leaver, roomId, "قبل");
        as(admin).delete("/api/internal-chat/rooms/" + roomId + "/members/" + leaver).then().statusCode(204);
        var removed = EventLog.await(roomId, EventTypes.InternalChat.MEMBER_REMOVED, "userId", leaver.toString());
        assertEquals(Set.of(owner, admin, leaver), removed.audience().users());
        assertFalse(removed.payload().path("members").findValuesAsText("userId").contains(leaver.toString()));
        var later = send(owner, roomId, "بعد");
        as(owner).body(Map.of("title", "Audience 2")).patch("/api/internal-chat/rooms/" + roomId).then().statusCode(200);
        EventLog.await(roomId, EventTypes.InternalChat.ROOM_UPDATED, "title", "Audience 2");
        EventLog.await(roomId, EventTypes.InternalChat.MESSAGE_CREATED, "id", (String) later.get("id"));
        var afterwards = EventLog.ofRoom(roomId).stream().filter(e -> e.sequence() > removed.sequence()).toList();
        assertTrue(afterwards.size() >= 3, "system message, message, update: " + afterwards.stream().map(EventEnvelope::type).toList());
        afterwards.forEach(e -> assertFalse(e.audience().users().contains(leaver), e.type() + " reached the removed member"));
        as(leaver).body(Map.of("roomId", roomId, "body", "هنوز؟", "clientMessageId", UUID.randomUUID()))
                .post("/api/internal-chat/messages").then().statusCode(404);
    }

    @Test
    void settingsAreEnforcedOnEveryWrite() {
        var roomId = group(owner, "Rules", admin, member);
        makeAdmin(roomId, admin);
        var first = send(member, roomId, "اولین");
        long events = eventCount(roomId);
        as(member).body(Map.of("settings", Map.of("whoCanPost", "OWNER_ONLY"))).patch("/api/internal-chat/rooms/" + roomId)
                .then().statusCode(403);
        as(owner).body(Map.of("settings", Map.of("whoCanPost", "EVERYONE"))).patch("/api/internal-chat/rooms/" + roomId)
                .then().statusCode(400).body("errors.field", hasItem("settings.whoCanPost"));
        as(owner).body(Map.of("settings", Map.of("maxMessageLength", 0))).patch("/api/internal-chat/rooms/" + roomId)
                .then().statusCode(400);
        as(owner).body(Map.of("title", "")).patch("/api/internal-chat/rooms/" + roomId).then().statusCode(400);
        assertEquals(events, eventCount(roomId));

        as(owner).body(Map.of("settings", Map.of("whoCanPost", "ADMINS_ONLY", "allowReactions", false,
                        "allowReplies", false, "maxMessageLength", 5)))
                .patch("/api/internal-chat/rooms/" + roomId).then().statusCode(200)
                .body("settings.whoCanPost", equalTo("ADMINS_ONLY")).body("settings.maxMessageLength", equalTo(5));
        EventLog.await(roomId, e -> e.type().equals(EventTypes.InternalChat.ROOM_UPDATED));
        long seq = lastSeq(owner, roomId);
        events = eventCount(roomId);
        as(member).body(Map.of("roomId", roomId, "body", "سلام", "clientMessageId", UUID.randomUUID()))
                .post("/api/internal-chat/messages").then().statusCode(403);
        as(admin).body(Map.of("roomId", roomId, "body", "123456", "clientMessageId", UUID.randomUUID()))
                .post("/api/internal-chat/messages").then().statusCode(400).body("errors.field", hasItem("body"));
        as(admin).body(Map.of("roomId", roomId, "body", "ok", "clientMessageId", UUID.randomUUID(), "replyToId", first.get("id")))
                .post("/api/internal-chat/messages").then().statusCode(403);
        as(member).put("/api/internal-chat/messages/{id}/reactions/{emoji}", first.get("id"), "👍").then().statusCode(403);
        assertEquals(seq, lastSeq(owner, roomId));
        assertEquals(events, eventCount(roomId));
        send(admin, roomId, "ok");

        // lock: no new messages; archive: read-only and hidden from the default list
        as(owner).body(Map.of("isLocked", true)).patch("/api/internal-chat/rooms/" + roomId).then().statusCode(200)
                .body("isLocked", equalTo(true));
        as(owner).body(Map.of("roomId", roomId, "body", "قفل", "clientMessageId", UUID.randomUUID()))
                .post("/api/internal-chat/messages").then().statusCode(409).contentType("application/problem+json");
        as(owner).body(Map.of("isLocked", false, "isArchived", true)).patch("/api/internal-chat/rooms/" + roomId)
                .then().statusCode(200).body("isArchived", equalTo(true));
        as(owner).body(Map.of("roomId", roomId, "body", "آرشیو", "clientMessageId", UUID.randomUUID()))
                .post("/api/internal-chat/messages").then().statusCode(409);
        as(owner).delete("/api/internal-chat/messages/" + first.get("id")).then().statusCode(409);
        as(owner).body(Map.of("title", "renamed")).patch("/api/internal-chat/rooms/" + roomId).then().statusCode(409);
        as(member).get("/api/internal-chat/rooms").then().body("id", not(hasItem(roomId)));
        as(member).get("/api/internal-chat/rooms?archived=true").then().body("id", hasItem(roomId));
        as(member).get("/api/internal-chat/rooms/" + roomId).then().statusCode(200);
        as(member).get("/api/internal-chat/messages?roomId=" + roomId).then().statusCode(200);
        as(owner).body(Map.of("isArchived", false)).patch("/api/internal-chat/rooms/" + roomId).then().statusCode(200);
        send(admin, roomId, "باز");
    }

    @Test
    void mutedMembersCannotPostUntilTheMuteEnds() {
        var roomId = group(owner, "Mute", admin, member);
        makeAdmin(roomId, admin);
        as(member).body(Map.of("muted", true)).patch("/api/internal-chat/rooms/" + roomId + "/members/" + admin).then().statusCode(403);
        as(admin).body(Map.of("muted", true)).patch("/api/internal-chat/rooms/" + roomId + "/members/" + owner).then().statusCode(403);
        as(admin).body(Map.of("muted", true, "mutedUntil", "2999-01-01T00:00:00Z"))
                .patch("/api/internal-chat/rooms/" + roomId + "/members/" + member).then().statusCode(200)
                .body("muted", equalTo(true)).body("mutedUntil", equalTo("2999-01-01T00:00:00Z"));
        as(member).body(Map.of("roomId", roomId, "body", "صدا", "clientMessageId", UUID.randomUUID()))
                .post("/api/internal-chat/messages").then().statusCode(403);
        as(admin).body(Map.of("muted", true, "mutedUntil", "2000-01-01T00:00:00Z"))
                .patch("/api/internal-chat/rooms/" + roomId + "/members/" + member).then().statusCode(200);
        send(member, roomId, "دوباره");
        as(member).body(Map.of("nickname", "ممبر")).patch("/api/internal-chat/rooms/" + roomId + "/members/" + member)
                .then().statusCode(200).body("nickname", equalTo("ممبر"));
        as(member).body(Map.of("nickname", "x")).patch("/api/internal-chat/rooms/" + roomId + "/members/" + admin).then().statusCode(403);
    }

    @Test
    void membersMuteTheirOwnNotificationsOnlyAndStillPost() {
        var roomId = group(owner, "Quiet", admin, member);
        as(owner).body(Map.of("notificationsMuted", true)).patch("/api/internal-chat/rooms/" + roomId + "/members/" + member)
                .then().statusCode(403);
        as(member).body(Map.of("notificationsMuted", "yes")).patch("/api/internal-chat/rooms/" + roomId + "/members/" + member)
                .then().statusCode(400);
        long events = eventCount(roomId);
        as(member).body(Map.of("notificationsMuted", true)).patch("/api/internal-chat/rooms/" + roomId + "/members/" + member)
                .then().statusCode(200).body("notificationsMuted", equalTo(true)).body("muted", equalTo(false));
        assertEquals(events + 1, eventCount(roomId), "the change is announced (internal-chat.member.updated)");
        as(member).get("/api/internal-chat/rooms/" + roomId).then().statusCode(200)
                .body("members.find { it.userId == '" + member + "' }.notificationsMuted", equalTo(true));
        send(member, roomId, "هنوز می‌نویسم");
        as(member).body(Map.of("notificationsMuted", false)).patch("/api/internal-chat/rooms/" + roomId + "/members/" + member)
                .then().statusCode(200).body("notificationsMuted", equalTo(false));
    }

    @Test
    void directRoomMembersAreFixed() {
        String roomId = as(owner).body(Map.of("userId", member)).post("/api/internal-chat/rooms?type=direct")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().path("id");
        long events = eventCount(roomId);
        as(owner).body(Map.of("userId", outsider)).post("/api/internal-chat/rooms/" + roomId + "/members").then().statusCode(409);
        as(owner).delete("/api/internal-chat/rooms/" + roomId + "/members/" + member).then().statusCode(409);
        as(owner).body(Map.of("title", "named")).patch("/api/internal-chat/rooms/" + roomId).then().statusCode(400);
        assertEquals(events, eventCount(roomId));
        as(member).get("/api/internal-chat/rooms/" + roomId + "/members").then().body("userId", hasSize(2));
    }

    @Test
    void publicGroupsCanBeJoinedPrivateOnesCannot() {
        String open = as(owner).body(Map.of("title", "Open", "memberIds", List.of(), "isPrivate", false))
                .post("/api/internal-chat/rooms?type=group").then().statusCode(201).body("isPrivate", equalTo(false))
                .extract().path("id");
        var closed = group(owner, "Closed");
        as(outsider).body(Map.of("userId", outsider)).post("/api/internal-chat/rooms/" + open + "/members").then().statusCode(201);
        as(outsider).get("/api/internal-chat/rooms/" + open).then().statusCode(200);
        as(outsider).body(Map.of("userId", outsider)).post("/api/internal-chat/rooms/" + closed + "/members").then().statusCode(404);
        as(stranger).body(Map.of("userId", stranger)).post("/api/internal-chat/rooms/" + open + "/members").then().statusCode(404);
        as(outsider).get("/api/internal-chat/rooms/" + closed).then().statusCode(404);
    }

    @Test
    void aDemotedAdminsOldTokenNoLongerOpensInternalChat() {
        var demoted = staff(WS, "Demoted");
        awaitTrue(() -> as(owner).get("/api/internal-chat/contacts?search=demoted").jsonPath().getList("users").size() == 1,
                "Demoted never arrived");
        var roomId = group(owner, "Demotion", demoted);
        as(demoted).get("/api/internal-chat/rooms").then().statusCode(200);
        StaffDirectory.changeRole(WS, demoted, "Demoted", "USER");
        // the token still says ADMIN; the projection says USER: staff endpoints are 403 at once
        awaitTrue(() -> as(demoted).get("/api/internal-chat/rooms").statusCode() == 403, "a demoted admin still lists rooms");
        as(demoted).get("/api/internal-chat/rooms/" + roomId).then().statusCode(403);
        as(demoted).body(Map.of("roomId", roomId, "body", "x", "clientMessageId", UUID.randomUUID()))
                .post("/api/internal-chat/messages").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aDeactivatedUserLosesAccessAtOnceAndLeavesTheAudience() {
        var doomed = staff(WS, "Doomed");
        awaitTrue(() -> as(owner).get("/api/internal-chat/contacts?search=doomed").jsonPath().getList("users").size() == 1,
                "Doomed never arrived");
        var roomId = group(owner, "Deactivation", doomed);
        as(doomed).get("/api/internal-chat/rooms/" + roomId).then().statusCode(200);
        StaffDirectory.deactivate(WS, doomed, "Doomed");
        // the old token is refused on every request from the moment the projection hears of it (platform/security)
        awaitTrue(() -> as(doomed).get("/api/internal-chat/rooms/" + roomId).statusCode() == 401, "still has access");
        as(doomed).get("/api/internal-chat/rooms").then().statusCode(401).contentType("application/problem+json");
        as(doomed).body(Map.of("roomId", roomId, "body", "x", "clientMessageId", UUID.randomUUID()))
                .post("/api/internal-chat/messages").then().statusCode(401);
        var sent = send(owner, roomId, "کسی هست؟");
        var event = EventLog.await(roomId, EventTypes.InternalChat.MESSAGE_CREATED, "id", (String) sent.get("id"));
        assertEquals(Set.of(owner), event.audience().users());
        as(owner).get("/api/internal-chat/contacts").then().body("users.name", not(hasItem("Doomed")));
    }

    @Test
    void retentionPurgesOldMessagesOnly() {
        var roomId = group(owner, "Retention", member);
        var old = send(owner, roomId, "قدیمی");
        var fresh = send(member, roomId, "تازه");
        execute("UPDATE message SET created_at = now() - interval '3 days' WHERE id = ?", UUID.fromString((String) old.get("id")));
        purge.purge();
        assertEquals(1, count("SELECT count(*) FROM message WHERE id = ?", UUID.fromString((String) old.get("id"))),
                "no retention set: kept");
        as(member).body(Map.of("settings", Map.of("retentionDays", 2))).patch("/api/internal-chat/rooms/" + roomId).then().statusCode(403);
        as(owner).body(Map.of("settings", Map.of("retentionDays", 2))).patch("/api/internal-chat/rooms/" + roomId).then().statusCode(200)
                .body("settings.retentionDays", equalTo(2));
        assertTrue(purge.purge() >= 1);
        as(member).get("/api/internal-chat/messages?roomId=" + roomId).then().body("id", not(hasItem(old.get("id"))))
                .body("id", hasItem(fresh.get("id")));
    }

    @Test
    void outsidersAndCustomersChangeNothing() {
        var roomId = group(owner, "Private", member);
        long events = eventCount(roomId);
        for (var who : List.of(outsider, stranger)) {
            as(who).get("/api/internal-chat/rooms/" + roomId).then().statusCode(404).contentType("application/problem+json");
            as(who).body(Map.of("title", "hacked")).patch("/api/internal-chat/rooms/" + roomId).then().statusCode(404);
            as(who).get("/api/internal-chat/rooms/" + roomId + "/members").then().statusCode(404);
            as(who).body(Map.of("userId", who)).post("/api/internal-chat/rooms/" + roomId + "/members").then().statusCode(404);
            as(who).delete("/api/internal-chat/rooms/" + roomId + "/members/" + member).then().statusCode(404);
            as(who).get("/api/internal-chat/rooms/" + roomId + "/pins").then().statusCode(404);
            as(who).body(Map.of("seq", 0)).post("/api/internal-chat/rooms/" + roomId + "/read").then().statusCode(404);
        }
        as(customer).get("/api/internal-chat/rooms/" + roomId).then().statusCode(403);
        as(customer).body(Map.of("title", "hacked")).patch("/api/internal-chat/rooms/" + roomId).then().statusCode(403);
        RestAssured.given().auth().oauth2(TestTokens.guest(UUID.randomUUID(), WS)).get("/api/internal-chat/rooms").then().statusCode(403);
        as(owner).get("/api/internal-chat/rooms/" + roomId).then().body("title", equalTo("Private")).body("members", hasSize(2));
        assertEquals(events, eventCount(roomId));
    }
}
