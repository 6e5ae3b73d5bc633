package io.goftgu.supportchat.service;

import io.goftgu.events.Audience;
import io.goftgu.events.EventTypes;
import io.goftgu.outbox.NewEvent;
import io.goftgu.outbox.Outbox;
import io.goftgu.security.Role;
import io.goftgu.supportchat.api.Views;
import io.goftgu.supportchat.domain.Guest;
import io.goftgu.supportchat.mapping.TicketViews;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Blocking a visitor (docs/security.md, "Blocking a visitor"): staff cut a guest off at once. Every request with the
 * guest's token is refused (401) from the next one on, whatever the token's expiry; the widget cannot start again
 * as that guest ({@link GuestService#start}); the events of its tickets leave it out of their audience
 * ({@link TicketEvents#staffAndRequester}); realtime-service closes its sockets on {@code support-chat.guest.blocked}.
 */
@ApplicationScoped
public class GuestBlocks implements SecurityIdentityAugmentor {

    private static final String BLOCKED = "SELECT blocked_at IS NOT NULL FROM guest WHERE id = ?";

    private final DataSource dataSource;
    private final Outbox outbox;

    GuestBlocks(DataSource dataSource, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    /** Staff only (checked by the resource). Idempotent: blocking a blocked guest keeps the first block. */
    @Transactional
    public Views.GuestView block(Caller me, UUID guestId, boolean blocked) {
        Guest guest = WorkspaceRows.own(guestId == null ? null : Guest.findById(guestId, LockModeType.PESSIMISTIC_WRITE),
                me.workspaceId(), "guest " + guestId);
        if (blocked != (guest.blockedAt != null)) {
            guest.blockedAt = blocked ? Instant.now().truncatedTo(ChronoUnit.MICROS) : null;
            guest.blockedBy = blocked ? me.id() : null;
            outbox.add(new NewEvent(blocked ? EventTypes.SupportChat.GUEST_BLOCKED : EventTypes.SupportChat.GUEST_UNBLOCKED,
                    guest.workspaceId, guest.id, me.actor(), Audience.role(Role.STAFF), TicketViews.guest(guest)));
        }
        return TicketViews.guest(guest);
    }

    /** A guest's token is checked against its row on every request, on a worker thread (guests send few requests). */
    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !identity.hasRole(Role.VISITOR)
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        UUID guestId;
        try {
            guestId = UUID.fromString(token.getSubject());
        } catch (RuntimeException e) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            if (blocked(guestId)) {
                throw new AuthenticationFailedException("this visitor is blocked");
            }
            return identity;
        });
    }

    private boolean blocked(UUID guestId) {
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(BLOCKED)) {
            query.setObject(1, guestId);
            try (var rs = query.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check whether guest " + guestId + " is blocked", e);
        }
    }
}
