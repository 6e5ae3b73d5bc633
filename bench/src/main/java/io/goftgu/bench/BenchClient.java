package io.goftgu.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** What every benchmark run does against the stack: a fresh workspace of staff, rooms of two, REST calls, sockets. */
final class BenchClient {

    private static final String PASSWORD = "bench-password-42";

    record User(String id, String token) {
    }

    record Answer(int status, Buffer body) {
        JsonObject json() {
            return body.length() == 0 ? new JsonObject() : body.toJsonObject();
        }
    }

    private final Profile profile;
    private final HttpClient http;
    private final WebSocketClient sockets;

    BenchClient(Vertx vertx, Profile profile) {
        this.profile = profile;
        this.http = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(64).setKeepAlive(true)
                .setDefaultHost(profile.gateway().getHost()).setDefaultPort(profile.gateway().getPort()));
        this.sockets = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(profile.sockets() + 100).setConnectTimeout(30_000)
                .setTryUsePerMessageCompression(false).setMaxMessageSize(1 << 20));
    }

    /** A fresh workspace: its owner signs up, creates the staff, and every one logs in. */
    List<User> createUsers() throws Exception {
        var slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        expect(201, call(HttpMethod.POST, "/api/workspaces", null, new JsonObject().put("name", "Bench " + slug)
                .put("slug", slug).put("ownerName", "Bench owner").put("ownerEmail", "owner@" + slug + ".bench")
                .put("ownerPassword", PASSWORD)));
        var owner = login(slug, "owner@" + slug + ".bench");
        var pool = Executors.newFixedThreadPool(8);
        try {
            var futures = new ArrayList<java.util.concurrent.Future<User>>();
            for (int i = 0; i < profile.users(); i++) {
                var email = "user" + i + "@" + slug + ".bench";
                futures.add(pool.submit(() -> {
                    expect(201, call(HttpMethod.POST, "/api/workspace/users", owner.token(), new JsonObject()
                            .put("name", "Bench " + email).put("email", email).put("password", PASSWORD)
                            .put("role", "ADMIN")));
                    return login(slug, email);
                }));
            }
            var users = new ArrayList<User>();
            for (var future : futures) {
                users.add(future.get());
            }
            return users;
        } finally {
            pool.shutdown();
        }
    }

    /** Pairs users into rooms ({@link Profile#rooms}), once internal chat's contacts know them all. */
    List<String> openRooms(List<User> users) throws Exception {
        var last = users.getLast();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            var contacts = expect(200, call(HttpMethod.GET, "/api/internal-chat/contacts?search=" + "user"
                    + (users.size() - 1) + "@", users.getFirst().token(), null)).json().getJsonArray("users");
            if (contacts.stream().anyMatch(c -> last.id().equals(((JsonObject) c).getString("id")))) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("internal chat never learned the bench users");
            }
            Thread.sleep(200);
        }
        var rooms = new ArrayList<String>();
        for (int i = 0; i + 1 < users.size(); i += 2) {
            var other = users.get(i + 1).id();
            var body = profile.rooms().equals("group")
                    ? new JsonObject().put("title", "bench " + i).put("memberIds", new JsonArray().add(other))
                    : new JsonObject().put("userId", other);
            var answer = call(HttpMethod.POST, "/api/internal-chat/rooms?type=" + profile.rooms(), users.get(i).token(),
                    body).toCompletionStage().toCompletableFuture().get();
            if (answer.status() / 100 != 2) {
                throw new IllegalStateException("opening a room failed: " + answer.status() + " " + answer.body());
            }
            rooms.add(answer.json().getString("id"));
        }
        return rooms;
    }

    /** Waits for message {@code i}'s turn on a steady schedule, whatever the earlier sends are doing. */
    static void awaitTurn(int i, long start, long period) throws InterruptedException {
        long wait = start + i * period - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Message {@code i} of a run: into room {@code i mod rooms}, from its two members in turn, body {@code bench:<i>}. */
    Future<Answer> send(List<User> users, List<String> rooms, int i) {
        int room = i % rooms.size();
        var sender = users.get(2 * room + (i / rooms.size()) % 2);
        return call(HttpMethod.POST, "/api/internal-chat/messages", sender.token(), new JsonObject()
                .put("roomId", rooms.get(room)).put("body", LoadRun.MARK + i)
                .put("clientMessageId", UUID.randomUUID().toString()));
    }

    /** A socket of {@code user}, as an API client (no Origin header: a browser's would have to be allowed). */
    Future<WebSocket> connect(User user) {
        return sockets.connect(new WebSocketConnectOptions().setAbsoluteURI(profile.ws().toString())
                .setAllowOriginHeader(false).addHeader("Authorization", "Bearer " + user.token()));
    }

    private User login(String slug, String email) throws Exception {
        var body = new JsonObject().put("workspace", slug).put("email", email).put("password", PASSWORD);
        var answer = call(HttpMethod.POST, "/api/auth/login", null, body).toCompletionStage().toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        // the gateway bounds password checks per client address (429 with Retry-After): wait and try again, for as
        // long as a busy machine needs (the checks are Argon2: slow when the cores are shared)
        long giveUpAt = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (answer.status() == 429 && System.nanoTime() < giveUpAt) {
            Thread.sleep(250);
            answer = call(HttpMethod.POST, "/api/auth/login", null, body).toCompletionStage().toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
        }
        var json = expect(200, Future.succeededFuture(answer)).json();
        return new User(json.getJsonObject("user").getString("id"), json.getString("accessToken"));
    }

    Future<Answer> call(HttpMethod method, String path, String token, JsonObject body) {
        var options = new RequestOptions().setMethod(method).setURI(path).setTimeout(30_000)
                .putHeader("Content-Type", "application/json");
        if (token != null) {
            options.putHeader("Authorization", "Bearer " + token);
        }
        return http.request(options)
                .compose(request -> body == null ? request.send() : request.send(body.toBuffer()))
                .compose(response -> response.body().map(buffer -> new Answer(response.statusCode(), buffer)));
    }

    static Answer expect(int status, Future<Answer> call) throws Exception {
        var answer = call.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

}
