package io.goftgu.internalchat.mapping;

import io.goftgu.internalchat.domain.Contact;
import io.goftgu.internalchat.domain.Message;
import io.goftgu.internalchat.domain.Room;
import io.goftgu.internalchat.domain.RoomMember;
import io.goftgu.internalchat.rest.MessageView;
import io.goftgu.internalchat.rest.RoomView;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Entities to API records; entities never leave the service. */
public final class Views {

    private Views() {
    }

    public static MessageView message(Message message, Map<UUID, Contact> contacts) {
        var sender = contacts.get(message.senderId);
        return new MessageView(message.id, message.roomId, message.seq,
                new MessageView.Sender(message.senderId, sender == null ? null : sender.name),
                message.type.name(), message.body, message.clientMessageId, message.createdAt);
    }

    public static RoomView room(Room room, List<RoomMember> members, UUID viewer, Map<UUID, Contact> contacts) {
        var lastRead = members.stream().filter(m -> m.userId().equals(viewer)).mapToLong(m -> m.lastReadSeq)
                .findFirst().orElse(0);
        return new RoomView(room.id, room.type.name(), room.title,
                members.stream().map(m -> new RoomView.MemberView(m.userId(),
                        contacts.containsKey(m.userId()) ? contacts.get(m.userId()).name : null, m.role.name())).toList(),
                room.lastSeq, lastRead, Math.max(0, room.lastSeq - lastRead), room.createdAt, room.lastActivityAt);
    }
}
