package io.goftgu.supportchat.service;

import io.goftgu.problem.Problems;
import io.goftgu.supportchat.api.Requests;
import io.goftgu.supportchat.api.Views.CannedView;
import io.goftgu.supportchat.domain.CannedResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.goftgu.supportchat.service.WorkspaceRows.args;
import static io.goftgu.supportchat.service.WorkspaceRows.own;

/** A workspace's canned responses, found by short code or title. */
@ApplicationScoped
public class CannedResponseService {

    @Transactional
    public List<CannedView> list(UUID workspaceId, String q) {
        var list = q == null || q.isBlank()
                ? CannedResponse.<CannedResponse>list("workspaceId = ?1 order by shortCode", workspaceId)
                : CannedResponse.<CannedResponse>list("workspaceId = ?1 and (lower(shortCode) like ?2 or lower(title) like ?2) order by shortCode",
                workspaceId, "%" + q.strip().toLowerCase() + "%");
        return list.stream().map(CannedResponseService::view).toList();
    }

    @Transactional
    public CannedView save(UUID workspaceId, UUID id, Requests.CannedBody body) {
        CannedResponse c = id == null ? new CannedResponse() : own(CannedResponse.findById(id), workspaceId, "canned response");
        if (CannedResponse.count("workspaceId = ?1 and lower(shortCode) = ?2" + (id == null ? "" : " and id <> ?3"),
                args(workspaceId, body.shortCode().toLowerCase(), id)) > 0) {
            throw Problems.conflict("the short code " + body.shortCode() + " is taken");
        }
        if (id == null) {
            c.id = UUID.randomUUID();
            c.workspaceId = workspaceId;
            c.createdAt = Instant.now();
        }
        c.shortCode = body.shortCode();
        c.title = body.title().strip();
        c.body = body.body();
        c.persist();
        return view(c);
    }

    @Transactional
    public CannedView get(UUID workspaceId, UUID id) {
        return view(own(CannedResponse.findById(id), workspaceId, "canned response"));
    }

    @Transactional
    public void delete(UUID workspaceId, UUID id) {
        WorkspaceRows.<CannedResponse>own(CannedResponse.findById(id), workspaceId, "canned response").delete();
    }

    private static CannedView view(CannedResponse c) {
        return new CannedView(c.id, c.shortCode, c.title, c.body);
    }
}
