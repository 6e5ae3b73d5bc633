package io.goftgu.internalchat.search;

import io.goftgu.internalchat.api.ReadViews;
import io.goftgu.internalchat.service.RoomAccess;
import io.goftgu.paging.Page;
import io.goftgu.paging.Paging;
import io.goftgu.problem.Problems;
import io.goftgu.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Full-text search over the rooms the caller belongs to: PostgreSQL {@code to_tsvector('simple', …)} over the
 * {@link PersianText}-normalised body (GIN index {@code message_search}), best matches first. Snippets come from
 * {@code ts_headline}; the text is HTML-escaped and the hits wrapped in {@code <mark>}.
 */
@ApplicationScoped
public class MessageSearch {

    static final int MAX_QUERY = 200;
    private static final String START = "\u0002";
    private static final String STOP = "\u0003";

    private final EntityManager entityManager;
    private final RoomAccess access;

    MessageSearch(EntityManager entityManager, RoomAccess access) {
        this.entityManager = entityManager;
        this.access = access;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Page<ReadViews.SearchHit> search(CurrentUser me, String q, UUID roomId, Integer page, Integer limit) {
        var query = PersianText.normalise(q);
        if (query == null || query.isBlank()) {
            throw Problems.invalid("q", "must not be blank");
        }
        if (query.length() > MAX_QUERY) {
            throw Problems.invalid("q", "must be at most " + MAX_QUERY + " characters");
        }
        var paging = Paging.of(page, limit);
        if (roomId != null) {
            access.require(me, roomId);
        } else {
            access.requireActive(me);
        }
        var where = """
                FROM message m JOIN room_member rm ON rm.room_id = m.room_id AND rm.user_id = :me
                JOIN room r ON r.id = m.room_id AND r.workspace_id = :ws,
                plainto_tsquery('simple', :q) query
                WHERE m.search_text IS NOT NULL AND to_tsvector('simple', coalesce(m.search_text, '')) @@ query
                """ + (roomId == null ? "" : " AND m.room_id = :room");
        var count = entityManager.createNativeQuery("SELECT count(*) " + where)
                .setParameter("me", me.id()).setParameter("ws", me.workspaceId()).setParameter("q", query);
        if (roomId != null) {
            count.setParameter("room", roomId);
        }
        long total = ((Number) count.getSingleResult()).longValue();
        var select = entityManager.createNativeQuery("""
                        SELECT m.room_id, m.id, m.seq, m.sender_id,
                               ts_headline('simple', m.search_text, query,
                                   'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=20, MinWords=8, MaxFragments=2'),
                               m.created_at
                        """ + where + """
                        
                        ORDER BY ts_rank(to_tsvector('simple', coalesce(m.search_text, '')), query) DESC, m.created_at DESC
                        LIMIT :lim OFFSET :off""")
                .setParameter("me", me.id()).setParameter("ws", me.workspaceId()).setParameter("q", query)
                .setParameter("lim", paging.limit()).setParameter("off", paging.offset());
        if (roomId != null) {
            select.setParameter("room", roomId);
        }
        List<Object[]> rows = select.getResultList();
        var hits = rows.stream().map(r -> new ReadViews.SearchHit((UUID) r[0], (UUID) r[1], ((Number) r[2]).longValue(),
                (UUID) r[3], highlight((String) r[4]), instant(r[5]))).toList();
        return Page.of(hits, total, paging);
    }

    static String highlight(String headline) {
        var escaped = headline.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        return escaped.replace(START, "<mark>").replace(STOP, "</mark>");
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime o ? o.toInstant() : value instanceof Instant i ? i
                : value instanceof java.sql.Timestamp t ? t.toInstant() : null;
    }
}
