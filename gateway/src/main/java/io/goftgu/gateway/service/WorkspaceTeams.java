package io.goftgu.gateway.service;

import io.goftgu.gateway.api.NewTeam;
import io.goftgu.paging.Page;
import io.goftgu.gateway.api.TeamView;
import io.goftgu.gateway.domain.Team;
import io.goftgu.gateway.domain.UserAccount;
import io.goftgu.gateway.domain.UserRole;
import io.goftgu.gateway.events.IdentityEvents;
import io.goftgu.problem.ProblemException;
import io.goftgu.problem.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Teams of a workspace's staff. Members must be active staff (ADMIN) of the same workspace. */
@ApplicationScoped
public class WorkspaceTeams {

    private final IdentityEvents events;
    private final EntityManager entityManager;

    WorkspaceTeams(IdentityEvents events, EntityManager entityManager) {
        this.events = events;
        this.entityManager = entityManager;
    }

    public Page<TeamView> list(UUID workspaceId, UUID actorId, int page, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Staff.requireActiveAdmin(workspaceId, actorId);
            var query = Team.<Team>find("workspaceId", Sort.by("name").and("id"), workspaceId);
            var teams = query.page(page - 1, limit).list().stream().map(TeamView::of).toList();
            return Page.of(teams, query.count(), page, limit);
        });
    }

    public TeamView create(UUID workspaceId, UUID actorId, NewTeam request) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Staff.requireActiveAdmin(workspaceId, actorId);
            var name = request.name().trim();
            if (Team.count("workspaceId = ?1 and lower(name) = lower(?2)", workspaceId, name) > 0) {
                throw nameTaken();
            }
            var memberIds = new LinkedHashSet<>(request.memberIds() == null ? List.of() : request.memberIds());
            for (var memberId : memberIds) {
                var member = UserAccount.inWorkspace(workspaceId, memberId);
                if (member.isEmpty() || !isActiveStaff(member.get())) {
                    throw Problems.invalid("memberIds", memberId + " is not an active staff user of this workspace");
                }
            }
            var team = Team.create(workspaceId, name);
            team.memberIds.addAll(memberIds);
            team.persist();
            Constraints.flushOrConflict(entityManager, WorkspaceTeams::nameTaken);
            events.teamCreated(team, actorId);
            return TeamView.of(team);
        });
    }

    public TeamView addMember(UUID workspaceId, UUID actorId, UUID teamId, UUID userId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Staff.requireActiveAdmin(workspaceId, actorId);
            var team = Team.inWorkspace(workspaceId, teamId).orElseThrow(() -> Problems.notFound("team"));
            var user = UserAccount.inWorkspace(workspaceId, userId).orElseThrow(() -> Problems.notFound("user"));
            if (!isActiveStaff(user)) {
                throw Problems.conflict("only active staff (ADMIN) users can be team members");
            }
            if (team.memberIds.add(userId)) {
                entityManager.flush();
                events.teamMemberAdded(team, userId, actorId);
            }
            return TeamView.of(team);
        });
    }

    /** Removing a user who is not a member changes nothing and still succeeds (DELETE is idempotent). */
    public void removeMember(UUID workspaceId, UUID actorId, UUID teamId, UUID userId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Staff.requireActiveAdmin(workspaceId, actorId);
            var team = Team.inWorkspace(workspaceId, teamId).orElseThrow(() -> Problems.notFound("team"));
            UserAccount.inWorkspace(workspaceId, userId).orElseThrow(() -> Problems.notFound("user"));
            if (team.memberIds.remove(userId)) {
                entityManager.flush();
                events.teamMemberRemoved(team, userId, actorId);
            }
        });
    }

    private static boolean isActiveStaff(UserAccount user) {
        return user.active && user.role == UserRole.ADMIN;
    }

    private static ProblemException nameTaken() {
        return Problems.conflict("a team with this name already exists in the workspace");
    }
}
