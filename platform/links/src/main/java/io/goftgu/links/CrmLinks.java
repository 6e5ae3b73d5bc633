package io.goftgu.links;

import io.goftgu.events.IdentityPayloads.WorkspaceLinks;
import io.goftgu.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a service does with a CRM link a user gives (a message link, a pinned link, a record link, a room's project):
 * checks the refId with the workspace's lookup when it has one, takes the lookup's title, and adds the URL from the
 * workspace's template. Call it before the write's transaction: the lookup is an outbound call of up to
 * {@link LinkConfig#lookupTimeout()}.
 *
 * <p>Fail closed: a refId the lookup refuses, and one it could not answer for (timeout, 5xx, unreachable), is a 400
 * naming the field, and nothing is written. The lookup is how a CRM says who may see what, so a link it did not
 * vouch for is not kept; the 400 says "could not be verified", never a 5xx of ours, and trying again asks again
 * (failures are not cached).
 */
@ApplicationScoped
public class CrmLinks {

    /** A checked link: the title to keep (the lookup's when it gave one) and its URL (null without a template). */
    public record Link(String kind, String refId, String title, String url) {
    }

    private final WorkspaceLinksTable table;
    private final LinkLookup lookup;

    CrmLinks(WorkspaceLinksTable table, LinkLookup lookup) {
        this.table = table;
        this.lookup = lookup;
    }

    /** The workspace's settings as this service knows them. */
    public WorkspaceLinks settings(UUID workspaceId) {
        return table.find(workspaceId);
    }

    /**
     * Checks one link of {@code userId}'s request; {@code field} names it in a 400 ({@code links[2]} gives
     * {@code links[2].refId}). Without a lookup the given title is required; with one it is optional.
     */
    public Link resolve(WorkspaceLinks settings, UUID userId, String field, String kind, String refId, String title) {
        var id = refId.strip();
        var answer = settings.lookupUrl() == null ? null
                : lookup.check(settings.lookupUrl(), settings.workspaceId(), userId, kind, id);
        return link(settings, field, kind, id, title, answer);
    }

    /**
     * {@link #resolve} for each of a request's links, in order; {@code field} is the list's name ({@code links}), so a
     * 400 names {@code links[i].refId}. The settings are read once, and the lookup is asked about every link at once.
     */
    public <T> List<Link> resolveAll(UUID workspaceId, UUID userId, String field, List<T> given,
                                     Function<T, String> kind, Function<T, String> refId, Function<T, String> title) {
        var settings = settings(workspaceId);
        var refs = given.stream().map(link -> new LinkLookup.Ref(kind.apply(link), refId.apply(link).strip())).toList();
        var answers = settings.lookupUrl() == null ? null
                : lookup.checkAll(settings.lookupUrl(), settings.workspaceId(), userId, refs);
        var result = new ArrayList<Link>(given.size());
        for (int i = 0; i < given.size(); i++) {
            var ref = refs.get(i);
            result.add(link(settings, field + "[" + i + "]", ref.kind(), ref.refId(), title.apply(given.get(i)),
                    answers == null ? null : answers.get(i)));
        }
        return result;
    }

    /** The link from the lookup's {@code answer} (null: no lookup); without a lookup title the given one is required. */
    private static Link link(WorkspaceLinks settings, String field, String kind, String id, String title,
                             LinkLookup.Answer answer) {
        var given = title == null ? "" : title.strip();
        var named = answer == null ? null : named(field + ".refId", kind, id, answer);
        var name = named != null ? named : given;
        if (name.isEmpty()) {
            throw Problems.invalid(field + ".title", "must not be blank (the workspace has no lookup to name it)");
        }
        return new Link(kind, id, name, LinkSettings.url(settings, kind, id));
    }

    /** Checks a project room's {@code projectId} (kind PROJECT) with the lookup, if any; 400 on {@code field}. */
    public void checkProject(WorkspaceLinks settings, UUID userId, String field, String projectId) {
        if (settings.lookupUrl() != null) {
            var id = projectId.strip();
            named(field, "PROJECT", id, lookup.check(settings.lookupUrl(), settings.workspaceId(), userId, "PROJECT", id));
        }
    }

    /** The lookup's title (null for none); throws the 400 when it refuses or could not answer. */
    private static String named(String field, String kind, String refId, LinkLookup.Answer answer) {
        return switch (answer.outcome()) {
            case REFUSED -> throw Problems.invalid(field, kind + " " + refId + " " + answer.reason());
            case UNVERIFIED -> throw Problems.invalid(field,
                    kind + " " + refId + " could not be verified (" + answer.reason() + "); try again later");
            case FOUND -> answer.title();
        };
    }
}
