package io.goftgu.supportinfo.service;

import io.goftgu.links.CrmLinks;
import io.goftgu.security.CurrentUser;
import io.goftgu.supportinfo.api.RecordInput;
import io.goftgu.supportinfo.domain.LinkKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * A record's CRM links (docs/design.md, "CRM links"), checked with the workspace's lookup and named by it (platform/links
 * {@link CrmLinks}) before the write's transaction starts: a slow CRM never holds a database connection.
 */
@ApplicationScoped
public class RecordCrmLinks {

    private final CrmLinks links;

    RecordCrmLinks(CrmLinks links) {
        this.links = links;
    }

    /** The links with the lookup's titles; a refused one is a 400 on {@code links[i].refId}. Null stays null; the elements are not null (Bean Validation). */
    public List<RecordInput.Link> check(CurrentUser me, List<RecordInput.Link> given) {
        if (given == null || given.isEmpty()) {
            return given;
        }
        return links.resolveAll(me.workspaceId(), me.id(), "links", given, l -> l.kind().name(), RecordInput.Link::refId,
                        RecordInput.Link::title).stream()
                .map(l -> new RecordInput.Link(LinkKind.valueOf(l.kind()), l.refId(), l.title())).toList();
    }
}
