package io.goftgu.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a service's OpenAPI document (its {@code /q/openapi?format=json}): the document is the detailed truth of
 * the HTTP contract (docs/api.md is the overview), so every operation must say what it does (a summary), every
 * response it lists must be described, and every operation of the public API ({@code /api/...}) must document at
 * least one of the 4xx answers it can give. An operation without {@code @Operation}/{@code @APIResponse}
 * annotations fails this: SmallRye generates neither a summary nor an error response for it.
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiContract() {
    }

    /** What is missing from {@code document}; empty when every operation is described. */
    public static List<String> problems(String document) {
        var problems = new ArrayList<String>();
        try {
            var paths = JSON.readTree(document).path("paths");
            if (paths.isEmpty()) {
                problems.add("the document lists no paths");
            }
            for (var path = paths.fields(); path.hasNext(); ) {
                var entry = path.next();
                for (var op = entry.getValue().fields(); op.hasNext(); ) {
                    var operation = op.next();
                    if (!METHODS.contains(operation.getKey())) {
                        continue;
                    }
                    var name = operation.getKey().toUpperCase() + " " + entry.getKey();
                    var body = operation.getValue();
                    if (body.path("summary").asText("").isBlank()) {
                        problems.add(name + ": no summary (@Operation)");
                    }
                    var responses = body.path("responses");
                    var documentsAnError = false;
                    for (var response = responses.fields(); response.hasNext(); ) {
                        var code = response.next();
                        if (code.getValue().path("description").asText("").isBlank()) {
                            problems.add(name + ": response " + code.getKey() + " has no description");
                        }
                        documentsAnError |= code.getKey().startsWith("4");
                    }
                    if (entry.getKey().startsWith("/api/") && !documentsAnError) {
                        problems.add(name + ": no 4xx response documented (@APIResponse)");
                    }
                }
            }
        } catch (JsonProcessingException e) {
            problems.add("not a JSON OpenAPI document: " + e.getOriginalMessage());
        }
        return problems;
    }

    /**
     * Fetches the OpenAPI document of the application under test ({@code test.url} of a {@code @QuarkusTest}) and
     * fails with every problem at once.
     */
    public static void assertServiceDescribed() {
        var url = ConfigProvider.getConfig().getValue("test.url", String.class) + "/q/openapi?format=json";
        try (var client = HttpClient.newHttpClient()) {
            var answer = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError(url + " answered " + answer.statusCode());
            }
            assertDescribed(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Fails with every problem of {@code document} at once. */
    public static void assertDescribed(String document) {
        var problems = problems(document);
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " undescribed operation(s) in the OpenAPI document:\n"
                    + String.join("\n", problems));
        }
    }
}
