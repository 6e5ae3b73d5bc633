package io.goftgu.internalchat;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.testing.KafkaBroker;
import io.goftgu.testing.KafkaResource;
import io.goftgu.testing.PostgresResource;
import io.goftgu.testing.TestTokens;
import io.goftgu.testing.TokensResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first internal-chat slice through the real HTTP stack, a real PostgreSQL and a real Kafka broker: users
 * arrive as {@code identity.events} on Kafka (as the gateway publishes them), tokens are minted by
 * {@link TestTokens}, and every message's event is read back from {@code internal-chat.events}.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "internal_chat"))
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokensResource.class)
class DirectMessagingTest {

    static final UUID WORKSPACE = UUID.randomUUID();
    static final UUID OTHER_WORKSPACE = UUID.randomUUID();
    static UUID alice;
    static UUID bob;
    static UUID carol;
    static UUID dana;
    static UUID customer;
    static UUID stranger;

    /** Once per class; in a @BeforeEach because Quarkus points RestAssured at the random port per test. */
    @BeforeEach
    void staff() {
        if (alice != null) {
            return;
        }
        alice = StaffDirectory.user(WORKSPACE, "Alice", "ADMIN");
        bob = StaffDirectory.user(WORKSPACE, "Bob", "ADMIN");
        carol = StaffDirectory.user(WORKSPACE, "Carol", "ADMIN");
        dana = StaffDirectory.user(WORKSPACE, "Dana", "ADMIN");
        customer = StaffDirectory.user(WORKSPACE, "Customer", "USER");
        stranger = StaffDirectory.user(OTHER_WORKSPACE, "Stranger", "ADMIN");
        // the projection is eventually consistent: wait until Alice sees her colleagues
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (as(alice).get("/api/internal-chat/contacts").jsonPath().getList("users").size() < 3) {
            assertTrue(System.nanoTime() < deadline, "identity.events never reached the contacts projection");
            sleep(100);
        }
    }

    static RequestSpecification as(UUID user) {
        var workspace = user.equals(stranger) ? OTHER_WORKSPACE : WORKSPACE;
        var token = user.equals(customer) ? TestTokens.customer(user, workspace) : TestTokens.staff(user, workspace);
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String openDirect(UUID me, UUID other) {
        return as(me).body(Map.of("userId", other)).post("/api/internal-chat/rooms?type=direct")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().path("id");
    }

    static Map<String, Object> send(UUID me, String roomId, String body) {
        return as(me).body(Map.of("roomId", roomId, "body", body, "clientMessageId", UUID.randomUUID()))
                .post("/api/internal-chat/messages").then().statusCode(201).extract().as(Map.class);
    }

    @Test
    void contactsListTheWorkspaceStaffOnly() {
        as(alice).get("/api/internal-chat/contacts").then().statusCode(200)
                .body("users.name", hasItem("Bob"))
                .body("users.name", org.hamcrest.Matchers.not(hasItem("Stranger")))
                .body("users.name", org.hamcrest.Matchers.not(hasItem("Customer")))
                .body("users.name", org.hamcrest.Matchers.not(hasItem("Alice")));
        as(alice).get("/api/internal-chat/contacts?search=bo").then().body("users", hasSize(1));
    }

    @Test
    void directRoomIsOnePerPairAndNotesToSelfIsMine() {
        var created = as(alice).body(Map.of("userId", dana)).post("/api/internal-chat/rooms?type=direct");
        created.then().statusCode(201).body("type", equalTo("DIRECT")).body("members", hasSize(2));
        var roomId = created.path("id");
        as(dana).body(Map.of("userId", alice)).post("/api/internal-chat/rooms?type=direct")
                .then().statusCode(200).body("id", equalTo(roomId));
        as(alice).body(Map.of("userId", alice)).post("/api/internal-chat/rooms?type=direct")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).body("members", hasSize(1));
        as(alice).get("/api/internal-chat/rooms").then().statusCode(200).body("id", hasItem(roomId));
    }

