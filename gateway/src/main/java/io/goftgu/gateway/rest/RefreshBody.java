package io.goftgu.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.goftgu.events.EventJson;
import io.goftgu.gateway.api.RefreshRequest;
import io.goftgu.problem.Problems;

/**
 * The optional body of refresh and logout. Browsers send no body (and often no Content-Type), so the body is read as
 * text and parsed here rather than bound by JAX-RS, which would answer 415 to a body-less request.
 */
final class RefreshBody {

    private RefreshBody() {
    }

    static RefreshRequest parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            var body = EventJson.MAPPER.readValue(raw, RefreshRequest.class);
            if (body.refreshToken() != null && body.refreshToken().length() > 200) {
                throw Problems.invalid("refreshToken", "is too long");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw Problems.badRequest("the request body is not valid JSON");
        }
    }
}
