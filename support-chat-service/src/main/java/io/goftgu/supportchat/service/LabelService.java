package io.goftgu.supportchat.service;

import io.goftgu.problem.Problems;
import io.goftgu.supportchat.api.Requests;
import io.goftgu.supportchat.api.Views;
import io.goftgu.supportchat.domain.Label;
import io.goftgu.supportchat.mapping.TicketViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.goftgu.supportchat.service.WorkspaceRows.args;
import static io.goftgu.supportchat.service.WorkspaceRows.own;

/** A workspace's ticket labels: names unique regardless of case, a colour each. */
@ApplicationScoped
public class LabelService {

    @Transactional
    public List<Views.LabelView> list(UUID workspaceId) {
        return Label.<Label>list("workspaceId = ?1 order by name", workspaceId).stream().map(TicketViews::label).toList();
    }

    @Transactional
    public Views.LabelView save(UUID workspaceId, UUID id, Requests.LabelBody body) {
        Label l = id == null ? new Label() : own(Label.findById(id), workspaceId, "label");
        var name = body.name().strip();
        if (Label.count("workspaceId = ?1 and lower(name) = ?2" + (id == null ? "" : " and id <> ?3"),
                args(workspaceId, name.toLowerCase(), id)) > 0) {
            throw Problems.conflict("a label named " + name + " exists");
        }
        if (id == null) {
            l.id = UUID.randomUUID();
            l.workspaceId = workspaceId;
            l.createdAt = Instant.now();
        }
        l.name = name;
        l.color = body.color() == null ? (l.color == null ? "#9e9e9e" : l.color) : body.color().toLowerCase();
        l.persist();
        return TicketViews.label(l);
    }

    @Transactional
    public void delete(UUID workspaceId, UUID id) {
        WorkspaceRows.<Label>own(Label.findById(id), workspaceId, "label").delete();
    }
}
