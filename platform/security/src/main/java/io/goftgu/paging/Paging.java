package io.goftgu.paging;

import io.goftgu.problem.Problems;

/**
 * {@code ?page=&limit=} checked once for every list: page 1..1,000,000 (capped so that {@code (page - 1) * limit}
 * stays an int; a huge page used to overflow into a 500), limit 1..{@value #MAX_LIMIT}. Anything else is a 400
 * problem naming the parameter, never JAX-RS's 404 for a malformed number.
 */
public record Paging(int page, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_PAGE = 1_000_000;

    public Paging {
        if (page < 1 || page > MAX_PAGE) {
            throw Problems.invalid("page", "must be between 1 and " + MAX_PAGE);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problems.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }

    /** Query parameters bound as numbers; null means absent. */
    public static Paging of(Integer page, Integer limit) {
        return of(page, limit, DEFAULT_LIMIT);
    }

    public static Paging of(Integer page, Integer limit, int defaultLimit) {
        return new Paging(page == null ? 1 : page, limit == null ? defaultLimit : limit);
    }

    /** Query parameters bound as text, so that {@code ?limit=abc} is a 400 problem too. */
    public static Paging parse(String page, String limit) {
        return new Paging(number("page", page, 1), number("limit", limit, DEFAULT_LIMIT));
    }

    /** Where the page starts in the whole list. */
    public int offset() {
        return (page - 1) * limit;
    }

    private static int number(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw Problems.invalid(name, "must be a whole number");
        }
    }
}
