package io.goftgu.problem;

import java.util.List;

/** Ends a request with a problem+json response; thrown by the service layer, mapped by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

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
}
