package io.goftgu.internalchat;

import io.goftgu.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the internal-chat HTTP tests share: users fed in as real identity.events, tokens per user, a few calls,
 * and the per-room event counter of the outbox ({@code outbox_sequence}), which only moves when an event is added.
 * The test resources (PostgreSQL, Kafka, tokens) are declared once, on {@link DirectMessagingTest}.
 */
abstract class ChatTestSupport {

    static final Map<UUID, UUID> WORKSPACE_OF = new ConcurrentHashMap<>();
    static final Set<UUID> CUSTOMERS = ConcurrentHashMap.newKeySet();

    @Inject
    DataSource dataSource;

    static UUID staff(UUID workspace, String name) {
        var id = StaffDirectory.user(workspace, name, "ADMIN");
        WORKSPACE_OF.put(id, workspace);
        return id;
    }

    static UUID customer(UUID workspace, String name) {
        var id = StaffDirectory.user(workspace, name, "USER");
        WORKSPACE_OF.put(id, workspace);
        CUSTOMERS.add(id);
        return id;
    }

    static RequestSpecification as(UUID user) {
        var workspace = WORKSPACE_OF.get(user);
        var token = CUSTOMERS.contains(user) ? TestTokens.customer(user, workspace) : TestTokens.staff(user, workspace);
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Waits until the identity projection knows {@code count} colleagues of {@code viewer}. */
    static void awaitColleagues(UUID viewer, int count) {
        awaitTrue(() -> as(viewer).get("/api/internal-chat/contacts").jsonPath().getList("users").size() >= count,
                "identity.events never reached the contacts projection");
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition, String message) {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, message);
            sleep(100);
        }
    }

    static String group(UUID owner, String title, UUID... members) {
        return as(owner).body(Map.of("title", title, "memberIds", List.of(members)))
                .post("/api/internal-chat/rooms?type=group").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> send(UUID me, String roomId, String body) {
        return send(me, Map.of("roomId", roomId, "body", body, "clientMessageId", UUID.randomUUID()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> send(UUID me, Map<String, Object> body) {
        return as(me).body(body).post("/api/internal-chat/messages").then().statusCode(201).extract().as(Map.class);
    }

    static long lastSeq(UUID me, String roomId) {
        return ((Number) as(me).get("/api/internal-chat/rooms/" + roomId).path("lastSeq")).longValue();
    }

    /** How many events the room has had (the outbox's per-aggregate sequence). */
    long eventCount(String roomId) {
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement("SELECT last_sequence FROM outbox_sequence WHERE aggregate_id = ?")) {
            query.setObject(1, UUID.fromString(roomId));
            try (var rs = query.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql, Object... args) {
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                query.setObject(i + 1, args[i]);
            }
            try (var rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql, Object... args) {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
