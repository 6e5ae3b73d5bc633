package io.goftgu.supportchat.service;

import io.goftgu.problem.Problems;
import io.goftgu.supportchat.api.Requests;
import io.goftgu.supportchat.api.Views.SlaPolicyView;
import io.goftgu.supportchat.domain.SlaPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

import static io.goftgu.supportchat.service.WorkspaceRows.args;
import static io.goftgu.supportchat.service.WorkspaceRows.own;

/** A workspace's SLA policies, one per priority; a change recomputes the due times of its open tickets. */
@ApplicationScoped
public class SlaPolicyService {

    private final EntityManager em;
    private final SlaService sla;

    SlaPolicyService(EntityManager em, SlaService sla) {
        this.em = em;
        this.sla = sla;
    }

    @Transactional
    public List<SlaPolicyView> list(UUID workspaceId) {
        return SlaPolicy.<SlaPolicy>list("workspaceId = ?1 order by priority", workspaceId).stream()
                .map(SlaPolicyService::view).toList();
    }

    @Transactional
    public SlaPolicyView save(UUID workspaceId, UUID id, Requests.SlaPolicyBody body) {
        SlaPolicy p = id == null ? new SlaPolicy() : own(SlaPolicy.findById(id), workspaceId, "SLA policy");
        if (SlaPolicy.count("workspaceId = ?1 and priority = ?2" + (id == null ? "" : " and id <> ?3"),
                args(workspaceId, body.priority().name(), id)) > 0) {
            throw Problems.conflict("a policy for priority " + body.priority() + " exists");
        }
        if (id == null) {
            p.id = UUID.randomUUID();
            p.workspaceId = workspaceId;
        }
        p.name = body.name().strip();
        p.priority = body.priority().name();
        p.firstResponseMinutes = body.firstResponseMinutes();
        p.nextResponseMinutes = body.nextResponseMinutes();
        p.resolutionMinutes = body.resolutionMinutes();
        p.persist();
        em.flush();
        sla.recomputeWorkspace(workspaceId);
        return view(p);
    }

    @Transactional
    public void delete(UUID workspaceId, UUID id) {
        WorkspaceRows.<SlaPolicy>own(SlaPolicy.findById(id), workspaceId, "SLA policy").delete();
        em.flush();
        sla.recomputeWorkspace(workspaceId);
    }

    private static SlaPolicyView view(SlaPolicy p) {
        return new SlaPolicyView(p.id, p.name, p.priority, p.firstResponseMinutes, p.nextResponseMinutes, p.resolutionMinutes);
    }
}
