package io.goftgu.internalchat.service;

import io.goftgu.internalchat.domain.Contact;
import io.goftgu.internalchat.domain.Message;
import io.goftgu.internalchat.domain.Room;
import io.goftgu.internalchat.domain.RoomMember;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.util.PSQLException;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A send's statements as plain SQL on the transaction's connection (the data source hands out the one the
 * transaction holds, as for the outbox), so Hibernate has nothing to load, track or dirty-check on the hot path:
 * its queries, loads and flush were about a quarter of internal-chat's CPU samples under the bench
 * (docs/benchmarks.md, "Third round: the send path"). The room and member a send reads are copies of their rows, not
 * managed entities; the send writes them with {@link #write}.
 */
@ApplicationScoped
class SendStatements {

    /**
     * The room and my membership, both rows locked, my contact (null when the projection lacks me), and the id of my
     * message with the send's clientMessageId in the room, if the statement's snapshot holds one ({@link #lock}).
     */
    record Locked(Room room, RoomMember member, Contact contact, UUID earlier) {
    }

    /** The unique index that makes a clientMessageId one message per sender and room. */
    private static final String ONE_MESSAGE_PER_CLIENT_ID = "message_room_id_sender_id_client_message_id_key";

    private final DataSource dataSource;

    SendStatements(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One {@code SELECT … FOR NO KEY UPDATE} of the room joined with my membership (both rows locked, as {@link
     * RoomAccess#requireLocked} does), my contact (read, not locked) and my earlier message with this clientMessageId:
     * empty when the room does not exist or I am not in it. Only the columns a send reads are filled in; the contact
     * has its id, workspace, name and active.
     * <p>
     * The earlier message is read with the snapshot the statement took before it waited for the locks: a repeat of a
     * send still running does not see it here, and its write then fails on the unique index ({@link
     * #isRepeatOfARunningSend}); the send is tried again and this query, run anew, finds the first message.
     */
    Locked lock(UUID roomId, UUID me, UUID clientMessageId) {
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement("""
                SELECT r.workspace_id, r.last_seq, r.is_archived, r.is_locked, r.who_can_post, r.allow_attachments,
                       r.allow_replies, r.max_message_length, r.max_file_size,
                       m.role, m.last_read_seq, m.muted, m.muted_until, c.active, c.workspace_id, c.name, e.id
                FROM room r JOIN room_member m ON m.room_id = r.id AND m.user_id = ?
                LEFT JOIN contact c ON c.id = m.user_id
                LEFT JOIN message e ON e.room_id = r.id AND e.sender_id = m.user_id AND e.client_message_id = ?
                WHERE r.id = ?
                FOR NO KEY UPDATE OF r, m""")) {
            query.setObject(1, me);
            query.setObject(2, clientMessageId);
            query.setObject(3, roomId);
            try (var row = query.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                var room = new Room();
                room.id = roomId;
                room.workspaceId = row.getObject(1, UUID.class);
                room.lastSeq = row.getLong(2);
                room.isArchived = row.getBoolean(3);
                room.isLocked = row.getBoolean(4);
                room.whoCanPost = Room.PostPolicy.valueOf(row.getString(5));
                room.allowAttachments = row.getBoolean(6);
                room.allowReplies = row.getBoolean(7);
                room.maxMessageLength = row.getInt(8);
                room.maxFileSize = row.getLong(9);
                var member = new RoomMember();
                member.key = new RoomMember.Key(roomId, me);
                member.role = RoomMember.Role.valueOf(row.getString(10));
                member.lastReadSeq = row.getLong(11);
                member.muted = row.getBoolean(12);
                member.mutedUntil = instant(row, 13);
                Contact contact = null;
                if (row.getObject(14) != null) {
                    contact = new Contact();
                    contact.id = me;
                    contact.active = row.getBoolean(14);
                    contact.workspaceId = row.getObject(15, UUID.class);
                    contact.name = row.getString(16);
                }
                return new Locked(room, member, contact, row.getObject(17, UUID.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock room " + roomId, e);
        }
    }

    /**
     * Whether a send failed because the same sender's send with the same clientMessageId into the same room committed
     * while it waited for the room's lock ({@link #lock}): such a send is to be tried again, and then answered with
     * the first message.
     */
    static boolean isRepeatOfARunningSend(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException e && e.getServerErrorMessage() != null
                    && ONE_MESSAGE_PER_CLIENT_ID.equals(e.getServerErrorMessage().getConstraint())) {
                return true;
            }
        }
        return false;
    }

    /** Those of {@code userIds} who are not members of the room, in the order given. */
    List<UUID> notMembers(UUID roomId, List<UUID> userIds) {
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(
                "SELECT user_id FROM room_member WHERE room_id = ? AND user_id = ANY (?)")) {
            query.setObject(1, roomId);
            query.setArray(2, connection.createArrayOf("uuid", userIds.toArray()));
            var members = new ArrayList<UUID>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    members.add(rows.getObject(1, UUID.class));
                }
            }
            return userIds.stream().filter(id -> !members.contains(id)).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("could not check the mentions", e);
        }
    }

    /**
     * In one statement: the message inserted, the room's last seq and activity moved to it, my read position moved
     * to it (what I send is not unread for me); then the room's members and who of them hears of it ({@link
     * RoomEvents#AUDIENCE}: a statement after the lock sees every membership change committed before it).
     */
    RoomEvents.Members write(Message message, UUID me) {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement("""
                WITH room_moved AS (UPDATE room SET last_seq = ?, last_activity_at = ? WHERE id = ?),
                     read_moved AS (UPDATE room_member SET last_read_seq = ?, read_at = ? WHERE room_id = ? AND user_id = ?),
                     inserted AS (INSERT INTO message (id, room_id, seq, sender_id, type, body, search_text,
                                  client_message_id, created_at, reply_to_id, reply_seq, reply_sender_id,
                                  reply_sender_name, reply_excerpt)
                                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))
                """ + RoomEvents.AUDIENCE)) {
            var at = OffsetDateTime.ofInstant(message.createdAt, ZoneOffset.UTC);
            int i = 0;
            statement.setLong(++i, message.seq);
            statement.setObject(++i, at);
            statement.setObject(++i, message.roomId);
            statement.setLong(++i, message.seq);
            statement.setObject(++i, at);
            statement.setObject(++i, message.roomId);
            statement.setObject(++i, me);
            statement.setObject(++i, message.id);
            statement.setObject(++i, message.roomId);
            statement.setLong(++i, message.seq);
            statement.setObject(++i, message.senderId);
            statement.setString(++i, message.type.name());
            statement.setString(++i, message.body);
            statement.setString(++i, message.searchText);
            statement.setObject(++i, message.clientMessageId);
            statement.setObject(++i, at);
            statement.setObject(++i, message.replyToId, Types.OTHER);
            statement.setObject(++i, message.replySeq, Types.BIGINT);
            statement.setObject(++i, message.replySenderId, Types.OTHER);
            statement.setString(++i, message.replySenderName);
            statement.setString(++i, message.replyExcerpt);
            statement.setObject(++i, message.roomId);
            try (var rows = statement.executeQuery()) {
                return RoomEvents.members(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write message " + message.id, e);
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        var value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
