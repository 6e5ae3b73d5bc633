package io.goftgu.supportinfo.service;

import io.goftgu.problem.Problem;
import io.goftgu.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/** Collects every field error of one request, so the client learns all of them in one 400. */
final class FieldErrors {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            var detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                    .orElseThrow();
            throw new ProblemException(400, "Bad request", detail, List.copyOf(errors));
        }
    }
}
