package io.goftgu.internalchat.service;

import io.goftgu.internalchat.api.LinkView;
import io.goftgu.internalchat.api.OpenRoom;
import io.goftgu.internalchat.api.SendMessage;
import io.goftgu.internalchat.api.UpdateRoom;
import io.goftgu.links.CrmLinks;
import io.goftgu.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Internal chat's CRM links (docs/design.md, "CRM links"): message links, pinned links and a project room's
 * projectId are checked with the workspace's lookup and given their title and URL (platform/links {@link CrmLinks})
 * before the write's transaction starts, so a slow CRM never holds a connection or a room's lock; views get their
 * URLs from the workspace's templates as they are now.
 */
@ApplicationScoped
public class RoomCrmLinks {

    private final CrmLinks links;

    RoomCrmLinks(CrmLinks links) {
        this.links = links;
    }

    /** The message with its links checked, named and given URLs; a refused link is a 400 on {@code links[i]}. */
    public SendMessage check(CurrentUser me, SendMessage message) {
        if (message.links() == null || message.links().isEmpty()) {
            return message;
        }
        return new SendMessage(message.roomId(), message.body(), message.clientMessageId(), message.replyToId(),
                message.mentions(), message.attachmentIds(), check(me, "links", message.links()));
    }

    /** The change with its pinned links checked; a refused link is a 400 on {@code pinnedLinks[i]}. */
    public UpdateRoom check(CurrentUser me, UpdateRoom change) {
        if (change.pinnedLinks() == null || change.pinnedLinks().isEmpty()) {
            return change;
        }
        return new UpdateRoom(change.title(), change.description(), change.isArchived(), change.isLocked(),
                change.settings(), check(me, "pinnedLinks", change.pinnedLinks()));
    }

    /** A project room's projectId, checked as a PROJECT refId; a refused one is a 400 on {@code projectId}. */
    public void check(CurrentUser me, OpenRoom room) {
        if (room.projectId() != null && !room.projectId().isBlank()) {
            links.checkProject(links.settings(me.workspaceId()), me.id(), "projectId", room.projectId());
        }
    }

    private List<LinkView> check(CurrentUser me, String field, List<LinkView> given) {
        return links.resolveAll(me.workspaceId(), me.id(), field, given, LinkView::kind, LinkView::refId, LinkView::title)
                .stream().map(l -> new LinkView(l.kind(), l.refId(), l.title(), l.url())).toList();
    }
}
