package io.goftgu.supportinfo.service;

import io.goftgu.supportinfo.domain.Priority;
import io.goftgu.supportinfo.domain.RecordSource;
import io.goftgu.supportinfo.domain.RecordStatus;
import io.goftgu.supportinfo.domain.RecordType;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The filters of {@code GET /api/support-info} and {@code /counts}, already parsed. Enum filters hold any of the
 * given values (empty = no filter); {@code categoryId} includes its sub-categories; {@code q} matches title or
 * description; {@code from}/{@code to} bound {@code contactAt} (from inclusive, to exclusive).
 */
public record RecordFilter(
        Set<RecordSource> sources, Set<RecordType> types, Set<RecordStatus> statuses, Set<Priority> priorities,
        UUID assigneeId, UUID teamId, UUID categoryId, UUID labelId, UUID customerId, UUID ticketId, String q,
        Instant from, Instant to) {

    public RecordFilter withoutStatus() {
        return new RecordFilter(sources, types, Set.of(), priorities, assigneeId, teamId, categoryId, labelId,
                customerId, ticketId, q, from, to);
    }
}
