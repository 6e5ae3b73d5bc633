package io.goftgu.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The OpenAPI check each service's test runs: what passes, and each way an operation can be undescribed. */
class OpenApiContractTest {

    @Test
    void aDescribedDocumentPasses() {
        var document = """
                {"paths": {
                  "/api/things/{id}": {"get": {"summary": "One thing", "responses": {
                      "200": {"description": "the thing"}, "404": {"description": "missing or another workspace's"}}}},
                  "/.well-known/keys": {"get": {"summary": "Public keys", "responses": {"200": {"description": "OK"}}}}}}
                """;
        assertEquals(List.of(), OpenApiContract.problems(document));
        OpenApiContract.assertDescribed(document);
    }

    @Test
    void eachMissingDescriptionIsNamed() {
        var document = """
                {"paths": {
                  "/api/things": {
                    "get": {"responses": {"200": {"description": "OK"}, "401": {"description": "no token"}}},
                    "post": {"summary": "Create a thing", "responses": {"201": {"description": "Created"}}},
                    "parameters": []},
                  "/api/things/{id}": {"delete": {"summary": "Delete", "responses": {"204": {}, "404": {"description": "x"}}}}}}
                """;
        assertEquals(List.of("GET /api/things: no summary (@Operation)",
                "POST /api/things: no 4xx response documented (@APIResponse)",
                "DELETE /api/things/{id}: response 204 has no description"), OpenApiContract.problems(document));
        assertThrows(AssertionError.class, () -> OpenApiContract.assertDescribed(document));
    }

    @Test
    void anEmptyOrBrokenDocumentFails() {
        assertEquals(List.of("the document lists no paths"), OpenApiContract.problems("{\"openapi\": \"3.1.0\"}"));
        assertEquals(1, OpenApiContract.problems("<html>").size());
    }
}
