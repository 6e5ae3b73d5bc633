package io.goftgu.supportinfo.rest;

import io.goftgu.paging.Page;
import io.goftgu.paging.Paging;
import io.goftgu.problem.Problems;
import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import io.goftgu.supportinfo.api.RecordInput;
import io.goftgu.supportinfo.api.RecordPatch;
import io.goftgu.supportinfo.api.RecordViews;
import io.goftgu.supportinfo.domain.Priority;
import io.goftgu.supportinfo.domain.RecordSource;
import io.goftgu.supportinfo.domain.RecordStatus;
import io.goftgu.supportinfo.domain.RecordType;
import io.goftgu.supportinfo.service.RecordCrmLinks;
import io.goftgu.supportinfo.service.RecordFilter;
import io.goftgu.supportinfo.service.RecordService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Support-info records (docs/api.md §5): staff read and write; a customer (USER) reads the records about
 * them that are visible to customers, in the customer view; a guest is refused (403).
 */
@Path("/api/support-info")
public class RecordResource {

    /** The query parameters of the list and the counts, as sent. */
    public static class ListQuery {
        @QueryParam("source") String source;
        @QueryParam("type") String type;
        @QueryParam("status") String status;
        @QueryParam("priority") String priority;
        @QueryParam("assigneeId") String assigneeId;
        @QueryParam("teamId") String teamId;
        @QueryParam("categoryId") String categoryId;
        @QueryParam("labelId") String labelId;
        @QueryParam("customerId") String customerId;
        @QueryParam("ticketId") String ticketId;
        @QueryParam("user") String user;
        @QueryParam("q") String q;
        @QueryParam("from") String from;
        @QueryParam("to") String to;
    }

    private final RecordService records;
    private final RecordCrmLinks crmLinks;
    private final CurrentUser me;

    RecordResource(RecordService records, RecordCrmLinks crmLinks, CurrentUser me) {
        this.records = records;
        this.crmLinks = crmLinks;
        this.me = me;
    }

    @GET
    @RolesAllowed({Role.STAFF, Role.CUSTOMER})
    @Operation(summary = "Support-info records, paged",
            description = "Filters source, type, status, priority (each comma-separated), assigneeId, teamId, "
            + "categoryId, labelId, customerId, ticketId, user=me, q, from, to. A customer gets only their own "
            + "records marked visibleToCustomer, in the customer view. sort: comma-separated fields, - for descending "
            + "(default -contactAt).")
    @APIResponse(responseCode = "200", description = "{data, total, page, limit, totalPages}")
    @APIResponse(responseCode = "400", description = "an unknown filter value or sort field, or page or limit out "
            + "of range")
    @APIResponse(responseCode = "403", description = "a guest")
    public Page<?> list(@BeanParam ListQuery query, @QueryParam("sort") String sort,
                                    @QueryParam("page") String page, @QueryParam("limit") String limit) {
        return records.list(me, filter(query), sort, Paging.parse(page, limit));
    }

    @GET
    @Path("/counts")
    @RolesAllowed({Role.STAFF, Role.CUSTOMER})
    @Operation(summary = "How many records per status, with the list's filters")
    @APIResponse(responseCode = "200", description = "{byStatus, total}")
    @APIResponse(responseCode = "400", description = "an unknown filter value")
    @APIResponse(responseCode = "403", description = "a guest")
    public RecordViews.Counts counts(@BeanParam ListQuery query) {
        return records.counts(me, filter(query));
    }

