package io.goftgu.links;

import io.goftgu.events.IdentityPayloads.WorkspaceLinks;
import io.goftgu.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LinkSettingsTest {

    private static final UUID WORKSPACE = UUID.randomUUID();

    private static WorkspaceLinks settings(Map<String, String> templates, String lookupUrl) {
        return new WorkspaceLinks(WORKSPACE, templates, lookupUrl);
    }

    @Test
    void theRefIdIsPercentEncodedIntoTheTemplate() {
        var links = settings(Map.of("TASK", "https://crm.example.com/tasks/{refId}/view",
                "DOCUMENT", "https://crm.example.com/#/docs?id={refId}"), null);
        LinkSettings.check(links);
        assertEquals("https://crm.example.com/tasks/T-42/view", LinkSettings.url(links, "TASK", "T-42"));
        assertEquals("https://crm.example.com/tasks/a%2F..%2Fb%3Fx%3D1%26y%20z/view",
                LinkSettings.url(links, "TASK", "a/../b?x=1&y z"));
        assertEquals("https://crm.example.com/#/docs?id=%D8%B3%D9%86%D8%AF", LinkSettings.url(links, "DOCUMENT", "سند"));
        assertNull(LinkSettings.url(links, "KNOWLEDGE", "k1"), "a kind without a template has no URL");
    }

    @Test
    void badSettingsNameTheirField() {
        assertField("templates.TASK", settings(Map.of("TASK", "https://crm.example.com/tasks/"), null));
        assertField("templates.TASK", settings(Map.of("TASK", "https://crm.example.com/{refId}/{refId}"), null));
        assertField("templates.TASK", settings(Map.of("TASK", "javascript:alert(1)//{refId}"), null));
        assertField("templates.TASK", settings(Map.of("TASK", "/tasks/{refId}"), null));
        assertField("templates.TASK", settings(Map.of("TASK", "ftp://crm.example.com/{refId}"), null));
        assertField("templates.TASK", settings(Map.of("TASK", "https://user:pw@crm.example.com/{refId}"), null));
        assertField("templates.TASK", settings(Map.of("TASK", " "), null));
        assertField("templates.INVOICE", settings(Map.of("INVOICE", "https://crm.example.com/{refId}"), null));
        assertField("lookupUrl", settings(Map.of(), "file:///etc/passwd"));
        assertField("lookupUrl", settings(Map.of(), "https://crm.example.com/lookup#x"));
        assertField("lookupUrl", settings(Map.of(), "not a url"));
        assertField("lookupUrl", settings(Map.of(), "https://crm.example.com/" + "x".repeat(LinkSettings.MAX_URL)));
    }

    private static void assertField(String field, WorkspaceLinks links) {
        var e = assertThrows(ProblemException.class, () -> LinkSettings.check(links));
        assertEquals(400, e.status());
        assertEquals(field, e.errors().getFirst().field());
    }
}
