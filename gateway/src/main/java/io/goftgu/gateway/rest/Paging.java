package io.goftgu.gateway.rest;

import io.goftgu.gateway.api.Page;
import io.goftgu.problem.Problems;

/** {@code ?page=&limit=} read as text, so that a malformed number is a 400 problem rather than JAX-RS's 404. */
record Paging(int page, int limit) {

    static Paging of(String page, String limit) {
        // capped: (page - 1) * limit must stay an int (a huge page used to overflow into a 500)
        return new Paging(number("page", page, 1, 1, 1_000_000),
                number("limit", limit, Page.DEFAULT_LIMIT, 1, Page.MAX_LIMIT));
    }

    private static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            var number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                throw Problems.invalid(name, "must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw Problems.invalid(name, "must be a whole number");
        }
    }
}
