package io.goftgu.problem;

import java.util.List;

/** Ends a request with a problem+json response; thrown by the service layer, mapped by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    /** Seconds for a {@code Retry-After} header (429, 503), or 0 for none. */
    private long retryAfterSeconds;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    public Problem toProblem() {
        return new Problem(Problems.typeOf(status), title, status, getMessage(), errors);
    }

    public int status() {
        return status;
    }

    /** The fields at fault, or null. */
    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** Adds {@code Retry-After: seconds} to the response (at least 1). */
    public ProblemException retryAfter(long seconds) {
        this.retryAfterSeconds = Math.max(1, seconds);
        return this;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