    @Test
    void sendListAndIdempotentRepeat() {
        var roomId = openDirect(alice, bob);
        var clientId = UUID.randomUUID();
        var body = Map.of("roomId", roomId, "body", "سلام، گزارش فروش آماده است", "clientMessageId", clientId);
        var first = as(alice).body(body).post("/api/internal-chat/messages").then().statusCode(201)
                .body("sender.id", equalTo(alice.toString())).body("sender.name", equalTo("Alice"))
                .extract().as(Map.class);
        as(alice).body(body).post("/api/internal-chat/messages").then().statusCode(200)
                .body("id", equalTo(first.get("id"))).body("seq", equalTo(first.get("seq")));
        long seq = ((Number) first.get("seq")).longValue();
        send(bob, roomId, "ممنون");
        as(bob).get("/api/internal-chat/messages?roomId=" + roomId + "&after=" + (seq - 1)).then().statusCode(200)
                .body("body", equalTo(List.of("سلام، گزارش فروش آماده است", "ممنون")))
                .body("seq", equalTo(List.of((int) seq, (int) seq + 1)));
        as(bob).get("/api/internal-chat/messages?roomId=" + roomId + "&before=" + (seq + 1) + "&limit=1")
                .then().statusCode(200).body("seq", equalTo(List.of((int) seq)));
        as(bob).get("/api/internal-chat/rooms/" + roomId).then().body("unreadCount", equalTo(0));
    }

