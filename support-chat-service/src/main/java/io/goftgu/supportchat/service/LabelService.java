package io.goftgu.supportchat.service;

import io.goftgu.problem.Problems;
import io.goftgu.supportchat.api.LabelPatch;
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

    /** A partial update: what the patch leaves out keeps its value, then the same checks as a new label. */
    @Transactional
    public Views.LabelView update(UUID workspaceId, UUID id, LabelPatch patch) {
        Label l = own(Label.findById(id), workspaceId, "label");
        if (patch.has("name") && (patch.name() == null || patch.name().isBlank())) {
            throw Problems.invalid("name", "must not be blank");
        }
        if (patch.has("color") && patch.color() == null) {
            throw Problems.invalid("color", "must be a colour like #1e88e5");
        }
        return save(workspaceId, id, new Requests.LabelBody(patch.has("name") ? patch.name() : l.name,
                patch.has("color") ? patch.color() : l.color));
    }

    @Transactional
    public void delete(UUID workspaceId, UUID id) {
        WorkspaceRows.<Label>own(Label.findById(id), workspaceId, "label").delete();
    }
}
