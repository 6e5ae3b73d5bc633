package io.goftgu.realtime.signals;

import io.goftgu.events.Audience;
import io.goftgu.events.EventTypes;
import io.goftgu.realtime.client.InternalChatClient;
import io.goftgu.realtime.config.RealtimeConfig;
import io.goftgu.realtime.domain.ConnectedPrincipal;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Typing in internal-chat rooms. Only a member's typing is passed on, and only to the room's other members (the
 * members come from internal-chat-service, asked with the typist's own token and kept briefly). A typist who
 * stops refreshing stops by themselves after {@link RealtimeConfig#typingTimeout()}. Nothing is stored: the
 * state is this replica's memory of its own sockets' typists.
 */
@ApplicationScoped
public class Typing {

    /** What the frame handler learns: passed on, or refused because the typist is not a member. */
    public enum Outcome { PASSED_ON, NOT_A_MEMBER }

    private record Key(UUID roomId, UUID userId) {
    }

    private record Typist(UUID workspaceId, Set<UUID> others, long expiresAtNanos) {
    }

    private record Members(Set<UUID> userIds, long fetchedAtNanos) {
    }

    private final InternalChatClient internalChat;
    private final SignalPublisher signals;
    private final long timeoutNanos;
    private final long cacheNanos;
    private final Map<Key, Typist> typing = new ConcurrentHashMap<>();
    private final Map<Key, Members> membersSeenBy = new ConcurrentHashMap<>();

    Typing(InternalChatClient internalChat, SignalPublisher signals, RealtimeConfig config) {
        this.internalChat = internalChat;
        this.signals = signals;
        this.timeoutNanos = config.typingTimeout().toNanos();
        this.cacheNanos = config.membersCacheTime().toNanos();
    }

    public CompletionStage<Outcome> update(ConnectedPrincipal who, String token, UUID roomId, boolean isTyping) {
        var key = new Key(roomId, who.id());
        if (!isTyping) {
            var was = typing.remove(key);
            if (was != null) {
                publish(who.workspaceId(), key, was.others(), false);
            }
            return CompletableFuture.completedFuture(Outcome.PASSED_ON);
        }
        return members(key, token).thenApply(members -> {
            if (!members.contains(who.id())) {
                return Outcome.NOT_A_MEMBER;
            }
            var others = members.stream().filter(id -> !id.equals(who.id())).collect(Collectors.toUnmodifiableSet());
            var before = typing.put(key, new Typist(who.workspaceId(), others, System.nanoTime() + timeoutNanos));
            if (before == null) {
                publish(who.workspaceId(), key, others, true);
            }
            return Outcome.PASSED_ON;
        });
    }

    /** The user's last socket on this replica closed: whatever they were typing stops. */
    public void stopAll(UUID userId) {
        typing.forEach((key, typist) -> {
            if (key.userId().equals(userId) && typing.remove(key, typist)) {
                publish(typist.workspaceId(), key, typist.others(), false);
            }
        });
    }

    /** Membership of a room changed: ask internal-chat again before passing on anyone's typing there. */
    public void forgetMembers(UUID roomId) {
        membersSeenBy.keySet().removeIf(key -> key.roomId().equals(roomId));
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        var now = System.nanoTime();
        typing.forEach((key, typist) -> {
            if (now - typist.expiresAtNanos() > 0 && typing.remove(key, typist)) {
                publish(typist.workspaceId(), key, typist.others(), false);
            }
        });
        membersSeenBy.values().removeIf(members -> now - members.fetchedAtNanos() > cacheNanos);
    }

    private CompletionStage<Set<UUID>> members(Key key, String token) {
        var cached = membersSeenBy.get(key);
        if (cached != null && System.nanoTime() - cached.fetchedAtNanos() < cacheNanos) {
            return CompletableFuture.completedFuture(cached.userIds());
        }
        return internalChat.room(key.roomId(), token).thenApply(answer -> {
            Set<UUID> ids = Set.of();
            if (answer.ok()) {
                ids = java.util.stream.StreamSupport.stream(answer.body().path("members").spliterator(), false)
                        .map(member -> UUID.fromString(member.path("userId").asText()))
                        .collect(Collectors.toUnmodifiableSet());
            }
            membersSeenBy.put(key, new Members(ids, System.nanoTime()));
            return ids;
        });
    }

    private void publish(UUID workspaceId, Key key, Set<UUID> others, boolean isTyping) {
        signals.publish(EventTypes.Realtime.TYPING_CHANGED, workspaceId, key.roomId(), key.userId(),
                Audience.users(others), Map.of("roomId", key.roomId(), "userId", key.userId(), "isTyping", isTyping));
    }
}
