package io.goftgu.testing;

import io.vertx.core.Vertx;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain JUnit: the test infrastructure gives real servers and tokens a service would accept. */
class TestInfrastructureTest {

    @Test
    void postgresServesOneDatabasePerName() throws Exception {
        var server = PostgresServer.shared();
        var url = server.database("infrastructure_test");
        assertEquals(url, server.database("infrastructure_test"), "creating twice is harmless");
        try (var connection = DriverManager.getConnection(url, server.user(), server.password());
             var rs = connection.createStatement().executeQuery("SELECT current_database(), version()")) {
            rs.next();
            assertEquals("infrastructure_test", rs.getString(1));
            assertTrue(rs.getString(2).startsWith("PostgreSQL"));
        }
        assertThrows(IllegalArgumentException.class, () -> server.database("bad; DROP DATABASE postgres"));
    }

    @Test
    void kafkaIsARealBroker() {
        var topic = "infrastructure-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers(),
                "key.serializer", StringSerializer.class, "value.serializer", StringSerializer.class));
             var consumer = new KafkaConsumer<String, String>(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers(),
                     "group.id", topic, "auto.offset.reset", "earliest",
                     "key.deserializer", StringDeserializer.class, "value.deserializer", StringDeserializer.class))) {
            producer.send(new ProducerRecord<>(topic, "k", "سلام")).get(20, TimeUnit.SECONDS);
            consumer.subscribe(List.of(topic));
            var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    assertEquals("سلام", record.value());
                    return;
                }
            }
            throw new AssertionError("the record never came back");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void tokensVerifyAgainstThePublishedKeySet() throws Exception {
        var user = UUID.randomUUID();
        var workspace = UUID.randomUUID();
        var token = TestTokens.staff(user, workspace);
        var keys = new JsonWebKeySet(Files.readString(Path.of(URI.create(TestTokens.jwksLocation()))));
        var jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        jws.setKey(new VerificationJwkSelector().select(jws, keys.getJsonWebKeys()).getKey());
        assertTrue(jws.verifySignature());
        assertEquals("RS256", jws.getAlgorithmHeaderValue());
        var claims = org.jose4j.jwt.JwtClaims.parse(jws.getPayload());
        assertEquals(user.toString(), claims.getSubject());
        assertEquals(workspace.toString(), claims.getClaimValueAsString("wid"));
        assertEquals(List.of("ADMIN"), claims.getStringListClaimValue("groups"));
    }

    @Test
    void theSocketClientSendsHeadersAndRecordsFrames() throws Exception {
        var vertx = Vertx.vertx();
        try {
            var port = FreePorts.next();
            vertx.createHttpServer().webSocketHandler(socket -> {
                var auth = socket.headers().get("Authorization");
                socket.writeTextMessage("{\"type\":\"hello\",\"auth\":\"" + auth + "\"}");
                socket.textMessageHandler(text -> socket.writeTextMessage(text));
            }).listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            try (var socket = TestSocket.connect(URI.create("ws://127.0.0.1:" + port + "/"), "t0ken")) {
                assertEquals("Bearer t0ken", socket.awaitType("hello", Duration.ofSeconds(5)).json().path("auth").asText());
                socket.send(Map.of("type", "echo", "n", 7));
                assertEquals(7, socket.awaitType("echo", Duration.ofSeconds(5)).json().path("n").asInt());
                assertThrows(AssertionError.class, () -> socket.awaitType("never", Duration.ofMillis(200)));
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