    @Test
    void repeatsOfOneSendRacingEachOtherMakeOneMessage() throws Exception {
        // a client that retries before its first try was answered: the repeats wait for the room's lock while the
        // first one writes, and must each be answered with the first message, not fail on the unique index
        var roomId = openDirect(alice, bob);
        long before = lastSeq(alice, roomId);
        for (int round = 0; round < 3; round++) {
            var body = Map.of("roomId", roomId, "body", "یک بار " + round, "clientMessageId", UUID.randomUUID());
            List<io.restassured.response.Response> answers;
            try (var pool = Executors.newFixedThreadPool(10)) {
                var futures = IntStream.range(0, 10)
                        .mapToObj(i -> pool.submit(() -> as(alice).body(body).post("/api/internal-chat/messages")))
                        .toList();
                answers = new java.util.ArrayList<>();
                for (var f : futures) {
                    answers.add(f.get());
                }
            }
            var statuses = answers.stream().map(a -> a.statusCode()).sorted().toList();
            assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 201), statuses,
                    answers.stream().map(a -> a.asString()).toList().toString());
            assertEquals(1, answers.stream().map(a -> a.jsonPath().getString("id")).distinct().count());
        }
        assertEquals(before + 3, lastSeq(alice, roomId));
    }

    @Test
    void eachMessageIsAnnouncedOnKafkaToTheRoomMembers() {
        var roomId = openDirect(bob, carol);
        var sent = send(bob, roomId, "رویداد");
        var event = awaitEvent(UUID.fromString(roomId), (String) sent.get("id"));
        assertEquals(EventTypes.InternalChat.MESSAGE_CREATED, event.type());
        assertEquals(WORKSPACE, event.workspaceId());
        assertEquals(Set.of(bob, carol), event.audience().users());
        assertEquals("رویداد", event.payload().path("body").asText());
        assertEquals(((Number) sent.get("seq")).longValue(), event.payload().path("seq").asLong());
    }

    @Test
    void twentyConcurrentSendersGetGapFreeSeqs() throws Exception {
        var roomId = openDirect(alice, carol);
        try (var pool = Executors.newFixedThreadPool(20)) {
            var futures = IntStream.range(0, 20).mapToObj(i -> pool.submit(() ->
                    send(i % 2 == 0 ? alice : carol, roomId, "پیام " + i))).toList();
            for (var f : futures) {
                f.get();
            }
        }
        List<Integer> seqs = as(alice).get("/api/internal-chat/messages?roomId=" + roomId + "&after=0&limit=100")
                .then().statusCode(200).extract().path("seq");
        assertEquals(IntStream.rangeClosed(1, 20).boxed().toList(), seqs);
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        var roomId = openDirect(alice, bob);
        long before = lastSeq(alice, roomId);
        as(alice).body(Map.of("roomId", roomId, "body", " ", "clientMessageId", UUID.randomUUID()))
                .post("/api/internal-chat/messages").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("body"));
        as(alice).body(Map.of("roomId", roomId, "body", "x".repeat(10_001), "clientMessageId", UUID.randomUUID()))
                .post("/api/internal-chat/messages").then().statusCode(400).body("detail", containsString("body"));
        as(alice).body(Map.of("roomId", roomId, "body", "hi")).post("/api/internal-chat/messages")
                .then().statusCode(400).body("errors.field", hasItem("clientMessageId"));
        as(alice).body("{\"roomId\": ").post("/api/internal-chat/messages").then().statusCode(400)
                .contentType("application/problem+json");
        as(alice).body(Map.of("roomId", "not-a-uuid", "body", "hi", "clientMessageId", UUID.randomUUID()))
                .post("/api/internal-chat/messages").then().statusCode(400);
        as(alice).body(Map.of("roomId", UUID.randomUUID(), "body", "hi", "clientMessageId", UUID.randomUUID()))
                .post("/api/internal-chat/messages").then().statusCode(404).contentType("application/problem+json");
        as(alice).body(Map.of("userId", bob)).post("/api/internal-chat/rooms?type=lobby").then().statusCode(400);
        as(alice).get("/api/internal-chat/messages?roomId=" + roomId + "&limit=101").then().statusCode(400);
        assertEquals(before, lastSeq(alice, roomId));
    }

    @Test
    void outsidersGetNotFoundAndCustomersAndAnonymousAreRefused() {
        var roomId = openDirect(alice, bob);
        long before = lastSeq(alice, roomId);
        // a colleague who is not a member, and a member of another workspace: the room does not exist for them
        as(carol).get("/api/internal-chat/rooms/" + roomId).then().statusCode(404);
        as(stranger).get("/api/internal-chat/rooms/" + roomId).then().statusCode(404);
        as(stranger).get("/api/internal-chat/messages?roomId=" + roomId).then().statusCode(404);
        as(carol).body(Map.of("roomId", roomId, "body", "نفوذ", "clientMessageId", UUID.randomUUID()))
                .post("/api/internal-chat/messages").then().statusCode(404);
        // people of another workspace, and customers, are not staff one can open a room with
        as(alice).body(Map.of("userId", stranger)).post("/api/internal-chat/rooms?type=direct").then().statusCode(404);
        as(alice).body(Map.of("userId", customer)).post("/api/internal-chat/rooms?type=direct").then().statusCode(404);
        // internal chat is staff only
        as(customer).get("/api/internal-chat/rooms").then().statusCode(403).contentType("application/problem+json");
        RestAssured.given().get("/api/internal-chat/rooms").then().statusCode(401)
                .contentType("application/problem+json");
        RestAssured.given().auth().oauth2("not.a.token").get("/api/internal-chat/rooms").then().statusCode(401);
        assertEquals(before, lastSeq(alice, roomId));
    }

    private static long lastSeq(UUID me, String roomId) {
        return ((Number) as(me).get("/api/internal-chat/rooms/" + roomId).path("lastSeq")).longValue();
    }

    private static EventEnvelope awaitEvent(UUID roomId, String messageId) {
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                "bootstrap.servers", KafkaBroker.bootstrapServers(),
                "group.id", "test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class,
                "value.deserializer", ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.INTERNAL_CHAT));
            var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            var seen = new ArrayList<String>();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    var event = EventJson.read(record.value());
                    seen.add(event.type());
                    if (event.aggregateId().equals(roomId) && messageId.equals(event.payload().path("id").asText())) {
                        assertEquals(roomId.toString(), record.key(), "the record key is the room id");
                        return event;
                    }
                }
            }
            throw new AssertionError("no event for message " + messageId + "; saw " + seen);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
