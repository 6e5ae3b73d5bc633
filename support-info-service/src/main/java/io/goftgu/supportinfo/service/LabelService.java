package io.goftgu.supportinfo.service;

import io.goftgu.events.Actor;
import io.goftgu.problem.Problems;
import io.goftgu.security.CurrentUser;
import io.goftgu.supportinfo.api.ConfigViews.CreateLabel;
import io.goftgu.supportinfo.api.ConfigViews.LabelView;
import io.goftgu.supportinfo.api.ConfigViews.UpdateLabel;
import io.goftgu.supportinfo.domain.Label;
import io.goftgu.supportinfo.domain.SupportRecord;
import io.goftgu.supportinfo.mapping.RecordMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The workspace's labels: a name unique in the workspace (ignoring case) and a {@code #RRGGBB} colour. */
@ApplicationScoped
public class LabelService {

    private final RecordMapper mapper;
    private final RecordEvents events;

    LabelService(RecordMapper mapper, RecordEvents events) {
        this.mapper = mapper;
        this.events = events;
    }

    @Transactional
    public List<LabelView> list(CurrentUser me) {
        return Label.<Label>list("workspaceId = ?1 order by lower(name)", me.workspaceId()).stream()
                .map(LabelService::view).toList();
    }

    @Transactional
    public LabelView get(CurrentUser me, UUID id) {
        return view(require(me, id));
    }

    @Transactional
    public LabelView create(CurrentUser me, CreateLabel in) {
        var name = in.name().strip();
        requireUniqueName(me.workspaceId(), name, null);
        var label = new Label();
        label.id = UUID.randomUUID();
        label.workspaceId = me.workspaceId();
        label.name = name;
        label.color = in.color().toUpperCase(Locale.ROOT);
        label.createdAt = RecordService.now();
        label.persist();
        return view(label);
    }

    @Transactional
    public LabelView update(CurrentUser me, UUID id, UpdateLabel in) {
        var label = require(me, id);
        if (in.name() != null) {
            if (in.name().isBlank()) {
                throw Problems.invalid("name", "must not be blank");
            }
            requireUniqueName(me.workspaceId(), in.name().strip(), id);
            label.name = in.name().strip();
        }
        if (in.color() != null) {
            label.color = in.color().toUpperCase(Locale.ROOT);
        }
        return view(label);
    }

    /** Deletes the label and takes it off every record (each announced as updated). */
    @Transactional
    public void delete(CurrentUser me, UUID id) {
        var label = require(me, id);
        List<SupportRecord> records = SupportRecord.list("workspaceId = ?1 and ?2 member of labelIds",
                me.workspaceId(), id);
        var now = RecordService.now();
        for (var record : records) {
            record.labelIds.remove(id);
            record.updatedAt = now;
        }
        SupportRecord.flush();
        for (var record : records) {
            events.updated(mapper.staff(record), me.workspaceId(), Actor.user(me.id()));
        }
        label.delete();
    }

    private static Label require(CurrentUser me, UUID id) {
        Label label = Label.find("id = ?1 and workspaceId = ?2", id, me.workspaceId()).firstResult();
        if (label == null) {
            throw Problems.notFound("label " + id);
        }
        return label;
    }

    private static void requireUniqueName(UUID workspaceId, String name, UUID self) {
        if (Label.count("workspaceId = ?1 and lower(name) = ?2 and id <> ?3", workspaceId,
                name.toLowerCase(Locale.ROOT), self == null ? new UUID(0, 0) : self) > 0) {
            throw Problems.conflict("a label named '" + name + "' already exists");
        }
    }

    private static LabelView view(Label l) {
        return new LabelView(l.id, l.name, l.color);
    }
}
