package io.goftgu.realtime.endpoint;

import io.goftgu.realtime.support.UpgradeProbe;
import io.goftgu.testing.KafkaResource;
import io.goftgu.testing.TestSocket;
import io.goftgu.testing.TestTokens;
import io.goftgu.testing.TokensResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.goftgu.realtime.support.Sockets.DASHBOARD_ORIGIN;
import static io.goftgu.realtime.support.Sockets.SOON;
import static io.goftgu.realtime.support.Sockets.bearer;
import static io.goftgu.realtime.support.Sockets.ws;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP upgrade of {@code /ws} against the running service: who gets a socket and who does not. Refusals are
 * checked with a raw upgrade request ({@link UpgradeProbe}), which shows the exact status and lets the test send
 * what WebSocket clients will not (several Origins, a compression offer); acceptances are checked with a real client
 * ({@link TestSocket}) that then exchanges a ping. Tokens come from {@link TestTokens}, whose JWKS the service trusts.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokensResource.class)
class UpgradeTest {

    @TestHTTPResource("/ws")
    URI uri;

    private final UUID workspace = UUID.randomUUID();
    private final UUID user = UUID.randomUUID();

    @Test
    void noTokenIsRefusedWith401() {
        assertEquals(401, UpgradeProbe.upgrade(uri).status());
    }

    @Test
    void expiredTokenIsRefusedWith401() {
        var expired = TestTokens.mint(user, workspace, "ADMIN", "access", Duration.ofMinutes(-5));
        assertEquals(401, UpgradeProbe.upgrade(uri, "Authorization: Bearer " + expired).status());
    }

    @Test
    void tokenSignedByAnUnknownKeyIsRefusedWith401() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var forged = Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject(user.toString())
                .groups("ADMIN").claim("wid", workspace.toString()).claim("token_type", "access")
                .expiresIn(Duration.ofHours(1))
                .jws().keyId("test-key")
                .sign(generator.generateKeyPair().getPrivate());
        assertEquals(401, UpgradeProbe.upgrade(uri, "Authorization: Bearer " + forged).status());
    }

    @Test
    void tokenWithoutAWorkspaceRoleIsRefusedWith403() {
        var token = TestTokens.mint(user, workspace, "AUDITOR", "access", Duration.ofHours(1));
        assertEquals(403, UpgradeProbe.upgrade(uri, "Authorization: Bearer " + token).status());
    }

    @Test
    void foreignOriginIsRefusedWith403EvenWithAValidToken() {
        var token = TestTokens.staff(user, workspace);
        assertEquals(403, UpgradeProbe.upgrade(uri, "Origin: https://evil.example",
                "Cookie: goftgu_session=" + token).status());
        assertEquals(403, UpgradeProbe.upgrade(uri, "Origin: https://evil.example",
                "Authorization: Bearer " + token).status());
    }

    @Test
    void aSecondOriginIsRefusedWith403() {
        var token = TestTokens.staff(user, workspace);
        assertEquals(403, UpgradeProbe.upgrade(uri, "Origin: https://evil.example", "Origin: " + DASHBOARD_ORIGIN,
                "Authorization: Bearer " + token).status());
    }

    @Test
    void dashboardSessionCookieFromAnAllowedOriginIsAccepted() {
        var token = TestTokens.staff(user, workspace);
        try (var socket = TestSocket.connect(ws(uri),
                Map.of("Origin", DASHBOARD_ORIGIN, "Cookie", "goftgu_csrf=x; goftgu_session=" + token))) {
            socket.send("{\"type\":\"ping\"}");
            socket.awaitType("pong", SOON);
        }
    }

    @Test
    void cookieWithoutAnyOriginIsStillChecked() {
        var expired = TestTokens.mint(user, workspace, "ADMIN", "access", Duration.ofMinutes(-5));
        assertEquals(401, UpgradeProbe.upgrade(uri, "Cookie: goftgu_session=" + expired).status());
    }

    @Test
    void bearerHeaderWithoutOriginIsAccepted() {
        try (var socket = bearer(uri, TestTokens.customer(user, workspace))) {
            socket.send("{\"type\":\"ping\"}");
            socket.awaitType("pong", SOON);
        }
    }

    @Test
    void tokenInTheSubprotocolIsAcceptedAndTheCarrierProtocolSelected() {
        var header = "quarkus-http-upgrade#Authorization#Bearer " + TestTokens.guest(user, workspace);
        var carried = URLEncoder.encode(header, StandardCharsets.UTF_8).replace("+", "%20");
        var answer = UpgradeProbe.upgrade(uri, "Origin: " + DASHBOARD_ORIGIN,
                "Sec-WebSocket-Protocol: goftgu, " + carried);
        assertEquals(101, answer.status());
        assertEquals(List.of("goftgu"), answer.header("Sec-WebSocket-Protocol"));
    }

    @Test
    void badTokenInTheSubprotocolIsRefusedWith401() {
        var carried = URLEncoder.encode("quarkus-http-upgrade#Authorization#Bearer not.a.token", StandardCharsets.UTF_8)
                .replace("+", "%20");
        var answer = UpgradeProbe.upgrade(uri, "Origin: " + DASHBOARD_ORIGIN,
                "Sec-WebSocket-Protocol: goftgu, " + carried);
        assertEquals(401, answer.status());
    }

    @Test
    void perMessageCompressionIsNotNegotiated() {
        var answer = UpgradeProbe.upgrade(uri, "Authorization: Bearer " + TestTokens.staff(user, workspace),
                "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits");
        assertEquals(101, answer.status());
        assertTrue(answer.header("Sec-WebSocket-Extensions").isEmpty(),
                "the server accepted " + answer.header("Sec-WebSocket-Extensions"));
    }
}
