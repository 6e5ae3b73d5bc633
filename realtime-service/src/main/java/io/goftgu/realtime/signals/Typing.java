package io.goftgu.realtime.signals;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventTypes;
import io.goftgu.realtime.client.OwnerApis;
import io.goftgu.realtime.config.RealtimeConfig;
import io.goftgu.realtime.domain.ConnectedPrincipal;
import io.goftgu.security.Role;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Typing in internal-chat rooms and support tickets. Typing is passed on only when the owner of the room or ticket,
 * asked with the typist's own token, shows it to them, and only to the others who may see it: a room's other
 * members; a ticket's staff and requester, except that staff drafting an internal note are shown to staff only.
 * A typist who stops refreshing stops by themselves after {@link RealtimeConfig#typingTimeout()}. Nothing is
 * stored: the state is this replica's memory of its own sockets' typists.
 */
@ApplicationScoped
public class Typing {

    /** What the frame handler learns: passed on, or refused because the typist may not see the room or ticket. */
    public enum Outcome { PASSED_ON, NOT_VISIBLE }

    private enum Place { ROOM, TICKET }

    private record Key(Place place, UUID id, UUID userId) {
    }

    private record Typist(UUID workspaceId, Audience audience, long expiresAtNanos) {
    }

    /** What the owner said, kept briefly: the room's members, or the ticket's requester; null when not visible. */
    private record Seen(JsonNode answer, long fetchedAtNanos) {
    }

    private final OwnerApis owners;
    private final SignalPublisher signals;
    private final long timeoutNanos;
    private final long cacheNanos;
    private final Map<Key, Typist> typing = new ConcurrentHashMap<>();
    private final Map<Key, Seen> seen = new ConcurrentHashMap<>();

    Typing(OwnerApis owners, SignalPublisher signals, RealtimeConfig config) {
        this.owners = owners;
        this.signals = signals;
        this.timeoutNanos = config.typingTimeout().toNanos();
        this.cacheNanos = config.membersCacheTime().toNanos();
    }

    public CompletionStage<Outcome> inRoom(ConnectedPrincipal who, String token, UUID roomId, boolean isTyping) {
        var key = new Key(Place.ROOM, roomId, who.id());
        return update(who, key, isTyping, () -> ask(key, () -> owners.room(roomId, token)).thenApply(room -> {
            if (room == null) {
                return null;
            }
            var others = StreamSupport.stream(room.path("members").spliterator(), false)
                    .map(member -> UUID.fromString(member.path("userId").asText()))
                    .filter(id -> !id.equals(who.id()))
                    .collect(Collectors.toUnmodifiableSet());
            return Audience.users(others);
        }));
    }

    public CompletionStage<Outcome> inTicket(ConnectedPrincipal who, String token, UUID ticketId, boolean isTyping,
                                             boolean internalNote) {
        var key = new Key(Place.TICKET, ticketId, who.id());
        return update(who, key, isTyping, () -> ask(key, () -> owners.ticket(ticketId, token)).thenApply(ticket -> {
            if (ticket == null) {
                return null;
            }
            if (who.role() != Role.ADMIN) {
                return Audience.role(Role.STAFF);
            }
            if (internalNote) {
                return Audience.role(Role.STAFF);
            }
            var requester = ticket.path("requester");
            var requesterId = UUID.fromString(requester.path("id").asText());
            return "GUEST".equals(requester.path("kind").asText())
                    ? new Audience(Set.of(), Set.of(requesterId), Set.of(Role.STAFF))
                    : new Audience(Set.of(requesterId), Set.of(), Set.of(Role.STAFF));
        }));
    }

    /** May {@code who} see the room? Asks internal-chat with their token, or reuses a recent answer. */
    public CompletionStage<Boolean> canSeeRoom(ConnectedPrincipal who, String token, UUID roomId) {
        var key = new Key(Place.ROOM, roomId, who.id());
        return ask(key, () -> owners.room(roomId, token)).thenApply(answer -> answer != null);
    }

    /** May {@code who} see the ticket? Asks support-chat with their token, or reuses a recent answer. */
    public CompletionStage<Boolean> canSeeTicket(ConnectedPrincipal who, String token, UUID ticketId) {
        var key = new Key(Place.TICKET, ticketId, who.id());
        return ask(key, () -> owners.ticket(ticketId, token)).thenApply(answer -> answer != null);
    }

    /** Would a check of this room or ticket be answered from memory (no call to its owner)? */
    public boolean knows(boolean room, UUID id, UUID userId) {
        var cached = seen.get(new Key(room ? Place.ROOM : Place.TICKET, id, userId));
        return cached != null && System.nanoTime() - cached.fetchedAtNanos() < cacheNanos;
    }

    /** The user's last socket on this replica closed: whatever they were typing stops. */
    public void stopAll(UUID userId) {
        typing.forEach((key, typist) -> {
            if (key.userId().equals(userId) && typing.remove(key, typist)) {
                publish(key, typist, false);
            }
        });
    }

    /** Who may see a room changed: ask its owner again before passing on anyone's typing there. */
    public void forgetRoom(UUID roomId) {
        seen.keySet().removeIf(key -> key.place() == Place.ROOM && key.id().equals(roomId));
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        var now = System.nanoTime();
        typing.forEach((key, typist) -> {
            if (now - typist.expiresAtNanos() > 0 && typing.remove(key, typist)) {
                publish(key, typist, false);
            }
        });
        seen.values().removeIf(entry -> now - entry.fetchedAtNanos() > cacheNanos);
    }

    private CompletionStage<Outcome> update(ConnectedPrincipal who, Key key, boolean isTyping,
                                            java.util.function.Supplier<CompletionStage<Audience>> audience) {
        if (!isTyping) {
            var was = typing.remove(key);
            if (was != null) {
                publish(key, was, false);
            }
            return CompletableFuture.completedFuture(Outcome.PASSED_ON);
        }
        return audience.get().thenApply(others -> {
            if (others == null) {
                return Outcome.NOT_VISIBLE;
            }
            var typist = new Typist(who.workspaceId(), others, System.nanoTime() + timeoutNanos);
            var before = typing.put(key, typist);
            if (before == null || !before.audience().equals(others)) {
                publish(key, typist, true);
            }
            return Outcome.PASSED_ON;
        });
    }

    private CompletionStage<JsonNode> ask(Key key, java.util.function.Supplier<CompletionStage<OwnerApis.Answer>> call) {
        var cached = seen.get(key);
        if (cached != null && System.nanoTime() - cached.fetchedAtNanos() < cacheNanos) {
            return CompletableFuture.completedFuture(cached.answer());
        }
        return call.get().thenApply(answer -> {
            var body = answer.ok() ? answer.body() : null;
            seen.put(key, new Seen(body, System.nanoTime()));
            return body;
        });
    }

    private void publish(Key key, Typist typist, boolean isTyping) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put(key.place() == Place.ROOM ? "roomId" : "ticketId", key.id());
        payload.put("userId", key.userId());
        payload.put("isTyping", isTyping);
        var type = key.place() == Place.ROOM ? EventTypes.Realtime.TYPING_CHANGED : EventTypes.Realtime.TICKET_TYPING_CHANGED;
        signals.publish(type, typist.workspaceId(), key.id(), Actor.user(key.userId()), typist.audience(), payload);
    }
}
