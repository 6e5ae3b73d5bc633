package io.goftgu.supportinfo;

import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.supportinfo.Fixtures.Workspace;
import io.goftgu.testing.TopicContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What support-info-service writes to {@code support-info.events} matches docs/asyncapi/support-info.yaml: records
 * are created, changed and deleted through the REST API (the service's own code path), then every record on the
 * topic, these and whatever the other tests of this run produced, is checked against its schema.
 */
@QuarkusTest
class EventContractTest {

    @Test
    void everyRecordOnTheTopicMatchesItsAsyncApiSchema() {
        var ws = Workspace.create();
        var label = ws.staff().body(Map.of("name", "VIP", "color", "#E53935")).post("/api/support-info/labels")
                .then().statusCode(201).extract().<String>path("id");
        var category = ws.staff().body(Map.of("name", "Printers")).post("/api/support-info/categories")
                .then().statusCode(201).extract().<String>path("id");
        var body = Map.<String, Object>ofEntries(
                Map.entry("title", "Inbound call: the printer is broken"),
                Map.entry("description", "The customer says the printer does not start"),
                Map.entry("source", "INBOUND_CALL"), Map.entry("type", "ISSUE"), Map.entry("priority", "HIGH"),
                Map.entry("contactAt", "2026-03-01T08:00:00Z"), Map.entry("dueAt", "2026-03-02T08:00:00Z"),
                Map.entry("customerId", ws.customerId()), Map.entry("assigneeId", ws.colleagueId()),
                Map.entry("teamId", ws.teamId()), Map.entry("categoryId", category), Map.entry("labelIds", List.of(label)),
                Map.entry("visibleToCustomer", true),
                Map.entry("links", List.of(Map.of("kind", "TASK", "refId", "task-17", "title", "Replace toner"))));
        var id = ws.staff().body(body).post("/api/support-info").then().statusCode(201).extract().<String>path("id");
        ws.staff().body(Map.of("status", "RESOLVED", "assigneeId", ws.adminId())).patch("/api/support-info/" + id)
                .then().statusCode(200);
        ws.staff().delete("/api/support-info/" + id).then().statusCode(204);

        TopicContract.assertProducedMatch(Topics.SUPPORT_INFO, Set.of(EventTypes.SupportInfo.RECORD_CREATED,
                EventTypes.SupportInfo.RECORD_UPDATED, EventTypes.SupportInfo.RECORD_DELETED));
    }
}
