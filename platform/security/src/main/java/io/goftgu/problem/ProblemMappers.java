package io.goftgu.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;

/** Maps every error a REST resource can raise to problem+json, so clients parse one error shape. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        var problem = e.toProblem();
        var response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (e.retryAfterSeconds() > 0) {
            response.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        var detail = errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid input");
        return respond(new ProblemException(400, "Bad request", detail, errors).toProblem());
    }

    @ServerExceptionMapper({InvalidFormatException.class, MismatchedInputException.class})
    public Response badJsonValue(MismatchedInputException e) {
        // links[0].kind, as Bean Validation names the same field
        var path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        var field = path.isEmpty() ? "body" : path.toString();
        return respond(Problems.invalid(field, "has the wrong type or an unknown value").toProblem());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return respond(Problems.badRequest("the request body is not valid JSON").toProblem());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return respond(Problems.unauthorized("a valid access token is required").toProblem());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problems.forbidden("your role may not do this").toProblem());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        var status = e.getResponse().getStatus();
        // Quarkus REST wraps a body Jackson cannot read in a 400 WebApplicationException
        if (status == 400 && e.getCause() instanceof MismatchedInputException mismatch) {
            return badJsonValue(mismatch);
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        if (status >= 500) {
            Log.error("request failed", e);
        }
        var title = Response.Status.fromStatusCode(status);
        return respond(new ProblemException(status, title == null ? "Error" : title.getReasonPhrase(),
                status == 404 ? "not found" : e.getMessage(), null).toProblem());
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** {@code send.arg1.body} → {@code body}: clients name fields, not Java parameters. */
    private static String field(String path) {
        var parts = List.of(path.split("\\."));
        return parts.size() > 2 ? String.join(".", parts.subList(2, parts.size())) : parts.getLast();
    }
}
