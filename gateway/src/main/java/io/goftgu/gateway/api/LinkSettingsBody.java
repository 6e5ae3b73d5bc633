package io.goftgu.gateway.api;

import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * A workspace's CRM link settings, as read and written by {@code /api/workspace/links}: a URL template per kind
 * ({@code DOCUMENT}, {@code TASK}, {@code KNOWLEDGE}, {@code PROJECT}) holding {@code {refId}}, and the lookup
 * endpoint (or null). A kind left out, or given blank, has no link.
 */
public record LinkSettingsBody(@Size(max = 4, message = "at most one template per kind") Map<String, String> templates,
                               String lookupUrl) {
}
