package io.goftgu.realtime.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.EventJson;
import io.goftgu.realtime.config.RealtimeConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The REST APIs of the services that own rooms and tickets, called with the socket holder's own token: a frame
 * sent over the socket goes through the same write path and the same permission checks as REST (docs/design.md §4).
 * Non-blocking.
 */
@ApplicationScoped
public class OwnerApis {

    /** A service's answer: the HTTP status and the JSON body (a problem for 4xx). */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        public String detail() {
            return body.path("detail").asText(body.path("title").asText("HTTP " + status));
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI internalChat;
    private final URI supportChat;

    OwnerApis(RealtimeConfig config) {
        internalChat = base(config.internalChatUrl());
        supportChat = base(config.supportChatUrl());
    }

    public CompletionStage<Answer> room(UUID roomId, String token) {
        return call(HttpRequest.newBuilder(internalChat.resolve("api/internal-chat/rooms/" + roomId)).GET(), token);
    }

    public CompletionStage<Answer> ticket(UUID ticketId, String token) {
        return call(HttpRequest.newBuilder(supportChat.resolve("api/support-chat/" + ticketId)).GET(), token);
    }

    public CompletionStage<Answer> sendRoomMessage(JsonNode message, String token) {
        return post(internalChat.resolve("api/internal-chat/messages"), message, token);
    }

    public CompletionStage<Answer> sendTicketMessage(UUID ticketId, JsonNode message, String token) {
        return post(supportChat.resolve("api/support-chat/" + ticketId + "/messages"), message, token);
    }

    private CompletionStage<Answer> post(URI uri, JsonNode body, String token) {
        try {
            return call(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(EventJson.MAPPER.writeValueAsString(body))), token);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private CompletionStage<Answer> call(HttpRequest.Builder request, String token) {
        return http.sendAsync(request.timeout(TIMEOUT).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Answer(response.statusCode(), parse(response.body())));
    }

    private static URI base(String url) {
        return URI.create(url.replaceAll("/+$", "") + "/");
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? EventJson.MAPPER.nullNode() : EventJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return EventJson.MAPPER.nullNode();
        }
    }
}