    @POST
    @RolesAllowed(Role.STAFF)
    @Operation(summary = "Record a support contact (a call, a visit, a ticket)")
    @APIResponse(responseCode = "201", description = "the record, as staff see it")
    @APIResponse(responseCode = "400", description = "a missing or invalid field, or a customer, assignee, team, "
            + "category or label that is not this workspace's, or a link the workspace's CRM lookup refuses or could "
            + "not verify (links[i].refId)")
    @APIResponse(responseCode = "403", description = "not staff")
    public Response create(@Valid @NotNull(message = "a JSON body is required") RecordInput.Create body) {
        var created = records.create(me, body.withLinks(crmLinks.check(me, body.links())));
        return Response.created(URI.create("/api/support-info/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.STAFF, Role.CUSTOMER})
    @APIResponse(responseCode = "200", description = "the staff view for ADMIN, the customer view for USER",
            content = @Content(mediaType = "application/json", schema = @Schema(
                    oneOf = {RecordViews.Staff.class, RecordViews.Customer.class})))
    @Operation(summary = "One record",
            description = "Staff get the staff view; a customer the customer view of their own visible records.")
    @APIResponse(responseCode = "403", description = "a guest")
    @APIResponse(responseCode = "404", description = "missing, another workspace's, or not shown to this customer")
    public Object get(@PathParam("id") UUID id) {
        return records.get(me, id);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Role.STAFF)
    @Operation(summary = "Change a record",
            description = "A field left out stays; a field sent as null is cleared where it may be empty; labelIds "
            + "and links replace the whole set.")
    @APIResponse(responseCode = "200", description = "the record after the change")
    @APIResponse(responseCode = "400", description = "an invalid field, or a link the workspace's CRM lookup refuses "
            + "or could not verify (links[i].refId)")
    @APIResponse(responseCode = "403", description = "not staff")
    @APIResponse(responseCode = "404", description = "missing or another workspace's")
    @APIResponse(responseCode = "409", description = "a status move the record's lifecycle does not allow")
    public RecordViews.Staff update(@PathParam("id") UUID id,
                                    @Valid @NotNull(message = "a JSON body is required") RecordPatch body) {
        if (body.has("links")) {
            body.replaceLinks(crmLinks.check(me, body.links()));
        }
        return records.update(me, id, body);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.STAFF)
    @Operation(summary = "Delete a record")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "403", description = "not staff")
    @APIResponse(responseCode = "404", description = "missing or another workspace's")
    public Response delete(@PathParam("id") UUID id) {
        records.delete(me, id);
        return Response.noContent().build();
    }

    private RecordFilter filter(ListQuery query) {
        var assigneeId = uuid("assigneeId", query.assigneeId);
        if (query.user != null) {
            if (!"me".equals(query.user)) {
                throw Problems.invalid("user", "must be 'me'");
            }
            if (assigneeId != null && !assigneeId.equals(me.id())) {
                throw Problems.invalid("user", "contradicts assigneeId");
            }
            assigneeId = me.id();
        }
        if (!me.isStaff()) {
            for (var staffOnly : new String[][] {{"assigneeId", query.assigneeId}, {"teamId", query.teamId},
                    {"labelId", query.labelId}, {"customerId", query.customerId}, {"user", query.user}}) {
                if (staffOnly[1] != null) {
                    throw Problems.invalid(staffOnly[0], "is a staff-only filter");
                }
            }
        }
        var from = instant("from", query.from);
        var to = instant("to", query.to);
        if (from != null && to != null && to.isBefore(from)) {
            throw Problems.invalid("to", "must not be before from");
        }
        return new RecordFilter(
                values("source", query.source, RecordSource.class),
                values("type", query.type, RecordType.class),
                values("status", query.status, RecordStatus.class),
                values("priority", query.priority, Priority.class),
                assigneeId, uuid("teamId", query.teamId), uuid("categoryId", query.categoryId),
                uuid("labelId", query.labelId), uuid("customerId", query.customerId), uuid("ticketId", query.ticketId),
                query.q, from, to);
    }

    /** {@code status=OPEN,IN_PROGRESS}: any of the listed values. */
    private static <E extends Enum<E>> Set<E> values(String field, String raw, Class<E> type) {
        var result = EnumSet.noneOf(type);
        if (raw == null || raw.isBlank()) {
            return result;
        }
        for (var part : raw.split(",")) {
            try {
                result.add(Enum.valueOf(type, part.strip()));
            } catch (IllegalArgumentException e) {
                throw Problems.invalid(field, "unknown value '" + part.strip() + "'; one of "
                        + EnumSet.allOf(type));
            }
        }
        return result;
    }

    private static UUID uuid(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(field, "must be an id");
        }
    }

    private static Instant instant(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "must be an ISO-8601 instant like 2026-03-21T08:30:00Z");
        }
    }
}
