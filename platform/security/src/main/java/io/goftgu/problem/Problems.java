package io.goftgu.problem;

import java.util.List;

/** The problems Goftgu answers with, one per status the API contract uses. */
public final class Problems {

    private Problems() {
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail, null);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "Bad request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "Unauthorized", detail, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, null);
    }

    /** Missing, in another workspace, or not visible to the caller: all look the same from outside. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " was not found", null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, null);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "Content too large", detail, null);
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(415, "Unsupported media type", detail, null);
    }

    public static ProblemException tooManyRequests(String detail) {
        return new ProblemException(429, "Too many requests", detail, null).retryAfter(1);
    }

    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(429, "Too many requests", detail, null).retryAfter(retryAfterSeconds);
    }

    static String typeOf(int status) {
        return "https://goftgu.io/problems/" + status;
    }
}
